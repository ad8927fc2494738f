// Package core holds Verbatim's document and quote model. Everything that
// understands text (quote scanning, attribution, topics, import, sheets and
// exports) lives in subpackages of core and is pure Go: no cgo, no Fyne.
//
// Positions: all spans are half-open byte offsets into Document.Text (UTF-8).
// Code points are used only at the edges (CLI JSON, evaluation data,
// REFI-QDA); convert with package core/textpos.
package core

// Span is a half-open range [Start, End) of byte offsets into a document's
// text. The zero Span means "none" (no mention, no cue).
type Span struct {
	Start, End int
}

// IsZero reports whether s is the empty "none" span.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text the span covers, or "" when it lies outside text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Meta describes where a document came from. Every field may be empty.
type Meta struct {
	Title    string
	Outlet   string // publication or site name
	Author   string // byline
	Date     string // publication date, ISO 8601 (2006-01-02) when known
	URL      string
	Language string // ISO 639-1 code: "en", "de"
	Format   string // how it was imported: "txt", "html", "pdf", "docx", "nexis", …
	FileName string // original file's base name
	FilePath string // original file's path as given
	Hash     string // content hash of the normalised text (see ingest.ContentHash)
}

// Document is one article: its clean text plus metadata. One file may hold
// many documents (news-database exports).
type Document struct {
	Text string
	Meta Meta
}

// SpeakerKind tells what sort of speaker a quote is attributed to.
type SpeakerKind string

const (
	SpeakerUnknown      SpeakerKind = ""
	SpeakerPerson       SpeakerKind = "person"
	SpeakerOrganisation SpeakerKind = "organisation"
)

// Quote is one direct quotation found in (or added to) a document.
type Quote struct {
	// Span covers the whole quotation, quotation marks included. For an
	// interrupted quote it runs from the first opening mark to the last
	// closing mark, narration between them included.
	Span Span
	// Fragments are the pieces actually inside quotation marks (marks
	// included), in order. Always at least one; a quote in one piece has
	// Fragments == []Span{Span}.
	Fragments []Span
	// Mention is where the speaker is named or referred to ("he", "Putin");
	// Cue is the speech verb or phrase ("said", "according to"). Zero when
	// unknown.
	Mention Span
	Cue     Span
	// Speaker is the canonical name the mention resolves to ("Vladimir
	// Putin"), "" when unknown.
	Speaker     string
	SpeakerKind SpeakerKind
	// Rule names how the attribution was made; Confidence is in [0, 1].
	Rule       string
	Confidence float64
	// Unclosed is set when the quote was left open and ended at its
	// paragraph's end.
	Unclosed bool
	// NonQuote, when not "", says why the quoted string is probably not
	// anyone's words (NonQuoteTitle, NonQuoteTerm); such quotes are kept,
	// with a low confidence, so that a user can still accept them.
	NonQuote NonQuoteKind
}

// NonQuoteKind tells what a quoted string that is not speech probably is.
type NonQuoteKind string

const (
	NonQuoteTitle NonQuoteKind = "title" // a name or title: show, book, ship, party
	NonQuoteTerm  NonQuoteKind = "term"  // a scare quote, nickname or so-called term
	// NonQuotePassage: quoted text that is no one's quotation as such —
	// a transcript of several speakers, a block pasted from another article.
	NonQuotePassage NonQuoteKind = "passage"
)

// Text returns the quote's text in doc (the whole span, marks included).
func (q Quote) Text(docText string) string { return q.Span.In(docText) }
