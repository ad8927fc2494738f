package eval

import "testing"

func TestMatchGoldPairsLikeTheScorer(t *testing.T) {
	doc := newsDoc()
	preds := []Predicted{
		{Start: 0, End: 5},   // “Hi,”: no gold
		{Start: 16, End: 29}, // the first piece
		{Start: 15, End: 29}, // the same piece again: already taken
		{Start: 41, End: 57}, // the second piece
	}
	got := MatchGold(doc, preds)
	want := []*GoldQuote{nil, &doc.Quotes[0], nil, &doc.Quotes[0]}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("prediction %d matched %v, want %v", i, got[i], want[i])
		}
	}
}
