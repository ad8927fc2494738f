package ingest

import (
	"context"

	"verbatim/core"
	"verbatim/core/ingest/rtf"
	"verbatim/core/ingest/textenc"
)

// readFormat extracts text and metadata from data in the given format.
func readFormat(ctx context.Context, format Format, data []byte, opts Options) (extracted, error) {
	switch format {
	case FormatText:
		text, _ := textenc.Decode(data)
		return extracted{Text: text}, nil
	case FormatHTML:
		return readHTML(data)
	case FormatRTF:
		return readRTF(data)
	case FormatDOCX:
		return readDOCX(data, opts)
	case FormatODT:
		return readODT(data, opts)
	case FormatEPUB:
		return readEPUB(data, opts)
	case FormatPDF:
		return readPDF(ctx, data, opts)
	}
	return extracted{}, &Error{Message: "This file is not a supported article format."}
}

// readRTF reads an RTF file. Syntax problems are forgiven as long as text
// comes out: Word and the databases write RTF that is rarely perfect.
func readRTF(data []byte) (extracted, error) {
	doc, errs := rtf.Read(data)
	if doc.Text == "" && len(errs) > 0 {
		return extracted{}, &Error{Message: "This RTF file is damaged: no text could be read from it.", Err: errs[0]}
	}
	return extracted{Text: doc.Text, Meta: core.Meta{Title: doc.Title}}, nil
}
