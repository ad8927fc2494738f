package attrib

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"verbatim/core"
)

// speakerCase is one article of testdata/news_speakers.txt.
type speakerCase struct {
	name, lang, text string
	want             []wantQuote
}

// wantQuote is one expected quote: how its words start, its canonical
// speaker and, when given, its mention, number of fragments and non-quote
// verdict ("-" for speech).
type wantQuote struct {
	start, speaker, mention, nonQuote string
	fragments                         int
}

// readSpeakerCases parses the golden file (format in its header).
func readSpeakerCases(t *testing.T, path string) []speakerCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []speakerCase
	var text []string
	for n, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "#") && len(cases) == 0:
		case strings.HasPrefix(line, "== "):
			f := strings.Fields(line[3:])
			if len(f) != 2 {
				t.Fatalf("%s:%d: want == NAME LANG", path, n+1)
			}
			cases = append(cases, speakerCase{name: f[0], lang: f[1]})
			text = text[:0]
		case len(cases) == 0:
		case strings.HasPrefix(line, ">> "):
			c := &cases[len(cases)-1]
			if c.text == "" {
				c.text = strings.TrimSpace(strings.Join(text, "\n"))
			}
			f := strings.Split(line[3:], "|")
			for len(f) < 5 {
				f = append(f, "")
			}
			w := wantQuote{start: strings.TrimSpace(f[0]), speaker: strings.TrimSpace(f[1]), mention: strings.TrimSpace(f[2]),
				nonQuote: strings.TrimSpace(f[4])}
			if s := strings.TrimSpace(f[3]); s != "" {
				if w.fragments, err = strconv.Atoi(s); err != nil {
					t.Fatalf("%s:%d: fragments: %v", path, n+1, err)
				}
			}
			c.want = append(c.want, w)
		default:
			text = append(text, line)
		}
	}
	return cases
}

// quoteWords is a quote's text after its opening mark and spaces.
func quoteWords(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestNewsSpeakersGolden(t *testing.T) {
	for _, c := range readSpeakerCases(t, "testdata/news_speakers.txt") {
		t.Run(c.name, func(t *testing.T) {
			var quotes []core.Quote
			for _, q := range attributeNews(t, c.text, c.lang) {
				if q.NonQuote == "" {
					quotes = append(quotes, q)
				}
			}
			checkSpeakers(t, c.text, quotes, c.want)
		})
	}
}

// TestNewsNonQuoteSpeakersGolden checks the speakers of every quoted
// string, non-quotes included: a title or a term has none unless a speech
// cue ties it to someone.
func TestNewsNonQuoteSpeakersGolden(t *testing.T) {
	for _, c := range readSpeakerCases(t, "testdata/news_nonquotes.txt") {
		t.Run(c.name, func(t *testing.T) {
			checkSpeakers(t, c.text, attributeNews(t, c.text, c.lang), c.want)
		})
	}
}

// checkSpeakers compares a text's quotes, in order, with the golden ones.
func checkSpeakers(t *testing.T, text string, quotes []core.Quote, want []wantQuote) {
	t.Helper()
	var got []string
	for k, q := range quotes {
		words := quoteWords(text[q.Span.Start:q.Span.End])
		mention := ""
		if !q.Mention.IsZero() {
			mention = text[q.Mention.Start:q.Mention.End]
		}
		got = append(got, words[:min(len(words), 30)]+" | "+q.Speaker+" | "+mention+" | "+q.Rule+" | "+string(q.NonQuote))
		if k >= len(want) {
			continue
		}
		w := want[k]
		switch {
		case !strings.HasPrefix(words, w.start):
			t.Errorf("quote %d starts %q, want %q", k+1, words[:min(len(words), 40)], w.start)
		case w.speaker != "?" && q.Speaker != w.speaker:
			t.Errorf("quote %q: speaker %q, want %q", w.start, q.Speaker, w.speaker)
		case w.mention != "" && mention != w.mention:
			t.Errorf("quote %q: mention %q, want %q", w.start, mention, w.mention)
		case w.fragments > 0 && max(1, len(q.Fragments)) != w.fragments:
			t.Errorf("quote %q: %d fragments, want %d", w.start, len(q.Fragments), w.fragments)
		case w.nonQuote != "" && string(q.NonQuote) != strings.TrimPrefix(w.nonQuote, "-"):
			t.Errorf("quote %q: non-quote %q, want %q", w.start, q.NonQuote, w.nonQuote)
		}
	}
	if len(quotes) != len(want) {
		t.Errorf("%d quotes, want %d", len(quotes), len(want))
	}
	if t.Failed() {
		t.Logf("got:\n%s", strings.Join(got, "\n"))
	}
}
