package storage

import (
	"context"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A page of quotes filtered by topic or search can be read in two ways:
// collect every matching quote and sort them (cheap when few match), or walk
// the index that holds the list's order and probe each quote until the page
// is full (cheap when many match, since the page fills after a few hundred
// quotes). SQLite cannot know which, so the library estimates how many
// quotes match and writes the query accordingly.

// filterForm is how one filter is written into the query.
type filterForm int

const (
	collect filterForm = iota // q.id IN (…): the matches drive the query
	probe                     // EXISTS (…) per quote, walked in index order
	ranked                    // full-text table joined, for ordering by relevance
)

type plan struct {
	topic, search filterForm
}

// denseMatches is how many matching quotes make walking the order's index
// the better plan; past it, collecting and sorting costs more than probing
// the rows the walk passes.
const denseMatches = 2000

// indexedOrder reports whether an index gives quotes in order s (for f),
// so that a walk can stop when the page is full.
func indexedOrder(f QuoteFilter, s QuoteSort) bool {
	switch s {
	case SortDocumentOrder, SortNewestFirst, SortOldestFirst:
		return true
	case SortConfidence:
		return f.NeedsReview
	}
	return false
}

func (l *Library) plan(ctx context.Context, f QuoteFilter, s QuoteSort, rows int) (plan, error) {
	var p plan
	searching := len(ftsWords(f.Search)) > 0
	if s == SortRelevance && searching {
		p.search = ranked
	}
	if !indexedOrder(f, s) || f.DocumentID != 0 || (f.TopicID == 0 && !searching) {
		return p, nil
	}
	smallest := -1
	if f.TopicID != 0 {
		var n int
		if err := l.r.QueryRowContext(ctx, "SELECT count(*) FROM quote_topics WHERE topic_id = ? AND assigned = 1", f.TopicID).Scan(&n); err != nil {
			return p, l.readFailed(err)
		}
		smallest = n
	}
	searchFirst := false
	if searching {
		n, err := l.estimateMatches(ctx, ftsWords(f.Search))
		if err != nil {
			return p, err
		}
		if smallest < 0 || n < smallest {
			smallest, searchFirst = n, true
		}
	}
	if smallest > max(denseMatches, rows) {
		p.topic, p.search = probe, probe
	} else if searchFirst {
		p.topic = probe
	} else {
		p.search = probe
	}
	return p, nil
}

// estimateMatches bounds how many quotes a search matches: the fewest rows
// holding any of its words (a word counts with every longer word it starts).
func (l *Library) estimateMatches(ctx context.Context, words []string) (int, error) {
	fewest := -1
	for _, w := range words {
		term := foldTerm(w)
		var n int
		err := l.r.QueryRowContext(ctx, "SELECT ifnull(sum(doc), 0) FROM quote_fts_terms WHERE term >= ? AND term < ?",
			term, term+"\U0010FFFF").Scan(&n)
		if err != nil {
			return 0, l.readFailed(err)
		}
		if fewest < 0 || n < fewest {
			fewest = n
		}
	}
	return fewest, nil
}

// foldTerm folds a word as the index's tokenizer does: lower case, accents
// removed.
func foldTerm(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
