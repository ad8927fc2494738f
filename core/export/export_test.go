package export

import (
	"bytes"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/quoteset"
)

// Texts full of what breaks offsets: curly quotes, accents, Cyrillic,
// Greek and a character outside the Basic Multilingual Plane (🙂, two
// UTF-16 units, one code point, four bytes).
const (
	textRu = "8 октября 2019 года\n\n🙂 Президент заявил: «Мы не уйдём из Сирии», — сказал Путин.\n\nЭрдоган ответил: «Посмотрим».\n"
	textEn = "Monday, January 7, 2019\n\nPelosi said “We are committed to keeping our border safe.” Café owners agreed.\n\nHe said, \"=2+2 is not a plan.\"\n"
)

func span(text, sub string) core.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("fixture: " + sub + " not in text")
	}
	return core.Span{Start: i, End: i + len(sub)}
}

type quoteSpec struct {
	id, doc, quote, mention, speaker string
	topics                           []string
	status, note                     string
	confidence                       float64
	nonQuote                         core.NonQuoteKind
}

func fixture() quoteset.Set {
	set := quoteset.Set{
		Documents: []quoteset.Document{
			{ID: "ru-1", Document: core.Document{Text: textRu, Meta: core.Meta{Title: "Путин о Сирии", Outlet: "ТАСС", Date: "2019-10-08", Language: "ru", URL: "https://example.org/ru"}}},
			{ID: "en-1", Document: core.Document{Text: textEn, Meta: core.Meta{Title: "Shutdown, \"day 17\"", Outlet: "Wikinews", Date: "January 2019", Language: "en"}}},
		},
		Topics:   []quoteset.Topic{{Name: "Syria withdrawal", Color: "#5C6BC0"}, {Name: "Border wall & shutdown", Color: "brown"}},
		Speakers: []quoteset.Speaker{{Name: "Vladimir Putin", Role: "President of Russia"}, {Name: "Nancy Pelosi", Role: "Speaker of the House"}},
	}
	for _, s := range fixtureSpecs() {
		var text string
		for _, d := range set.Documents {
			if d.ID == s.doc {
				text = d.Text
			}
		}
		q := quoteset.Quote{ID: s.id, DocumentID: s.doc, Topics: s.topics, Status: s.status, Note: s.note}
		q.Span = span(text, s.quote)
		q.Fragments = []core.Span{q.Span}
		if s.mention != "" {
			q.Mention = span(text, s.mention)
		}
		q.Speaker, q.Confidence, q.NonQuote = s.speaker, s.confidence, s.nonQuote
		set.Quotes = append(set.Quotes, q)
	}
	return set
}

func fixtureSpecs() []quoteSpec {
	return []quoteSpec{
		{"q1", "ru-1", "«Мы не уйдём из Сирии»", "Путин", "Vladimir Putin", []string{"Syria withdrawal"}, "accepted", "Проверить перевод", 0.93, ""},
		{"q2", "ru-1", "«Посмотрим»", "Эрдоган", "Recep Tayyip Erdoğan", []string{"Syria withdrawal"}, "needs review", "", 0.58, ""},
		{"q3", "en-1", "“We are committed to keeping our border safe.”", "Pelosi", "Nancy Pelosi", []string{"Border wall & shutdown"}, "accepted", "Use in chapter 2, \"as is\"", 0.9, ""},
		{"q4", "en-1", "\"=2+2 is not a plan.\"", "He", "", nil, "", "-check who", 0.31, core.NonQuoteTerm},
	}
}

func TestBadQuotesAreReportedAndTheRestExported(t *testing.T) {
	set := fixture()
	set.Quotes = append(set.Quotes, quoteset.Quote{ID: "ghost", DocumentID: "missing"})
	for name, write := range map[string]func(*bytes.Buffer) ([]error, error){
		"csv":  func(b *bytes.Buffer) ([]error, error) { return CSV(b, set) },
		"json": func(b *bytes.Buffer) ([]error, error) { return JSON(b, set) },
		"qdpx": func(b *bytes.Buffer) ([]error, error) { return QDPX(b, set, QDPXOptions{}) },
	} {
		var buf bytes.Buffer
		problems, err := write(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(problems) != 1 || !strings.Contains(problems[0].Error(), "ghost") {
			t.Errorf("%s: problems %v, want one about quote ghost", name, problems)
		}
		if buf.Len() == 0 {
			t.Errorf("%s: nothing written", name)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

var errDiskFull = &diskFull{}

type diskFull struct{}

func (*diskFull) Error() string { return "no space left on device" }

func TestWriteErrorsAreClear(t *testing.T) {
	set := fixture()
	for name, err := range map[string]error{
		"csv":  second(CSV(failingWriter{}, set)),
		"json": second(JSON(failingWriter{}, set)),
		"qdpx": second(QDPX(failingWriter{}, set, QDPXOptions{})),
	} {
		if err == nil || !strings.Contains(err.Error(), "could not be written") || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func second(_ []error, err error) error { return err }
