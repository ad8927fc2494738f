package sheet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Renderer lays out and writes sheets. It holds the loaded fonts, is safe
// for concurrent use and is worth keeping for the program's life.
type Renderer struct {
	fonts *fonts
}

// NewRenderer loads the embedded fonts.
func NewRenderer() (*Renderer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	return &Renderer{fonts: fs}, nil
}

// PDFOptions are the document properties written into the PDF.
type PDFOptions struct {
	// Created is the PDF's creation date; the zero time writes a fixed
	// date so that the same sheet gives the same bytes.
	Created time.Time
}

// WritePDF writes the laid-out sheet as a PDF with the six Noto faces
// embedded (subset to the characters used).
func (l *Layout) WritePDF(w io.Writer, opts PDFOptions) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: l.width, Ht: l.height},
	})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetTitle(l.title, true)
	pdf.SetCreator("Verbatim", true)
	pdf.SetProducer("Verbatim", true)
	pdf.SetCatalogSort(true)
	created := opts.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	for id, ff := range faceFiles {
		pdf.AddUTF8FontFromBytes(ff.family, ff.style, l.fonts[id].data)
	}
	if pdf.Err() {
		return fmt.Errorf("the quote sheet's fonts could not be set up: %w", pdf.Error())
	}
	for _, p := range l.pages {
		pdf.AddPage()
		for _, r := range p.rects {
			cr, cg, cb := r.c.parts()
			pdf.SetFillColor(int(cr), int(cg), int(cb))
			pdf.Rect(r.x, r.y, r.w, r.h, "F")
		}
		var cur style
		tracking := 0.0 // PDF character spacing (Tc) starts at 0 on each page
		for i, t := range p.texts {
			if i == 0 || t.st != cur {
				ff := faceFiles[t.st.font]
				pdf.SetFont(ff.family, ff.style, t.st.size)
				cr, cg, cb := t.st.color.parts()
				pdf.SetTextColor(int(cr), int(cg), int(cb))
				cur = t.st
			}
			if t.st.tracking != tracking {
				pdf.RawWriteStr(fmt.Sprintf("%.3f Tc\n", t.st.tracking))
				tracking = t.st.tracking
			}
			pdf.Text(t.x, t.y, t.s)
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("the PDF could not be written: %w", err)
	}
	return nil
}

// WritePDFFile writes the PDF to path through a temporary file in the same
// folder, so that a failed save never leaves half a file behind.
func (l *Layout) WritePDFFile(path string, opts PDFOptions) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".verbatim-sheet-*.pdf")
	if err != nil {
		return fmt.Errorf("the sheet cannot be saved in %s: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	if err := l.WritePDF(tmp, opts); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private; a saved sheet is an ordinary file.
	if err := errors.Join(tmp.Chmod(0o644), tmp.Close()); err != nil {
		return fmt.Errorf("the sheet could not be saved: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("the sheet could not be saved as %s: %w", path, err)
	}
	return nil
}
