package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"verbatim/core"
	"verbatim/core/ingest/dates"
	"verbatim/core/ingest/newsexport"
)

// extracted is what a format reader found in one file, before cleaning.
type extracted struct {
	Text string
	Meta core.Meta // Title, Author, Date, Outlet, URL, Language when the file says
}

// CleanText is the form every document's text takes, whatever the format:
// "\n" line endings, Unicode NFC, no control characters but "\n" and "\t",
// no invisible soft hyphens or zero-width spaces, no trailing spaces on a
// line, paragraphs separated by exactly one blank line, and no blank lines
// at the start or end.
func CleanText(s string) string {
	s = norm.NFC.String(NormaliseLineEndings(s))
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(strings.Map(visibleRune, line), unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			newlines++
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n"[:min(newlines, 2)])
		}
		newlines = 1
		b.WriteString(line)
	}
	return b.String()
}

// visibleRune drops characters that carry nothing a reader sees.
func visibleRune(r rune) rune {
	switch {
	case r == '\t':
		return r
	case r == '\u00AD', r == '\u200B', r == '\uFEFF', r == '\u2060':
		return -1 // soft hyphen, zero-width space, stray byte-order mark, word joiner
	case r == '\u2028', r == '\u2029':
		return ' '
	case unicode.IsControl(r):
		return -1
	}
	return r
}

// split turns what a reader extracted into documents: one per article of a
// news-database export, else one.
func split(src extracted, format Format) []core.Document {
	text := CleanText(src.Text)
	if articles, kind := newsexport.Split(text); len(articles) > 0 {
		docs := make([]core.Document, 0, len(articles))
		for _, a := range articles {
			meta := core.Meta{
				Title:  a.Title,
				Outlet: a.Outlet,
				Author: a.Author,
				Date:   a.Date,
				URL:    a.URL,
				Format: string(kind),
			}
			if doc, ok := finish(CleanText(a.Text), meta); ok {
				docs = append(docs, doc)
			}
		}
		return docs
	}
	src.Meta.Format = string(format)
	if format == FormatText {
		// A plain-text article keeps its text exactly as the file has it
		// (line endings aside), so that positions in it are positions in
		// the file: researchers and scripts cite them.
		text = NormaliseLineEndings(src.Text)
	}
	if doc, ok := finish(text, src.Meta); ok {
		return []core.Document{doc}
	}
	return nil
}

// finish fills in what every document gets: a normalised date, language
// and content hash. text is the document's final text.
func finish(text string, meta core.Meta) (core.Document, bool) {
	if strings.TrimSpace(text) == "" {
		return core.Document{}, false
	}
	meta.Title = oneLine(meta.Title)
	meta.Author = oneLine(meta.Author)
	meta.Outlet = oneLine(meta.Outlet)
	if meta.Date != "" {
		meta.Date = NormaliseDate(meta.Date)
	}
	if meta.Date == "" {
		meta.Date = leadingDate(text)
	}
	if lang := DetectLanguage(text); lang != "" || meta.Language == "" {
		meta.Language = lang
	} else {
		meta.Language = languageCode(meta.Language)
	}
	meta.Hash = ContentHash(text)
	return core.Document{Text: text, Meta: meta}, true
}

// leadingDate reads a dateline that opens an article on a line of its own
// ("Monday, January 7, 2019").
func leadingDate(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	if len(first) > 60 || len(strings.Fields(first)) > 6 {
		return ""
	}
	return NormaliseDate(first)
}

// languageCode reduces a declared language ("en-GB", "English") to ISO 639-1.
func languageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "english":
		return "en"
	case "german", "deutsch":
		return "de"
	}
	code, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	if len(code) == 2 {
		return code
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// NormaliseDate returns a printed publication date as ISO 8601
// ("2006-01-02"), or "" when s holds no complete date; see dates.Normalise.
func NormaliseDate(s string) string { return dates.Normalise(s) }
