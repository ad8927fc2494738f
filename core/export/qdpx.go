package export

import (
	"archive/zip"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"verbatim/core/quoteset"
)

// QDPXOptions describe the REFI-QDA project.
type QDPXOptions struct {
	Name    string    // project name; "" gives "Verbatim quotes"
	Created time.Time // creation time written into the project; zero gives a fixed date
}

// The project.qde document (QDA-XML 1.0, namespace urn:QDA-XML:project:1.0).
// Element order follows Project.xsd.
type qdeProject struct {
	XMLName          xml.Name      `xml:"urn:QDA-XML:project:1.0 Project"`
	Name             string        `xml:"name,attr"`
	Origin           string        `xml:"origin,attr"`
	CreatingUser     string        `xml:"creatingUserGUID,attr"`
	CreationDateTime string        `xml:"creationDateTime,attr"`
	Users            []qdeUser     `xml:"Users>User"`
	Codes            []qdeCode     `xml:"CodeBook>Codes>Code"`
	Variables        []qdeVariable `xml:"Variables>Variable"`
	Sources          []qdeSource   `xml:"Sources>TextSource"`
	Notes            *qdeNotes     `xml:"Notes,omitempty"` // a pointer: the schema forbids an empty <Notes>

	Description string `xml:"Description"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type qdeCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	IsCodable   bool      `xml:"isCodable,attr"`
	Color       string    `xml:"color,attr,omitempty"`
	Description string    `xml:"Description,omitempty"`
	Codes       []qdeCode `xml:"Code"`
}

type qdeVariable struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
	Type string `xml:"typeOfVariable,attr"`
}

type qdeSource struct {
	GUID             string             `xml:"guid,attr"`
	Name             string             `xml:"name,attr"`
	PlainTextPath    string             `xml:"plainTextPath,attr"`
	CreatingUser     string             `xml:"creatingUser,attr"`
	CreationDateTime string             `xml:"creationDateTime,attr"`
	Description      string             `xml:"Description,omitempty"`
	Selections       []qdeSelection     `xml:"PlainTextSelection"`
	Values           []qdeVariableValue `xml:"VariableValue"`
}

type qdeSelection struct {
	GUID             string      `xml:"guid,attr"`
	Name             string      `xml:"name,attr"`
	Start            int         `xml:"startPosition,attr"`
	End              int         `xml:"endPosition,attr"`
	CreatingUser     string      `xml:"creatingUser,attr"`
	CreationDateTime string      `xml:"creationDateTime,attr"`
	Description      string      `xml:"Description,omitempty"`
	Codings          []qdeCoding `xml:"Coding"`
	NoteRefs         []qdeRef    `xml:"NoteRef"`
}

type qdeCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr"`
	CodeRef      qdeRef `xml:"CodeRef"`
}

type qdeRef struct {
	Target string `xml:"targetGUID,attr"`
}

type qdeVariableValue struct {
	Variable  qdeRef  `xml:"VariableRef"`
	TextValue *string `xml:"TextValue"`
	DateValue *string `xml:"DateValue"`
}

// qdeNotes wraps the notes: encoding/xml writes an empty parent for an
// empty slice tagged "Notes>Note,omitempty".
type qdeNotes struct {
	Notes []qdeNote `xml:"Note"`
}

type qdeNote struct {
	GUID             string `xml:"guid,attr"`
	Name             string `xml:"name,attr"`
	CreatingUser     string `xml:"creatingUser,attr"`
	CreationDateTime string `xml:"creationDateTime,attr"`
	Text             string `xml:"PlainTextContent"`
}

// guid makes a stable GUID (a name-based UUID, version 5 layout) from what
// it identifies, so that exporting the same library twice gives the same
// project and a QDA program can recognise the same items.
func guid(kind, id string) string {
	h := sha1.Sum([]byte("verbatim/" + kind + "/" + id))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// QDPX writes a REFI-QDA project archive: project.qde plus one UTF-8 text
// file per document under Sources/. Documents are text sources; topics and
// speakers are codes (under "Topics" and "Speakers"), every quote is a
// coded selection with code point positions, coded "Quotation", its
// speaker and its topics; notes become project notes linked to their quote;
// outlet and date become document variables.
func QDPX(w io.Writer, set quoteset.Set, opts QDPXOptions) (problems []error, err error) {
	set, problems = set.Checked()
	p := newProjectBuilder(set, opts)
	zw := zip.NewWriter(w)
	for _, d := range set.Documents {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "Sources/" + guid("document", d.ID) + ".txt", Method: zip.Deflate, Modified: p.created})
		if err != nil {
			return problems, writeError(err)
		}
		if _, err := io.WriteString(f, d.Text); err != nil {
			return problems, writeError(err)
		}
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate, Modified: p.created})
	if err != nil {
		return problems, writeError(err)
	}
	if _, err := io.WriteString(f, xml.Header); err != nil {
		return problems, writeError(err)
	}
	enc := xml.NewEncoder(f)
	enc.Indent("", "  ")
	if err := enc.Encode(p.project()); err != nil {
		return problems, writeError(err)
	}
	if err := zw.Close(); err != nil {
		return problems, writeError(err)
	}
	return problems, nil
}

type projectBuilder struct {
	set     quoteset.Set
	name    string
	created time.Time
	stamp   string // creationDateTime
	user    string
	speaker map[string]string // speaker name -> code GUID
	topic   map[string]string // topic name -> code GUID
}

func newProjectBuilder(set quoteset.Set, opts QDPXOptions) *projectBuilder {
	created := opts.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	name := opts.Name
	if strings.TrimSpace(name) == "" {
		name = "Verbatim quotes"
	}
	return &projectBuilder{set: set, name: name, created: created.UTC(), stamp: created.UTC().Format(time.RFC3339),
		user: guid("user", "verbatim"), speaker: map[string]string{}, topic: map[string]string{}}
}

const (
	quotationCode = "Quotation"
	outletVar     = "Outlet"
	dateVar       = "Publication date"
)

func (p *projectBuilder) project() qdeProject {
	pr := qdeProject{Name: p.name, Origin: "Verbatim", CreatingUser: p.user, CreationDateTime: p.stamp,
		Users: []qdeUser{{GUID: p.user, Name: "Verbatim"}},
		Variables: []qdeVariable{
			{GUID: guid("variable", outletVar), Name: outletVar, Type: "Text"},
			{GUID: guid("variable", dateVar), Name: dateVar, Type: "Date"},
		},
		Description: "Quotations found with Verbatim. Positions count Unicode characters in each source's text.",
	}
	pr.Codes = p.codes()
	docs := p.set.DocumentsByID()
	selections := map[string][]qdeSelection{}
	positions := newPositions()
	for _, q := range p.set.Quotes {
		sel, note := p.selection(q, positions.of(docs[q.DocumentID]))
		selections[q.DocumentID] = append(selections[q.DocumentID], sel)
		if note != nil {
			if pr.Notes == nil {
				pr.Notes = &qdeNotes{}
			}
			pr.Notes.Notes = append(pr.Notes.Notes, *note)
		}
	}
	for _, d := range p.set.Documents {
		g := guid("document", d.ID)
		src := qdeSource{GUID: g, Name: sourceName(d), PlainTextPath: "internal://" + g + ".txt",
			CreatingUser: p.user, CreationDateTime: p.stamp,
			Description: strings.Join(nonEmpty(d.Meta.Outlet, d.Meta.Date, d.Meta.Author, d.Meta.URL), " · "),
			Selections:  selections[d.ID]}
		if o := d.Meta.Outlet; o != "" {
			src.Values = append(src.Values, qdeVariableValue{Variable: qdeRef{guid("variable", outletVar)}, TextValue: &o})
		}
		if dt := strings.TrimSpace(d.Meta.Date); isoDate.MatchString(dt) {
			src.Values = append(src.Values, qdeVariableValue{Variable: qdeRef{guid("variable", dateVar)}, DateValue: &dt})
		}
		pr.Sources = append(pr.Sources, src)
	}
	return pr
}

// codes builds the code book: Quotation, Speakers/…, Topics/….
func (p *projectBuilder) codes() []qdeCode {
	codes := []qdeCode{{GUID: guid("code", quotationCode), Name: quotationCode, IsCodable: true,
		Description: "A direct quotation, quotation marks included."}}
	speakers := qdeCode{GUID: guid("code-group", "speakers"), Name: "Speakers", Description: "Who said it (canonical names)."}
	roles := p.set.SpeakersByName()
	topics := qdeCode{GUID: guid("code-group", "topics"), Name: "Topics"}
	colors := map[string]string{}
	descriptions := map[string]string{}
	for _, t := range p.set.Topics {
		colors[t.Name], descriptions[t.Name] = t.Color, t.Description
	}
	for _, q := range p.set.Quotes {
		if s := q.Speaker; s != "" && p.speaker[s] == "" {
			p.speaker[s] = guid("speaker", s)
			speakers.Codes = append(speakers.Codes, qdeCode{GUID: p.speaker[s], Name: s, IsCodable: true, Description: roles[s].Role})
		}
		for _, t := range q.Topics {
			if p.topic[t] == "" {
				p.topic[t] = guid("topic", t)
				topics.Codes = append(topics.Codes, qdeCode{GUID: p.topic[t], Name: t, IsCodable: true,
					Color: validColor(colors[t]), Description: descriptions[t]})
			}
		}
	}
	for _, group := range []qdeCode{speakers, topics} {
		if len(group.Codes) > 0 {
			codes = append(codes, group)
		}
	}
	return codes
}

func (p *projectBuilder) selection(q quoteset.Quote, pos *docPositions) (qdeSelection, *qdeNote) {
	sp := pos.span(q.Span)
	sel := qdeSelection{GUID: guid("quote", q.ID), Name: selectionName(q.Speaker, sp.Text),
		Start: sp.Start, End: sp.End, CreatingUser: p.user, CreationDateTime: p.stamp}
	var about []string
	if q.Speaker != "" {
		about = append(about, "Speaker: "+q.Speaker)
	}
	if m := q.Mention.In(pos.text); m != "" && !q.Mention.IsZero() {
		about = append(about, "mention: “"+m+"”")
	}
	about = append(about, fmt.Sprintf("confidence %.2f", q.Confidence))
	if q.Status != "" {
		about = append(about, "status: "+q.Status)
	}
	if q.NonQuote != "" {
		about = append(about, "probably a "+string(q.NonQuote)+", not speech")
	}
	sel.Description = strings.Join(about, "; ")
	codes := []string{guid("code", quotationCode)}
	if q.Speaker != "" {
		codes = append(codes, p.speaker[q.Speaker])
	}
	for _, t := range q.Topics {
		codes = append(codes, p.topic[t])
	}
	for i, c := range codes {
		sel.Codings = append(sel.Codings, qdeCoding{GUID: guid("coding", fmt.Sprintf("%s/%d", q.ID, i)), CreatingUser: p.user, CodeRef: qdeRef{c}})
	}
	if strings.TrimSpace(q.Note) == "" {
		return sel, nil
	}
	note := &qdeNote{GUID: guid("note", q.ID), Name: "Note on " + sel.Name, CreatingUser: p.user, CreationDateTime: p.stamp, Text: q.Note}
	sel.NoteRefs = []qdeRef{{note.GUID}}
	return sel, note
}

func sourceName(d quoteset.Document) string {
	for _, n := range []string{d.Meta.Title, d.Meta.FileName, d.ID} {
		if strings.TrimSpace(n) != "" {
			return n
		}
	}
	return "Untitled article"
}

// selectionName is "Speaker: first words…", short enough for a code list.
func selectionName(speaker, text string) string {
	words := strings.Fields(text)
	short := strings.Join(words[:min(len(words), 8)], " ")
	if len(words) > 8 {
		short += "…"
	}
	if speaker == "" {
		return short
	}
	return speaker + ": " + short
}

var rgbColor = regexp.MustCompile(`^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$`)

// validColor keeps a colour only in the #RRGGBB form the schema accepts.
func validColor(c string) string {
	if rgbColor.MatchString(c) {
		return c
	}
	return ""
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" && utf8.ValidString(p) {
			out = append(out, p)
		}
	}
	return out
}
