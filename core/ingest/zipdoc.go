package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"verbatim/core"
)

// unpacker reads parts of a zip-based document within a budget of unpacked
// bytes, so that a zip bomb costs at most the budget, whatever its headers
// claim.
type unpacker struct {
	zr     *zip.Reader
	budget int64
	limit  int64
}

func newUnpacker(data []byte, limit int64) (*unpacker, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Message: "This file is damaged: its compressed contents cannot be read.", Err: err}
	}
	return &unpacker{zr: zr, budget: limit, limit: limit}, nil
}

var errPartMissing = errors.New("part missing")

// read returns the unpacked content of the named part.
func (u *unpacker) read(name string) ([]byte, error) {
	var part *zip.File
	for _, f := range u.zr.File {
		if f.Name == name {
			part = f
			break
		}
	}
	if part == nil {
		return nil, fmt.Errorf("%s: %w", name, errPartMissing)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, &Error{Message: "This file is damaged: a part of it cannot be unpacked.", Err: err}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, u.budget+1))
	if int64(len(data)) > u.budget {
		return nil, &Error{Message: fmt.Sprintf(
			"This file unpacks to more than %s, so it was not read (it may be a “zip bomb”).", megabytes(u.limit))}
	}
	u.budget -= int64(len(data))
	if err != nil {
		return nil, &Error{Message: "This file is damaged: a part of it cannot be unpacked.", Err: err}
	}
	return data, nil
}

// newXMLDecoder reads XML safely: encoding/xml never expands entities that a
// document declares itself, so "billion laughs" files stay small; HTML's
// named entities are known for XHTML parts.
func newXMLDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// xmlText walks an XML part, calling visit for each start element, end
// element and run of character data. Elements for which skip reports true
// are passed over with everything inside them.
type xmlWalker struct {
	start func(e xml.StartElement, b *strings.Builder)
	end   func(e xml.EndElement, b *strings.Builder)
	text  func(e []byte, b *strings.Builder)
	skip  func(e xml.StartElement) bool
}

func (w xmlWalker) walk(data []byte) (string, error) {
	d := newXMLDecoder(data)
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), &Error{Message: "This file is damaged: its text could not be read.", Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.skip != nil && w.skip(t) {
				if err := d.Skip(); err != nil {
					return b.String(), &Error{Message: "This file is damaged: its text could not be read.", Err: err}
				}
				continue
			}
			if w.start != nil {
				w.start(t, &b)
			}
		case xml.EndElement:
			if w.end != nil {
				w.end(t, &b)
			}
		case xml.CharData:
			if w.text != nil {
				w.text(t, &b)
			}
		}
	}
}

// XML namespaces of the parts read below.
const (
	nsWord      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMarkup    = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsODFText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsODFOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsDC        = "http://purl.org/dc/elements/1.1/"
)

// readDOCX reads the main text of a Word document: paragraphs, tabs and
// breaks; deleted revisions, field codes and the fallback copies of text
// boxes are left out.
func readDOCX(data []byte, opts Options) (extracted, error) {
	u, err := newUnpacker(data, opts.maxUnpackedSize())
	if err != nil {
		return extracted{}, err
	}
	doc, err := u.read("word/document.xml")
	if err != nil {
		return extracted{}, err
	}
	inText := false
	w := xmlWalker{
		skip: func(e xml.StartElement) bool {
			switch {
			case e.Name.Space == nsWord:
				// properties (pPr, rPr, …) hold tab stops, never text
				return e.Name.Local == "delText" || e.Name.Local == "instrText" || strings.HasSuffix(e.Name.Local, "Pr")
			case e.Name.Space == nsMarkup:
				return e.Name.Local == "Fallback"
			}
			return false
		},
		start: func(e xml.StartElement, b *strings.Builder) {
			if e.Name.Space != nsWord {
				return
			}
			switch e.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			case "noBreakHyphen":
				b.WriteByte('-')
			}
		},
		end: func(e xml.EndElement, b *strings.Builder) {
			if e.Name.Space != nsWord {
				return
			}
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteString("\n\n")
			case "tc":
				b.WriteByte('\t')
			}
		},
		text: func(t []byte, b *strings.Builder) {
			if inText {
				b.Write(t)
			}
		},
	}
	text, err := w.walk(doc)
	if err != nil {
		return extracted{}, err
	}
	return extracted{Text: text, Meta: u.coreProperties("docProps/core.xml")}, nil
}

// readODT reads an OpenDocument text: paragraphs and headings, spaces,
// tabs and line breaks; notes, annotations and tracked deletions are left
// out.
func readODT(data []byte, opts Options) (extracted, error) {
	u, err := newUnpacker(data, opts.maxUnpackedSize())
	if err != nil {
		return extracted{}, err
	}
	content, err := u.read("content.xml")
	if err != nil {
		return extracted{}, err
	}
	inBody := false
	w := xmlWalker{
		skip: func(e xml.StartElement) bool {
			switch {
			case e.Name.Space == nsODFText:
				return e.Name.Local == "note" || e.Name.Local == "tracked-changes"
			case e.Name.Space == nsODFOffice:
				return e.Name.Local == "annotation"
			}
			return false
		},
		start: func(e xml.StartElement, b *strings.Builder) {
			if e.Name.Space == nsODFOffice && e.Name.Local == "body" {
				inBody = true
			}
			if e.Name.Space != nsODFText {
				return
			}
			switch e.Name.Local {
			case "s":
				b.WriteString(strings.Repeat(" ", odfSpaceCount(e)))
			case "tab":
				b.WriteByte('\t')
			case "line-break":
				b.WriteByte('\n')
			}
		},
		end: func(e xml.EndElement, b *strings.Builder) {
			if e.Name.Space == nsODFText && (e.Name.Local == "p" || e.Name.Local == "h") {
				b.WriteString("\n\n")
			}
		},
		text: func(t []byte, b *strings.Builder) {
			if inBody {
				b.Write(t)
			}
		},
	}
	text, err := w.walk(content)
	if err != nil {
		return extracted{}, err
	}
	return extracted{Text: text, Meta: u.coreProperties("meta.xml")}, nil
}

// odfSpaceCount reads text:c, the number of spaces a <text:s/> stands for.
func odfSpaceCount(e xml.StartElement) int {
	for _, a := range e.Attr {
		if a.Name.Local == "c" {
			n := 0
			fmt.Sscanf(a.Value, "%d", &n)
			return min(max(n, 1), 1000)
		}
	}
	return 1
}

// coreProperties reads the document title from a Dublin Core part. The
// creator and dates there describe who saved the file and when, not the
// article, so they are not taken.
func (u *unpacker) coreProperties(name string) core.Meta {
	data, err := u.read(name)
	if err != nil {
		return core.Meta{}
	}
	var meta core.Meta
	field := ""
	w := xmlWalker{
		start: func(e xml.StartElement, _ *strings.Builder) {
			if e.Name.Space == nsDC {
				field = e.Name.Local
			}
		},
		end: func(xml.EndElement, *strings.Builder) { field = "" },
		text: func(t []byte, _ *strings.Builder) {
			switch field {
			case "title":
				meta.Title += string(t)
			case "language":
				meta.Language += string(t)
			}
		},
	}
	w.walk(data) // a damaged properties part only loses the title
	return meta
}

// readEPUB reads an e-book's chapters in the order its package document
// (OPF) spine gives, with title, author, date and publisher.
func readEPUB(data []byte, opts Options) (extracted, error) {
	u, err := newUnpacker(data, opts.maxUnpackedSize())
	if err != nil {
		return extracted{}, err
	}
	opfPath, err := u.epubPackagePath()
	if err != nil {
		return extracted{}, err
	}
	opfData, err := u.read(opfPath)
	if err != nil {
		return extracted{}, err
	}
	var opf epubPackage
	if err := newXMLDecoder(opfData).Decode(&opf); err != nil {
		return extracted{}, &Error{Message: "This e-book is damaged: its table of contents cannot be read.", Err: err}
	}
	hrefs := map[string]string{}
	for _, item := range opf.Manifest {
		hrefs[item.ID] = item.Href
	}
	var b strings.Builder
	dir := path.Dir(opfPath)
	for _, ref := range opf.Spine {
		href, ok := hrefs[ref.IDRef]
		if !ok || ref.Linear == "no" {
			continue // auxiliary content: notes, tables of contents
		}
		part, err := u.read(path.Join(dir, href))
		if errors.Is(err, errPartMissing) {
			continue
		}
		if err != nil {
			return extracted{}, err
		}
		b.WriteString(xhtmlText(part))
		b.WriteString("\n\n")
	}
	meta := core.Meta{
		Title:    first(opf.Metadata.Titles),
		Author:   strings.Join(opf.Metadata.Creators, ", "),
		Date:     first(opf.Metadata.Dates),
		Outlet:   first(opf.Metadata.Publishers),
		Language: first(opf.Metadata.Languages),
	}
	return extracted{Text: b.String(), Meta: meta}, nil
}

func (u *unpacker) epubPackagePath() (string, error) {
	data, err := u.read("META-INF/container.xml")
	if err != nil {
		return "", &Error{Message: "This e-book is damaged: it has no table of contents.", Err: err}
	}
	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := newXMLDecoder(data).Decode(&container); err != nil || len(container.Rootfiles) == 0 {
		return "", &Error{Message: "This e-book is damaged: it has no table of contents.", Err: err}
	}
	return container.Rootfiles[0].FullPath, nil
}

type epubPackage struct {
	Metadata struct {
		Titles     []string `xml:"title"`
		Creators   []string `xml:"creator"`
		Dates      []string `xml:"date"`
		Publishers []string `xml:"publisher"`
		Languages  []string `xml:"language"`
	} `xml:"metadata"`
	Manifest []struct {
		ID   string `xml:"id,attr"`
		Href string `xml:"href,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef  string `xml:"idref,attr"`
		Linear string `xml:"linear,attr"`
	} `xml:"spine>itemref"`
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// xhtmlText renders a chapter's text with paragraph breaks; chapters nested
// too deeply for the tree renderer are read flat.
func xhtmlText(data []byte) string {
	if htmlDepth(data) > maxHTMLDepth {
		return flatHTMLText(data)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return flatHTMLText(data)
	}
	return innerText(doc)
}
