package ui

import (
	"context"
	"strconv"

	"verbatim/core/quoteset"
	"verbatim/storage"
)

// QuoteSetSource is the part of the library that sheets, exports and copies
// read: the quotes a filter selects, with their documents and speakers.
// *storage.Library satisfies it.
type QuoteSetSource interface {
	QuoteSet(ctx context.Context, f storage.QuoteFilter, s storage.QuoteSort) (quoteset.Set, error)
}

// UseSheetDialogs connects Print, Export and Copy (Ctrl+C) to the quote-sheet,
// export and copy dialogs, which read the quotes from src and print through
// p. The last paper, grouping and order chosen are kept for the next sheet.
func (m *MainWindow) UseSheetDialogs(src QuoteSetSource, p Printer) {
	settings := DefaultSheetSettings()
	keep := OnSheetSettingsChanged(func(s SheetSettings) { settings = s })
	// The dialogs' background work comes back the way the window's does.
	back := func(c *dialogConfig) { c.onMain = m.onMain }
	m.SetSheetActions(
		func(s Scope) {
			ShowPrintDialog(m.Window, selectionFor(src, s), p, WithSheetSettings(settings), keep, back)
		},
		func(s Scope) {
			ShowExportDialog(m.Window, selectionFor(src, s), WithSheetSettings(settings), keep, back)
		},
	)
	m.onCopy = func(ids []int64) {
		// The view's status filter keeps rejected quotes copyable from the
		// Rejected view.
		f := storage.QuoteFilter{IDs: ids, Status: m.query().Status}
		CopyQuotes(m.Window, m.app.Clipboard(), selectionFor(src, Scope{Filter: f}), quoteIDStrings(ids), back)
	}
}

// selectionFor turns what the window shows into what the dialogs print or
// export: the library reads exactly those quotes, and the scope names them
// for the sheet's title.
func selectionFor(src QuoteSetSource, s Scope) QuoteSelection {
	f := s.Filter
	sel := QuoteSelection{Selected: true}
	switch {
	case len(s.Selected) > 0:
		f.IDs = s.Selected
		sel.Title = "Selected quotes"
		sel.Describe = nounCount(len(s.Selected), "quote", "quotes") + " chosen in “" + s.Title + "”"
	case f.TopicID != 0:
		sel.Scope.Topic = s.Title
		sel.Describe = "Topic · " + s.Title
	case f.SpeakerID != 0:
		sel.Scope.Speaker = s.Title
		sel.Describe = "Speaker · " + s.Title
	case f.DocumentID != 0:
		sel.Scope.DocumentID = strconv.FormatInt(f.DocumentID, 10)
		sel.Title = "Quotes in “" + s.Title + "”"
		sel.Describe = "Article · " + s.Title
	case f.Search != "":
		sel.Scope.Search = f.Search
	default:
		sel.Title = s.Title
	}
	if f.Search != "" && sel.Describe != "" {
		sel.Describe += " · matching “" + f.Search + "”"
	}
	sort := s.Sort
	sel.Load = func(ctx context.Context) (quoteset.Set, error) { return src.QuoteSet(ctx, f, sort) }
	return sel
}

func quoteIDStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}

// copySelected copies the selected quotes with their citations.
func (m *MainWindow) copySelected() {
	ids := m.list.selectedIDs()
	if len(ids) == 0 || m.onCopy == nil {
		return
	}
	m.onCopy(ids)
}
