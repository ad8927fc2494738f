package sheet

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// outDir is where rendered sheets go: VERBATIM_SHEET_OUT when set (to look
// at them), else a temporary folder.
func outDir(t *testing.T) string {
	if d := os.Getenv("VERBATIM_SHEET_OUT"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func renderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMockupSheetPDF(t *testing.T) {
	sh, problems := Build(mockupSet(t), mockupOptions())
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	lay := renderer(t).Layout(sh, A4)
	path := filepath.Join(outDir(t), "mockup.pdf")
	if err := lay.WritePDFFile(path, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages: %s", lay.PageCount(), path)
}

func TestMockupPreviewPNG(t *testing.T) {
	sh, _ := Build(mockupSet(t), mockupOptions())
	lay := renderer(t).Layout(sh, A4)
	img, err := lay.Preview(0, 96)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 794 || b.Dy() != 1123 {
		t.Errorf("A4 preview at 96 dpi is %v, want 794×1123", b)
	}
	f, err := os.Create(filepath.Join(outDir(t), "mockup-preview.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
