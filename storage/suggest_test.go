package storage

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"verbatim/core"
	"verbatim/core/ingest"
)

// standardEngine loads the standard engine once for the package's tests.
var standardEngine = sync.OnceValues(StandardEngine)

func mustStandardEngine(t testing.TB) Engine {
	t.Helper()
	eng, err := standardEngine()
	if err != nil {
		t.Fatalf("StandardEngine: %v", err)
	}
	return eng
}

// wikinews reads the Wikinews articles of ../shared/eval/articles, in name
// (date) order, or skips the test when they are not there.
func wikinews(t testing.TB) []core.Document {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("repository root not found; skipping a test that needs ../shared/eval/articles")
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "eval", "articles", "wikinews_*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/eval/articles is not available; skipping")
	}
	sort.Strings(files)
	var docs []core.Document
	for _, f := range files {
		got, err := ingest.File(f, ingest.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, got...)
	}
	return docs
}

// topicState renders the topics and their links: what suggestions made.
func topicState(t testing.TB, l *Library) string {
	t.Helper()
	rows, err := l.r.Query(`SELECT t.id, t.name, t.origin, x.quote_id, x.origin, x.reason, x.assigned
		FROM topics t LEFT JOIN quote_topics x ON x.topic_id = t.id ORDER BY t.id, x.quote_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id int64
		var name, origin string
		var quote, assigned *int64
		var linkOrigin, reason *string
		if err := rows.Scan(&id, &name, &origin, &quote, &linkOrigin, &reason, &assigned); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d %s %s", id, name, origin)
		if quote != nil {
			fmt.Fprintf(&b, " q%d %s %q %d", *quote, *linkOrigin, *reason, *assigned)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestStandardEngineSuggestsTopics(t *testing.T) {
	ctx := context.Background()
	docs := wikinews(t)
	l := openLib(t)
	mustImport(t, l, mustStandardEngine(t), docs...)
	all, err := l.AllTopics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3*len(docs) {
		t.Fatalf("%d topics for %d articles", len(all), len(docs))
	}
	for _, topic := range all {
		if topic.Origin != TopicSuggested || topic.Count == 0 || topic.Documents == 0 {
			t.Errorf("topic %+v: want a suggestion with quotes", topic)
		}
	}
	busiest := slices.MaxFunc(all, func(a, b Topic) int { return a.Count - b.Count })
	quotes := allQuotes(t, l, QuoteFilter{TopicID: busiest.ID})
	if len(quotes) != busiest.Count || len(quotes) < 5 {
		t.Fatalf("%d quotes on %q, which counts %d", len(quotes), busiest.Name, busiest.Count)
	}
	for _, q := range quotes {
		chip := chipNamed(q, busiest.Name)
		if chip == nil || chip.LinkOrigin != LinkSuggested || chip.TopicOrigin != TopicSuggested || !strings.Contains(chip.Reason, "mentions") {
			t.Errorf("quote %d: %s chip %+v", q.ID, busiest.Name, chip)
		}
	}
	withTopic, total := 0, 0
	for _, q := range allQuotes(t, l, QuoteFilter{}) {
		total++
		if len(q.Topics) > 0 {
			withTopic++
		}
	}
	// core/topics reaches 80% on gold quotes; the engine's own quotes
	// include some without content words ("Yes.").
	if withTopic*10 < total*7 {
		t.Errorf("only %d of %d quotes carry a topic", withTopic, total)
	}
	t.Logf("%d articles, %d quotes (%d with a topic), %d topics", len(docs), total, withTopic, len(all))
}

func mustFindTopic(t testing.TB, l *Library, name string) Topic {
	t.Helper()
	topic, err := l.FindTopic(context.Background(), name)
	if err != nil {
		t.Fatalf("FindTopic(%q): %v", name, err)
	}
	return topic
}

func chipNamed(q QuoteRow, name string) *TopicChip {
	for i := range q.Topics {
		if q.Topics[i].Name == name {
			return &q.Topics[i]
		}
	}
	return nil
}

// The same articles in the same order give the same topics and links,
// whether imported at once or in two imports with the library closed in
// between; topics of the first import keep their names as more arrive.
func TestSuggestionsAreDeterministicAndStable(t *testing.T) {
	ctx := context.Background()
	docs := wikinews(t)
	eng := mustStandardEngine(t)
	whole := openLib(t)
	mustImport(t, whole, eng, docs...)

	dir := t.TempDir()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	half := len(docs) / 2
	mustImport(t, l, eng, docs[:half]...)
	before, err := l.AllTopics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if l, err = Open(ctx, dir); err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	mustImport(t, l, eng, docs[half:]...)
	after, err := l.AllTopics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{}
	for _, topic := range after {
		names[topic.ID] = topic.Name
	}
	grew := 0
	for _, topic := range before {
		if names[topic.ID] != topic.Name {
			t.Errorf("topic %d was “%s”, now “%s”", topic.ID, topic.Name, names[topic.ID])
		}
		for _, a := range after {
			if a.ID == topic.ID && a.Documents > topic.Documents {
				grew++
			}
		}
	}
	if grew == 0 {
		t.Error("no topic of the first import gathered quotes of the second")
	}
	if a, b := topicState(t, whole), topicState(t, l); a != b {
		t.Errorf("one import and two imports differ:\n%s", firstDifference(a, b))
	}
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}

// A suggestion joins the researcher's topic with its key, whatever the
// words: with a user topic “Turkish” in the library, the Syria article's
// suggestion “Turkey” is filed under it and no topic “Turkey” appears.
func TestSuggestionsJoinUserTopicsByKey(t *testing.T) {
	ctx := context.Background()
	var syria core.Document
	for _, d := range wikinews(t) {
		if strings.Contains(d.Meta.FileName, "troop_withdrawal_from_Syria") {
			syria = d
		}
	}
	if syria.Text == "" {
		t.Skip("the Syria article is missing")
	}
	plain := openLib(t)
	mustImport(t, plain, mustStandardEngine(t), syria)
	suggested := allQuotes(t, plain, QuoteFilter{TopicID: mustFindTopic(t, plain, "Turkey").ID})

	l := openLib(t)
	created := mustDo(t, l, CreateTopic{Name: "Turkish"})
	mustImport(t, l, mustStandardEngine(t), syria)
	if _, err := l.FindTopic(ctx, "Turkey"); !HasCode(err, CodeNotFound) {
		t.Errorf("a topic “Turkey” next to the user's “Turkish” (%v)", err)
	}
	mine := allQuotes(t, l, QuoteFilter{TopicID: created.Target})
	if len(mine) < len(suggested) || len(mine) == 0 {
		t.Errorf("the user's topic has %d quotes, the suggestion alone %d", len(mine), len(suggested))
	}
	for _, q := range mine {
		if c := chipNamed(q, "Turkish"); c == nil || c.LinkOrigin != LinkSuggested || c.TopicOrigin != TopicUser {
			t.Errorf("quote %d: chip %+v", q.ID, c)
		}
	}
}

// Extracting again keeps the suggestions, the researcher's decisions win
// over them, and suggestions that no quote carries any more go.
func TestSuggestionsSurviveReextraction(t *testing.T) {
	ctx := context.Background()
	docs := wikinews(t)
	eng := mustStandardEngine(t)
	l := openLib(t)
	res := mustImport(t, l, eng, docs[:6]...)
	docID := res[5].DocumentID
	quotes := allQuotes(t, l, QuoteFilter{DocumentID: docID})
	var off, on QuoteRow // a quote with a suggestion, and another without it
	var topic TopicChip
	for _, q := range quotes {
		if len(q.Topics) > 0 && topic.TopicID == 0 {
			off, topic = q, q.Topics[0]
		}
	}
	for _, q := range quotes {
		if chipNamed(q, topic.Name) == nil {
			on = q
		}
	}
	if topic.TopicID == 0 || on.ID == 0 {
		t.Fatalf("no suggestion to work with in %d quotes", len(quotes))
	}
	mustDo(t, l, UnassignTopic{TopicID: topic.TopicID, QuoteIDs: []int64{off.ID}})
	mustDo(t, l, AssignTopic{TopicID: topic.TopicID, QuoteIDs: []int64{on.ID}})
	state := topicState(t, l)

	if _, err := l.Reextract(ctx, docID, eng); err != nil {
		t.Fatal(err)
	}
	if got := topicState(t, l); got != state {
		t.Errorf("extracting again with the same engine changed topics:\n%s", firstDifference(state, got))
	}

	// A newer engine finds only the document's first quote: the others go
	// with their suggestions, the researcher's decisions stay.
	first := eng
	first.Version = "first-only"
	first.Quotes = func(d core.Document) []core.Quote { return eng.Quotes(d)[:1] }
	if _, err := l.Reextract(ctx, docID, first); err != nil {
		t.Fatal(err)
	}
	if q, err := l.Quote(ctx, off.ID); err != nil || chipNamed(q, topic.Name) != nil {
		t.Errorf("the topic taken off quote %d came back: %+v, %v", off.ID, q.Topics, err)
	}
	if q, err := l.Quote(ctx, on.ID); err != nil || chipNamed(q, topic.Name) == nil || chipNamed(q, topic.Name).LinkOrigin != LinkUser {
		t.Errorf("the topic put on quote %d is gone: %+v, %v", on.ID, q.Topics, err)
	}
	var empty int
	if err := l.r.QueryRow(`SELECT count(*) FROM topics t WHERE origin = 'suggested'
		AND NOT EXISTS (SELECT 1 FROM quote_topics x WHERE x.topic_id = t.id)`).Scan(&empty); err != nil || empty != 0 {
		t.Errorf("%d suggested topics without quotes remain (%v)", empty, err)
	}
	// The library files later documents as before: importing the rest
	// gives the topics a fresh library reading the same state would.
	mustImport(t, l, eng, docs[6:]...)
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

// The sidebar lists the researcher's topics and the suggestions of several
// documents, filled up with the best others while few qualify, and caps
// suggestions; everything stays reachable by name.
func TestSidebarListsSuggestionsOfSeveralDocuments(t *testing.T) {
	topic := func(id int64, origin TopicOrigin, docs, count int, parent int64) Topic {
		return Topic{ID: id, Name: fmt.Sprint("t", id), Origin: origin, Documents: docs, Count: count, ParentID: parent}
	}
	var all []Topic
	all = append(all, topic(1, TopicUser, 0, 0, 0), topic(2, TopicSuggested, 1, 1, 3), topic(3, TopicSuggested, 1, 1, 0))
	id := int64(4)
	for range suggestedCap + 10 { // suggestions of two documents
		all = append(all, topic(id, TopicSuggested, 2, 3, 0))
		id++
	}
	for range 30 { // of one document
		all = append(all, topic(id, TopicSuggested, 1, 5, 0))
		id++
	}
	got := sidebarTopics(all)
	ids := map[int64]bool{}
	for _, t := range got {
		ids[t.ID] = true
	}
	if !ids[1] || !ids[2] || !ids[3] {
		t.Errorf("user topic, nested suggestion or its parent missing: %v", ids)
	}
	if len(got) != 3+suggestedCap {
		t.Errorf("%d topics listed, want the user's, the nested two and %d suggestions", len(got), suggestedCap)
	}
	for _, t2 := range got {
		if t2.ID > 3 && t2.Documents < 2 {
			t.Errorf("one-document suggestion %d listed although many qualify", t2.ID)
		}
	}
	// Few qualify: the best one-document suggestions fill up to the floor.
	few := slices.Concat(all[:1], all[3+suggestedCap+10:])
	few = append(few, topic(999, TopicSuggested, 3, 3, 0), topic(1000, TopicSuggested, 1, 0, 0))
	got = sidebarTopics(few)
	if len(got) != 1+suggestedFloor || !slices.ContainsFunc(got, func(t Topic) bool { return t.ID == 999 }) {
		t.Errorf("%d listed, want the user's topic and %d suggestions with the one of 3 documents", len(got), suggestedFloor)
	}
	if slices.ContainsFunc(got, func(t Topic) bool { return t.Count == 0 && t.Origin == TopicSuggested }) {
		t.Error("a suggestion without quotes is listed")
	}
}

// On real articles the sidebar hides some one-article suggestions, and each
// can still be found by name.
func TestSidebarOnRealArticles(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	mustImport(t, l, mustStandardEngine(t), wikinews(t)...)
	listed, err := l.Topics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, err := l.AllTopics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) >= len(all) || len(listed) < suggestedFloor {
		t.Fatalf("%d of %d topics listed", len(listed), len(all))
	}
	several := 0
	for _, topic := range listed {
		if topic.Documents >= suggestedMinDocuments {
			several++
		}
	}
	t.Logf("%d of %d topics listed, %d of several articles", len(listed), len(all), several)
	for _, topic := range all {
		if found := mustFindTopic(t, l, strings.ToUpper(topic.Name)); found.ID != topic.ID || found.Count != topic.Count {
			t.Errorf("FindTopic(%q) = %+v, want %+v", topic.Name, found, topic)
		}
	}
}

func TestFindTopicIgnoresCaseBeyondASCII(t *testing.T) {
	l := openLib(t)
	created := mustDo(t, l, CreateTopic{Name: "Ökologie"})
	for _, name := range []string{"Ökologie", "ökologie", "ÖKOLOGIE"} {
		if got := mustFindTopic(t, l, name); got.ID != created.Target {
			t.Errorf("FindTopic(%q) = %+v", name, got)
		}
	}
	if _, err := l.FindTopic(context.Background(), "Ökonomie"); !HasCode(err, CodeNotFound) || !strings.Contains(err.Error(), "no topic called “Ökonomie”") {
		t.Errorf("FindTopic of a missing topic: %v", err)
	}
}

// Two made-up reports on one story, for the filing of later documents.
const (
	syriaReportA = `US troops leave northern Syria

The United States began withdrawing troops from northern Syria on Monday, leaving the Kurds to face a Turkish offensive.

"The Kurds fought ISIS with us, and now we abandon them in Syria," Senator Lindsey Graham said on Monday.

"Syria will not be safe for the Kurds after this," said Mazloum Abdi, the commander of the Kurdish forces.

Turkey said it would push the Kurds back from the border. "We will clear the border of terrorists," Recep Tayyip Erdogan said.`
	syriaReportB = `Fighting spreads in northern Syria

Turkish forces shelled Kurdish towns in northern Syria on Tuesday as the offensive entered its second day.

"Thousands of families are fleeing the towns of northern Syria," Ilham Ahmed said on Tuesday.

"The Kurds are alone now, and Syria is burning," said Aldar Khalil, a Kurdish official.

"The Kurds were our partners against ISIS in Syria," a State Department official said.`
)

// A suggested topic the researcher deleted does not come back with later
// documents (until they create it again), and one merged into another
// files later suggestions under that one.
func TestDeletedAndMergedSuggestionsStayThatWay(t *testing.T) {
	ctx := context.Background()
	eng := mustStandardEngine(t)
	l := openLib(t)
	mustImport(t, l, eng, core.Document{Text: syriaReportA, Meta: core.Meta{Title: "US troops leave northern Syria", Language: "en"}})
	syria, kurds := mustFindTopic(t, l, "Syria"), mustFindTopic(t, l, "Kurds")
	fighters := mustDo(t, l, CreateTopic{Name: "Kurdish fighters"}).Target
	mustDo(t, l, DeleteTopic{TopicID: syria.ID})
	mustDo(t, l, MergeTopics{Into: fighters, From: kurds.ID})

	mustImport(t, l, eng, core.Document{Text: syriaReportB, Meta: core.Meta{Title: "Fighting spreads in northern Syria", Language: "en"}})
	for _, name := range []string{"Syria", "Syrian", "Kurds", "Kurd"} {
		if topic, err := l.FindTopic(ctx, name); !HasCode(err, CodeNotFound) {
			t.Errorf("topic %q is back: %+v (%v)", name, topic, err)
		}
	}
	later := allQuotes(t, l, QuoteFilter{Search: "burning"})
	if len(later) != 1 || chipNamed(later[0], "Kurdish fighters") == nil {
		t.Fatalf("the later quote on the Kurds is not under Kurdish fighters: %+v", later)
	}

	// Undoing the deletion brings the topic back as it was; the next
	// document's suggestions file under it again.
	if _, err := l.Undo(ctx); err != nil { // the merge
		t.Fatal(err)
	}
	if _, err := l.Undo(ctx); err != nil { // the deletion
		t.Fatal(err)
	}
	if got := mustFindTopic(t, l, "Syria"); got.ID != syria.ID {
		t.Errorf("undo gave back %+v, want topic %d", got, syria.ID)
	}
	var names int
	if err := l.r.QueryRow("SELECT count(*) FROM topic_names").Scan(&names); err != nil || names != 0 {
		t.Errorf("%d remembered names after undoing both edits (%v)", names, err)
	}
	if _, err := l.Redo(ctx); err != nil {
		t.Fatal(err)
	}

	// Creating the topic again lifts the deletion.
	mine := mustDo(t, l, CreateTopic{Name: "syria"}).Target
	mustImport(t, l, eng, core.Document{Text: strings.ReplaceAll(syriaReportB, "Tuesday", "Wednesday"), Meta: core.Meta{Title: "Fighting goes on", Language: "en"}})
	if n := len(allQuotes(t, l, QuoteFilter{TopicID: mine})); n == 0 {
		t.Error("the re-created topic Syria took no quotes of a later document")
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

// The links a batch gathers are written in several statements when they
// are many, each exactly once, with their reasons.
func TestLinkBatchWritesEveryLink(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	eng := mustStandardEngine(t)
	eng.Suggester = nil
	mustImport(t, l, eng, wikinews(t)[:3]...)
	quotes := allQuotes(t, l, QuoteFilter{})
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	w := &writeTx{ctx: ctx, tx: tx, unjournaled: true}
	ids := make([]int64, len(quotes))
	var suggested []SuggestedTopic
	for i, q := range quotes {
		ids[i] = q.ID
		for _, label := range []string{"alpha", "beta", "gamma", "alpha"} { // "alpha" twice: one link
			suggested = append(suggested, SuggestedTopic{Quote: i, Label: label, Reason: "reason " + label})
		}
	}
	suggested = append(suggested, SuggestedTopic{Quote: len(ids), Label: "alpha"}, SuggestedTopic{Quote: 0, Label: " "})
	b := linkBatch{perStatement: 7}
	if err := b.add(w, ids, suggested); err != nil {
		t.Fatal(err)
	}
	if err := b.write(w); err != nil {
		t.Fatal(err)
	}
	var links, reasons int
	if err := tx.QueryRow(`SELECT count(*), count(DISTINCT reason) FROM quote_topics x JOIN topics t ON t.id = x.topic_id
		WHERE x.origin = 'suggested' AND x.reason = 'reason ' || t.name`).Scan(&links, &reasons); err != nil {
		t.Fatal(err)
	}
	if len(quotes) < 8 || links != 3*len(quotes) || reasons != 3 {
		t.Errorf("%d links with %d reasons for %d quotes, want %d with 3", links, reasons, len(quotes), 3*len(quotes))
	}
	if len(b.rows) != 0 || b.topics != nil {
		t.Error("the batch keeps links or topics after writing")
	}
}

// TestSuggestionsReadTheEngineLanguage: a text that mixes languages, which
// the quote engine reads as German, gets German topics, not its German
// function words as English topics ("das", "und", "sagte").
func TestSuggestionsReadTheEngineLanguage(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "core", "ingest", "testdata", "unicode.txt"))
	if err != nil {
		t.Fatal(err)
	}
	eng := mustStandardEngine(t)
	doc := core.Document{Text: string(text)} // the file does not say its language
	if got := eng.Language(doc); got != "de" {
		t.Fatalf("the quote engine reads the text as %q; the test needs a text it reads as German", got)
	}
	suggested, _ := eng.suggest(doc, eng.Quotes(doc))
	var labels []string
	for _, tp := range suggested.Topics {
		labels = append(labels, tp.Label)
	}
	if len(labels) == 0 {
		t.Fatal("no topics suggested")
	}
	for _, l := range labels {
		if slices.Contains([]string{"das", "und", "sagte", "Journalistin fügte"}, l) {
			t.Errorf("topics %q: %q is German grammar, not a topic", labels, l)
		}
	}
}
