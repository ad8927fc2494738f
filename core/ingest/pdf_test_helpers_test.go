package ingest

import "verbatim/core/ingest/pdftext"

func newTestEngine() *pdftext.Engine { return pdftext.NewEngine(pdftext.Config{}) }
