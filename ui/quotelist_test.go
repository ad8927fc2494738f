package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/storage"
)

// fakeQuotes is a QuoteSource of n numbered quotes that records the pages
// asked for.
type fakeQuotes struct {
	n     int
	asked []int // offsets
}

func (f *fakeQuotes) Quotes(_ context.Context, _ storage.QuoteFilter, _ storage.QuoteSort, offset, limit int) ([]storage.QuoteRow, error) {
	f.asked = append(f.asked, offset)
	var out []storage.QuoteRow
	for i := offset; i < min(offset+limit, f.n); i++ {
		out = append(out, storage.QuoteRow{ID: int64(i + 1), Text: fmt.Sprintf("quote %d", i)})
	}
	return out, nil
}

func (f *fakeQuotes) CountQuotes(context.Context, storage.QuoteFilter) (int, error) { return f.n, nil }
func (f *fakeQuotes) Quote(_ context.Context, id int64) (storage.QuoteRow, error) {
	return storage.QuoteRow{ID: id}, nil
}

func TestPagerReadsPagesAsNeededAndKeepsFew(t *testing.T) {
	src := &fakeQuotes{n: 100000}
	p := quotePager{src: src}
	if err := p.reset(storage.QuoteFilter{}, storage.SortNewestFirst); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 5, 99, 150, 99999, 50000} {
		r, ok := p.row(i)
		if !ok || r.ID != int64(i+1) {
			t.Fatalf("row %d = %+v, %v", i, r, ok)
		}
	}
	if want := []int{0, 100, 99900, 50000}; fmt.Sprint(src.asked) != fmt.Sprint(want) {
		t.Errorf("pages read at %v, want %v", src.asked, want)
	}
	for page := range 40 {
		p.row(page * quotePageSize)
	}
	if len(p.pages) > quotePagesKept || len(p.recent) > quotePagesKept {
		t.Errorf("%d pages kept after scrolling through 40, want at most %d", len(p.pages), quotePagesKept)
	}
	if _, ok := p.row(100000); ok {
		t.Error("a row past the end was found")
	}
}

func TestPagerReadsAheadInTheBackground(t *testing.T) {
	src := &fakeQuotes{n: 1000}
	var queued []func() func()
	p := quotePager{src: src, background: func(f func() func()) { queued = append(queued, f) }}
	p.reset(storage.QuoteFilter{}, storage.SortNewestFirst)
	p.row(10)
	if len(queued) != 0 {
		t.Fatal("read ahead at the top of a page")
	}
	p.row(quotePageSize - 10)
	p.row(quotePageSize - 5)
	if len(queued) != 1 {
		t.Fatalf("%d read-aheads queued near the end of page 0, want 1", len(queued))
	}
	queued[0]()()
	asked := len(src.asked)
	if r, ok := p.row(quotePageSize + 1); !ok || r.ID != quotePageSize+2 || len(src.asked) != asked {
		t.Error("the page read ahead was not used")
	}

	// A read-ahead that comes back after the query changed is dropped.
	p.row(2*quotePageSize - 1)
	late := queued[len(queued)-1]
	p.reset(storage.QuoteFilter{Search: "other"}, storage.SortNewestFirst)
	late()()
	if _, ok := p.pages[2]; ok {
		t.Error("a stale page was kept after the query changed")
	}
}

// A quote that waits for review says why: what the engine took a quoted
// string to be when it is probably nobody's words, else its confidence.
func TestReviewBadgeSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	l := newQuoteList(nil)
	r := newQuoteRow(l)
	r.Resize(fyne.NewSize(430, rowHeight))
	rows := []struct {
		row  storage.QuoteRow
		want string
	}{
		{storage.QuoteRow{ID: 1, Text: "“Pokemon Biology”", Confidence: 0, NonQuote: core.NonQuoteTitle, Status: storage.StatusActive}, "Review · a title?"},
		{storage.QuoteRow{ID: 2, Text: "“markedly more civil”", Speaker: "the debate", Confidence: 0.42, Status: storage.StatusActive}, "Review · 0.42"},
	}
	for _, tt := range rows {
		r.show(0, tt.row)
		if shown := strings.Join(textsIn(r), " | "); !strings.Contains(shown, tt.want) {
			t.Errorf("row %q shows %q, want %q", tt.row.Text, shown, tt.want)
		}
	}
}
