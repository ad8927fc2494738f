package paragraph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/core/shareddata"
)

func TestNumberAt(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want maps a marker string (first occurrence) to its ¶ number.
		want map[string]int
	}{
		{
			name: "dateline and legend skipped",
			text: "Tuesday, October 8, 2019\u00a0\n\n\n██\u00a0Syrian Arab Republic\n\n██\u00a0Kurds\n\nFirst body.\n\n\nSecond body.\n",
			want: map[string]int{"Tuesday": 0, "Syrian": 0, "Kurds": 0, "First": 1, "Second": 2},
		},
		{
			name: "one paragraph per line without blank lines",
			text: "Alpha line.\nBeta line.\nGamma line.",
			want: map[string]int{"Alpha": 1, "Beta": 2, "Gamma": 3},
		},
		{
			name: "hard-wrapped paragraphs joined",
			text: "Alpha starts\nand goes on.\n\nBeta starts\nand ends.\n",
			want: map[string]int{"Alpha": 1, "goes": 1, "Beta": 2, "ends": 2},
		},
		{
			name: "a first line that is a sentence counts",
			text: "In 2019, he said \"no\".\n\nMore.",
			want: map[string]int{"said": 1, "More": 2},
		},
		{
			name: "ornament lines do not count",
			text: "One.\n\n* * *\n\nTwo — Ж.\n\n—\n\nThree.",
			want: map[string]int{"One": 1, "* * *": 0, "Two": 2, "Three": 3},
		},
		{
			name: "Cyrillic dateline",
			text: "8 октября 2019 года\n\n«Мы уходим», — сказал он.\n",
			want: map[string]int{"октября": 0, "Мы": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := New(tt.text)
			for marker, want := range tt.want {
				off := strings.Index(tt.text, marker)
				if off < 0 {
					t.Fatalf("marker %q not in text", marker)
				}
				if got := ix.NumberAt(off); got != want {
					t.Errorf("NumberAt(%q) = %d, want %d", marker, got, want)
				}
			}
		})
	}
}

func TestBlankGapBelongsToNextParagraph(t *testing.T) {
	text := "One.\n\n\nTwo."
	ix := New(text)
	if got := ix.NumberAt(strings.Index(text, "\n\n") + 1); got != 2 {
		t.Errorf("offset in the gap: got ¶ %d, want 2", got)
	}
	if got := ix.NumberAt(len(text) + 5); got != 0 {
		t.Errorf("offset past the end: got ¶ %d, want 0", got)
	}
	if got := len(ix.Paragraphs()); got != 2 {
		t.Errorf("got %d paragraphs, want 2", got)
	}
}

// The mockups' paragraph numbers were counted by hand on real Wikinews
// articles; the index must give the same numbers.
func TestMockupParagraphNumbers(t *testing.T) {
	dir := shareddata.Path(t, "eval", "articles")
	cases := []struct {
		file, marker string
		want         int
	}{
		{"wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt", "We are committed to keeping", 2},
		{"wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt", "We made a plea", 3},
		{"wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt", "a non-starter", 4},
		{"wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt", "I can just tell you", 4},
		{"wikinews_en_2019-10-08_US_President_Trump_announces_troop_withdrawal_from_Syria.txt", "The WH statement tonight", 6},
		{"wikinews_en_2019-10-08_US_President_Trump_announces_troop_withdrawal_from_Syria.txt", "ISIS is not defeated", 9},
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		off := strings.Index(text, c.marker)
		if off < 0 {
			t.Fatalf("%q not found in %s", c.marker, c.file)
		}
		if got := New(text).NumberAt(off); got != c.want {
			t.Errorf("%s: ¶ of %q = %d, want %d", c.file[:30], c.marker, got, c.want)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	text := strings.Repeat("Some body text with “quotes” and Кириллица.\n\n", 20000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		New(text)
	}
}
