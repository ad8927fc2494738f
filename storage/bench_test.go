package storage

import (
	"context"
	"fmt"
	"hash/fnv"
	"iter"
	"os"
	"strings"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/core/cputime"
	"verbatim/core/extract"
	"verbatim/core/shareddata"
	"verbatim/core/topics"
)

// Benchmarks on a library the size of a large research project, built from
// the PolNeAR training articles (../shared/eval, read at run time) repeated
// with variations. Run them alone on a quiet machine:
//
//	go test -tags sqlite_fts5 -run '^$' -bench . -benchtime 1x ./storage/

// variations yields n documents: the base articles over and over, each copy
// with its paragraphs rotated, an edition line and another date, so that
// every text is new to the library.
func variations(base []core.Document, n int) iter.Seq[core.Document] {
	return func(yield func(core.Document) bool) {
		for i := range n {
			d := base[i%len(base)]
			edition := i / len(base)
			paras := strings.Split(d.Text, "\n\n")
			if len(paras) > 2 {
				k := 1 + edition%(len(paras)-1)
				paras = append([]string{paras[0]}, append(paras[k:], paras[1:k]...)...)
			}
			text := fmt.Sprintf("Edition %d.\n\n%s", edition, strings.Join(paras, "\n\n"))
			meta := d.Meta
			meta.Title = fmt.Sprintf("%s (edition %d)", d.Meta.Title, edition)
			if t, err := time.Parse("2006-01-02", meta.Date); err == nil {
				meta.Date = t.AddDate(0, 0, edition).Format("2006-01-02")
			}
			if !yield(core.Document{Text: text, Meta: meta}) {
				return
			}
		}
	}
}

// realEngine is the real quote engine. While it finds no speakers, each
// quote gets one of 3,000 made-up speakers (a few of them frequent), so that
// speaker tables and the search index are as full as they will be.
func realEngine() Engine {
	eng := extract.New()
	return Engine{Version: extract.Version, Quotes: func(doc core.Document) []core.Quote {
		quotes := eng.Quotes(doc)
		for i := range quotes {
			if quotes[i].Speaker != "" {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(quotes[i].Span.In(doc.Text)))
			switch n := h.Sum32() % 3000; {
			case n < 450:
				quotes[i].Speaker = "Donald Trump"
			case n < 750:
				quotes[i].Speaker = "Hillary Clinton"
			default:
				quotes[i].Speaker = fmt.Sprintf("Person %d", n)
			}
			quotes[i].SpeakerKind = core.SpeakerPerson
			quotes[i].Confidence = float64(h.Sum32()%100) / 100
		}
		return quotes
	}}
}

// BenchmarkImport10000Articles imports 10,000 articles (about 50 MB of text)
// with the real quote engine into an empty library, without and with topic
// suggestion (the standard engine's), to show what suggestion adds.
func BenchmarkImport10000Articles(b *testing.B) {
	withTopics := realEngine()
	withTopics.Suggester = mustStandardEngine(b).Suggester
	for _, e := range []struct {
		name string
		eng  Engine
	}{{"quotes", realEngine()}, {"quotes+topics", withTopics}} {
		b.Run(e.name, func(b *testing.B) { benchmarkImport(b, e.eng) })
	}
}

func benchmarkImport(b *testing.B, eng Engine) {
	base := shareddata.Articles(b, "polnear", "train.jsonl")
	var size int
	for d := range variations(base, 10000) {
		size += len(d.Text)
	}
	for b.Loop() {
		b.StopTimer()
		l, err := Open(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpuStart := time.Now(), cputime.Process()
		res, err := l.Import(context.Background(), variations(base, 10000), eng, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		elapsed, cpu := time.Since(start), cputime.Process()-cpuStart
		b.StopTimer()
		quotes, dups := 0, 0
		for _, r := range res {
			switch r.Status {
			case Failed:
				b.Fatalf("%s: %v", r.Title, r.Err)
			case Duplicate: // PolNeAR holds some articles twice, from two annotators
				dups++
			}
			quotes += r.Quotes
		}
		b.ReportMetric(elapsed.Seconds(), "s/import")
		// CPU time says more than wall time on a machine shared with others.
		b.ReportMetric(cpu.Seconds(), "cpu-s/import")
		b.ReportMetric(float64(len(res))/elapsed.Seconds(), "docs/s")
		b.ReportMetric(float64(size)/1e6/elapsed.Seconds(), "MB/s")
		b.ReportMetric(float64(quotes), "quotes")
		b.Logf("imported %d documents (%.1f MB; %d duplicates) with %d quotes in %v", len(res), float64(size)/1e6, dups, quotes, elapsed)
		l.Close()
		b.StartTimer()
	}
}

// BenchmarkLargeLibrary builds a library of at least 100,000 quotes with
// topics once, then times what the app does on it. Set
// VERBATIM_BENCH_LIBRARY to a folder to keep the library between runs.
func BenchmarkLargeLibrary(b *testing.B) {
	ctx := context.Background()
	dir := os.Getenv("VERBATIM_BENCH_LIBRARY")
	if dir == "" {
		dir = b.TempDir()
	}
	l, err := Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	if c, _ := l.Counts(ctx, 0); c.Quotes < 100000 {
		buildLargeLibrary(b, l, shareddata.Articles(b, "polnear", "train.jsonl"))
	}
	l.Close()

	start := time.Now()
	l, err = Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { l.Close() }()
	c, _ := l.Counts(ctx, 0)
	b.Logf("library: %d documents, %d quotes, %d speakers, %d topics; opened in %v", c.Documents, c.Quotes, c.Speakers, c.Topics, time.Since(start))
	var largest, smallest Topic
	tops, _ := l.Topics(ctx)
	for _, t := range tops {
		if t.Count > largest.Count {
			largest = t
		}
		if t.Count > 0 && (smallest.Count == 0 || t.Count < smallest.Count) {
			smallest = t
		}
	}
	b.Logf("largest topic %q: %d quotes; smallest %q: %d", largest.Name, largest.Count, smallest.Name, smallest.Count)

	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			l.Close()
			var err error
			if l, err = Open(ctx, dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, q := range []string{"trump", "immigration reform", "said", "clint", "nothing matches this xyzzy"} {
		b.Run("search/"+q, func(b *testing.B) {
			for b.Loop() {
				if _, err := l.Quotes(ctx, QuoteFilter{Search: q}, SortNewestFirst, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("search-by-relevance/"+q, func(b *testing.B) {
			for b.Loop() {
				if _, err := l.Quotes(ctx, QuoteFilter{Search: q}, SortRelevance, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("search-count/"+q, func(b *testing.B) {
			for b.Loop() {
				if _, err := l.CountQuotes(ctx, QuoteFilter{Search: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, topic := range []Topic{largest, smallest} {
		for _, s := range []struct {
			name string
			sort QuoteSort
			off  int
		}{{"newest", SortNewestFirst, 0}, {"document-order", SortDocumentOrder, 0}, {"confidence", SortConfidence, 0},
			{"speaker", SortSpeaker, 0}, {"newest-page-40", SortNewestFirst, 2000}} {
			b.Run(fmt.Sprintf("topic-page/%s-%d/%s", topic.Name, topic.Count, s.name), func(b *testing.B) {
				for b.Loop() {
					if _, err := l.Quotes(ctx, QuoteFilter{TopicID: topic.ID}, s.sort, s.off, 50); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
	b.Run("all-quotes-page/newest", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Quotes(ctx, QuoteFilter{}, SortNewestFirst, 0, 50); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("needs-review-page", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Quotes(ctx, QuoteFilter{NeedsReview: true}, SortConfidence, 0, 50); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sidebar/topics-with-counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Topics(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sidebar/top-speakers", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Speakers(ctx, SpeakerFilter{Limit: 20}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("status-bar/counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Counts(ctx, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("edit/set-speaker+undo", func(b *testing.B) {
		page, _ := l.Quotes(ctx, QuoteFilter{TopicID: largest.ID}, SortNewestFirst, 0, 1)
		for b.Loop() {
			if _, err := l.Do(ctx, SetSpeaker{QuoteID: page[0].ID, NewName: "Benchmark Speaker"}); err != nil {
				b.Fatal(err)
			}
			if _, err := l.Undo(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// buildLargeLibrary imports PolNeAR variations until l holds 100,000 quotes,
// then adds 20 topics with keyword rules.
func buildLargeLibrary(b *testing.B, l *Library, base []core.Document) {
	ctx := context.Background()
	for n := 10000; ; n += 2000 {
		if _, err := l.Import(ctx, variations(base, n), realEngine(), ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		if c, _ := l.Counts(ctx, 0); c.Quotes >= 100000 {
			break
		}
	}
	start := time.Now()
	for _, term := range []string{"Trump", "Clinton", "campaign", "tax", "immigration", "Obama", "debate", "poll", "voters",
		"Republican", "Democrats", "Sanders", "Cruz", "Rubio", "Bush", "president", "America", "economy", "war", "women"} {
		e, err := l.Do(ctx, CreateTopic{Name: term})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Do(ctx, SetTopicRules{TopicID: e.Target, Rules: []topics.Rule{{Terms: []string{term}}}}); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("20 topics with keyword rules applied to the library in %v", time.Since(start))
}
