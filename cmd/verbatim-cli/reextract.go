package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"verbatim/storage"
)

// runReextract extracts the quotes of the library's documents again with
// this version's quote engine: those an older engine read or, with --all,
// every one. The library carries every edit of the researcher over. Progress
// goes to stderr, the summary to stdout; an interrupt stops between two
// documents, and the rest are done by the next run.
func runReextract(e *env, args []string) int {
	flags, dir := newFlags(e, "reextract", "reextract [--library DIR] [--all]")
	all := flags.Bool("all", false, "extract every document again, not only those an older quote engine read")
	if !parseNoArgs(flags, args) {
		return exitBadUsage
	}
	eng, ok := engine(e)
	if !ok {
		return exitFailed
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	docs, err := l.Documents(ctx, storage.DocumentsByImport, 0, 0)
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	titles := map[int64]string{}
	var todo []int64
	for _, d := range docs {
		if *all || d.Engine != eng.Version {
			todo = append(todo, d.ID)
			titles[d.ID] = documentTitle(d)
		}
	}
	if len(todo) == 0 {
		fmt.Fprintf(e.stdout, "Every document was read by quote engine %s already; nothing to do.\n", eng.Version)
		return exitOK
	}

	var t reextractTally
	report := func(r storage.ReextractResult) {
		t.done++
		if r.Err != nil {
			if ctx.Err() == nil {
				t.failed++
				fmt.Fprintf(e.stderr, "[%d/%d] %s: %v\n", t.done, len(todo), titles[r.DocumentID], r.Err)
			}
			return
		}
		t.add(r)
		fmt.Fprintf(e.stderr, "[%d/%d] %s: %s\n", t.done, len(todo), titles[r.DocumentID], changes(r))
	}
	if *all {
		for _, id := range todo {
			if ctx.Err() != nil {
				break
			}
			r, err := l.Reextract(ctx, id, eng)
			r.Err = err
			report(r)
		}
	} else if _, err := l.ReextractOutdated(ctx, eng, report); err != nil && ctx.Err() == nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		t.failed++
	}
	fmt.Fprintln(e.stdout, t.summary(eng.Version, len(todo)))
	if t.failed > 0 || ctx.Err() != nil {
		return exitFailed
	}
	return exitOK
}

// reextractTally adds up what a re-extraction did.
type reextractTally struct {
	done, updated, failed    int
	added, removed, retained int
}

func (t *reextractTally) add(r storage.ReextractResult) {
	t.updated++
	t.added += r.Added
	t.removed += r.Removed
	t.retained += r.Retained
}

func (t reextractTally) summary(version string, todo int) string {
	s := fmt.Sprintf("Updated %s to quote engine %s: %s.", plural(t.updated, "document"), version,
		changes(storage.ReextractResult{Added: t.added, Removed: t.removed, Retained: t.retained}))
	if t.failed > 0 {
		s += fmt.Sprintf(" %s could not be updated and keep their quotes.", plural(t.failed, "document"))
	}
	if left := todo - t.updated - t.failed; left > 0 {
		s += fmt.Sprintf(" Stopped: %s left for the next run.", plural(left, "document"))
	}
	return s
}

// changes says what re-extraction did to a document's quotes.
func changes(r storage.ReextractResult) string {
	var parts []string
	if r.Added > 0 {
		parts = append(parts, plural(r.Added, "new quote"))
	}
	if r.Removed > 0 {
		parts = append(parts, fmt.Sprintf("%d no longer found", r.Removed))
	}
	if r.Retained > 0 {
		parts = append(parts, fmt.Sprintf("%d no longer found but kept for your edits", r.Retained))
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, ", ")
}

// documentTitle names a document in progress lines.
func documentTitle(d storage.DocumentInfo) string {
	switch {
	case d.Meta.Title != "":
		return d.Meta.Title
	case d.Meta.FileName != "":
		return d.Meta.FileName
	}
	return fmt.Sprintf("document %d", d.ID)
}
