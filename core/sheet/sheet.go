// Package sheet makes printable quote sheets: Build turns a selection of
// quotes (quoteset.Set) into a Sheet (grouped, ordered, typeset, cited),
// a Renderer lays a Sheet out on A4 or Letter pages and writes it as a PDF
// with embedded Noto fonts, or draws a page as an image for previews.
//
// Scope, grouping and order are decided in Build; the layout only places
// what it is given.
package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"verbatim/core/paragraph"
	"verbatim/core/quoteset"
)

// Sheet is what gets printed.
type Sheet struct {
	Title     string // "Quotes on: Criticism of the president"
	Summary   string // "8 quotes from 2 articles · grouped by speaker · articles in date order"
	Generated string // "Generated 26 November 2026"; "" prints none
	Footer    string // left side of every page's footer
	Groups    []Group
	Sources   []Source // the articles quoted, numbered in this order
	Closing   string   // small print after the sources
}

// Group is a run of quotes under one heading. An empty Heading prints the
// quotes without one (grouping "none").
type Group struct {
	Heading    string // speaker, topic or article title
	Subheading string // speaker's role, or outlet and date
	Quotes     []Quote
}

// Quote is one quotation ready to print.
type Quote struct {
	// Fragments are the pieces inside quotation marks, typeset, marks
	// included. Joins[i] is the narration between Fragments[i] and
	// Fragments[i+1] ("Graham continued."), "" when there is none.
	Fragments []string
	Joins     []string
	Speaker   string
	Source    int // index into Sheet.Sources, -1 for none
	Paragraph int // body paragraph number, 0 when unknown
	Note      string
}

// Source is one quoted article.
type Source struct {
	Title, Outlet, Date, URL string // Date as in core.Meta (ISO 8601)
	Quotes                   int    // how many quotes on the sheet come from it
	Scope                    string // "topic" or "sheet": "5 quotes on this topic"
}

// GroupBy says how quotes are grouped on a sheet.
type GroupBy int

const (
	BySpeaker GroupBy = iota
	ByTopic
	ByDocument
	NoGroups
)

var groupByNames = []string{"speaker", "topic", "document", "none"}

func (g GroupBy) String() string { return groupByNames[g] }

// ParseGroupBy reads "speaker", "topic", "document" or "none".
func ParseGroupBy(s string) (GroupBy, error) {
	if i := slices.Index(groupByNames, strings.ToLower(strings.TrimSpace(s))); i >= 0 {
		return GroupBy(i), nil
	}
	return 0, fmt.Errorf("“%s” is not a way to group quotes; use speaker, topic, document or none", s)
}

// Order says in which order articles (and so quotes) come.
type Order int

const (
	ByDate          Order = iota // oldest article first, undated last
	InDocumentOrder              // the order of Set.Documents
)

// ParseOrder reads "date" or "document".
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "date":
		return ByDate, nil
	case "document":
		return InDocumentOrder, nil
	}
	return 0, fmt.Errorf("“%s” is not an order; use date or document", s)
}

// Options shape a sheet.
type Options struct {
	Title string         // "" makes one from Scope
	Scope quoteset.Scope // which quotes
	// Selected says the set holds just the quotes in Scope already (the
	// library chose them, with its own search): Build then does not select
	// again, and Scope only names the selection.
	Selected  bool
	GroupBy   GroupBy
	Order     Order
	Generated time.Time // zero prints no date
	Closing   string    // extra small print, e.g. the articles' licence
}

// Build selects, orders, groups and typesets quotes for a sheet. Quotes that
// cannot be used are left out, each with an error that says why.
func Build(set quoteset.Set, opts Options) (Sheet, []error) {
	ty, err := NewTypographer()
	if err != nil {
		return Sheet{}, []error{err}
	}
	if !opts.Selected {
		set = set.Select(opts.Scope)
	}
	set, problems := set.Checked()
	docs := orderDocuments(set.Documents, opts.Order)
	rank := make(map[string]int, len(docs))
	for i, d := range docs {
		rank[d.ID] = i
	}
	quotes := slices.Clone(set.Quotes)
	slices.SortStableFunc(quotes, func(a, b quoteset.Quote) int {
		return cmp.Or(cmp.Compare(rank[a.DocumentID], rank[b.DocumentID]), cmp.Compare(a.Span.Start, b.Span.Start))
	})

	b := builder{ty: ty, set: set, docs: docs, docByID: set.DocumentsByID(),
		sourceOf: map[string]int{}, paragraphs: map[string]*paragraph.Index{}}
	b.makeSources(quotes, opts.Scope)
	sh := Sheet{
		Title:   sheetTitle(opts, set, ty),
		Groups:  b.group(quotes, opts.GroupBy),
		Sources: b.sources,
		Closing: strings.TrimSpace(opts.Closing + " ¶ numbers count the article’s body paragraphs. Square brackets inside quotes are the original article’s."),
	}
	count := countLine(len(quotes), len(b.sources))
	sh.Summary = count + " · " + groupingLine(opts.GroupBy) + " · " + orderLine(opts.Order)
	sh.Footer = sh.Title + " · " + count
	if !opts.Generated.IsZero() {
		sh.Generated = "Generated " + opts.Generated.Format("2 January 2006")
	}
	return sh, problems
}

func orderDocuments(docs []quoteset.Document, order Order) []quoteset.Document {
	docs = slices.Clone(docs)
	if order == ByDate {
		slices.SortStableFunc(docs, func(a, b quoteset.Document) int {
			da, db := strings.TrimSpace(a.Meta.Date), strings.TrimSpace(b.Meta.Date)
			if (da == "") != (db == "") {
				return cmp.Compare(len(db), len(da)) // undated last
			}
			return cmp.Compare(da, db)
		})
	}
	return docs
}

type builder struct {
	ty         *Typographer
	set        quoteset.Set
	docs       []quoteset.Document
	docByID    map[string]*quoteset.Document
	sources    []Source
	sourceOf   map[string]int
	paragraphs map[string]*paragraph.Index
}

func (b *builder) makeSources(quotes []quoteset.Quote, scope quoteset.Scope) {
	per := "sheet"
	if scope.Topic != "" {
		per = "topic"
	}
	counts := map[string]int{}
	for _, q := range quotes {
		counts[q.DocumentID]++
	}
	for _, d := range b.docs {
		if counts[d.ID] == 0 {
			continue
		}
		b.sourceOf[d.ID] = len(b.sources)
		b.sources = append(b.sources, Source{
			Title:  b.ty.Typeset(d.Meta.Title, "en"),
			Outlet: d.Meta.Outlet, Date: d.Meta.Date, URL: d.Meta.URL,
			Quotes: counts[d.ID], Scope: per,
		})
	}
}

// group puts quotes under headings, in order of each heading's first quote.
func (b *builder) group(quotes []quoteset.Quote, by GroupBy) []Group {
	var groups []Group
	index := map[string]int{}
	add := func(key, heading, sub string, q Quote) {
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, Group{Heading: heading, Subheading: sub})
		}
		groups[i].Quotes = append(groups[i].Quotes, q)
	}
	speakers := b.set.SpeakersByName()
	var untopical []Quote
	for _, q := range quotes {
		sq := b.quote(q)
		switch by {
		case BySpeaker:
			add(sq.Speaker, sq.Speaker, speakers[q.Speaker].Role, sq)
		case ByTopic:
			if len(q.Topics) == 0 {
				untopical = append(untopical, sq)
			}
			for _, t := range q.Topics {
				add(t, t, "", sq)
			}
		case ByDocument:
			src := b.sources[sq.Source]
			add(q.DocumentID, src.Title, joinNonEmpty(" · ", src.Outlet, formatDate(src.Date, false)), sq)
		default:
			add("", "", "", sq)
		}
	}
	if len(untopical) > 0 {
		groups = append(groups, Group{Heading: "No topic", Quotes: untopical})
	}
	return groups
}

// quote typesets one quote and finds its citation.
func (b *builder) quote(q quoteset.Quote) Quote {
	doc := b.docByID[q.DocumentID]
	lang := doc.Meta.Language
	sq := Quote{Speaker: q.Speaker, Source: b.sourceOf[q.DocumentID], Note: strings.TrimSpace(q.Note)}
	if sq.Speaker == "" {
		sq.Speaker = "Unknown speaker"
	}
	for i, f := range q.Fragments {
		if i > 0 {
			sq.Joins = append(sq.Joins, narration(doc.Text[q.Fragments[i-1].End:f.Start]))
		}
		sq.Fragments = append(sq.Fragments, b.ty.Quoted(collapseSpace(f.In(doc.Text)), lang, i == 0, i == len(q.Fragments)-1))
	}
	ix, ok := b.paragraphs[q.DocumentID]
	if !ok {
		ix = paragraph.New(doc.Text)
		b.paragraphs[q.DocumentID] = ix
	}
	sq.Paragraph = ix.NumberAt(q.Span.Start)
	return sq
}

// narration tidies the words between two fragments: `, Graham continued. `
// becomes "Graham continued.".
func narration(s string) string {
	return strings.TrimLeftFunc(collapseSpace(s), func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:", r) })
}

// collapseSpace turns runs of white space (line breaks included) into one
// space, so that a quote prints as one paragraph.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func sheetTitle(opts Options, set quoteset.Set, ty *Typographer) string {
	sc := opts.Scope
	switch {
	case opts.Title != "":
		return opts.Title
	case sc.Topic == "" && sc.Speaker == "" && sc.DocumentID != "" && len(set.Documents) == 1:
		return "Quotes from: " + ty.Typeset("“"+set.Documents[0].Meta.Title+"”", "en")
	case sc.Title() != "":
		return ty.Typeset(sc.Title(), "en")
	}
	return "Quote sheet"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func countLine(quotes, articles int) string {
	return plural(quotes, "quote", "quotes") + " from " + plural(articles, "article", "articles")
}

func groupingLine(g GroupBy) string {
	if g == NoGroups {
		return "not grouped"
	}
	return "grouped by " + g.String()
}

func orderLine(o Order) string {
	if o == ByDate {
		return "articles in date order"
	}
	return "articles in library order"
}

// citation is "— Speaker, in “Title”, Outlet, 7 Jan 2019, ¶ 2", with
// non-breaking spaces inside the date and after ¶.
func citation(q Quote, sources []Source) string {
	parts := []string{"— " + q.Speaker}
	if q.Source >= 0 && q.Source < len(sources) {
		s := sources[q.Source]
		if s.Title != "" {
			parts = append(parts, "in “"+s.Title+"”")
		}
		parts = append(parts, s.Outlet, formatDate(s.Date, false))
	}
	if q.Paragraph > 0 {
		parts = append(parts, fmt.Sprintf("¶%s%d", nbsp, q.Paragraph))
	}
	return joinNonEmpty(", ", parts...)
}

// QuoteWithCitation is the text to copy for one quote: the typeset
// quotation on one line and its citation on the next, with ordinary spaces.
// It returns an error when the set has no usable quote with that ID.
func QuoteWithCitation(set quoteset.Set, quoteID string) (string, error) {
	sh, problems := Build(set, Options{Scope: quoteset.Scope{QuoteIDs: []string{quoteID}}, GroupBy: NoGroups})
	if len(sh.Groups) == 0 || len(sh.Groups[0].Quotes) == 0 {
		if len(problems) > 0 {
			return "", problems[0]
		}
		return "", fmt.Errorf("there is no quote %q to copy", quoteID)
	}
	q := sh.Groups[0].Quotes[0]
	var b strings.Builder
	for i, f := range q.Fragments {
		if i > 0 {
			if j := q.Joins[i-1]; j != "" {
				b.WriteString(" [" + j + "]")
			}
			b.WriteString(" ")
		}
		b.WriteString(f)
	}
	b.WriteString("\n" + citation(q, sh.Sources))
	return strings.ReplaceAll(b.String(), nbsp, " "), nil
}
