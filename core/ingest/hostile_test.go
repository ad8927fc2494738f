package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// wantError imports data and checks for an *Error whose message contains want.
func wantError(t *testing.T, name string, data []byte, opts Options, want string) {
	t.Helper()
	docs, err := Bytes(name, data, opts)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Bytes(%s) = %d docs, error %v; want *Error", name, len(docs), err)
	}
	if !strings.Contains(e.Message, want) || e.File != name {
		t.Fatalf("error = %q for file %q, want message containing %q", e.Message, e.File, want)
	}
}

func TestUnsupportedAndBrokenFiles(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"photo.png", png, "not a supported article format (it looks like an image)"},
		{"photo.txt", png, "it looks like an image"},
		{"empty.txt", []byte(" \n\n "), "This file is empty."},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 100)), "old Microsoft Office file"},
		{"archive.zip", zipFiles(t, [][2]string{{"a.txt", "hello"}}), "ZIP archive"},
		{"sheet.xlsx", zipFiles(t, [][2]string{{"xl/workbook.xml", "<x/>"}}), "Excel or PowerPoint"},
		{"broken.docx", []byte("PK\x03\x04 this is not really a zip file"), "damaged"},
		{"nobody.docx", zipFiles(t, [][2]string{{"word/document.xml", "<w:document"}}), "damaged"},
		{"broken.pdf", []byte("%PDF-1.7\n this is not a real pdf"), "This PDF is damaged"},
		{"program.exe", append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0, 1, 2, 3}, 50)...), "it looks like a program"},
		{"blank.rtf", []byte(`{\rtf1{\fonttbl{\f0 Arial;}}}`), "contains no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.HasSuffix(tt.name, ".pdf") && testing.Short() {
				t.Skip("PDF reader start-up takes seconds")
			}
			wantError(t, tt.name, tt.data, Options{}, tt.want)
		})
	}
}

func TestSizeLimit(t *testing.T) {
	wantError(t, "big.txt", bytes.Repeat([]byte("word "), 1000), Options{MaxFileSize: 1024}, "too large to import (4 KB; the limit is 1 KB)")
}

// A zip bomb: a DOCX whose document part unpacks to far more than the cap.
func TestZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 64 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("bomb is %d bytes compressed; the test wants a small file", buf.Len())
	}
	wantError(t, "bomb.docx", buf.Bytes(), Options{MaxUnpackedSize: 8 << 20}, "unpacks to more than 8 MB")
}

// "Billion laughs": entities that would expand exponentially must not be.
func TestXMLEntityExpansion(t *testing.T) {
	doc := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Safe &lol9; text</w:t></w:r></w:p></w:body></w:document>`
	data := zipFiles(t, [][2]string{{"word/document.xml", doc}})
	docs, err := Bytes("lol.docx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs[0].Text) > 100 || !strings.Contains(docs[0].Text, "Safe") {
		t.Fatalf("text = %q", docs[0].Text)
	}
}

func TestDeeplyNestedHTML(t *testing.T) {
	page := "<html><body><p>“Still here,” she said.</p>" + strings.Repeat("<div>", 100000) + "deep" + strings.Repeat("</div>", 100000) + "</body></html>"
	docs, err := Bytes("deep.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs[0].Text, "“Still here,” she said.") || !strings.Contains(docs[0].Text, "deep") {
		t.Fatalf("text = %.200q", docs[0].Text)
	}
}

func TestPDFProblems(t *testing.T) {
	if testing.Short() {
		t.Skip("PDF reader start-up takes seconds")
	}
	scan := fpdf.New("P", "mm", "A4", "")
	scan.AddPage()
	scan.SetFillColor(40, 40, 40)
	for y := 20.0; y < 250; y += 6 {
		scan.Rect(20, y, 170, 3, "F") // lines of "text" drawn as shapes, as in a scan
	}
	locked := fpdf.New("P", "mm", "A4", "")
	locked.SetProtection(fpdf.CnProtectPrint, "secret", "owner")
	locked.AddPage()
	locked.SetFont("Helvetica", "", 12)
	locked.Cell(40, 10, "You cannot read me without the password.")
	plain := fpdf.New("P", "mm", "A4", "")
	plain.AddPage()
	plain.SetFont("Helvetica", "", 12)
	plain.MultiCell(0, 6, `"This is a plain PDF," said the test, "and it is slow to read only if the limit is tiny."`, "", "L", false)
	output := func(pdf *fpdf.Fpdf) []byte {
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plainPDF := output(plain)
	tests := []struct {
		name string
		pdf  []byte
		opts Options
		want string
	}{
		{"scan.pdf", output(scan), Options{}, "This PDF has no text layer (it is probably a scan); OCR is not supported."},
		{"locked.pdf", output(locked), Options{}, "This PDF is password-protected"},
		{"slow.pdf", plainPDF, Options{PDFTimeout: time.Nanosecond}, "took too long to read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, tt.name, tt.pdf, tt.opts, tt.want)
		})
	}
	// A long PDF is stopped in the middle of reading, and the reader
	// recovers for the next file.
	long := fpdf.New("P", "mm", "A4", "")
	long.SetFont("Helvetica", "", 11)
	for range 300 {
		long.AddPage()
		long.MultiCell(0, 5, strings.Repeat("A line of text that goes on across the page. ", 60), "", "L", false)
	}
	wantError(t, "long.pdf", output(long), Options{PDFTimeout: 100 * time.Millisecond}, "took too long to read")
	docs, err := Bytes("plain.pdf", plainPDF, Options{})
	if err != nil || !strings.Contains(docs[0].Text, `"This is a plain PDF," said the test`) {
		t.Fatalf("after a timeout: %v, %+v", err, docs)
	}
}

func TestSameArticleSameHash(t *testing.T) {
	paras := paragraphsOf(readFixture(t, "wikinews/covid-name-typographic.txt"))
	a := importOne(t, "a.odt", buildODT(t, "x", paras[:3]))
	b := importOne(t, "b.txt", []byte(strings.Join(paras[:3], "\r\n\r\n")))
	c := importOne(t, "c.txt", []byte(strings.Join(paras[:2], "\n\n")))
	if a.Meta.Hash != b.Meta.Hash {
		t.Errorf("same article, different hashes: %s %s", a.Meta.Hash, b.Meta.Hash)
	}
	if a.Meta.Hash == c.Meta.Hash {
		t.Errorf("different articles, same hash")
	}
}
