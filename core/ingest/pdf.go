package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"verbatim/core"
	"verbatim/core/ingest/pdftext"
)

// pdfEngine is the process's one PDF reader. Compiling PDFium takes
// seconds and its instances are pooled, so it is shared, started on the
// first PDF (or by StartPDF), and never replaced.
var pdfEngine = sync.OnceValue(func() *pdftext.Engine {
	return pdftext.NewEngine(pdftext.Config{Workers: min(runtime.GOMAXPROCS(0), 4), CacheDir: pdfCacheDir()})
})

// StartPDF prepares the PDF reader, which otherwise starts with the first
// PDF imported. The app calls it in the background after start-up so that
// no user waits for it; it is safe to call more than once.
func StartPDF() error { return pdfEngine().Start() }

func readPDF(ctx context.Context, data []byte, opts Options) (extracted, error) {
	doc, err := pdfEngine().Extract(ctx, data, opts.pdfTimeout())
	switch {
	case errors.Is(err, pdftext.ErrPassword):
		return extracted{}, &Error{Message: "This PDF is password-protected, so its text cannot be read; please remove the password and import it again.", Err: err}
	case errors.Is(err, pdftext.ErrTimeout):
		return extracted{}, &Error{Message: "This PDF took too long to read (more than " + opts.pdfTimeout().String() + "), so it was skipped; it may be damaged or unusually complex.", Err: err}
	case errors.Is(err, pdftext.ErrStart):
		return extracted{}, &Error{Message: "The PDF reader could not start, so PDFs cannot be imported right now.", Err: err}
	case errors.Is(err, context.Canceled):
		return extracted{}, err
	case err != nil:
		return extracted{}, &Error{Message: "This PDF is damaged and cannot be read.", Err: err}
	}
	if !pdftext.HasText(doc) {
		return extracted{}, &Error{Message: "This PDF has no text layer (it is probably a scan); OCR is not supported."}
	}
	return extracted{Text: pdftext.Text(doc), Meta: core.Meta{Title: doc.Title}}, nil
}

// pdfCacheDir is where the compiled PDF reader is kept between runs.
func pdfCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "verbatim", "pdfium")
}
