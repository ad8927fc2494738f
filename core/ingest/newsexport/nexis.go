package newsexport

import (
	"regexp"
	"strings"
)

// splitNexisUni reads a Nexis Uni export: each document is
//
//	Title
//	Outlet
//	Date line ("January 7, 2019 Monday")
//	[Edition] [Copyright line]
//	Section: … / Length: … / Byline: … / Dateline: …
//	Body
//	… paragraphs …
//	[Classification, Load-Date: …, Language: …]
//	End of Document
//
// The first document may be preceded by the export's cover page.
func splitNexisUni(lines []line, text string, l *layouts) []Article {
	var arts []Article
	start := 0
	for i, ln := range lines {
		if !l.is("nexis", "end", ln.text) {
			continue
		}
		if a, ok := nexisUniArticle(lines[start:i], text, l); ok {
			arts = append(arts, a)
		}
		start = i + 1
	}
	return arts
}

func nexisUniArticle(lines []line, text string, l *layouts) (Article, bool) {
	body := -1
	for i, ln := range lines {
		if l.is("nexis", "body", ln.text) {
			body = i
			break
		}
	}
	firstField, lastField := -1, -1
	limit := len(lines)
	if body >= 0 {
		limit = body
	}
	var a Article
	for i := 0; i < limit; i++ {
		role, value, ok := l.labelled("nexis", lines[i].text)
		if !ok || role == "trailer" {
			continue
		}
		if firstField < 0 {
			firstField = i
		}
		lastField = i
		a.setField(role, value)
	}
	if firstField < 0 {
		return Article{}, false // no header: not a Nexis document
	}
	if body < 0 {
		// Older exports have no "Body" line: the body starts with the
		// paragraph after the last field.
		body = lastField
		for body+1 < len(lines) && lines[body+1].para == lines[lastField].para {
			body++
		}
	}
	a.setHeading(lines[:firstField], 0)
	end := len(lines)
	for i := body + 1; i < len(lines); i++ {
		if isTrailer(l, "nexis", lines[i].text) {
			end = i
			break
		}
	}
	a.Text = span(text, lines, body+1, end)
	return a, true
}

// setHeading reads title, outlet and date from the lines before the fields:
// the date is the last line that reads as a date, the outlet the line before
// it, the title the paragraph before that.
func (a *Article) setHeading(head []line, floor int) {
	date := -1
	for i := len(head) - 1; i >= floor; i-- {
		if isDate(head[i].text) {
			date = i
			break
		}
	}
	if date < 0 {
		return
	}
	a.Date = head[date].text
	if date-1 >= floor {
		a.Outlet = head[date-1].text
	}
	if date-2 >= floor {
		titleStart := date - 2
		if head[date-2].para != head[date-1].para {
			titleStart = paragraphBack(head, date-2, floor) // a title that wraps
		}
		a.Title = joinLines(head, titleStart, date-1)
	}
}

func (a *Article) setField(role, value string) {
	switch role {
	case "byline":
		a.Author = factivaBylineStart.ReplaceAllString(value, "")
	case "length":
		a.Length = value
	case "section":
		a.Section = value
	case "url":
		a.URL = value
	case "title":
		a.Title = value
	case "outlet":
		a.Outlet = value
	case "date":
		a.Date = value
	}
}

// isTrailer reports whether s starts the index block after a body: a
// trailer label alone ("Classification") or with a value ("Load-Date: …").
func isTrailer(l *layouts, layout, s string) bool {
	if l.is(layout, "trailer", s) {
		return true
	}
	role, _, ok := l.labelled(layout, s)
	return ok && role == "trailer"
}

var lexisDocumentNumber = regexp.MustCompile(`(?i)^\d+\s+of\s+\d+\s+documents?$`)

// splitLexisClassic reads the classic LexisNexis Academic layout:
//
//	1 of 25 DOCUMENTS
//	Outlet
//	Date line [, Edition]
//	[Copyright line]
//	Title
//	BYLINE: … / SECTION: … / LENGTH: …
//	… paragraphs …
//	LOAD-DATE: … / LANGUAGE: … / PUBLICATION-TYPE: …
//	[Copyright line]
func splitLexisClassic(lines []line, text string, l *layouts) []Article {
	var starts []int
	for i, ln := range lines {
		if lexisDocumentNumber.MatchString(ln.text) {
			starts = append(starts, i)
		}
	}
	var arts []Article
	for k, s := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		if a, ok := lexisClassicArticle(lines[s+1:end], text, l); ok {
			arts = append(arts, a)
		}
	}
	return arts
}

func lexisClassicArticle(lines []line, text string, l *layouts) (Article, bool) {
	var a Article
	firstField, lastField := -1, -1
	for i, ln := range lines {
		role, value, ok := l.labelled("lexis", ln.text)
		if !ok {
			if firstField >= 0 && lines[i].para != lines[lastField].para {
				break // the header ends with the first paragraph that is no field
			}
			continue
		}
		if role == "trailer" {
			break
		}
		if firstField < 0 {
			firstField = i
		}
		lastField = i
		a.setField(role, value)
	}
	if firstField < 1 {
		return Article{}, false
	}
	// Outlet first, then the date; the title is what follows them.
	a.Outlet = lines[0].text
	date := -1
	for i := 1; i < firstField && i <= 3; i++ {
		if isDate(lines[i].text) {
			a.Date, date = lines[i].text, i
			break
		}
	}
	// The title is the first paragraph after the date's (which may hold the
	// edition) that is not a copyright notice.
	titleStart := date + 1
	for titleStart < firstField && date >= 0 &&
		(lines[titleStart].para == lines[date].para || isCopyright(lines[titleStart].text)) {
		titleStart++
	}
	if date >= 0 && titleStart < firstField {
		a.Title = joinLines(lines, titleStart, firstField)
	}
	bodyStart := lastField + 1
	for bodyStart < len(lines) && lines[bodyStart].para == lines[lastField].para {
		bodyStart++
	}
	bodyEnd := len(lines)
	for i := bodyStart; i < len(lines); i++ {
		if isTrailer(l, "lexis", lines[i].text) {
			bodyEnd = i
			break
		}
	}
	a.Text = span(text, lines, bodyStart, bodyEnd)
	return a, true
}

func isCopyright(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "copyright") || strings.HasPrefix(lower, "(c)") || strings.HasPrefix(s, "©")
}
