package ingest

import (
	"fmt"
	"path/filepath"
	"strings"

	"verbatim/core"
	"verbatim/core/ingest/table"
	"verbatim/core/ingest/textenc"
)

// readTable reads a spreadsheet of articles: one document per row with
// text, its metadata from the row's other columns.
func readTable(name string, data []byte) ([]core.Document, error) {
	text, _ := textenc.Decode(data)
	comma := rune(0)
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		comma = '\t'
	}
	rows, err := table.Read(text, comma)
	if err != nil {
		return nil, &Error{Message: err.Error(), Err: err}
	}
	docs := make([]core.Document, 0, len(rows))
	for _, r := range rows {
		meta := core.Meta{Title: r.Title, Author: r.Author, Outlet: r.Outlet, Date: r.Date, URL: r.URL,
			Language: r.Language, Format: string(FormatTable)}
		doc, ok := finish(CleanText(r.Text), meta)
		if !ok {
			continue
		}
		if doc.Meta.Title == "" {
			// Each row needs a name in the library's lists; a headline
			// opening the text serves, else the file and the row's line.
			if doc.Meta.Title = headline(doc.Text); doc.Meta.Title == "" {
				title, _ := titleFromFileName(name)
				doc.Meta.Title = fmt.Sprintf("%s, line %d", title, r.Line)
			}
		}
		docs = append(docs, doc)
	}
	return docs, nil
}
