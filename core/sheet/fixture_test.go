package sheet

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/quoteset"
	"verbatim/core/shareddata"
)

const (
	emergencyFile = "wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt"
	syriaFile     = "wikinews_en_2019-10-08_US_President_Trump_announces_troop_withdrawal_from_Syria.txt"
)

// mockupSet is the mockup's sheet: the 8 quotes on "Criticism of the
// president" from two real Wikinews articles, plus one quote on another
// topic that the scope must leave out.
func mockupSet(t testing.TB) quoteset.Set {
	t.Helper()
	read := func(name string) string {
		data, err := os.ReadFile(shareddata.Path(t, "eval", "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	emergency, syria := read(emergencyFile), read(syriaFile)
	set := quoteset.Set{
		// Library order puts the later article first; date order must swap them.
		Documents: []quoteset.Document{
			{ID: "syria", Document: core.Document{Text: syria, Meta: core.Meta{
				Title: "US President Trump announces troop withdrawal from Syria", Outlet: "Wikinews",
				Date: "2019-10-08", Language: "en",
				URL: "https://en.wikinews.org/wiki/US_President_Trump_announces_troop_withdrawal_from_Syria"}}},
			{ID: "emergency", Document: core.Document{Text: emergency, Meta: core.Meta{
				Title: "President Trump says he 'can' and 'may' put US into state of emergency to build border wall", Outlet: "Wikinews",
				Date: "2019-01-07", Language: "en",
				URL: "https://en.wikinews.org/wiki/President_Trump_says_he_'can'_and_'may'_put_US_into_state_of_emergency_to_build_border_wall"}}},
		},
		Speakers: []quoteset.Speaker{
			{Name: "Nancy Pelosi", Role: "Speaker of the House"},
			{Name: "Chuck Schumer", Role: "Senate Minority Leader"},
			{Name: "Adam Schiff", Role: "incoming chair, House Intelligence Committee"},
			{Name: "Dick Durbin", Role: "Senate Minority Whip"},
			{Name: "Brett McGurk", Role: "former Special Presidential Envoy"},
			{Name: "Lindsey Graham", Role: "Senator"},
		},
	}
	add := func(id, docID, speaker, topic string, fragments ...[2]string) {
		var text string
		for _, d := range set.Documents {
			if d.ID == docID {
				text = d.Text
			}
		}
		q := quoteset.Quote{ID: id, DocumentID: docID, Topics: []string{topic}}
		q.Speaker = speaker
		for _, f := range fragments {
			start := strings.Index(text, f[0])
			end := -1
			if start >= 0 {
				end = strings.Index(text[start+1:], f[1])
			}
			if start < 0 || end < 0 {
				t.Fatalf("fixture: %q … %q not found", f[0], f[1])
			}
			q.Fragments = append(q.Fragments, core.Span{Start: start, End: start + 1 + end + len(f[1])})
		}
		q.Span = core.Span{Start: q.Fragments[0].Start, End: q.Fragments[len(q.Fragments)-1].End}
		set.Quotes = append(set.Quotes, q)
	}
	const crit = "Criticism of the president"
	add("m1", "syria", "Brett McGurk", crit, [2]string{`"The WH statement`, `Turkey."`})
	add("m2", "syria", "Brett McGurk", crit, [2]string{`"The SDF suffered`, `dying."`})
	add("g1", "syria", "Lindsey Graham", crit, [2]string{`"ISIS is not defeated`, `very low"`}, [2]string{`"[T]his impulsive`, `soon see."`})
	add("h1", "syria", "Nikki Haley", "Syria withdrawal", [2]string{`"We must always`, `"`})
	add("p1", "emergency", "Nancy Pelosi", crit, [2]string{`"We are committed`, `president."`})
	add("s1", "emergency", "Chuck Schumer", crit, [2]string{`"We made a plea`, `hostage"`})
	add("s2", "emergency", "Chuck Schumer", crit, [2]string{`"So we told`, `resisted."`})
	add("a1", "emergency", "Adam Schiff", crit, [2]string{`"a non-starter`, `"`})
	add("d1", "emergency", "Dick Durbin", crit, [2]string{`"I can just tell you`, `concern"`})
	return set
}

func mockupOptions() Options {
	return Options{
		Scope:     quoteset.Scope{Topic: "Criticism of the president"},
		GroupBy:   BySpeaker,
		Order:     ByDate,
		Generated: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC),
		Closing:   "Article texts: Wikinews, licensed CC BY 2.5.",
	}
}

// syntheticSet makes n quotes in several scripts from docs articles, with
// speakers taking turns, for page-count and speed tests.
func syntheticSet(n, docs int) quoteset.Set {
	// Each quote carries its number ("No. 17") so tests can find it.
	sentences := []string{
		`"No. %d: we will not hold hundreds of thousands of federal workers hostage to a wall," she said.`,
		`«№ %d: мы не собираемся уходить из Сирии», — заявил он журналистам.`,
		`"Αρ. %d: η απόφαση είναι οριστική", είπε ο υπουργός.`,
		`"No. %d: the decision -- and I mean it -- is final. The "experts" disagree, and they have said so for years in every forum that would listen," he added.`,
	}
	speakers := []string{"Nancy Pelosi", "Владимир Путин", "Κυριάκος Μητσοτάκης", "Lindsey Graham", "Chuck Schumer"}
	var set quoteset.Set
	perDoc := (n + docs - 1) / docs
	for d := range docs {
		var b strings.Builder
		var quotes []quoteset.Quote
		for i := 0; i < perDoc && d*perDoc+i < n; i++ {
			s := fmt.Sprintf(sentences[i%len(sentences)], d*perDoc+i+1)
			start := b.Len()
			b.WriteString(s)
			b.WriteString("\n\n")
			last := strings.LastIndexAny(s, `"»`)
			_, size := utf8.DecodeRuneInString(s[last:])
			end := start + last + size
			sp := core.Span{Start: start, End: end}
			q := quoteset.Quote{ID: fmt.Sprintf("q%d-%d", d, i), DocumentID: fmt.Sprintf("d%d", d),
				Topics: []string{"Topic " + fmt.Sprint(i%3)}, Status: "accepted"}
			q.Span, q.Fragments = sp, []core.Span{sp}
			q.Speaker = speakers[(d*perDoc+i)%len(speakers)]
			quotes = append(quotes, q)
		}
		set.Documents = append(set.Documents, quoteset.Document{ID: fmt.Sprintf("d%d", d), Document: core.Document{
			Text: b.String(),
			Meta: core.Meta{Title: fmt.Sprintf("Article number %d about the shutdown", d+1), Outlet: "The Daily",
				Date: fmt.Sprintf("2019-%02d-%02d", d%12+1, d%28+1), URL: fmt.Sprintf("https://example.org/news/%d", d+1)}}})
		set.Quotes = append(set.Quotes, quotes...)
	}
	return set
}
