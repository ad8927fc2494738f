package ui

import (
	"context"
	"iter"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/storage"
)

// held says whether a turn runs now.
func (t *windowTurn) held() bool {
	return time.Duration(t.until.Load()) > time.Since(t.epoch)
}

// waiting starts wait in a goroutine; the channel closes when it returns.
func waiting(ctx context.Context, turn *windowTurn) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		turn.wait(ctx)
	}()
	return done
}

func mustReturn(t *testing.T, done <-chan struct{}, why string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("wait did not return %s", why)
	}
}

func mustWait(t *testing.T, done <-chan struct{}, why string) {
	t.Helper()
	select {
	case <-done:
		t.Fatalf("wait returned %s", why)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestWindowTurnHoldsWorkersUntilReleased(t *testing.T) {
	ctx := context.Background()
	turn := newWindowTurn()
	mustReturn(t, waiting(ctx, turn), "when no turn was taken")
	turn.take(time.Hour)
	done := waiting(ctx, turn)
	mustWait(t, done, "while the window had its turn")
	turn.release()
	mustReturn(t, done, "after the window released its turn")
	if turn.held() {
		t.Error("a released turn still holds")
	}
}

func TestWindowTurnEndsByItself(t *testing.T) {
	turn := newWindowTurn()
	turn.take(20 * time.Millisecond) // and never released, as when a view is dropped
	mustReturn(t, waiting(context.Background(), turn), "once its time was over")
}

func TestWindowTurnIsNotShortenedByAShorterOne(t *testing.T) {
	turn := newWindowTurn()
	turn.take(time.Hour)
	turn.take(time.Millisecond)
	mustWait(t, waiting(context.Background(), turn), "when a shorter turn was taken during a longer one")
}

func TestWaitForTheWindowEndsWithItsContext(t *testing.T) {
	turn := newWindowTurn()
	turn.take(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	done := waiting(ctx, turn)
	cancel()
	mustReturn(t, done, "when the import was cancelled")
}

func TestNoWindowNoTurn(t *testing.T) {
	var turn *windowTurn
	turn.take(time.Hour)
	turn.release()
	mustReturn(t, waiting(context.Background(), turn), "without a window")
}

// turnWatchingStore is a library that counts the documents handed to it
// while the window had its turn.
type turnWatchingStore struct {
	*storage.Library
	turn       *windowTurn
	duringTurn atomic.Int32
	received   atomic.Int32
}

func (s *turnWatchingStore) Import(ctx context.Context, docs iter.Seq[core.Document], eng storage.Engine, opts storage.ImportOptions) ([]storage.ImportResult, error) {
	watched := func(yield func(core.Document) bool) {
		for d := range docs {
			s.received.Add(1)
			if s.turn.held() {
				s.duringTurn.Add(1)
			}
			if !yield(d) {
				return
			}
		}
	}
	return s.Library.Import(ctx, watched, eng, opts)
}

func TestImportWaitsWhileTheWindowHasItsTurn(t *testing.T) {
	lib, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	turn := newWindowTurn()
	store := &turnWatchingStore{Library: lib, turn: turn}
	imp := Pipeline{Store: store, Engine: NewEngine()}.givingWayTo(turn)

	turn.take(time.Hour)
	read := make(chan struct{}, 8)
	done := make(chan ImportSummary, 1)
	var paths []string
	for _, n := range []string{"harbour.txt", "library.txt"} {
		p, _ := filepath.Abs(filepath.Join("testdata", "articles", n))
		paths = append(paths, p)
	}
	go func() {
		done <- imp.ImportPaths(context.Background(), paths, func(p ImportProgress) {
			if p.FilesDone > 0 {
				read <- struct{}{}
			}
		})
	}()
	select {
	case <-read: // a file is read: without the turn its document would be on its way
	case <-time.After(30 * time.Second):
		t.Fatal("no file was read")
	}
	time.Sleep(100 * time.Millisecond)
	if n := store.received.Load(); n != 0 {
		t.Fatalf("the library received %d documents while the window had its turn", n)
	}
	turn.release()
	var s ImportSummary
	select {
	case s = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the import did not end after the turn was released")
	}
	if s.Imported != 2 || store.duringTurn.Load() != 0 {
		t.Errorf("imported %d (want 2), %d of them during the window's turn", s.Imported, store.duringTurn.Load())
	}
}

func TestTheWindowTakesItsTurnWhileItShowsAViewOrAnArticle(t *testing.T) {
	tw := newTestWindow(t)
	if p, ok := tw.imp.(Pipeline); !ok || p.turn != tw.turn {
		t.Fatalf("the window's importer does not give way to it: %#v", tw.imp)
	}
	tw.importFiles("harbour.txt", "library.txt")
	drain := func() {
		for len(tw.main) > 0 {
			(<-tw.main)()
		}
	}
	drain()
	if tw.turn.held() {
		t.Fatal("the window holds its turn after the import's view was shown")
	}

	tw.refreshView(viewOptions{}, nil)
	if !tw.turn.held() {
		t.Error("the window does not take its turn while it shows a view in steps")
	}
	drain()
	if tw.turn.held() {
		t.Error("the window keeps its turn after the view was shown")
	}

	// A quote of the article not shown, chosen as a click would.
	var other storage.QuoteRow
	for i := 0; ; i++ {
		r, ok := tw.list.pager.row(i)
		if !ok {
			t.Fatal("no listed quote is in another article than the one shown")
		}
		if r.DocumentID != tw.source.doc.ID {
			other = r
			break
		}
	}
	if !tw.list.selectID(other.ID) {
		t.Fatalf("quote %d is not listed", other.ID)
	}
	if !tw.turn.held() || tw.source.doc.ID != other.DocumentID {
		t.Errorf("showing another article (%d, shown %d), the window did not take its turn", other.DocumentID, tw.source.doc.ID)
	}
	drain()
	if tw.turn.held() {
		t.Error("the window keeps its turn after the article was drawn")
	}
}

func TestUpdateWaitsWhileTheWindowHasItsTurn(t *testing.T) {
	dir := t.TempDir()
	outdatedLibrary(t, dir, articlePaths("harbour.txt", "library.txt")...)
	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	turn := newWindowTurn()
	imp := Pipeline{Store: lib, Engine: NewEngine()}.givingWayTo(turn)

	updated := make(chan int, 8)
	done := make(chan ImportSummary, 1)
	turn.take(time.Hour)
	go func() {
		done <- imp.UpdateOutdated(context.Background(), func(p ImportProgress) { updated <- p.FilesDone })
	}()
	// The first report comes before any document; a document already on
	// its way when the turn began may end; the next one waits.
	deadline := time.After(30 * time.Second)
	for seen := 0; seen < 1; {
		select {
		case n := <-updated:
			seen = n
		case <-deadline:
			t.Fatal("no document was updated")
		}
	}
	time.Sleep(100 * time.Millisecond)
	if n, _ := lib.OutdatedDocuments(context.Background(), NewEngine().Version); n != 1 {
		t.Fatalf("%d documents left to update while the window had its turn, want 1", n)
	}
	turn.release()
	select {
	case s := <-done:
		if s.Update.Documents != 2 {
			t.Errorf("updated %d documents after the turn ended, want 2", s.Update.Documents)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the update did not end after the turn was released")
	}
}
