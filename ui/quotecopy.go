package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// CopyQuoteWithCitation puts the quotes with the given IDs on the
// clipboard, each as it would be cited in a paper: the typeset quotation,
// then "— Speaker, in “Title”, Outlet, 7 Jan 2019, ¶ 2" on the next line;
// several quotes are separated by a blank line. Call it on the UI
// goroutine; nothing is copied when a quote cannot be.
func CopyQuoteWithCitation(clip fyne.Clipboard, set quoteset.Set, quoteIDs ...string) error {
	text, err := citedQuotes(set, quoteIDs)
	if err == nil {
		clip.SetContent(text)
	}
	return err
}

// citedQuotes is the text CopyQuoteWithCitation copies. Each quote is cited
// from a set holding only it and its article, so the work grows with the
// quotes copied, not with the set times the quotes.
func citedQuotes(set quoteset.Set, quoteIDs []string) (string, error) {
	if len(quoteIDs) == 0 {
		return "", errors.New("No quote is selected. Select a quote in the list, then copy it")
	}
	quotes := make(map[string]quoteset.Quote, len(set.Quotes))
	for _, q := range set.Quotes {
		quotes[q.ID] = q
	}
	docs := set.DocumentsByID()
	cited := make([]string, len(quoteIDs))
	for i, id := range quoteIDs {
		q, ok := quotes[id]
		if !ok {
			return "", fmt.Errorf("Quote %s is no longer in your library, so it cannot be copied", id)
		}
		one := quoteset.Set{Quotes: []quoteset.Quote{q}, Speakers: set.Speakers, Topics: set.Topics}
		if d := docs[q.DocumentID]; d != nil {
			one.Documents = []quoteset.Document{*d}
		}
		text, err := sheet.QuoteWithCitation(one, id)
		if err != nil {
			return "", err
		}
		cited[i] = text
	}
	return strings.Join(cited, "\n\n"), nil
}

// CopyQuotes loads sel and cites the quotes with the given IDs in the
// background, then puts them on the clipboard (see CopyQuoteWithCitation);
// a problem is shown in a dialog over win. Wire it to Edit › Copy and
// Ctrl+C on the quote list, with sel covering at least those quotes.
func CopyQuotes(win fyne.Window, clip fyne.Clipboard, sel QuoteSelection, quoteIDs []string, opts ...DialogOption) {
	copyQuotes(win, clip, sel, quoteIDs, newDialogConfig(opts))
}

func copyQuotes(win fyne.Window, clip fyne.Clipboard, sel QuoteSelection, quoteIDs []string, cfg *dialogConfig) {
	var text string
	cfg.background(func() error {
		set, err := loadQuotes(context.Background(), sel).wait(context.Background())
		if err == nil {
			text, err = citedQuotes(set, quoteIDs)
		}
		return err
	}, func(err error) {
		if err != nil {
			showProblem(err, win)
			return
		}
		clip.SetContent(text)
	})
}
