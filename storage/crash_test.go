package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"verbatim/core"
)

// crashDoc is document i of an endless import: its title tells how many
// quotes it holds, so that a check after a crash knows what "whole" means.
func crashDoc(i int) core.Document {
	n := 1 + i%7
	var b strings.Builder
	fmt.Fprintf(&b, "Report number %d.\n\n", i)
	for k := range n {
		fmt.Fprintf(&b, "Speaker %d of report %d said: “Statement %d is about item %d, and it is long enough to matter.” %s\n\n",
			k%3, i, k, i, strings.Repeat("Filler text follows. ", 20))
	}
	return core.Document{Text: b.String(), Meta: core.Meta{Title: fmt.Sprintf("doc %d with %d quotes", i, n)}}
}

// curlyEngine pairs “ and ” and names the speaker from "Speaker N".
func curlyEngine() Engine {
	return Engine{Version: "curly", Quotes: func(doc core.Document) []core.Quote {
		var out []core.Quote
		text := doc.Text
		for from := 0; ; {
			i := strings.Index(text[from:], "“")
			if i < 0 {
				return out
			}
			start := from + i
			j := strings.Index(text[start:], "”")
			if j < 0 {
				return out
			}
			end := start + j + len("”")
			line := strings.LastIndex(text[:start], "\n") + 1
			speaker := strings.TrimSuffix(strings.SplitN(text[line:start], " of ", 2)[0], ":")
			span := core.Span{Start: start, End: end}
			out = append(out, core.Quote{Span: span, Fragments: []core.Span{span}, Speaker: speaker,
				Mention: core.Span{Start: line, End: line + len(speaker)}, Rule: "name said", Confidence: 0.8})
			from = end
		}
	}}
}

func importForever(dir string) int {
	l, err := Open(context.Background(), dir)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	docs := func(yield func(core.Document) bool) {
		for i := 0; ; i++ {
			if !yield(crashDoc(i)) {
				return
			}
		}
	}
	fmt.Println("ready")
	_, err = l.Import(context.Background(), docs, curlyEngine(), ImportOptions{Progress: func(r ImportResult) {
		fmt.Println("stored", r.Index)
	}})
	fmt.Println("error:", err)
	return 1
}

// TestCrashDuringImport kills (SIGKILL) a process in the middle of a large
// import, reopens the library and checks that it is sound and that every
// document is there with all its quotes, or absent.
func TestCrashDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	for round, killAfter := range []int{150, 700} {
		cmd, out := startChild(t, childImportEnv+"="+dir)
		seen := 0
		for out.Scan() && seen < killAfter {
			if strings.HasPrefix(out.Text(), "error") {
				t.Fatalf("child: %s", out.Text())
			}
			if strings.HasPrefix(out.Text(), "stored") {
				seen++
			}
		}
		// Kill at an arbitrary moment inside a batch.
		time.Sleep(time.Duration(round*7) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		l, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := l.CheckIntegrity(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		docs, err := l.Documents(ctx, DocumentsByImport, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 {
			t.Fatalf("round %d: no document survived %d reported as stored", round, seen)
		}
		for _, d := range docs {
			var i, n int
			fmt.Sscanf(d.Meta.Title, "doc %d with %d quotes", &i, &n)
			if d.Quotes != n {
				t.Errorf("round %d: %q has %d quotes", round, d.Meta.Title, d.Quotes)
			}
			hits, err := l.CountQuotes(ctx, QuoteFilter{DocumentID: d.ID, Search: "statement"})
			if err != nil || hits != n {
				t.Errorf("round %d: %q has %d quotes in the search index, %v", round, d.Meta.Title, hits, err)
			}
		}
		t.Logf("round %d: killed after %d documents reported; %d committed", round, seen, len(docs))
		l.Close()
	}
}
