package topics

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"verbatim/core"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The quality bar of issue 7, measured on PolNeAR dev with its gold quotes:
// a typical article with 8–15 quotes gets 3–7 topics, and at least 80% of
// all quotes get a topic.
func TestPolNeARDevQualityBar(t *testing.T) {
	s := suggester(t)
	docs := readCorpus(t, filepath.Join(evalDir(t), "polnear", "dev.jsonl"))
	typical, typicalInRange, quotes, withTopic := 0, 0, 0, 0
	for _, d := range docs {
		dt, err := s.Document(d.doc, d.quotes)
		if err != nil {
			t.Errorf("%s: %v", d.id, err)
		}
		if n := len(d.quotes); n >= 8 && n <= 15 {
			typical++
			if len(dt.Topics) >= 3 && len(dt.Topics) <= 7 {
				typicalInRange++
			} else {
				t.Logf("%s: %d quotes, %d topics", d.id, n, len(dt.Topics))
			}
		}
		for _, as := range dt.Quotes {
			quotes++
			if len(as) > 0 {
				withTopic++
			}
		}
	}
	inRange := float64(typicalInRange) / float64(typical)
	covered := float64(withTopic) / float64(quotes)
	t.Logf("PolNeAR dev: %d of %d articles with 8–15 quotes have 3–7 topics (%.0f%%); %d of %d quotes have a topic (%.1f%%)",
		typicalInRange, typical, 100*inRange, withTopic, quotes, 100*covered)
	if inRange < 0.9 {
		t.Errorf("only %.0f%% of typical articles have 3–7 topics; want at least 90%%", 100*inRange)
	}
	if covered < 0.8 {
		t.Errorf("only %.1f%% of quotes have a topic; want at least 80%%", 100*covered)
	}
}

// Label quality rules, checked on every real article at hand: a label has one
// to four words, occurs in the text as written (or in the title), is no stop
// word or vague word, and is not the name of a speaker.
func TestLabelRulesOnRealText(t *testing.T) {
	s := suggester(t)
	dir := evalDir(t)
	corpora := map[string][]evalDoc{
		"articles":        readArticles(t),
		"PolNeAR dev":     readCorpus(t, filepath.Join(dir, "polnear", "dev.jsonl")),
		"German Wikinews": readCorpus(t, filepath.Join(dir, "de-wikinews", "dev.jsonl")),
	}
	labels := 0
	for name, docs := range corpora {
		for _, d := range docs {
			dt, _ := s.Document(d.doc, d.quotes)
			lang := s.languages[dt.Language]
			speakers := speakerNames(lang, d.quotes)
			for _, topic := range dt.Topics {
				labels++
				if problem := labelProblem(lang, d.doc, topic.Label, speakers); problem != "" {
					t.Errorf("%s %s: label %q %s", name, d.id, topic.Label, problem)
				}
			}
		}
	}
	if labels < 300 {
		t.Errorf("only %d labels checked; the evaluation data seems incomplete", labels)
	}
}

// speakerNames are the gold speaker mentions' names, lower-cased, with
// titles and function words left out: "President Obama" → "obama". A
// description in lower case ("the union", "a protester") names no one: what
// the union says may well be about the union.
func speakerNames(lang *language, quotes []core.Quote) map[string]bool {
	names := map[string]bool{}
	for _, q := range quotes {
		var words []string
		for _, w := range strings.Fields(q.Speaker) {
			if lower := foldWords(w); len(lower) > 0 && w != lower[0] && !lang.is(lower[0], isTitle|isStop) {
				words = append(words, lower...)
			}
		}
		if len(words) > 0 && len(words) <= 3 {
			names[strings.Join(words, " ")] = true
		}
	}
	return names
}

func labelProblem(lang *language, doc core.Document, label string, speakers map[string]bool) string {
	words := foldWords(label)
	text := doc.Text
	switch {
	case len(words) == 0 || len(words) > maxWords:
		return fmt.Sprintf("has %d words", len(words))
	case !strings.Contains(text, label) && !strings.Contains(text, upperFirst(label)) && !containsRun(foldWords(doc.Meta.Title), words):
		return "does not occur in the text or title"
	case speakers[strings.Join(words, " ")]:
		return "is a speaker's name"
	}
	vague := true
	tokens, _ := scan(lang, label)
	for _, t := range tokens {
		if t.acronym || !lang.isVague(t.lower) {
			vague = false
		}
	}
	if vague {
		return "is made of stop words or vague words only"
	}
	return ""
}

func upperFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func TestSameInputSameSuggestions(t *testing.T) {
	s := suggester(t)
	for _, d := range readArticles(t) {
		first, _ := s.Document(d.doc, d.quotes)
		again, _ := s.Document(d.doc, d.quotes)
		other, err := New()
		if err != nil {
			t.Fatal(err)
		}
		fresh, _ := other.Document(d.doc, d.quotes)
		if !reflect.DeepEqual(first, again) || !reflect.DeepEqual(first, fresh) {
			t.Errorf("%s: suggestions differ between runs", d.id)
		}
	}
}

// A text written for the test in the manner of a news report.
const syriaReport = `Senator Lindsey Graham criticised the withdrawal of US troops from Syria on Monday.

"This is a big win for ISIS," Graham said. "The Kurds fought ISIS with us, and now we abandon them in Syria."

Graham added that sanctions against Turkey were needed. "Turkey must face sanctions if it attacks the Kurds," he said.

The Syrian Democratic Forces said the decision was "a stab in the back". Mazloum Abdi, the SDF commander, said: "We will defend our land against any Turkish attack."

"I never threaten anybody," Trump said.`

func quotesOf(text string) []core.Quote { return straightQuotes(text) }

func TestSuggestionsForAReport(t *testing.T) {
	s := suggester(t)
	doc := core.Document{Text: syriaReport, Meta: core.Meta{Language: "en", Title: "Senator criticises Syria withdrawal"}}
	quotes := quotesOf(syriaReport)
	for i, speaker := range []string{"Lindsey Graham", "Lindsey Graham", "Lindsey Graham", "Syrian Democratic Forces", "Mazloum Abdi", "Donald Trump"} {
		quotes[i].Speaker = speaker
	}
	dt, err := s.Document(doc, quotes)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, topic := range dt.Topics {
		labels = append(labels, topic.Label)
	}
	for _, want := range []string{"Syria", "ISIS", "Kurds", "sanctions", "Turkey"} {
		if !containsString(labels, want) {
			t.Errorf("topics %q lack %q", labels, want)
		}
	}
	for _, name := range []string{"Graham", "Lindsey Graham", "Trump", "Mazloum Abdi", "Senator Lindsey Graham"} {
		if containsString(labels, name) {
			t.Errorf("topics %q name the speaker %q", labels, name)
		}
	}
	if len(labels) < minTopics || len(labels) > maxTopics {
		t.Errorf("%d topics, want %d–%d", len(labels), minTopics, maxTopics)
	}
	// "Syrian" is grouped under "Syria", as is "Turkish" under "Turkey".
	syria := findTopic(dt, "Syria")
	if syria == nil || syria.Key != "syria" {
		t.Fatalf("no topic Syria with key syria in %+v", dt.Topics)
	}
	if a := assignment(dt, 1, "Syria"); a == nil || a.Reason != "the quote mentions “Syria”" {
		t.Errorf("quote 2 about Syria: got %+v", dt.Quotes[1])
	}
	if a := assignment(dt, 4, "Turkey"); a == nil || a.Reason != "the quote mentions “Turkish”" {
		t.Errorf("quote 5 about Turkey through “Turkish”: got %+v", dt.Quotes[4])
	}
	// "I never threaten anybody" names nothing; the sentence before it does.
	if a := assignment(dt, 5, "Turkey"); a == nil || a.Reason != "the sentence next to the quote mentions “Turkish”" || len(dt.Quotes[5]) != 1 {
		t.Errorf("quote 6 about Turkey through the sentence before it: got %+v", dt.Quotes[5])
	}
}

func TestBadQuoteSpansAreReportedAndTheRestServed(t *testing.T) {
	s := suggester(t)
	quotes := quotesOf(syriaReport)
	quotes = append(quotes, core.Quote{Span: core.Span{Start: 10, End: 100000}}, core.Quote{Span: core.Span{Start: 50, End: 40}})
	dt, err := s.Document(core.Document{Text: syriaReport}, quotes)
	var qe *QuoteError
	if !errors.As(err, &qe) || qe.Index != len(quotes)-2 {
		t.Fatalf("error %v, want a QuoteError for quote %d", err, len(quotes)-1)
	}
	if !strings.Contains(err.Error(), "quote 7 (characters 10–100000) lies outside the document's text (522 characters); it gets no topics") ||
		!strings.Contains(err.Error(), "quote 8 (characters 50–40) ends before it starts") {
		t.Errorf("error text: %v", err)
	}
	if len(dt.Quotes) != len(quotes) || len(dt.Quotes[len(quotes)-1]) != 0 || len(dt.Topics) < minTopics {
		t.Errorf("the good quotes were not served: %+v", dt)
	}
}

func TestEmptyAndOddDocuments(t *testing.T) {
	s := suggester(t)
	for _, text := range []string{"", "   \n\n", `"`, `""`, "“”", "\"Yes.\"", strings.Repeat("word ", 3) + `"` + strings.Repeat("x", 5)} {
		quotes := quotesOf(text)
		dt, err := s.Document(core.Document{Text: text}, quotes)
		if err != nil || len(dt.Quotes) != len(quotes) {
			t.Errorf("%q: %v, %+v", text, err, dt)
		}
	}
}

func TestGermanReport(t *testing.T) {
	s := suggester(t)
	text := `Die Bundesregierung plant neue Sanktionen gegen Russland. „Die Sanktionen treffen die russische Wirtschaft hart“, sagte Außenministerin Annalena Baerbock am Montag in Berlin.

Der Kreml wies die Vorwürfe zurück. „Russland lässt sich nicht erpressen“, erklärte ein Sprecher. Die Sanktionen sollen im Mai in Kraft treten.`
	var quotes []core.Quote
	for _, q := range []string{"„Die Sanktionen treffen die russische Wirtschaft hart“", "„Russland lässt sich nicht erpressen“"} {
		i := strings.Index(text, q)
		quotes = append(quotes, core.Quote{Span: core.Span{Start: i, End: i + len(q)}})
	}
	dt, err := s.Document(core.Document{Text: text}, quotes)
	if err != nil {
		t.Fatal(err)
	}
	if dt.Language != "de" {
		t.Errorf("language %q, want de (guessed from the text)", dt.Language)
	}
	for _, want := range []string{"Sanktionen", "Russland"} {
		if findTopic(dt, want) == nil {
			t.Errorf("no topic %q in %+v", want, dt.Topics)
		}
	}
	for _, name := range []string{"Annalena Baerbock", "Baerbock", "Außenministerin Annalena Baerbock"} {
		if findTopic(dt, name) != nil {
			t.Errorf("the speaker %q is a topic", name)
		}
	}
}

// Golden suggestions for four real articles, to see every change in the
// labels. Rewrite with go test ./core/topics -run Golden -update, and read
// the difference.
func TestGoldenArticles(t *testing.T) {
	s := suggester(t)
	for _, d := range readArticles(t) {
		name := ""
		switch {
		case strings.Contains(d.id, "troop_withdrawal_from_Syria"):
			name = "syria-withdrawal"
		case strings.Contains(d.id, "Hong_Kong"):
			name = "hong-kong"
		case strings.Contains(d.id, "GitHub_blocks"):
			name = "youtube-dl"
		case strings.Contains(d.id, "state_of_eme"):
			name = "state-of-emergency"
		default:
			continue
		}
		dt, _ := s.Document(d.doc, d.quotes)
		var b strings.Builder
		for _, topic := range dt.Topics {
			fmt.Fprintf(&b, "topic %q key %q quotes %v\n", topic.Label, topic.Key, topic.Quotes)
		}
		for i, as := range dt.Quotes {
			for _, a := range as {
				fmt.Fprintf(&b, "quote %d %q: %s\n", i, a.Label, a.Reason)
			}
		}
		path := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: suggestions changed; got\n%s\nwant\n%s", name, b.String(), want)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func findTopic(dt DocumentTopics, label string) *Topic {
	for i := range dt.Topics {
		if dt.Topics[i].Label == label {
			return &dt.Topics[i]
		}
	}
	return nil
}

func assignment(dt DocumentTopics, quote int, label string) *Assignment {
	for i := range dt.Quotes[quote] {
		if dt.Quotes[quote][i].Label == label {
			return &dt.Quotes[quote][i]
		}
	}
	return nil
}

// What an organisation says is often about it: an organisation that speaks
// may be a topic, a person who speaks never is.
func TestSpeakingOrganisationsMayBeTopics(t *testing.T) {
	s := suggester(t)
	text := `NATO warned Russia on Monday over its troops at the border of Latvia.

"NATO will defend every ally against any attack," the alliance said in a statement. "The troops at the border are a threat to NATO," Jens Stoltenberg said.

Russia dismissed the warning. "NATO has no business on our border," the Kremlin said.`
	for _, c := range []struct {
		kind  core.SpeakerKind
		topic bool
	}{{core.SpeakerOrganisation, true}, {core.SpeakerPerson, false}} {
		quotes := quotesOf(text)
		for i := range quotes {
			quotes[i].Speaker, quotes[i].SpeakerKind = "NATO", c.kind
		}
		quotes[1].Speaker, quotes[1].SpeakerKind = "Jens Stoltenberg", core.SpeakerPerson
		dt, err := s.Document(core.Document{Text: text, Meta: core.Meta{Language: "en"}}, quotes)
		if err != nil {
			t.Fatal(err)
		}
		if got := findTopic(dt, "NATO") != nil; got != c.topic {
			t.Errorf("speaker NATO as %s: topic NATO = %v, want %v (topics %+v)", c.kind, got, c.topic, dt.Topics)
		}
		if findTopic(dt, "Jens Stoltenberg") != nil || findTopic(dt, "Stoltenberg") != nil {
			t.Errorf("the speaker Jens Stoltenberg is a topic: %+v", dt.Topics)
		}
	}
}

// Labels name what quotes are about, not what the speaker does with words
// or how they judge it (data/en/rhetoric.txt), and say a phrase in full
// when the document always writes the word inside it ("federal workers").
func TestRhetoricalWordsAndFullPhrases(t *testing.T) {
	s := suggester(t)
	text := `The government shut down on Saturday after Congress and the White House failed to agree on a budget.

"We made a plea to the president: do not hold federal workers hostage," Chuck Schumer said. "Federal workers must be paid."

Adam Schiff called the offer "a non-starter". "The shutdown is a disgusting mistake," Dick Durbin said. "A non-starter and a mistake," he added. "We repeat our plea."

"The budget impasse hurts federal workers and their families," Nancy Pelosi said. "The shutdown must end."`
	quotes := quotesOf(text)
	for i, speaker := range []string{"Chuck Schumer", "Chuck Schumer", "", "Dick Durbin", "Dick Durbin", "Dick Durbin", "Nancy Pelosi", "Nancy Pelosi"} {
		quotes[i].Speaker = speaker
	}
	dt, err := s.Document(core.Document{Text: text, Meta: core.Meta{Language: "en"}}, quotes)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, topic := range dt.Topics {
		labels = append(labels, topic.Label)
	}
	for _, want := range []string{"federal workers", "shutdown"} {
		if !containsString(labels, want) {
			t.Errorf("topics %q lack %q", labels, want)
		}
	}
	for _, bad := range []string{"plea", "non-starter", "mistake", "disgusting mistake", "workers", "hostage", "workers hostage"} {
		if containsString(labels, bad) {
			t.Errorf("topics %q have %q", labels, bad)
		}
	}
}

// A topic takes the longer phrase the title says it in ("border wall") when
// the text uses its words; not an office, a headline's verb or a word the
// text does not use.
func TestTitleSaysTheLabelInFull(t *testing.T) {
	s := suggester(t)
	text := `The president wants a wall on the border with Mexico. New border patrol rules take effect in May.

"The border is not safe," the president said. "We will close the border if we must."

Critics said the wall would not make the border safer. "The border is safe," Nancy Pelosi said.`
	for _, c := range []struct{ title, want string }{
		{"President vows to build border wall", "border wall"},
		{"Trump Vows To Build Border Wall", "border wall"},
		{"Mexico Border Wall", "Mexico border wall"},
		{"President's border plan", "border"},            // the text has no plan
		{"Pelosi rejects border patrol rules", "border"}, // "rules" is the headline's verb
		{"Border leader", "border"},                      // an office
	} {
		quotes := quotesOf(text)
		for i, speaker := range []string{"Donald Trump", "Donald Trump", "Nancy Pelosi"} {
			quotes[i].Speaker = speaker
		}
		dt, err := s.Document(core.Document{Text: text, Meta: core.Meta{Language: "en", Title: c.title}}, quotes)
		if err != nil {
			t.Fatal(err)
		}
		if len(dt.Topics) == 0 || dt.Topics[0].Label != c.want || dt.Topics[0].Key != s.languages["en"].labelKey(c.want) {
			t.Errorf("title %q: topics %+v, want %q first", c.title, dt.Topics, c.want)
		}
	}
}

// A word the document writes only next to a topic's label, in one phrase,
// belongs to that topic: "hostage" in "hold federal workers hostage".
func TestWordsNextToALabelJoinIt(t *testing.T) {
	s := suggester(t)
	text := `"Do not hold federal workers hostage," Chuck Schumer said. "Federal workers need their pay," he added.

"The border is safe," Nancy Pelosi said. "We will not pay for a border wall," she added.`
	quotes := quotesOf(text)
	for i, speaker := range []string{"Chuck Schumer", "Chuck Schumer", "Nancy Pelosi", "Nancy Pelosi"} {
		quotes[i].Speaker = speaker
	}
	dt, err := s.Document(core.Document{Text: text, Meta: core.Meta{Language: "en"}}, quotes)
	if err != nil {
		t.Fatal(err)
	}
	if findTopic(dt, "federal workers") == nil || findTopic(dt, "hostage") != nil || findTopic(dt, "workers hostage") != nil {
		t.Errorf("topics %+v: want federal workers, and hostage under it", dt.Topics)
	}
}

// An office is no topic ("Senate Minority Leader", "vice president"); a
// name that ends with a title word is ("Martin Luther King").
func TestOfficesAreNoLabels(t *testing.T) {
	s := suggester(t)
	text := `"The Senate Minority Leader marched with Martin Luther King," she said. "The vice president was there too," she said.`
	a := newAnalysis(s.languages["en"], core.Document{Text: text}, quotesOf(text), &buffers{})
	scored := map[string]bool{}
	for _, c := range a.candidates() {
		c.key = a.keyOf(c)
		_, scored[c.key] = a.score(c)
	}
	for key, want := range map[string]bool{"martin luther king": true, "senate minority leader": false, "vice president": false} {
		if got, found := scored[key]; !found || got != want {
			t.Errorf("%q: a label = %v (a candidate: %v), want %v", key, got, found, want)
		}
	}
}
