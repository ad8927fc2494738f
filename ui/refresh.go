package ui

import (
	"context"
	"sync"
	"time"

	"verbatim/storage"
)

// While an import runs, the main goroutine only draws what background
// goroutines have read: the library's counts, the sidebar, the first page
// of the list and the article in the source pane are read together away
// from it (readView), then shown in one go (showView). Nothing on the main
// goroutine waits for the library, which the import keeps busy.

// viewRequest is what to read, taken on the main goroutine.
type viewRequest struct {
	lib        Library
	threshold  float64
	filter     storage.QuoteFilter
	sort       storage.QuoteSort
	listGen    int // the list's query when asked: a newer query drops the rows read
	sidebarGen int
	sidebar    sidebarQuery
	sourceDoc  int64 // the article shown, read again (0: none)
	sourceQuot int64 // and its current quote
	firstQuote bool  // no quote is current: read the first one's article too
	currentAt  int   // where the current quote was listed (-1: not listed)
	reads      int   // the window's reads at once (refresh) when asked: a newer one drops what this read
	// measure is the measurer of the background reads (one runs at a
	// time): it measures the article's words away from the window.
	measure *textMeasurer
}

// libraryView is what readView read.
type libraryView struct {
	req       viewRequest
	err       error // the first error, if any
	counts    storage.Counts
	listCount int
	firstPage []storage.QuoteRow
	// currentPage is the page where the current quote was, past the first:
	// the list finds it there again without reading on the main goroutine.
	currentPage []storage.QuoteRow
	sidebar     sidebarData
	source      sourceData
	undo        *storage.Edit
	redo        *storage.Edit
}

// sourceData is an article with its quotes, read for the source pane.
type sourceData struct {
	doc     storage.DocumentInfo
	quotes  []storage.QuoteRow
	current storage.QuoteRow
	err     error
	widths  map[measureKey]float32 // of the article's words, for the window's measurer
}

// fetchSource reads article id and its quotes; it may run in any goroutine.
func fetchSource(lib Library, id, current int64) sourceData {
	ctx := context.Background()
	var d sourceData
	if d.doc, d.err = lib.Document(ctx, id); d.err != nil {
		return d
	}
	d.quotes, d.err = lib.Quotes(ctx, storage.QuoteFilter{DocumentID: id}, storage.SortDocumentOrder, 0, maxDocumentQuotes)
	for _, q := range d.quotes {
		if q.ID == current {
			d.current = q
		}
	}
	return d
}

// readView reads everything req asks for; it runs in a background goroutine.
func readView(req viewRequest) libraryView {
	ctx := context.Background()
	v := libraryView{req: req}
	keep := func(err error) {
		if v.err == nil {
			v.err = err
		}
	}
	var err error
	v.counts, err = req.lib.Counts(ctx, req.threshold)
	keep(err)
	v.sidebar = fetchSidebar(req.lib, req.sidebar, v.counts)
	keep(v.sidebar.err)
	v.sidebar.err = nil // told once, with the rest
	if req.filter.IsZero() {
		v.listCount = v.counts.Quotes // as applyQuery counts all quotes
	} else {
		v.listCount, err = req.lib.CountQuotes(ctx, req.filter)
		keep(err)
	}
	v.firstPage, err = req.lib.Quotes(ctx, req.filter, req.sort, 0, quotePageSize)
	keep(err)
	if page := req.currentAt / quotePageSize; page > 0 {
		v.currentPage, err = req.lib.Quotes(ctx, req.filter, req.sort, page*quotePageSize, quotePageSize)
		keep(err)
	}
	switch {
	case req.sourceDoc != 0:
		v.source = fetchSource(req.lib, req.sourceDoc, req.sourceQuot)
	case req.firstQuote && len(v.firstPage) > 0:
		v.source = fetchSource(req.lib, v.firstPage[0].DocumentID, v.firstPage[0].ID)
	}
	if req.measure != nil && v.source.doc.ID != 0 && v.source.doc.ID != req.sourceDoc {
		// A newly read article; the one shown, read again for its quotes,
		// was measured when it was first shown.
		v.source.widths = articleWidths(req.measure, v.source.doc.Text)
	}
	v.undo, v.redo, err = req.lib.UndoRedo(ctx)
	keep(err)
	return v
}

// viewOptions say what a refresh does beyond the counts, the sidebar and
// the list.
type viewOptions struct {
	report bool // show an error; while an import runs, the next refresh reads all again anyway
	source bool // read the article shown again: its quotes changed
}

func (o viewOptions) or(p viewOptions) viewOptions {
	return viewOptions{report: o.report || p.report, source: o.source || p.source}
}

// viewRefresh coalesces refreshes: one read runs at a time, and those asked
// for meanwhile become one more read after it, so that the window always
// ends up showing the library as it is.
type viewRefresh struct {
	running bool
	again   bool        // asked for while running
	next    viewOptions // what the read after it does
	then    []func()    // run once the next view is shown
	// reads counts the window's reads at once (MainWindow.refresh, after
	// an edit): one after a background read began shows newer data than it.
	reads int
}

// refreshView reads what the window shows in the background and shows it;
// then (may be nil) runs after.
func (m *MainWindow) refreshView(o viewOptions, then func()) {
	if m.lib == nil {
		m.refresh()
		call(then)
		return
	}
	r := &m.viewRefresh
	if then != nil {
		r.then = append(r.then, then)
	}
	if r.running {
		r.again, r.next = true, r.next.or(o)
		return
	}
	r.running = true
	m.sidebarGen++ // this read's sidebar wins over older ones
	req := viewRequest{lib: m.lib, threshold: m.threshold, filter: m.list.pager.filter, sort: m.list.pager.sort,
		listGen: m.list.pager.gen, sidebarGen: m.sidebarGen, sidebar: m.sidebar.query(),
		firstQuote: m.list.current == 0, currentAt: m.list.currentAt, reads: r.reads, measure: m.viewMeasure}
	if o.source {
		req.sourceDoc, req.sourceQuot = m.source.doc.ID, m.source.current.ID
	}
	m.background(func() func() {
		v := readView(req)
		return func() { m.showView(v, o.report) }
	})
}

// showView shows what readView read, then runs what waited for it. Each
// part is shown in its own turn of the event loop, so that the window
// answers between them.
func (m *MainWindow) showView(v libraryView, report bool) {
	shownGen := -1 // the list's query once it shows the rows read
	// An edit meanwhile was shown from a newer read: what this one read of
	// the counts, the Edit menu and the article would take it back.
	current := func() bool { return v.req.reads == m.viewRefresh.reads }
	m.turn.take(turnLimit) // released once the view is drawn
	m.inTurns(
		func() {
			if v.err != nil && report {
				m.ShowError(v.err)
			}
			if !current() {
				return
			}
			m.counts = v.counts
			m.showEmpty(m.counts.Documents == 0)
			m.updateStatus("")
			m.showUndo(v.undo, v.redo)
		},
		func() {
			if v.req.sidebarGen == m.sidebarGen {
				m.sidebar.show(v.sidebar)
				m.sidebarLoaded()
			}
		},
		func() {
			if v.req.listGen == m.list.pager.gen {
				m.list.pager.recount(v.listCount)
				m.list.pager.keep(0, v.firstPage)
				if page := v.req.currentAt / quotePageSize; page > 0 && len(v.currentPage) > 0 {
					m.list.pager.keep(page, v.currentPage)
				}
				m.list.relocateLoaded()
				m.list.list.Refresh()
				m.showListCount() // and the selection, or why the list is empty
				shownGen = m.list.pager.gen
			}
		},
		func() {
			if current() {
				m.showSource(v, shownGen == m.list.pager.gen)
			}
		},
		m.viewShown,
	)
}

// viewShown reads the library again when that was asked for meanwhile, or
// else runs what waited for the view.
func (m *MainWindow) viewShown() {
	r := &m.viewRefresh
	r.running = false
	m.turn.release()
	if r.again {
		next := r.next
		r.again, r.next = false, viewOptions{}
		m.refreshView(next, nil)
		return
	}
	then := r.then
	r.then = nil
	for _, f := range then {
		f()
	}
}

// inTurns runs the first step now and each of the others after the
// window has drawn what the one before changed. A step queued at once
// could run before that frame (Fyne's loop takes queued work and frame
// ticks in any order), and a wait for the window then spanned two steps
// and their frames.
func (m *MainWindow) inTurns(steps ...func()) {
	if len(steps) == 0 {
		return
	}
	steps[0]()
	if len(steps) > 1 {
		m.afterNextFrame(func() { m.inTurns(steps[1:]...) })
	}
}

// afterNextFrame runs f on the main goroutine once the window has drawn a
// frame; without frames (tests), when the main goroutine next takes work.
func (m *MainWindow) afterNextFrame(f func()) {
	if m.afterFrame != nil {
		m.afterFrame(f)
	} else {
		m.onMain(f)
	}
}

// showSource shows in the source pane the article read for it, unless the
// researcher went to another one meanwhile; listed says the list still
// shows the rows read with it.
func (m *MainWindow) showSource(v libraryView, listed bool) {
	s, d := m.source, v.source
	if d.doc.ID == 0 || d.err != nil {
		return
	}
	s.text.measure.absorb(d.widths)
	switch {
	case v.req.sourceDoc != 0 && s.doc.ID == v.req.sourceDoc:
		current := d.current
		if current.ID == 0 || current.ID != s.current.ID {
			current = s.current // the researcher chose another quote meanwhile
		}
		s.showLoaded(d.doc, d.quotes, current)
	case v.req.firstQuote && m.list.current == 0 && listed:
		s.showLoaded(d.doc, d.quotes, storage.QuoteRow{})
		m.list.selectIndex(0) // its article is there: nothing more is read
	}
}

// throttle hands the newest of a stream of values, sent from any goroutine,
// to the main goroutine at most once per interval: an import's thousands of
// progress reports become a few updates a second, and the last one sent is
// shown unless stop came first.
type throttle[T any] struct {
	every  time.Duration
	onMain func(func())
	show   func(T)

	mu      sync.Mutex
	latest  T
	queued  bool
	stopped bool
	last    time.Time
}

func newThrottle[T any](every time.Duration, onMain func(func()), show func(T)) *throttle[T] {
	return &throttle[T]{every: every, onMain: onMain, show: show}
}

// send offers v; it never waits for the main goroutine.
func (t *throttle[T]) send(v T) {
	t.mu.Lock()
	t.latest = v
	if t.queued || t.stopped {
		t.mu.Unlock()
		return
	}
	t.queued = true
	wait := t.every - time.Since(t.last)
	t.mu.Unlock()
	if wait <= 0 {
		t.onMain(t.deliver)
		return
	}
	time.AfterFunc(wait, func() { t.onMain(t.deliver) })
}

// deliver runs on the main goroutine.
func (t *throttle[T]) deliver() {
	t.mu.Lock()
	v, stopped := t.latest, t.stopped
	t.queued, t.last = false, time.Now()
	t.mu.Unlock()
	if !stopped {
		t.show(v)
	}
}

// stop drops what was sent and not yet shown, and all that follows.
func (t *throttle[T]) stop() {
	t.mu.Lock()
	t.stopped = true
	t.mu.Unlock()
}
