package ui

import (
	"context"

	"verbatim/storage"
)

// The window talks to the library through these small interfaces, so that
// tests can hand it the real store on a temporary folder or a fake.
// *storage.Library satisfies all of them.

// QuoteSource answers the paged queries of the quote list.
type QuoteSource interface {
	Quotes(ctx context.Context, f storage.QuoteFilter, s storage.QuoteSort, offset, limit int) ([]storage.QuoteRow, error)
	CountQuotes(ctx context.Context, f storage.QuoteFilter) (int, error)
	Quote(ctx context.Context, id int64) (storage.QuoteRow, error)
}

// Catalog answers what the sidebar, the source pane and the dialogs show.
type Catalog interface {
	Counts(ctx context.Context, threshold float64) (storage.Counts, error)
	Topics(ctx context.Context) ([]storage.Topic, error)
	Speakers(ctx context.Context, f storage.SpeakerFilter) ([]storage.Speaker, error)
	Documents(ctx context.Context, s storage.DocumentSort, offset, limit int) ([]storage.DocumentInfo, error)
	Document(ctx context.Context, id int64) (storage.DocumentInfo, error)
	MentionSiblings(ctx context.Context, quoteID int64) ([]int64, error)
}

// Editor applies the researcher's edits, each journaled and undoable.
type Editor interface {
	Do(ctx context.Context, cmd storage.Command) (storage.Edit, error)
	Undo(ctx context.Context) (storage.Edit, error)
	Redo(ctx context.Context) (storage.Edit, error)
	UndoRedo(ctx context.Context) (undo, redo *storage.Edit, err error)
}

// Settings keep the window's state (selection, layout, sort) in the library.
type Settings interface {
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// Library is everything the window needs from the library.
type Library interface {
	QuoteSource
	Catalog
	Editor
	Settings
}

// Importer brings article files into the library and keeps what the quote
// engine found in them up to date. Its methods run in the caller's
// goroutine (the window calls them from a background one) and call progress
// after each file or document.
type Importer interface {
	// ImportPaths imports files and, recursively, folders.
	ImportPaths(ctx context.Context, paths []string, progress func(ImportProgress)) ImportSummary
	// ImportBytes imports one file's contents, such as the bundled sample.
	ImportBytes(ctx context.Context, name string, data []byte, progress func(ImportProgress)) ImportSummary
	// UpdateOutdated extracts the quotes of documents that an older quote
	// engine read again, keeping the researcher's edits; the result is in
	// the summary's Update.
	UpdateOutdated(ctx context.Context, progress func(ImportProgress)) ImportSummary
}

// ImportProgress tells how far an import has gone.
type ImportProgress struct {
	FilesDone, FilesTotal int
	Documents             int // stored so far (new ones and duplicates)
}

// ImportSummary is what an import did, for the one message shown at its end.
type ImportSummary struct {
	Imported   int // new documents
	Quotes     int // found in the new documents
	Duplicates int // documents the library already held
	Failed     []ImportProblem
	Cancelled  bool
	// FirstDocument is the first new (or duplicate) document, to show after
	// the import; 0 when none.
	FirstDocument int64
	// Update is what extracting documents again with a newer engine did.
	Update UpdateSummary
}

// UpdateSummary is what extracting documents again with a newer version of
// the quote engine did.
type UpdateSummary struct {
	Documents int // brought up to date
	Found     int // quotes the new engine found that were not there
	Dropped   int // quotes it no longer finds, which the researcher had not touched
	Kept      int // quotes it no longer finds but the researcher worked on: kept
	Left      int // documents not updated yet: the update was stopped
	Failed    []ImportProblem
}

func (u *UpdateSummary) add(r storage.ReextractResult) {
	u.Documents++
	u.Found += r.Added
	u.Dropped += r.Removed
	u.Kept += r.Retained
}

// happened reports whether there is anything to tell.
func (u UpdateSummary) happened() bool { return u.Documents > 0 || u.Left > 0 || len(u.Failed) > 0 }

// ImportProblem is one file or document that could not be imported.
type ImportProblem struct {
	Name   string
	Reason string // a sentence for the researcher
}

var _ Library = (*storage.Library)(nil)
