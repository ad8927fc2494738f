package extract

import (
	"verbatim/core"
	"verbatim/core/extract/attrib"
)

// FictionExamples runs the engine on a novel with the given fiction
// ranker (the rules alone when nil) and returns its quotes tagged with a
// name as training examples for the ranker, for core/extract/train. ok is
// false for a text not read as dialogue.
func (e *Engine) FictionExamples(doc core.Document, model *attrib.Model) (ex []attrib.FictionExample, ok bool) {
	in := e.input(doc)
	if !in.Dialogue {
		return nil, false
	}
	return e.attributor.WithFictionModel(model).FictionExamples(in), true
}
