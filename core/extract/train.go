package extract

import (
	"verbatim/core"
	"verbatim/core/extract/attrib"
)

// Examples runs the engine on a news document with the given speaker
// rankers and quote classifiers (by language; none when nil) and returns
// its quotes with the candidate speakers the ranker chooses among and the
// quote classifier's features, for core/extract/train. ok is false for a
// document read as fiction, where no learned model is used.
func (e *Engine) Examples(doc core.Document, rankers, quoteModels map[string]*attrib.Model) (ex []attrib.Example, ok bool) {
	in := e.input(doc)
	if in.Dialogue {
		return nil, false
	}
	return e.attributor.WithModels(rankers, quoteModels).Examples(in), true
}
