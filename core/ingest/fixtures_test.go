package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The builders below write small, valid files of each format from a list
// of paragraphs, the way the real programs lay them out (several runs per
// paragraph, metadata parts, things the reader must leave out).

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// paragraphsOf splits a text file into its non-empty paragraphs.
func paragraphsOf(text string) []string {
	var paras []string
	for p := range strings.SplitSeq(NormaliseLineEndings(text), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

func zipFiles(t testing.TB, files [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		method := zip.Deflate
		if f[0] == "mimetype" {
			method = zip.Store // ODF and EPUB require it stored, first
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// splitRun cuts a paragraph into two runs at a space near its middle, so
// that readers must join runs without adding or losing characters.
func splitRun(p string) (string, string) {
	mid := len(p) / 2
	if i := strings.IndexByte(p[mid:], ' '); i >= 0 {
		return p[:mid+i], p[mid+i:]
	}
	return p, ""
}

func xmlEscape(s string) string { return html.EscapeString(s) }

func buildDOCX(t testing.TB, title string, paras []string) []byte {
	var body strings.Builder
	for i, p := range paras {
		a, b := splitRun(p)
		fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(a))
		if i == 0 {
			// a deleted revision and a field code never show
			body.WriteString(`<w:del w:id="1"><w:r><w:delText>DELETED WORDS </w:delText></w:r></w:del>`)
			body.WriteString(`<w:r><w:instrText> PAGE </w:instrText></w:r>`)
		}
		fmt.Fprintf(&body, `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, xmlEscape(b))
	}
	// a text box written twice, as Word does: the fallback copy must not show
	body.WriteString(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Box text.</w:t></mc:Choice>` +
		`<mc:Fallback><w:t>Box text.</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	document := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		body.String() + `<w:sectPr/></w:body></w:document>`
	return zipFiles(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", document},
		{"docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + xmlEscape(title) + `</dc:title><dc:creator>Someone Who Saved It</dc:creator></cp:coreProperties>`},
	})
}

func buildODT(t testing.TB, title string, paras []string) []byte {
	var body strings.Builder
	for i, p := range paras {
		a, b := splitRun(p)
		fmt.Fprintf(&body, `<text:p text:style-name="P1">%s<text:span text:style-name="T1">%s</text:span>`, xmlEscape(a), xmlEscape(b))
		if i == 0 {
			body.WriteString(`<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A FOOTNOTE.</text:p></text:note-body></text:note>`)
		}
		body.WriteString(`</text:p>`)
	}
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="P1">STYLE TEXT</style:style></office:automatic-styles>
<office:body><office:text>` + body.String() + `</office:text></office:body></office:document-content>`
	return zipFiles(t, [][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"META-INF/manifest.xml", `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`},
		{"content.xml", content},
		{"meta.xml", `<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>` + xmlEscape(title) + `</dc:title></office:meta></office:document-meta>`},
	})
}

// buildEPUB puts the paragraphs in two chapters whose manifest order is the
// reverse of the spine's, so that only the spine gives the right order.
func buildEPUB(t testing.TB, title string, paras []string) []byte {
	half := (len(paras) + 1) / 2
	chapter := func(ps []string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter</title></head><body><section>`)
		for _, p := range ps {
			fmt.Fprintf(&b, "<p>%s</p>\n", xmlEscape(p))
		}
		b.WriteString(`</section></body></html>`)
		return b.String()
	}
	opf := `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + xmlEscape(title) + `</dc:title><dc:creator>Wikinews</dc:creator><dc:date>2019-01-07</dc:date><dc:language>en</dc:language><dc:publisher>Wikinews</dc:publisher></metadata>
<manifest><item id="toc" href="text/toc.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="toc" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine></package>`
	return zipFiles(t, [][2]string{
		{"mimetype", "application/epub+zip"},
		{"META-INF/container.xml", `<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`},
		{"OEBPS/content.opf", opf},
		{"OEBPS/text/toc.xhtml", chapter([]string{"Contents: Chapter One, Chapter Two"})},
		{"OEBPS/text/ch2.xhtml", chapter(paras[half:])},
		{"OEBPS/text/ch1.xhtml", chapter(paras[:half])},
	})
}

// buildRTF writes paragraphs as Word does: Windows-1252 characters as \'hh,
// everything else as \uN with an ANSI fallback character.
func buildRTF(title string, paras []string) []byte {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}}{\colortbl ;\red0\green0\blue0;}`)
	b.WriteString(`{\*\generator Msftedit 5.41.21.2510;}{\info{\title ` + rtfEscape(title) + `}{\author Someone}}\viewkind4\uc1 `)
	b.WriteString(`{\header\pard Running header\par}`)
	for _, p := range paras {
		b.WriteString(`\pard\sa200\sl276\slmult1\f0\fs22 `)
		a, rest := splitRun(p)
		b.WriteString(rtfEscape(a))
		b.WriteString(`{\i ` + rtfEscape(rest) + `}`)
		b.WriteString("\\par\r\n")
	}
	b.WriteString("}")
	return []byte(b.String())
}

func rtfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '{' || r == '}':
			b.WriteString(`\` + string(r))
		case r < 0x80:
			b.WriteRune(r)
		case cp1252Byte(r) != 0:
			fmt.Fprintf(&b, `\'%02x`, cp1252Byte(r))
		default:
			for _, u := range utf16Units(r) {
				fmt.Fprintf(&b, `\u%d?`, int16(u))
			}
		}
	}
	return b.String()
}

func cp1252Byte(r rune) byte {
	switch r {
	case '‘':
		return 0x91
	case '’':
		return 0x92
	case '“':
		return 0x93
	case '”':
		return 0x94
	case '–':
		return 0x96
	case '—':
		return 0x97
	}
	if r >= 0xA0 && r <= 0xFF {
		return byte(r)
	}
	return 0
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + (r >> 10)), uint16(0xDC00 + (r & 0x3FF))}
}

// buildHTML wraps the article in the clutter of a real news page.
func buildHTML(title string, paras []string) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + xmlEscape(title) + ` | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="` + xmlEscape(title) + `">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2019-01-07T09:30:00Z">
<link rel="canonical" href="https://news.example.org/2019/01/07/story.html">
<script>var tracking = "do not import this";</script><style>p { color: black }</style></head>
<body><div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>` + xmlEscape(title) + `</h1><p class="byline">By Jane Reporter</p>`)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", xmlEscape(p))
	}
	b.WriteString(`</article><aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Celebrity chef opens restaurant</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside></main>
<footer class="site-footer"><p>© 2019 The Daily Example. All rights reserved. Privacy policy. Terms of use.</p></footer></body></html>`)
	return []byte(b.String())
}
