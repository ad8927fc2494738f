package ingest

import (
	"archive/zip"
	"bytes"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"verbatim/core/ingest/rtf"
	"verbatim/core/ingest/textenc"
)

// Format is a file format ingest reads. Its value is what Meta.Format holds
// for a single-article file.
type Format string

const (
	FormatText Format = "txt"
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	FormatODT  Format = "odt"
	FormatRTF  Format = "rtf"
	FormatEPUB Format = "epub"
	// FormatTable is a spreadsheet of articles saved as CSV or TSV: one
	// article per row.
	FormatTable Format = "csv"
)

// pdfHeader finds a PDF's version line, which may follow up to a kilobyte
// of other bytes.
var pdfHeader = regexp.MustCompile(`%PDF-\d\.\d`)

// Detect recognises the format of data by its content; the name's extension
// only breaks ties (a .md file is text, a .xhtml file is a web page). When
// the data is not an article format, problem is the sentence to show.
func Detect(name string, data []byte) (format Format, problem string) {
	head := data[:min(len(data), 1024)]
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", "This file is empty."
	case pdfHeader.Match(head):
		return FormatPDF, ""
	case rtf.IsRTF(head):
		return FormatRTF, ""
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return detectZip(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "", "This is an old Microsoft Office file (such as a .doc), which cannot be read; " +
			"please open it in Word or LibreOffice and save it as .docx or .rtf."
	}
	if looksLikeHTML(head) {
		return FormatHTML, ""
	}
	if looksLikeText(data) {
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case (ext == ".html" || ext == ".htm" || ext == ".xhtml") && bytes.Contains(head, []byte("<")):
			return FormatHTML, ""
		case ext == ".csv" || ext == ".tsv":
			return FormatTable, ""
		}
		return FormatText, ""
	}
	return "", unsupportedMessage(name, head)
}

// detectZip tells the zip-based formats apart by their contents.
func detectZip(data []byte) (Format, string) {
	// ODF and EPUB store their media type first, uncompressed.
	if len(data) >= 38 && string(data[30:38]) == "mimetype" {
		head := string(data[38:min(len(data), 120)])
		switch {
		case strings.HasPrefix(head, "application/epub+zip"):
			return FormatEPUB, ""
		case strings.HasPrefix(head, "application/vnd.oasis.opendocument.text"):
			return FormatODT, ""
		case strings.HasPrefix(head, "application/vnd.oasis.opendocument"):
			return "", "This is an OpenDocument spreadsheet or presentation, not a text document; only OpenDocument text (.odt) can be imported."
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "This file looks like a compressed (ZIP) file but is damaged."
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	switch {
	case names["word/document.xml"]:
		return FormatDOCX, ""
	case names["content.xml"] && names["META-INF/manifest.xml"]:
		return FormatODT, ""
	case names["META-INF/container.xml"]:
		return FormatEPUB, ""
	case names["xl/workbook.xml"], names["ppt/presentation.xml"]:
		return "", "This is an Excel or PowerPoint file, not an article; only Word documents (.docx) can be imported."
	}
	return "", "This is a ZIP archive; please unpack it and import the files inside."
}

// looksLikeHTML checks the start of the data for markup a web page begins with.
func looksLikeHTML(head []byte) bool {
	s := strings.ToLower(string(bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")))
	for _, prefix := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	if strings.HasPrefix(s, "<?xml") || strings.HasPrefix(s, "<!--") {
		return strings.Contains(s, "<html")
	}
	return false
}

// looksLikeText accepts data that decodes to text with few control characters.
func looksLikeText(data []byte) bool {
	enc, body := textenc.Detect(data[:min(len(data), 8192)])
	sample := textenc.DecodeAs(body, enc)
	if enc != textenc.UTF8 && enc != textenc.UTF16LE && enc != textenc.UTF16BE && bytes.IndexByte(body, 0) >= 0 {
		return false
	}
	control, total := 0, 0
	for _, r := range sample {
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0 && enc != textenc.Windows1252):
			control++
		case r == utf8.RuneError:
			control++
		}
	}
	return total > 0 && control*100 <= total
}

// unsupportedMessage names what the data seems to be.
// namedFormat is the format a file's name promises, for the formats whose
// files start with a signature; "" for others.
func namedFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "a PDF"
	case ".docx":
		return "a Word document"
	case ".odt":
		return "an OpenDocument text"
	case ".epub":
		return "an EPUB book"
	case ".rtf":
		return "an RTF document"
	}
	return ""
}

func unsupportedMessage(name string, head []byte) string {
	kind := http.DetectContentType(head)
	what := ""
	switch {
	case namedFormat(name) != "" && !strings.HasPrefix(kind, "image/"):
		// The name promises a format the contents do not have: a download
		// cut short, a damaged copy, or a file renamed by hand.
		return "This file is named as " + namedFormat(name) +
			" but its contents are not; it may be damaged or only partly downloaded."

	case strings.HasPrefix(kind, "image/"):
		what = " (it looks like an image)"
	case strings.HasPrefix(kind, "audio/"), strings.HasPrefix(kind, "video/"):
		what = " (it looks like audio or video)"
	case kind == "application/x-gzip", kind == "application/x-rar-compressed", kind == "application/x-7z-compressed":
		what = " (it looks like a compressed archive; please unpack it first)"
	case strings.Contains(kind, "font"):
		what = " (it looks like a font)"
	case kind == "application/wasm", bytes.HasPrefix(head, []byte("\x7fELF")), bytes.HasPrefix(head, []byte("MZ")):
		what = " (it looks like a program)"
	}
	return "This file is not a supported article format" + what + "."
}
