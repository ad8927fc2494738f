package ui

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"verbatim/storage"

	"fyne.io/fyne/v2"
)

// Settings the window keeps in the library, so that reopening it brings
// back what the researcher was looking at.
const (
	settingSelection = "ui.selection" // sidebar key
	settingQuote     = "ui.quote"     // current quote id
	settingSort      = "ui.sort"      // storage.QuoteSort
	settingWindow    = "ui.window"    // "width height"
	settingSplits    = "ui.splits"    // "sidebar list" split offsets
	settingFolder    = "ui.folder"    // where the file dialogs open
)

// restore brings back the saved selection, sort and layout, then shows the
// library.
func (m *MainWindow) restore() {
	if m.lib == nil {
		m.refresh()
		return
	}
	ctx := context.Background()
	get := func(key string) string {
		v, _ := m.lib.Setting(ctx, key)
		return v
	}
	m.saver = newSettingsSaver(m.lib)
	if n, err := strconv.Atoi(get(settingSort)); err == nil && n >= 0 && n < len(sortNames()) {
		changed := m.sortSelect.OnChanged
		m.sortSelect.OnChanged = nil // the list is read once, below
		m.sortSelect.SetSelectedIndex(n)
		m.sortSelect.OnChanged = changed
	}
	var w, h float32
	if _, err := fmt.Sscan(get(settingWindow), &w, &h); err == nil && w >= 400 && h >= 300 {
		m.Window.Resize(fyne.NewSize(w, h))
	}
	var a, b float64
	if _, err := fmt.Sscan(get(settingSplits), &a, &b); err == nil && a > 0.05 && a < 0.6 && b > 0.1 && b < 0.9 {
		m.outer.SetOffset(a)
		m.inner.SetOffset(b)
	}
	m.refreshCounts()
	if key := get(settingSelection); key != "" && m.hasSidebarKey(key) {
		m.selection = key
		m.sidebar.setSelected(key)
		if key == keyReview { // in its own order, as when chosen
			m.sortBeforeReview = m.currentSort()
			changed := m.sortSelect.OnChanged
			m.sortSelect.OnChanged = nil
			m.sortSelect.SetSelectedIndex(int(storage.SortConfidence))
			m.sortSelect.OnChanged = changed
		}
	}
	m.applyQuery()
	m.updateUndo()
	// The quote shown last comes back in the source pane even when it is
	// deep in the list; the list itself opens at the top. Its article is
	// read in the background and laid out once the window is up.
	m.restoring = true
	id, _ := strconv.ParseInt(get(settingQuote), 10, 64)
	if id == 0 || !m.showQuoteByID(id) {
		m.list.selectIndex(0)
	}
	m.restoring = false
	m.showRestoredQuote()
}

// showRestoredQuote shows in the source pane the quote restore chose, once
// the event loop runs, unless the researcher chose another one first.
func (m *MainWindow) showRestoredQuote() {
	row := m.restoredQuote
	m.restoredQuote = storage.QuoteRow{}
	if row.ID == 0 {
		return
	}
	lib, wait := m.lib, m.waitForEventLoop()
	m.background(func() func() {
		wait()
		d := fetchSource(lib, row.DocumentID, row.ID)
		return func() {
			switch {
			case m.source.doc.ID != 0: // shown meanwhile
			case d.err != nil:
				m.source.showQuote(row) // reads again, and says what went wrong
			default:
				m.source.showLoaded(d.doc, d.quotes, row)
			}
		}
	})
}

// hasSidebarKey reports whether key still names something in the library.
func (m *MainWindow) hasSidebarKey(key string) bool {
	kind, id := parseKey(key)
	switch kind {
	case keyAll, keyReview, keyRejected:
		return true
	case "topic":
		if m.sidebar.topics == nil {
			return true // not read yet: checked when the sidebar comes
		}
		for _, t := range m.sidebar.topics {
			if t.ID == id {
				return true
			}
		}
	case "speaker":
		n, err := m.lib.CountQuotes(context.Background(), storage.QuoteFilter{SpeakerID: id})
		return err == nil && n > 0
	case "document":
		_, err := m.lib.Document(context.Background(), id)
		return err == nil
	}
	return false
}

// saveSelection remembers the sidebar selection and the current quote.
func (m *MainWindow) saveSelection() {
	m.saveSetting(settingSelection, m.selection)
	m.saveSetting(settingQuote, strconv.FormatInt(m.list.current, 10))
}

// saveLayout remembers the window's size and split offsets, and writes
// every pending setting before the window goes.
func (m *MainWindow) saveLayout() {
	if m.saver == nil {
		return
	}
	size := m.Window.Canvas().Size()
	m.saveSetting(settingWindow, fmt.Sprintf("%g %g", size.Width, size.Height))
	m.saveSetting(settingSplits, fmt.Sprintf("%.4f %.4f", m.outer.Offset, m.inner.Offset))
	m.saveSelection()
	m.saver.flush()
}

func (m *MainWindow) saveSetting(key, value string) {
	if m.saver != nil {
		m.saver.set(key, value)
	}
}

// settingsSaver writes settings in the background, in order, so that a
// click never waits for the library while an import holds it.
type settingsSaver struct {
	store   Settings
	mu      sync.Mutex
	write   sync.Mutex // one writer at a time: the goroutine or flush
	pending map[string]string
	order   []string
	kick    chan struct{}
}

func newSettingsSaver(store Settings) *settingsSaver {
	s := &settingsSaver{store: store, pending: map[string]string{}, kick: make(chan struct{}, 1)}
	go func() {
		for range s.kick {
			s.flush()
		}
	}()
	return s
}

func (s *settingsSaver) set(key, value string) {
	s.mu.Lock()
	if _, ok := s.pending[key]; !ok {
		s.order = append(s.order, key)
	}
	s.pending[key] = value
	s.mu.Unlock()
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// flush writes every pending setting now.
func (s *settingsSaver) flush() {
	s.write.Lock()
	defer s.write.Unlock()
	s.mu.Lock()
	pending, order := s.pending, s.order
	s.pending, s.order = map[string]string{}, nil
	s.mu.Unlock()
	for _, k := range order {
		_ = s.store.SetSetting(context.Background(), k, pending[k]) // layout is a convenience, not data
	}
}
