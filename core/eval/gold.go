// Package eval scores the quote engine against annotated corpora in the
// format of ../shared/eval (see its README): quote precision, recall and F1
// over quoted segments, speaker-mention accuracy for the news corpora and
// canonical-speaker accuracy for the novels.
//
// All offsets in this package are Unicode code points, as in the gold data.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// GoldDoc is one annotated document.
type GoldDoc struct {
	ID     string      `json:"id"`
	Source string      `json:"source"`
	Lang   string      `json:"lang"`
	Title  string      `json:"title"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
}

// GoldQuote is one annotated quotation. Spans are [start, end) pairs.
type GoldQuote struct {
	Start           int      `json:"start"`
	End             int      `json:"end"`
	Text            string   `json:"text"`
	Speaker         string   `json:"speaker"`
	SpeakerMainName string   `json:"speaker_main_name"`
	SpeakerMentions []string `json:"speaker_mentions"`
	Kind            string   `json:"kind"`
	QuoteType       string   `json:"quote_type"`
	Fragments       [][2]int `json:"fragments"`
	QuotedSegments  [][2]int `json:"quoted_segments"`
	SpeakerSpans    [][2]int `json:"speaker_spans"`
}

// segments returns the units the README scores: PolNeAR quoted_segments,
// PDNC fragments, else the whole [start, end).
func (q GoldQuote) segments(source string) [][2]int {
	switch {
	case source == "PolNeAR" && len(q.QuotedSegments) > 0:
		return q.QuotedSegments
	case source == "PDNC" && len(q.Fragments) > 0:
		return q.Fragments
	}
	return [][2]int{{q.Start, q.End}}
}

// ReadCorpusFile reads a gold JSONL file.
func ReadCorpusFile(path string) ([]GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open the gold file %s: %w", path, err)
	}
	defer f.Close()
	docs, err := ReadCorpus(f)
	if err != nil {
		return docs, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadCorpus reads gold documents, one JSON object per line. A bad line is
// reported with its number; the good lines are still returned.
func ReadCorpus(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	var errs []error
	br := bufio.NewReaderSize(r, 1<<20)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(trimSpaceBytes(line)) > 0 {
			var d GoldDoc
			if jerr := json.Unmarshal(line, &d); jerr != nil {
				errs = append(errs, fmt.Errorf("line %d is not a valid document: %v", lineNo, jerr))
			} else {
				docs = append(docs, d)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("reading stopped at line %d: %w", lineNo, err))
			break
		}
	}
	if len(errs) > 0 {
		return docs, joinErrors(errs)
	}
	return docs, nil
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// errorList keeps every problem found; its message lists the first few.
type errorList []error

func (l errorList) Error() string {
	const show = 5
	msg := ""
	for i, e := range l {
		if i == show {
			msg += fmt.Sprintf("; and %d more", len(l)-show)
			break
		}
		if i > 0 {
			msg += "; "
		}
		msg += e.Error()
	}
	return msg
}

func (l errorList) Unwrap() []error { return l }

func joinErrors(errs []error) error { return errorList(errs) }
