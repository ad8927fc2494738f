package attrib

import (
	"strings"
	"testing"

	"verbatim/core"
)

// fictionPadding is dialogue enough for a case to be read as fiction.
var fictionPadding = strings.Repeat(sceneText, 6)

func TestFictionSpeakersGolden(t *testing.T) {
	for _, c := range readSpeakerCases(t, "testdata/fiction_speakers.txt") {
		t.Run(c.name, func(t *testing.T) {
			text := fictionPadding + c.text + "\n"
			var quotes []core.Quote
			for _, q := range attributeNovel(t, text) {
				if q.Span.Start >= len(fictionPadding) {
					quotes = append(quotes, q)
				}
			}
			checkSpeakers(t, text, quotes, c.want)
		})
	}
}
