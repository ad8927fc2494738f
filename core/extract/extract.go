// Package extract is the quote engine's front door: a document in, its quotes
// with speakers out. It runs the span scanner (package scan), picks the
// document's language, and hands the quotes to the attribution step
// (package attrib), which uses the word lists of package lexicon.
package extract

import (
	"verbatim/core"
	"verbatim/core/extract/attrib"
	"verbatim/core/extract/lexicon"
	"verbatim/core/extract/scan"
)

// Version identifies the engine's rules; the library re-extracts documents
// whose quotes were made by an older version. Bump it when results change.
const Version = "0.48"

// dialogueMinBytes is the length from which a text that is not hard-wrapped
// is still read as fiction (long dialogue) rather than as a news article.
const dialogueMinBytes = 100_000

// Engine finds quotes and attributes them. It holds the loaded lexicons and is
// safe for concurrent use.
type Engine struct {
	scanner    *scan.Scanner
	lexicons   map[string]*lexicon.Lexicon
	attributor *attrib.Attributor
}

// New loads the engine's data.
func New() *Engine {
	lexicons := lexicon.MustLoadAll()
	return &Engine{scanner: scan.New(), lexicons: lexicons, attributor: attrib.New(lexicons)}
}

// Language returns the language the engine reads doc in: its Meta.Language
// when it has a lexicon for it, else a guess from frequent words.
func (e *Engine) Language(doc core.Document) string {
	if e.lexicons[doc.Meta.Language] != nil {
		return doc.Meta.Language
	}
	return lexicon.DetectLanguage(doc.Text, e.lexicons)
}

// Quotes finds the direct quotations in doc, in document order.
func (e *Engine) Quotes(doc core.Document) []core.Quote {
	return e.attributor.Attribute(e.input(doc))
}

// input scans doc for quoted spans and prepares them for attribution.
func (e *Engine) input(doc core.Document) attrib.Input {
	res := e.scanner.Scan(doc.Text)
	quotes := make([]core.Quote, 0, len(res.Quotes))
	for _, q := range res.Quotes {
		quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments, Unclosed: q.Unclosed})
	}
	return attrib.Input{
		Text:       doc.Text,
		Lang:       e.Language(doc),
		Paragraphs: res.Paragraphs,
		Quotes:     quotes,
		Dialogue:   res.Wrapped || len(doc.Text) >= dialogueMinBytes,
	}
}
