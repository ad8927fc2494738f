// Package extract is the quote engine's front door: a document in, its quotes
// with speakers out.
package extract

import (
	"strings"

	"verbatim/core"
)

// Version identifies the engine's rules; the library re-extracts documents
// whose quotes were made by an older version. Bump it when results change.
const Version = "0.1-naive"

// Engine finds quotes and attributes them. It holds the loaded lexicons and is
// safe for concurrent use.
type Engine struct{}

// New loads the engine's data.
func New() *Engine { return &Engine{} }

// Quotes finds the direct quotations in doc, in document order.
//
// This first version only pairs double quotation marks inside a paragraph;
// the real scanner and attribution replace it.
func (e *Engine) Quotes(doc core.Document) []core.Quote {
	var quotes []core.Quote
	text := doc.Text
	open := -1
	var closer string
	for i, r := range text {
		switch {
		case r == '\n' && open >= 0 && strings.HasPrefix(text[i:], "\n\n"):
			open = -1
		case open < 0 && (r == '"' || r == '“'):
			open = i
			closer = map[rune]string{'"': `"`, '“': "”"}[r]
		case open >= 0 && strings.HasPrefix(text[i:], closer) && i > open:
			span := core.Span{Start: open, End: i + len(closer)}
			quotes = append(quotes, core.Quote{Span: span, Fragments: []core.Span{span}})
			open = -1
		}
	}
	return quotes
}
