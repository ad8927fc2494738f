package storage

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/topics"
)

// fixture imports the Kremlin article with engine V1 and returns the library
// and the ids of its quotes by a word of their text.
func fixture(t *testing.T) (*Library, int64, map[string]int64) {
	l := openLib(t)
	docID := mustImport(t, l, engineV1().engine(t), core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin"}})[0].DocumentID
	ids := map[string]int64{}
	for _, q := range allQuotes(t, l, QuoteFilter{DocumentID: docID}) {
		for _, w := range []string{"retreat", "Never", "peace", "Sanctions", "threaten", "Мы"} {
			if strings.Contains(q.Text, w) {
				ids[w] = q.ID
			}
		}
	}
	return l, docID, ids
}

func speakerID(t *testing.T, l *Library, name string) int64 {
	t.Helper()
	sp, err := l.Speakers(context.Background(), SpeakerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sp {
		if s.Name == name {
			return s.ID
		}
	}
	t.Fatalf("no speaker %q in %+v", name, sp)
	return 0
}

// TestUndoRedoEveryCommand applies each command, undoes it, and redoes it,
// comparing the whole library (search index included) with the states before
// and after.
func TestUndoRedoEveryCommand(t *testing.T) {
	ctx := context.Background()
	l, docID, q := fixture(t)
	putin, lavrov := speakerID(t, l, "Vladimir Putin"), speakerID(t, l, "Sergei Lavrov")
	syria := mustDo(t, l, CreateTopic{Name: "Syria"}).Target
	war := mustDo(t, l, CreateTopic{Name: "War", Color: "#EF5350"}).Target
	mustDo(t, l, AssignTopic{TopicID: war, QuoteIDs: []int64{q["retreat"], q["Never"]}})
	mustDo(t, l, AssignTopic{TopicID: syria, QuoteIDs: []int64{q["Never"]}})
	mustDo(t, l, SetTopicRules{TopicID: syria, Rules: []topics.Rule{{Terms: []string{"sanctions"}}}})
	cyber := mustDo(t, l, CreateTopic{Name: "Cyber"}).Target
	mustDo(t, l, CreateTopic{Name: "Hacking", ParentID: cyber})
	mustDo(t, l, AssignTopic{TopicID: cyber, QuoteIDs: []int64{q["retreat"]}})
	mustDo(t, l, SetTopicRules{TopicID: cyber, Rules: []topics.Rule{{Terms: []string{"never"}}}})
	var russia int64
	for _, c := range byText(t, allQuotes(t, l, QuoteFilter{}), "retreat").Topics {
		if c.Name == "Russia" && c.TopicOrigin == TopicSuggested {
			russia = c.TopicID
		}
	}

	cases := []struct {
		name string
		cmd  Command
	}{
		{"set speaker", SetSpeaker{QuoteID: q["threaten"], NewName: "Mike Pence", Kind: core.SpeakerPerson}},
		{"set speaker, same mention", SetSpeaker{QuoteID: q["threaten"], SpeakerID: putin, SameMention: true}},
		{"clear speaker", SetSpeaker{QuoteID: q["Sanctions"]}},
		{"merge speakers", MergeSpeakers{Into: putin, From: lavrov}},
		{"rename speaker", RenameSpeaker{SpeakerID: putin, Name: "Vladimir V. Putin"}},
		{"speaker kind", SetSpeakerKind{SpeakerID: putin, Kind: core.SpeakerOrganisation}},
		{"add alias", AddAlias{SpeakerID: putin, Alias: "Путин"}},
		{"add quote", AddQuote{DocumentID: docID, Span: at(t, kremlinText, `"expected this"`, 0), NewSpeaker: "Observers"}},
		{"reject", RejectQuote{QuoteID: q["peace"]}},
		{"mark reviewed", MarkReviewed{QuoteIDs: []int64{q["retreat"], q["Never"]}}},
		{"quote note", SetQuoteNote{QuoteID: q["Never"], Note: "short"}},
		{"document note", SetDocumentNote{DocumentID: docID, Note: "from the archive"}},
		{"create topic", CreateTopic{Name: "Diplomacy"}},
		{"accept topic", AcceptTopic{TopicID: russia}},
		{"rename topic", RenameTopic{TopicID: syria, Name: "Syria withdrawal"}},
		{"recolour topic", RecolourTopic{TopicID: syria, Color: "#26a69a"}},
		{"nest topic", NestTopic{TopicID: syria, ParentID: war}},
		{"merge topics", MergeTopics{Into: syria, From: war}},
		{"delete topic", DeleteTopic{TopicID: cyber}},
		{"assign", AssignTopic{TopicID: syria, QuoteIDs: []int64{q["retreat"], q["Мы"]}}},
		{"unassign", UnassignTopic{TopicID: syria, QuoteIDs: []int64{q["retreat"]}}},
		{"rules", SetTopicRules{TopicID: syria, Rules: []topics.Rule{{Terms: []string{"retreat"}}, {Terms: []string{"threaten", "never"}, All: true}}}},
	}
	for _, c := range cases {
		before := dump(t, l)
		e, err := l.Do(ctx, c.cmd)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		after := dump(t, l)
		if after == before || e.ID == 0 || e.Summary == "" {
			t.Fatalf("%s changed nothing (edit %+v)", c.name, e)
		}
		undone, err := l.Undo(ctx)
		if err != nil || undone.ID != e.ID || undone.State != EditUndone {
			t.Fatalf("%s: Undo = %+v, %v", c.name, undone, err)
		}
		if got := dump(t, l); got != before {
			t.Fatalf("%s: undo did not restore the library:\n%s", c.name, diffLines(before, got))
		}
		if _, err := l.Redo(ctx); err != nil {
			t.Fatalf("%s: Redo: %v", c.name, err)
		}
		if got := dump(t, l); got != after {
			t.Fatalf("%s: redo did not restore the edit:\n%s", c.name, diffLines(after, got))
		}
		if err := l.CheckIntegrity(ctx); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
	// Undo everything in a row, back to the imported library, then redo it all.
	final := dump(t, l)
	n := 0
	for {
		if _, err := l.Undo(ctx); HasCode(err, CodeNothingToUndo) {
			break
		} else if err != nil {
			t.Fatalf("undo #%d: %v", n+1, err)
		}
		n++
	}
	if want := len(cases) + 9; n != want {
		t.Errorf("undid %d edits, want %d", n, want)
	}
	fresh, _, _ := fixture(t)
	if got, want := dump(t, l), dump(t, fresh); got != want {
		t.Errorf("undoing everything does not give back the imported library:\n%s", diffLines(want, got))
	}
	for range n {
		if _, err := l.Redo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := dump(t, l); got != final {
		t.Errorf("redoing everything:\n%s", diffLines(final, got))
	}
	if _, err := l.Redo(ctx); !HasCode(err, CodeNothingToRedo) {
		t.Errorf("Redo at the end: %v", err)
	}
}

func TestNewEditDropsRedo(t *testing.T) {
	ctx := context.Background()
	l, _, q := fixture(t)
	mustDo(t, l, RejectQuote{QuoteID: q["peace"]})
	if _, err := l.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	undo, redo, _ := l.UndoRedo(ctx)
	if undo != nil || redo == nil || redo.Kind != "reject-quote" {
		t.Fatalf("UndoRedo = %+v, %+v", undo, redo)
	}
	mustDo(t, l, SetQuoteNote{QuoteID: q["peace"], Note: "scare quote"})
	if _, err := l.Redo(ctx); !HasCode(err, CodeNothingToRedo) {
		t.Errorf("Redo after a new edit: %v, want nothing to redo", err)
	}
	j, err := l.Journal(ctx, 0, 10)
	if err != nil || len(j) != 2 || j[0].Kind != "set-quote-note" || j[0].New != "scare quote" || j[1].State != EditDropped {
		t.Errorf("Journal = %+v, %v", j, err)
	}
}

func TestMergeSpeakersKeepsQuotesAndAliases(t *testing.T) {
	ctx := context.Background()
	l, docID, q := fixture(t)
	putin, lavrov := speakerID(t, l, "Vladimir Putin"), speakerID(t, l, "Sergei Lavrov")
	mustDo(t, l, AddAlias{SpeakerID: lavrov, Alias: "Lavrov"})
	mustDo(t, l, MergeSpeakers{Into: putin, From: lavrov})
	sp, err := l.Speakers(ctx, SpeakerFilter{})
	if err != nil || len(sp) != 1 {
		t.Fatalf("Speakers = %+v, %v", sp, err)
	}
	if s := sp[0]; s.Name != "Vladimir Putin" || s.Count != 5 || strings.Join(s.Aliases, "|") != "Lavrov|Sergei Lavrov" {
		t.Errorf("merged speaker = %+v", s)
	}
	if got := allQuotes(t, l, QuoteFilter{SpeakerID: putin}); len(got) != 5 { // "peace plan" has no speaker
		t.Errorf("%d quotes by the merged speaker, want 5", len(got))
	}
	// The alias now finds the speaker on import and in search.
	eng := scripted{version: "v1", quotes: []scriptedQuote{{text: "“Enough.”", speaker: "Lavrov", confidence: 1}}}
	mustImport(t, l, eng.engine(t), core.Document{Text: "Lavrov said: “Enough.”"})
	if sp, _ := l.Speakers(ctx, SpeakerFilter{}); len(sp) != 1 || sp[0].Count != 6 {
		t.Errorf("import did not resolve the alias: %+v", sp)
	}
	if hits := allQuotes(t, l, QuoteFilter{Search: "lavrov"}); len(hits) != 6 {
		t.Errorf("search by alias found %d quotes, want 6", len(hits))
	}
	// Speakers in this document, matched by a word's start.
	in, err := l.Speakers(ctx, SpeakerFilter{DocumentID: docID, Match: "pu"})
	if err != nil || len(in) != 1 || in[0].Count != 5 {
		t.Errorf("Speakers(doc, \"pu\") = %+v, %v", in, err)
	}
	if none, _ := l.Speakers(ctx, SpeakerFilter{Match: "ladimir"}); len(none) != 0 {
		t.Errorf("match inside a word: %+v", none)
	}
	// "He" siblings: the dialog's "apply to every quote attributed to 'He'".
	if ids, err := l.MentionSiblings(ctx, q["threaten"]); err != nil || len(ids) != 1 || ids[0] != q["threaten"] {
		t.Errorf("MentionSiblings = %v, %v", ids, err)
	}
}

func TestEditErrorsAreWorded(t *testing.T) {
	l, _, q := fixture(t)
	ctx := context.Background()
	putin := speakerID(t, l, "Vladimir Putin")
	parent := mustDo(t, l, CreateTopic{Name: "Parent"}).Target
	child := mustDo(t, l, CreateTopic{Name: "Child", ParentID: parent}).Target
	cases := []struct {
		cmd  Command
		code Code
		want string
	}{
		{RejectQuote{QuoteID: 9999}, CodeNotFound, "no longer in the library"},
		{MergeSpeakers{Into: putin, From: putin}, CodeInvalid, "itself"},
		{RenameSpeaker{SpeakerID: putin, Name: "Sergei Lavrov"}, CodeInvalid, "merge the two speakers"},
		{CreateTopic{Name: "  "}, CodeInvalid, "needs a name"},
		{CreateTopic{Name: "parent"}, CodeInvalid, "already a topic"},
		{NestTopic{TopicID: parent, ParentID: child}, CodeInvalid, "one level"},
		{RecolourTopic{TopicID: parent, Color: "red"}, CodeInvalid, "#RRGGBB"},
		{AddQuote{DocumentID: 1, Span: core.Span{Start: 5, End: 99999}}, CodeInvalid, "outside the text"},
		{AddQuote{DocumentID: 1, Span: shiftStart(at(t, kremlinText, "«Мы", 0), 1)}, CodeInvalid, "cuts a character"},
		{SetSpeakerKind{SpeakerID: putin, Kind: "robot"}, CodeInvalid, "robot"},
	}
	for _, c := range cases {
		_, err := l.Do(ctx, c.cmd)
		if !HasCode(err, c.code) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%T: %v, want code %d with %q", c.cmd, err, c.code, c.want)
		}
	}
	if j, _ := l.Journal(ctx, 0, 100); len(j) != 2 {
		t.Errorf("failed edits were journaled: %d entries", len(j))
	}
	_ = q
}

// diffLines shows the lines only in a or only in b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

func shiftStart(s core.Span, d int) core.Span {
	s.Start += d
	return s
}

// TestSetSpeakerLeavesTheReviewQueue: a speaker the researcher chose is a
// decision, so the quote leaves "Needs review"; undo puts it back.
func TestSetSpeakerLeavesTheReviewQueue(t *testing.T) {
	ctx := context.Background()
	l, docID, ids := fixture(t)
	id := ids["peace"]
	queue := QuoteFilter{DocumentID: docID, NeedsReview: true, ReviewBelow: 1.01} // every active quote
	inQueue := func() bool {
		for _, q := range allQuotes(t, l, queue) {
			if q.ID == id {
				return true
			}
		}
		return false
	}
	if !inQueue() {
		t.Fatal("the quote is not in the review queue to begin with")
	}
	mustDo(t, l, SetSpeaker{QuoteID: id, NewName: "Dmitry Peskov"})
	if inQueue() {
		t.Error("after its speaker was set, the quote is still in Needs review")
	}
	if q, err := l.Quote(ctx, id); err != nil || q.Status != StatusReviewed || q.Speaker != "Dmitry Peskov" {
		t.Errorf("quote = %+v, %v; want reviewed, Dmitry Peskov", q, err)
	}
	if _, err := l.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if !inQueue() {
		t.Error("undo did not put the quote back in Needs review")
	}
	// A rejected quote stays rejected when its speaker changes.
	mustDo(t, l, RejectQuote{QuoteID: id})
	mustDo(t, l, SetSpeaker{QuoteID: id, NewName: "Dmitry Peskov"})
	if q, _ := l.Quote(ctx, id); q.Status != StatusRejected {
		t.Errorf("status = %s, want rejected", q.Status)
	}
}

// TestSummariesNameWhatTheResearcherSees: edits are named by a quote's
// words or an article's title, never by an internal number.
func TestSummariesNameWhatTheResearcherSees(t *testing.T) {
	l, docID, ids := fixture(t)
	q, err := l.Quote(context.Background(), ids["peace"])
	if err != nil {
		t.Fatal(err)
	}
	words := strings.TrimRight(strings.Trim(q.Text, "“”\""), ",")
	if utf8.RuneCountInString(words) > labelLength {
		words = string([]rune(words)[:labelLength]) + "…"
	}
	for _, tc := range []struct {
		cmd  Command
		want string
	}{
		{RejectQuote{QuoteID: q.ID}, "Rejected “" + words + "”."},
		{RestoreQuote{QuoteID: q.ID}, "Restored “" + words + "”."},
		{SetQuoteNote{QuoteID: q.ID, Note: "check"}, "Note on “" + words + "” changed."},
		{SetDocumentNote{DocumentID: docID, Note: "check"}, "Note on “Kremlin” changed."},
	} {
		if e := mustDo(t, l, tc.cmd); e.Summary != tc.want {
			t.Errorf("%T: summary %q, want %q", tc.cmd, e.Summary, tc.want)
		}
	}
}

// TestSummariesKeepToOneLine: a summary names its quote or article in the
// Edit menu and the status bar, one line each, whatever line breaks the
// title or the quote's text hold.
func TestSummariesKeepToOneLine(t *testing.T) {
	l := openLib(t)
	docID := mustImport(t, l, engineV1().engine(t),
		core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin\n\t responds"}})[0].DocumentID
	e := mustDo(t, l, SetDocumentNote{DocumentID: docID, Note: "check"})
	if want := "Note on “Kremlin responds” changed."; e.Summary != want {
		t.Errorf("summary %q, want %q", e.Summary, want)
	}
}
