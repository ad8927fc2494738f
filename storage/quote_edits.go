package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/paragraph"
)

// Quote statuses.
type Status string

const (
	StatusActive   Status = "active"   // found or added, not yet looked at
	StatusReviewed Status = "reviewed" // confirmed by the researcher
	StatusRejected Status = "rejected" // not a quote, says the researcher
)

// Quote origins.
type Origin string

const (
	OriginAuto Origin = "auto" // found by the quote engine
	OriginUser Origin = "user" // added by the researcher
)

func quoteStatus(w *writeTx, id int64) (Status, error) {
	var s string
	err := w.queryRow("SELECT status FROM quotes WHERE id = ?", id).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("quote", id)
	}
	return Status(s), err
}

// setStatus moves quotes from one of the from statuses to status to.
func setStatus(w *writeTx, ids []int64, to Status, from ...Status) (int, error) {
	n := 0
	for _, id := range ids {
		s, err := quoteStatus(w, id)
		if err != nil {
			return 0, err
		}
		for _, f := range from {
			if s == f {
				if err := w.update("quotes", id, map[string]any{"status": string(to)}); err != nil {
					return 0, err
				}
				n++
			}
		}
	}
	return n, nil
}

// RejectQuote marks a quote as not a quote. It stays in the library, hidden,
// so that extracting the document again does not bring it back.
type RejectQuote struct{ QuoteID int64 }

func (c RejectQuote) apply(w *writeTx) (description, error) {
	_, err := setStatus(w, []int64{c.QuoteID}, StatusRejected, StatusActive, StatusReviewed)
	return description{kind: "reject-quote", summary: "Rejected " + quoteLabel(w, c.QuoteID) + ".",
		old: "", new: string(StatusRejected), target: c.QuoteID}, err
}

// RestoreQuote takes back a rejection.
type RestoreQuote struct{ QuoteID int64 }

func (c RestoreQuote) apply(w *writeTx) (description, error) {
	_, err := setStatus(w, []int64{c.QuoteID}, StatusActive, StatusRejected)
	return description{kind: "restore-quote", summary: "Restored " + quoteLabel(w, c.QuoteID) + ".",
		old: string(StatusRejected), new: string(StatusActive), target: c.QuoteID}, err
}

// MarkReviewed confirms quotes (they leave "Needs review"); with Undo set it
// puts them back to unreviewed.
type MarkReviewed struct {
	QuoteIDs []int64
	Undo     bool
}

func (c MarkReviewed) apply(w *writeTx) (description, error) {
	from, to, verb := StatusActive, StatusReviewed, "marked as reviewed"
	if c.Undo {
		from, to, verb = StatusReviewed, StatusActive, "marked as not reviewed"
	}
	n, err := setStatus(w, c.QuoteIDs, to, from)
	target := int64(0)
	if len(c.QuoteIDs) > 0 {
		target = c.QuoteIDs[0]
	}
	return description{kind: "mark-reviewed", summary: fmt.Sprintf("%s %s.", plural(n, "quote"), verb),
		old: string(from), new: string(to), target: target}, err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// SetQuoteNote sets (or, with "", clears) the researcher's note on a quote.
type SetQuoteNote struct {
	QuoteID int64
	Note    string
}

func (c SetQuoteNote) apply(w *writeTx) (description, error) {
	return setNote(w, "quotes", "quote", c.QuoteID, c.Note, func() string { return quoteLabel(w, c.QuoteID) })
}

// SetDocumentNote sets (or clears) the researcher's note on a document.
type SetDocumentNote struct {
	DocumentID int64
	Note       string
}

func (c SetDocumentNote) apply(w *writeTx) (description, error) {
	return setNote(w, "documents", "document", c.DocumentID, c.Note, func() string { return documentLabel(w, c.DocumentID) })
}

// setNote sets the note of row id of table; label names the row in the
// edit's summary.
func setNote(w *writeTx, table, what string, id int64, note string, label func() string) (description, error) {
	old, err := readRow(w.ctx, w.tx, table, id, []string{"note"})
	if errors.As(err, new(errMissingRow)) {
		return description{}, notFound(what, id)
	} else if err != nil {
		return description{}, err
	}
	if err := w.update(table, id, map[string]any{"note": note}); err != nil {
		return description{}, err
	}
	return description{kind: "set-" + what + "-note", summary: "Note on " + label() + " changed.",
		old: fmt.Sprint(old["note"]), new: note, target: id}, nil
}

// AddQuote adds a quote the engine missed. Positions are byte offsets into
// the document's text; Fragments default to the whole span. The speaker is
// SpeakerID, else NewSpeaker (found or created), else unknown.
type AddQuote struct {
	DocumentID int64
	Span       core.Span
	Fragments  []core.Span
	Mention    core.Span
	Cue        core.Span
	SpeakerID  int64
	NewSpeaker string
}

func (c AddQuote) apply(w *writeTx) (description, error) {
	var text, date string
	err := w.queryRow("SELECT text, date FROM documents WHERE id = ?", c.DocumentID).Scan(&text, &date)
	if errors.Is(err, sql.ErrNoRows) {
		return description{}, notFound("document", c.DocumentID)
	} else if err != nil {
		return description{}, err
	}
	q := core.Quote{Span: c.Span, Fragments: c.Fragments, Mention: c.Mention, Cue: c.Cue,
		Rule: "added by you", Confidence: 1}
	if len(q.Fragments) == 0 {
		q.Fragments = []core.Span{q.Span}
	}
	if err := checkQuote(text, q); err != nil {
		return description{}, invalid("The new quote does not fit the document: %v.", err)
	}
	speaker := c.SpeakerID
	if speaker == 0 {
		if speaker, err = speakerFor(w, c.NewSpeaker, core.SpeakerUnknown); err != nil {
			return description{}, err
		}
	}
	row := quoteRow(c.DocumentID, date, text, q, paragraph.New(text), speaker)
	row["origin"] = string(OriginUser)
	row["status"] = string(StatusReviewed)
	row["speaker_by_user"] = 1
	id, err := w.insert("quotes", row)
	if err != nil {
		return description{}, err
	}
	if err := applyRules(w, nil, ruleScopeQuote, id); err != nil {
		return description{}, err
	}
	return description{kind: "add-quote", summary: fmt.Sprintf("Quote added: %s", shorten(q.Span.In(text), 60)),
		new: q.Span.In(text), target: id}, nil
}

// quoteLabel names a quote in an edit's summary by its first words, as the
// researcher knows it (“The statement was a surprise…”), not by its number.
func quoteLabel(w *writeTx, id int64) string {
	var text string
	if err := w.queryRow("SELECT text FROM quotes WHERE id = ?", id).Scan(&text); err != nil {
		return fmt.Sprintf("quote %d", id)
	}
	words := strings.TrimRight(strings.Trim(oneLine(text), quoteMarks), ",;: ")
	return "“" + shorten(words, labelLength) + "”"
}

// documentLabel names a document in an edit's summary by its title.
func documentLabel(w *writeTx, id int64) string {
	var title string
	if err := w.queryRow("SELECT title FROM documents WHERE id = ?", id).Scan(&title); err != nil || strings.TrimSpace(title) == "" {
		return fmt.Sprintf("article %d", id)
	}
	return "“" + shorten(oneLine(title), labelLength) + "”"
}

// oneLine is s with each run of spaces and line breaks made one space: a
// label stands on one line of a menu or the status bar.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// labelLength is how many characters of a quote or title name it in a
// summary: enough to recognise it in the Edit menu and the status bar.
const labelLength = 40

// quoteMarks are the marks trimmed from a quote's ends before it is named
// between curly quotes.
const quoteMarks = "\"'“”‘’„‚«»‹›「」『』 "

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// checkQuote verifies that q's spans lie inside text, in order, on character
// boundaries.
func checkQuote(text string, q core.Quote) error {
	inside := func(s core.Span, what string) error {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			return fmt.Errorf("the %s (%d–%d) lies outside the text of %d bytes", what, s.Start, s.End, len(text))
		}
		if !boundary(text, s.Start) || !boundary(text, s.End) {
			return fmt.Errorf("the %s (%d–%d) cuts a character in two", what, s.Start, s.End)
		}
		return nil
	}
	if q.Span.Len() <= 0 {
		return fmt.Errorf("the quote is empty")
	}
	if err := inside(q.Span, "quote"); err != nil {
		return err
	}
	for _, f := range q.Fragments {
		if err := inside(f, "fragment"); err != nil {
			return err
		}
		if f.Start < q.Span.Start || f.End > q.Span.End {
			return fmt.Errorf("a fragment (%d–%d) lies outside its quote", f.Start, f.End)
		}
	}
	if err := inside(q.Mention, "speaker mention"); err != nil {
		return err
	}
	return inside(q.Cue, "speech cue")
}

func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}
