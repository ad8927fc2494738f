package export

import (
	"encoding/json"
	"io"

	"verbatim/core"
	"verbatim/core/paragraph"
	"verbatim/core/quoteset"
	"verbatim/core/textpos"
)

// JSONFormat names the JSON export's layout; JSONVersion changes when a
// field changes meaning.
const (
	JSONFormat  = "verbatim-quotes"
	JSONVersion = 1
)

// jsonExport is the JSON export. Positions ("start", "end") are Unicode code
// point offsets into the document's text, end exclusive, as in the
// evaluation data and REFI-QDA.
type jsonExport struct {
	Format    string         `json:"format"`
	Version   int            `json:"version"`
	Positions string         `json:"positions"`
	Documents []jsonDocument `json:"documents"`
	Topics    []jsonTopic    `json:"topics"`
	Speakers  []jsonSpeaker  `json:"speakers"`
	Quotes    []jsonQuote    `json:"quotes"`
}

type jsonDocument struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Outlet   string `json:"outlet,omitempty"`
	Author   string `json:"author,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Language string `json:"language,omitempty"`
	FileName string `json:"file_name,omitempty"`
	Text     string `json:"text"`
}

type jsonTopic struct {
	Name        string `json:"name"`
	Color       string `json:"color,omitempty"`
	Description string `json:"description,omitempty"`
}

type jsonSpeaker struct {
	Name    string   `json:"name"`
	Role    string   `json:"role,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
}

type jsonSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonQuote struct {
	ID         string     `json:"id"`
	Document   string     `json:"document"`
	jsonSpan              // the whole quote
	Fragments  []jsonSpan `json:"fragments"`
	Paragraph  int        `json:"paragraph,omitempty"`
	Speaker    string     `json:"speaker"`
	Mention    *jsonSpan  `json:"mention,omitempty"`
	Cue        *jsonSpan  `json:"cue,omitempty"`
	Rule       string     `json:"rule,omitempty"`
	Confidence float64    `json:"confidence"`
	Topics     []string   `json:"topics"`
	Status     string     `json:"status,omitempty"`
	// NonQuote: what the engine took a quoted string to be when it is
	// probably nobody's words ("title", "term", "passage").
	NonQuote string `json:"non_quote,omitempty"`
	Note     string `json:"note,omitempty"`
}

// JSON writes the set as one indented JSON object with the documents'
// texts, so that every position can be checked. It returns the quotes left
// out (as errors) and any write error.
func JSON(w io.Writer, set quoteset.Set) (problems []error, err error) {
	set, problems = set.Checked()
	out := jsonExport{Format: JSONFormat, Version: JSONVersion, Positions: "unicode code points",
		Documents: []jsonDocument{}, Topics: []jsonTopic{}, Speakers: []jsonSpeaker{}, Quotes: []jsonQuote{}}
	for _, d := range set.Documents {
		m := d.Meta
		out.Documents = append(out.Documents, jsonDocument{d.ID, m.Title, m.Outlet, m.Author, m.Date, m.URL, m.Language, m.FileName, d.Text})
	}
	for _, t := range set.Topics {
		out.Topics = append(out.Topics, jsonTopic(t))
	}
	for _, s := range set.Speakers {
		out.Speakers = append(out.Speakers, jsonSpeaker(s))
	}
	docs := set.DocumentsByID()
	positions := newPositions()
	for _, q := range set.Quotes {
		d := docs[q.DocumentID]
		pos := positions.of(d)
		jq := jsonQuote{ID: q.ID, Document: q.DocumentID, jsonSpan: pos.span(q.Span),
			Paragraph: pos.paragraphs.NumberAt(q.Span.Start), Speaker: q.Speaker,
			Rule: q.Rule, Confidence: q.Confidence, Topics: q.Topics, Status: q.Status, NonQuote: string(q.NonQuote), Note: q.Note}
		if jq.Topics == nil {
			jq.Topics = []string{}
		}
		for _, f := range q.Fragments {
			jq.Fragments = append(jq.Fragments, pos.span(f))
		}
		jq.Mention, jq.Cue = pos.optional(q.Mention), pos.optional(q.Cue)
		out.Quotes = append(out.Quotes, jq)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return problems, writeError(err)
	}
	return problems, nil
}

// positions converts byte spans to code point spans, one index per
// document, built when first needed.
type positions map[*quoteset.Document]*docPositions

type docPositions struct {
	text       string
	runes      *textpos.Index
	paragraphs *paragraph.Index
}

func newPositions() positions { return positions{} }

func (p positions) of(d *quoteset.Document) *docPositions {
	if dp, ok := p[d]; ok {
		return dp
	}
	dp := &docPositions{text: d.Text, runes: textpos.New(d.Text), paragraphs: paragraph.New(d.Text)}
	p[d] = dp
	return dp
}

func (dp *docPositions) span(s core.Span) jsonSpan {
	return jsonSpan{Start: dp.runes.RuneOffset(s.Start), End: dp.runes.RuneOffset(s.End), Text: s.In(dp.text)}
}

func (dp *docPositions) optional(s core.Span) *jsonSpan {
	if s.IsZero() || s.In(dp.text) == "" {
		return nil
	}
	js := dp.span(s)
	return &js
}
