package newsexport

import (
	"regexp"
	"strings"
)

var (
	factivaCodedEnd    = regexp.MustCompile(`^AN\s+Document\s+\S+$`)
	factivaCode        = regexp.MustCompile(`^([A-Z]{2,3})(?:\s+(.*))?$`)
	factivaPlainEnd    = regexp.MustCompile(`^Document\s+[A-Za-z0-9]{12,}$`)
	factivaWordCount   = regexp.MustCompile(`(?i)^[\d.,]+\s+(words|wörter|mots|palabras)$`)
	factivaTime        = regexp.MustCompile(`^\d{1,2}:\d{2}(\s*(AM|PM|GMT|UTC|ET|[A-Z]{2,4}))?$`)
	factivaSourceCode  = regexp.MustCompile(`^[A-Z0-9]{2,12}$`)
	factivaBylineStart = regexp.MustCompile(`(?i)^(by|von|par|por)\s`)
)

// splitFactivaCoded reads Factiva's "Full article / report plus indexing"
// layout, where every field starts with a code (HD headline, BY byline, WC
// word count, PD date, SN source, LP lead paragraph, TD text, AN accession
// number, which ends the article). Lines without a code continue the field
// before them.
func splitFactivaCoded(lines []line, l *layouts) []Article {
	var arts []Article
	start := 0
	for i, ln := range lines {
		if !factivaCodedEnd.MatchString(ln.text) {
			continue
		}
		if a, ok := factivaCodedArticle(lines[start:i], l); ok {
			arts = append(arts, a)
		}
		start = i + 1
	}
	return arts
}

func factivaCodedArticle(lines []line, l *layouts) (Article, bool) {
	var a Article
	var body strings.Builder
	role, prevPara := "", -1
	fields := 0
	for _, ln := range lines {
		if m := factivaCode.FindStringSubmatch(ln.text); m != nil {
			if r, ok := l.role["factiva"][m[1]]; ok {
				role = r
				fields++
				if role != "body" {
					a.setField(role, m[2])
					continue
				}
				if m[2] == "" {
					continue
				}
				writeParagraph(&body, m[2], false)
				prevPara = ln.para
				continue
			}
		}
		switch role {
		case "body":
			writeParagraph(&body, ln.text, ln.para == prevPara)
			prevPara = ln.para
		case "title":
			a.Title += " " + ln.text
		}
	}
	a.Title = strings.TrimSpace(a.Title)
	a.Text = body.String()
	return a, fields >= 3 && a.Title != ""
}

// writeParagraph adds s to the body, on a new line of the same paragraph or
// as a new paragraph.
func writeParagraph(b *strings.Builder, s string, sameParagraph bool) {
	if b.Len() > 0 {
		if sameParagraph {
			b.WriteString("\n")
		} else {
			b.WriteString("\n\n")
		}
	}
	b.WriteString(s)
}

// splitFactivaPlain reads Factiva's default "Article format":
//
//	[Section]
//	Headline
//	[By Author]
//	1,234 words
//	7 January 2019
//	[10:03 GMT]
//	Source name
//	SOURCECODE
//	[Edition, page]
//	English
//	[(c) 2019 Copyright line]
//	… paragraphs …
//	Document SOURCE0020190107ef170001
func splitFactivaPlain(lines []line, text string, l *layouts) []Article {
	var arts []Article
	start := 0
	for i, ln := range lines {
		if !factivaPlainEnd.MatchString(ln.text) {
			continue
		}
		if a, ok := factivaPlainArticle(lines[start:i], text, l); ok {
			arts = append(arts, a)
		}
		start = i + 1
	}
	return arts
}

func factivaPlainArticle(lines []line, text string, l *layouts) (Article, bool) {
	const headerLines = 15
	wc := -1
	for i := 0; i < len(lines) && i < headerLines; i++ {
		if factivaWordCount.MatchString(lines[i].text) {
			wc = i
			break
		}
	}
	if wc < 1 || wc+2 >= len(lines) || !isDate(lines[wc+1].text) {
		return Article{}, false
	}
	a := Article{Length: lines[wc].text, Date: lines[wc+1].text}
	titleEnd := wc
	if factivaBylineStart.MatchString(lines[wc-1].text) && wc >= 2 {
		a.Author = factivaBylineStart.ReplaceAllString(lines[wc-1].text, "")
		titleEnd = wc - 1
	}
	titleStart := titleEnd - 1
	if lines[titleStart].para != lines[titleEnd].para {
		titleStart = paragraphBack(lines, titleStart, 0)
	}
	a.Title = joinLines(lines, titleStart, titleEnd)
	if titleStart > 0 {
		a.Section = lines[titleStart-1].text
	}
	i := wc + 2
	if i < len(lines) && factivaTime.MatchString(lines[i].text) {
		i++
	}
	if i < len(lines) {
		a.Outlet = lines[i].text
		i++
	}
	bodyStart := i
	// Source code, edition, page, language and copyright follow the source
	// name; the body starts after the last of them.
	for j := i; j < len(lines) && j < i+6; j++ {
		s := lines[j].text
		switch {
		case l.is("factiva", "languagename", s), isCopyright(s):
			bodyStart = j + 1
		case j == i && factivaSourceCode.MatchString(s):
			bodyStart = j + 1
		}
	}
	a.Text = span(text, lines, bodyStart, len(lines))
	return a, a.Title != ""
}
