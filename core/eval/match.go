package eval

// MatchGold pairs each prediction with the gold quote its first matched
// segment matches, exactly as Report.Add scores them; nil where a
// prediction matches nothing. Training code uses it to label the engine's
// output.
func MatchGold(doc *GoldDoc, preds []Predicted) []*GoldQuote {
	text := []rune(doc.Text)
	golds := goldSegments(doc, text)
	maxGoldLen := 0
	for _, g := range golds {
		maxGoldLen = max(maxGoldLen, g.span[1]-g.span[0])
	}
	index := make(map[*Predicted]int, len(preds))
	for i := range preds {
		index[&preds[i]] = i
	}
	out := make([]*GoldQuote, len(preds))
	for _, p := range predictedSegments(preds, text) {
		if g := bestMatch(golds, p.span, maxGoldLen); g != nil {
			g.used = true
			if i := index[p.quote]; out[i] == nil {
				out[i] = g.quote
			}
		}
	}
	return out
}
