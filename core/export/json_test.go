package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Positions in the JSON export are code points: indexing the text as runes
// with them must give back each quote's text.
func TestJSONPositionsAreCodePoints(t *testing.T) {
	var buf bytes.Buffer
	if _, err := JSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Format    string `json:"format"`
		Version   int    `json:"version"`
		Documents []struct {
			ID, Text string
		} `json:"documents"`
		Quotes []struct {
			ID, Document, Text, Speaker, Status, Note string
			Start, End, Paragraph                     int
			Fragments                                 []struct {
				Start, End int
				Text       string
			}
			Mention *struct {
				Start, End int
				Text       string
			}
			Cue        *struct{ Start, End int }
			Topics     []string
			Confidence float64
			NonQuote   string `json:"non_quote"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != JSONFormat || got.Version != JSONVersion {
		t.Errorf("format %q version %d", got.Format, got.Version)
	}
	texts := map[string][]rune{}
	for _, d := range got.Documents {
		texts[d.ID] = []rune(d.Text)
	}
	specs := fixtureSpecs()
	if len(got.Quotes) != len(specs) {
		t.Fatalf("%d quotes, want %d", len(got.Quotes), len(specs))
	}
	for i, q := range got.Quotes {
		s := specs[i]
		runes := texts[q.Document]
		if string(runes[q.Start:q.End]) != s.quote || q.Text != s.quote {
			t.Errorf("%s: text[%d:%d] = %q, text field %q, want %q", q.ID, q.Start, q.End, string(runes[q.Start:q.End]), q.Text, s.quote)
		}
		if len(q.Fragments) != 1 || string(runes[q.Fragments[0].Start:q.Fragments[0].End]) != s.quote {
			t.Errorf("%s: fragments %+v", q.ID, q.Fragments)
		}
		if q.Mention == nil || string(runes[q.Mention.Start:q.Mention.End]) != s.mention {
			t.Errorf("%s: mention %+v, want %q", q.ID, q.Mention, s.mention)
		}
		if q.Cue != nil {
			t.Errorf("%s: no cue was given, got %+v", q.ID, q.Cue)
		}
		if q.Speaker != s.speaker || q.Status != s.status || q.Note != s.note || q.Confidence != s.confidence || len(q.Topics) != len(s.topics) ||
			q.NonQuote != string(s.nonQuote) {
			t.Errorf("%s: fields %+v, want %+v", q.ID, q, s)
		}
	}
	// ¶ numbers skip the dateline.
	for id, want := range map[string]int{"q1": 1, "q2": 2, "q3": 1, "q4": 2} {
		for _, q := range got.Quotes {
			if q.ID == id && q.Paragraph != want {
				t.Errorf("%s: ¶ %d, want %d", id, q.Paragraph, want)
			}
		}
	}
}
