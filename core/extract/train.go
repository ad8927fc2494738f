package extract

import (
	"verbatim/core"
	"verbatim/core/extract/attrib"
)

// RankerExamples runs the engine on a news document with the given speaker
// rankers (by language; none when nil) and returns its quotes with the
// candidate speakers the ranker chooses among, for core/extract/train.
// ok is false for a document read as fiction, where no ranker is used.
func (e *Engine) RankerExamples(doc core.Document, rankers map[string]*attrib.Ranker) (ex []attrib.Example, ok bool) {
	in := e.input(doc)
	if in.Dialogue {
		return nil, false
	}
	return e.attributor.WithRankers(rankers).Examples(in), true
}
