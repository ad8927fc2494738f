// Package newsexport splits the multi-article exports of news databases into
// articles with their metadata: Nexis Uni ("… End of Document"), classic
// LexisNexis Academic ("1 of 25 DOCUMENTS") and Factiva (with or without
// field codes, "Document XXXX" after each article).
//
// It works on the plain text of the export, whatever container it came in
// (DOCX, RTF, PDF, TXT): lines, with blank lines separating paragraphs. The
// field labels of each layout are data, in layouts.txt.
package newsexport

import (
	_ "embed"
	"strings"
	"sync"

	"verbatim/core/ingest/dates"
)

// Kind names the database an export came from; it becomes Meta.Format.
type Kind string

const (
	Nexis   Kind = "nexis"   // Nexis Uni and classic LexisNexis Academic
	Factiva Kind = "factiva" // Dow Jones Factiva
)

// Article is one article of an export.
type Article struct {
	Title   string
	Outlet  string // publication
	Author  string // byline as printed
	Date    string // as printed; the caller normalises it
	Section string
	Length  string // "1,234 words"
	URL     string
	Text    string // the body: paragraphs separated by blank lines
}

// Split recognises an export and returns its articles and kind; for any
// other text it returns nil. Articles whose header cannot be read are
// skipped rather than guessed.
func Split(text string) ([]Article, Kind) {
	lines := splitLines(text)
	l := loadLayouts()
	if arts := splitNexisUni(lines, text, l); len(arts) > 0 {
		return arts, Nexis
	}
	if arts := splitLexisClassic(lines, text, l); len(arts) > 0 {
		return arts, Nexis
	}
	if arts := splitFactivaCoded(lines, l); len(arts) > 0 {
		return arts, Factiva
	}
	if arts := splitFactivaPlain(lines, text, l); len(arts) > 0 {
		return arts, Factiva
	}
	return nil, ""
}

// line is one non-blank line of the text: trimmed, with its byte offsets
// and the number of the paragraph it belongs to.
type line struct {
	text       string
	start, end int
	para       int
}

func splitLines(text string) []line {
	var lines []line
	para, offset := 0, 0
	for raw := range strings.Lines(text) {
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" {
			para++
		} else {
			start := offset + strings.Index(raw, trimmed)
			lines = append(lines, line{text: trimmed, start: start, end: start + len(trimmed), para: para})
		}
		offset += len(raw)
	}
	return lines
}

// span returns the original text of lines[from:to], paragraphs intact.
func span(text string, lines []line, from, to int) string {
	if from >= to || from < 0 || to > len(lines) {
		return ""
	}
	return text[lines[from].start:lines[to-1].end]
}

// paragraphBack returns the index of the first line of the paragraph that
// ends at lines[i], not going back past floor.
func paragraphBack(lines []line, i, floor int) int {
	for i > floor && lines[i-1].para == lines[i].para {
		i--
	}
	return i
}

// joinLines joins lines[from:to] into one line of text.
func joinLines(lines []line, from, to int) string {
	parts := make([]string, 0, to-from)
	for _, l := range lines[from:to] {
		parts = append(parts, l.text)
	}
	return strings.Join(parts, " ")
}

func isDate(s string) bool {
	return len(strings.Fields(s)) <= 8 && dates.Normalise(s) != ""
}

// layouts holds the field labels of every layout, by layout and label.
type layouts struct {
	role map[string]map[string]string // layout -> label -> role
	// labels lists a layout's labels with a given role, in file order.
	labels map[string]map[string][]string
}

//go:embed layouts.txt
var layoutsFile string

var loadLayouts = sync.OnceValue(func() *layouts {
	l := &layouts{role: map[string]map[string]string{}, labels: map[string]map[string][]string{}}
	for raw := range strings.Lines(layoutsFile) {
		fields := strings.Fields(raw)
		if len(fields) < 3 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		layout, role, label := fields[0], fields[1], strings.Join(fields[2:], " ")
		if l.role[layout] == nil {
			l.role[layout] = map[string]string{}
			l.labels[layout] = map[string][]string{}
		}
		l.role[layout][label] = role
		l.labels[layout][role] = append(l.labels[layout][role], label)
	}
	return l
})

// labelled splits "Label: value" when Label is one of the layout's labels.
func (l *layouts) labelled(layout, s string) (role, value string, ok bool) {
	label, value, found := strings.Cut(s, ":")
	if !found {
		return "", "", false
	}
	role, ok = l.role[layout][strings.TrimSpace(label)]
	return role, strings.TrimSpace(value), ok
}

// is reports whether s is, as a whole line, a label of the given role.
func (l *layouts) is(layout, role, s string) bool {
	for _, label := range l.labels[layout][role] {
		if strings.EqualFold(s, label) {
			return true
		}
	}
	return false
}
