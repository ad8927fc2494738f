// Package extract is the quote engine's front door: a document in, its quotes
// with speakers out.
package extract

import (
	"verbatim/core"
	"verbatim/core/extract/scan"
)

// Version identifies the engine's rules; the library re-extracts documents
// whose quotes were made by an older version. Bump it when results change.
const Version = "0.2"

// Engine finds quotes and attributes them. It holds the loaded lexicons and is
// safe for concurrent use.
type Engine struct {
	scanner *scan.Scanner
}

// New loads the engine's data.
func New() *Engine { return &Engine{scanner: scan.New()} }

// Quotes finds the direct quotations in doc, in document order.
func (e *Engine) Quotes(doc core.Document) []core.Quote {
	res := e.scanner.Scan(doc.Text)
	var quotes []core.Quote
	for _, q := range res.Quotes {
		quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments, Unclosed: q.Unclosed})
	}
	return quotes
}
