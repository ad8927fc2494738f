package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"verbatim/core/printing"
	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// The print, save and export dialogs, and copying with a citation, work on a
// QuoteSelection and talk to the system through Printer, so that they know
// nothing of the library or the main window and their tests use fakes.

// QuoteSelection is what the researcher is looking at when she prints,
// saves or exports: the current selection, a topic, a speaker, a document
// or a search result. The main window makes one; Load runs off the UI
// goroutine.
type QuoteSelection struct {
	// Title is the sheet's title and the saved file's name ("Quotes on:
	// Syria withdrawal"); "" makes one from Scope.
	Title string
	// Describe says in a few words what the quotes are ("Topic · Syria
	// withdrawal"), shown under the title in the dialogs; "" shows nothing.
	Describe string
	// Scope narrows what Load returns; the zero Scope keeps every quote.
	// A topic here also makes the sheet say "5 quotes on this topic".
	Scope quoteset.Scope
	// Selected says Load returns just the quotes in Scope, as the library's
	// QuoteSet does (with its own search): they are not selected again,
	// and Scope only names them.
	Selected bool
	// Load reads the quotes with everything needed to print or export them.
	Load func(ctx context.Context) (quoteset.Set, error)
}

// Printer lists the computer's print queues and prints files;
// printing.System{} is the real one.
type Printer interface {
	Printers(ctx context.Context) ([]printing.Printer, error)
	Print(ctx context.Context, job printing.Job) (jobID string, err error)
}

// SheetSettings are the researcher's choices for a printed sheet.
type SheetSettings struct {
	Paper   sheet.Paper
	GroupBy sheet.GroupBy
	Order   sheet.Order
}

// DefaultSheetSettings are the paper of the computer's locale, quotes
// grouped by speaker, articles in date order (as in the mockup sheet).
func DefaultSheetSettings() SheetSettings {
	return SheetSettings{Paper: sheet.PaperForLocale(os.Getenv), GroupBy: sheet.BySpeaker, Order: sheet.ByDate}
}

// DialogOption adjusts the print, save and export dialogs.
type DialogOption func(*dialogConfig)

// WithSheetSettings starts the print dialog with s instead of the defaults,
// for instance the researcher's last choices.
func WithSheetSettings(s SheetSettings) DialogOption {
	return func(c *dialogConfig) { c.settings = s }
}

// OnSheetSettingsChanged calls f (on the UI goroutine) whenever the
// researcher changes paper, grouping or order, so the caller can remember
// them for next time.
func OnSheetSettingsChanged(f func(SheetSettings)) DialogOption {
	return func(c *dialogConfig) { c.onSettings = f }
}

// saveChooser asks where to save a file called name and hands over the
// file to write, or nil when the researcher cancelled.
type saveChooser func(win fyne.Window, name, ext string, chosen func(fyne.URIWriteCloser, error))

type dialogConfig struct {
	settings   SheetSettings
	onSettings func(SheetSettings)
	// sheetRenderer returns the sheet renderer, loading its fonts the
	// first time; safe to call from any goroutine.
	sheetRenderer func() (*sheet.Renderer, error)
	// onMain runs f on Fyne's UI goroutine: fyne.Do, except in tests,
	// which run the queue themselves.
	onMain     func(f func())
	chooseSave saveChooser
	now        func() time.Time
}

func newDialogConfig(opts []DialogOption) *dialogConfig {
	c := &dialogConfig{settings: DefaultSheetSettings(), sheetRenderer: sync.OnceValues(sheet.NewRenderer),
		onMain: fyne.Do, chooseSave: showSaveDialog, now: time.Now}
	for _, o := range opts {
		o(c)
	}
	return c
}

// background runs work off the UI goroutine, then done on it with work's
// error. A panic in work becomes an error the researcher reads instead of
// a crash.
func (c *dialogConfig) background(work func() error, done func(error)) {
	go func() {
		err := recovered(work)
		c.onMain(func() { done(err) })
	}()
}

func recovered(work func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("Something went wrong inside Verbatim (%v). Nothing in your library was changed; please try again", r)
		}
	}()
	return work()
}

// pendingQuotes is a selection being loaded in the background, loaded once
// however many times it is waited for.
type pendingQuotes struct {
	done chan struct{}
	set  quoteset.Set
	err  error
}

// loadQuotes starts loading sel and keeps only the quotes in its scope.
func loadQuotes(ctx context.Context, sel QuoteSelection) *pendingQuotes {
	p := &pendingQuotes{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.err = recovered(func() error {
			if sel.Load == nil {
				return errors.New("No quotes are selected")
			}
			set, err := sel.Load(ctx)
			if err != nil {
				return fmt.Errorf("The quotes could not be read from your library: %w", err)
			}
			if !sel.Selected {
				set = set.Select(sel.Scope)
			}
			p.set = set
			return nil
		})
	}()
	return p
}

// wait returns the loaded quotes; call it off the UI goroutine.
func (p *pendingQuotes) wait(ctx context.Context) (quoteset.Set, error) {
	select {
	case <-p.done:
		return p.set, p.err
	case <-ctx.Done():
		return quoteset.Set{}, ctx.Err()
	}
}

// sentence is err's message as a sentence: capital first letter, full
// stop at the end.
func sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return "Something went wrong."
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", last) {
		s += "."
	}
	return s
}

// showProblem shows err as a sentence in an error dialog over win.
func showProblem(err error, win fyne.Window) {
	dialog.ShowError(errors.New(sentence(err)), win)
}

// selectionTitle is the title the selection's files are named after.
func selectionTitle(sel QuoteSelection) string {
	switch {
	case sel.Title != "":
		return sel.Title
	case sel.Scope.Title() != "":
		return sel.Scope.Title()
	}
	return "Quotes"
}

// quotesFromArticles is "23 quotes from 3 articles".
func quotesFromArticles(quotes, articles int) string {
	return nounCount(quotes, "quote", "quotes") + " from " + nounCount(articles, "article", "articles")
}

// nounCount is "1 quote" or "3 quotes".
func nounCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// usable counts the quotes of set that can be printed or exported and the
// articles they come from; problems are the quotes left out.
func usable(set quoteset.Set) (quotes, articles int, problems []error) {
	checked, problems := set.Checked()
	docs := map[string]bool{}
	for _, q := range checked.Quotes {
		docs[q.DocumentID] = true
	}
	return len(checked.Quotes), len(docs), problems
}
