package attrib

import (
	"strings"
	"testing"
)

// fictionPadding is dialogue enough for a case to be read as fiction.
var fictionPadding = strings.Repeat(sceneText, 6)

func TestFictionSpeakersGolden(t *testing.T) {
	for _, c := range readSpeakerCases(t, "testdata/fiction_speakers.txt") {
		t.Run(c.name, func(t *testing.T) {
			text := fictionPadding + c.text + "\n"
			var got []string
			k := 0
			for _, q := range attributeNovel(t, text) {
				if q.Span.Start < len(fictionPadding) {
					continue
				}
				words := quoteWords(text[q.Span.Start:q.Span.End])
				mention := ""
				if !q.Mention.IsZero() {
					mention = text[q.Mention.Start:q.Mention.End]
				}
				got = append(got, words[:min(len(words), 30)]+" | "+q.Speaker+" | "+mention+" | "+q.Rule)
				if k >= len(c.want) {
					k++
					continue
				}
				w := c.want[k]
				k++
				switch {
				case !strings.HasPrefix(words, w.start):
					t.Errorf("quote %d starts %q, want %q", k, words[:min(len(words), 40)], w.start)
				case w.speaker != "?" && q.Speaker != w.speaker:
					t.Errorf("quote %q: speaker %q, want %q", w.start, q.Speaker, w.speaker)
				case w.mention != "" && mention != w.mention:
					t.Errorf("quote %q: mention %q, want %q", w.start, mention, w.mention)
				case w.fragments > 0 && max(1, len(q.Fragments)) != w.fragments:
					t.Errorf("quote %q: %d fragments, want %d", w.start, len(q.Fragments), w.fragments)
				}
			}
			if k != len(c.want) {
				t.Errorf("%d quotes, want %d", k, len(c.want))
			}
			if t.Failed() {
				t.Logf("got:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}
