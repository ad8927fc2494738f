package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"verbatim/core"
)

// isoDateInName finds a date written into a file name
// ("nyt_2019-10-08_putin_speech.txt").
var isoDateInName = regexp.MustCompile(`(^|[^0-9])(\d{4}-\d{2}-\d{2})([^0-9]|$)`)

// fillTitle gives a document that names no title one: for plain text, a
// headline on the first line; else the file's name, made readable. A date
// in the name becomes the publication date when the text gave none.
func fillTitle(doc *core.Document, name string, format Format) {
	if doc.Meta.Title != "" {
		return
	}
	if format == FormatText {
		if h := headline(doc.Text); h != "" {
			doc.Meta.Title = h
			return
		}
	}
	title, date := titleFromFileName(name)
	doc.Meta.Title = title
	if doc.Meta.Date == "" {
		doc.Meta.Date = date
	}
}

// headline returns the text's first line when it reads as a headline: a
// paragraph of its own, two to twenty words, no sentence punctuation at its
// end, and not a dateline.
func headline(text string) string {
	text = strings.TrimLeft(text, " \t\n")
	first, rest, ok := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if !ok || !strings.HasPrefix(rest, "\n") && strings.TrimSpace(rest) != "" {
		return "" // the first line runs on into a paragraph
	}
	words := len(strings.Fields(first))
	if words < 2 || words > 20 || utf8.RuneCountInString(first) > 150 || NormaliseDate(first) != "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if strings.ContainsRune(".,;:!?\"”’»«", last) {
		return ""
	}
	return first
}

// titleFromFileName makes a title of a file name: no extension, spaces for
// underscores, and, when the name holds a date followed by words, only the
// words after it ("wikinews_en_2019-10-08_Putin_speaks.txt" → "Putin
// speaks", date 2019-10-08).
func titleFromFileName(name string) (title, date string) {
	base := strings.TrimSuffix(name, fileExt(name))
	readable := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' }), " ")
	}
	if m := isoDateInName.FindStringSubmatchIndex(base); m != nil {
		date = NormaliseDate(base[m[4]:m[5]])
		if after := readable(base[m[5]:]); len(strings.Fields(after)) >= 2 {
			return after, date
		}
	}
	return readable(base), date
}

// fileExt is the name's extension, dot included ("" for ".bashrc").
func fileExt(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || strings.ContainsAny(name[i:], "/\\ ") {
		return ""
	}
	return name[i:]
}
