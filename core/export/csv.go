// Package export writes quotes for the tools researchers already use: CSV
// for Excel, JSON, and REFI-QDA projects (.qdpx) for NVivo, ATLAS.ti, MAXQDA
// and QualCoder. The input is a quoteset.Set; quotes that cannot be used are
// left out and reported, and the rest is written.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"verbatim/core"
	"verbatim/core/quoteset"
)

// CSVColumns returns the first row of a CSV export, one column per field.
func CSVColumns() []string {
	return []string{"Quote", "Speaker", "Mention", "Topics", "Document title", "Outlet", "Date", "Confidence", "Status", "Kind", "Note"}
}

// utf8BOM makes Excel read the file as UTF-8 instead of the computer's
// legacy code page.
const utf8BOM = "\ufeff"

// CSV writes one row per quote under CSVColumns, in the set's order: UTF-8
// with a byte-order mark, CRLF line ends, topics separated by "; ". The
// quote is the article's text exactly, marks included. It returns the
// quotes left out (as errors) and any write error.
func CSV(w io.Writer, set quoteset.Set) (problems []error, err error) {
	set, problems = set.Checked()
	docs := set.DocumentsByID()
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return problems, writeError(err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVColumns()); err != nil {
		return problems, writeError(err)
	}
	for _, q := range set.Quotes {
		d := docs[q.DocumentID]
		row := []string{
			q.Span.In(d.Text),
			q.Speaker,
			q.Mention.In(d.Text),
			strings.Join(q.Topics, "; "),
			d.Meta.Title,
			d.Meta.Outlet,
			d.Meta.Date,
			strconv.FormatFloat(q.Confidence, 'f', 2, 64),
			q.Status,
			kindWord(q.NonQuote),
			q.Note,
		}
		for i := range row {
			row[i] = spreadsheetSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return problems, writeError(err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return problems, writeError(err)
	}
	return problems, nil
}

// kindWord says what the engine took a quoted string to be: "speech", or
// what it probably is instead ("title", "term", "passage"), so that a
// spreadsheet can filter those out.
func kindWord(k core.NonQuoteKind) string {
	if k == "" {
		return "speech"
	}
	return string(k)
}

// spreadsheetSafe keeps Excel from reading a cell as a formula: a cell that
// starts with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, as OWASP advises against CSV injection.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeError(err error) error {
	return fmt.Errorf("the export could not be written: %w", err)
}
