package ingest

import (
	"bytes"
	"io"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"verbatim/core"
)

// maxHTMLDepth is the deepest element nesting handed to the readability
// parser, whose tree walks recurse; deeper pages are read flat instead.
const maxHTMLDepth = 256

// readHTML extracts the article of a saved web page: its body without
// navigation, banners and related links, with title, byline, date and site.
func readHTML(data []byte) (extracted, error) {
	utf8Data, err := htmlToUTF8(data)
	if err != nil {
		return extracted{}, err
	}
	pageURL := savedPageURL(utf8Data)
	if htmlDepth(utf8Data) > maxHTMLDepth {
		return extracted{Text: flatHTMLText(utf8Data), Meta: core.Meta{URL: urlString(pageURL)}}, nil
	}
	article, err := readability.FromReader(bytes.NewReader(utf8Data), pageURL)
	if err != nil || article.Node == nil {
		return extracted{Text: flatHTMLText(utf8Data), Meta: core.Meta{URL: urlString(pageURL)}}, nil
	}
	meta := core.Meta{
		Title:    article.Title(),
		Author:   article.Byline(),
		Outlet:   article.SiteName(),
		URL:      urlString(pageURL),
		Language: article.Language(),
	}
	if t, err := article.PublishedTime(); err == nil {
		meta.Date = t.Format("2006-01-02")
	}
	return extracted{Text: dropByline(render.InnerText(article.Node), meta.Author), Meta: meta}, nil
}

// dropByline removes a paragraph near the top that only repeats the byline
// ("By Jane Reporter"): it is metadata, not article text.
func dropByline(text, byline string) string {
	byline = strings.ToLower(oneLine(byline))
	if byline == "" {
		return text
	}
	paras := strings.Split(text, "\n\n")
	for i := 0; i < len(paras) && i < 3; i++ {
		p := strings.ToLower(oneLine(paras[i]))
		if p == byline || p == "by "+byline || p == "von "+byline {
			return strings.Join(append(paras[:i:i], paras[i+1:]...), "\n\n")
		}
	}
	return text
}

// htmlToUTF8 converts a page to UTF-8, honouring its byte-order mark or
// <meta charset>, and guessing Windows-1252 for undeclared 8-bit pages.
func htmlToUTF8(data []byte) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

var (
	savedFromComment = regexp.MustCompile(`<!-- saved from url=\(\d+\)(\S+?) -->`)
	canonicalLink    = regexp.MustCompile(`(?i)<link[^>]+rel=["']?canonical["']?[^>]*>`)
	ogURLMeta        = regexp.MustCompile(`(?i)<meta[^>]+property=["']?og:url["']?[^>]*>`)
	hrefOrContent    = regexp.MustCompile(`(?i)(?:href|content)=["']([^"']+)["']`)
)

// savedPageURL finds where a saved page came from: its canonical link, its
// og:url, or the comment browsers write when saving a page.
func savedPageURL(data []byte) *url.URL {
	head := data[:min(len(data), 128<<10)]
	candidates := []string{}
	for _, tag := range [][]byte{canonicalLink.Find(head), ogURLMeta.Find(head)} {
		if m := hrefOrContent.FindSubmatch(tag); m != nil {
			candidates = append(candidates, html.UnescapeString(string(m[1])))
		}
	}
	if m := savedFromComment.FindSubmatch(head); m != nil {
		candidates = append(candidates, string(m[1]))
	}
	for _, c := range candidates {
		if u, err := url.Parse(c); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			return u
		}
	}
	return nil
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}

// htmlDepth is the deepest element nesting of a page, counted on tokens.
func htmlDepth(data []byte) int {
	z := html.NewTokenizer(bytes.NewReader(data))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !isVoidElement(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			depth = max(0, depth-1)
		}
	}
}

func isVoidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// flatHTMLText is the fallback for pages readability cannot take: all text
// outside scripts and styles, with block elements as paragraph breaks. It
// keeps no tree, so any nesting depth costs nothing.
func flatHTMLText(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	hidden := 0 // inside script, style, head, …
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if hidden == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " "))
				b.WriteByte(' ')
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if isHiddenElement(a) && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					hidden++
				} else {
					hidden = max(0, hidden-1)
				}
			}
			if isBlockElement(a) {
				b.WriteString("\n\n")
			}
		}
	}
}

func isHiddenElement(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template, atom.Svg:
		return true
	}
	return false
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li,
		atom.Blockquote, atom.Tr, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Pre,
		atom.Table, atom.Ul, atom.Ol, atom.Hr, atom.Figure, atom.Figcaption:
		return true
	}
	return false
}

// innerText renders the body of a parsed page with paragraph breaks.
func innerText(doc *html.Node) string {
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && body == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				body = c
				return
			}
			if c.Type == html.ElementNode && c.DataAtom == atom.Html {
				find(c)
			}
		}
	}
	find(doc)
	if body == nil {
		return render.InnerText(doc)
	}
	return render.InnerText(body)
}
