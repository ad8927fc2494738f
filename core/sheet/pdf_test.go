package sheet

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/core/quoteset"
)

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (apt-get install poppler-utils); skipping this PDF check", name)
	}
}

// pdfPages reads the page count with pdfinfo.
func pdfPages(t testing.TB, path string) int {
	t.Helper()
	needTool(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pdfText extracts the text of the whole PDF, with white space folded to
// single spaces.
func pdfText(t testing.TB, path string) string {
	return strings.Join(pdfPageTexts(t, path), " ")
}

// pdfPageTexts extracts each page's text (pdftotext ends pages with a form
// feed), white space folded.
func pdfPageTexts(t testing.TB, path string) []string {
	t.Helper()
	needTool(t, "pdftotext")
	// -raw keeps content order: the order the sheet is read in.
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	for i := range pages {
		pages[i] = fold(pages[i])
	}
	return pages
}

func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, nbsp, " ")), " ")
}

// writeSheet builds, lays out and writes a sheet, returning the layout and
// the PDF's path.
func writeSheet(t testing.TB, r *Renderer, set quoteset.Set, opts Options, paper Paper, name string) (*Layout, Sheet, string) {
	t.Helper()
	sh, problems := Build(set, opts)
	if len(problems) > 0 {
		t.Fatalf("problems building the sheet: %v", problems)
	}
	lay := r.Layout(sh, paper)
	dir := t.TempDir()
	if tt, ok := t.(*testing.T); ok {
		dir = outDir(tt)
	}
	path := filepath.Join(dir, name)
	if err := lay.WritePDFFile(path, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	return lay, sh, path
}

func TestPDFTextRoundTrip(t *testing.T) {
	_, sh, path := writeSheet(t, renderer(t), mockupSet(t), mockupOptions(), A4, "roundtrip.pdf")
	text := pdfText(t, path)
	want := []string{
		"Quotes on: Criticism of the president",
		"8 quotes from 2 articles · grouped by speaker · articles in date order",
		"“We are committed to keeping our border safe. We can do that best when government is open. We made that clear to the president.”",
		"“We made a plea to the president once again: don’t hold hundreds of thousands of federal workers hostage”",
		"“a non-starter”",
		"The ‘United States’ is not holding any ISIS detainees.",
		"very low” [Graham continued.] “[T]his impulsive decision",
		"— Lindsey Graham, in “US President Trump announces troop withdrawal from Syria”, Wikinews, 8 Oct 2019, ¶ 9",
		"— Dick Durbin, in “President Trump says he ‘can’ and ‘may’ put US into state of emergency to build border wall”, Wikinews, 7 Jan 2019, ¶ 4",
		"Nancy Pelosi Speaker of the House 1 quote",
		"Chuck Schumer Senate Minority Leader 2 quotes",
		"SOURCES",
		"1. “President Trump says he ‘can’ and ‘may’ put US into state of emergency to build border wall”. Wikinews, 7 January 2019. 5 quotes on this topic.",
		"2. “US President Trump announces troop withdrawal from Syria”. Wikinews, 8 October 2019. 3 quotes on this topic.",
		"Article texts: Wikinews, licensed CC BY 2.5.",
		"1 / 2", "2 / 2",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if strings.Contains(text, "We must always") {
		t.Error("Nikki Haley's quote is on another topic and must not be on the sheet")
	}
	if i := strings.IndexAny(text, "\"'"); i >= 0 && !strings.Contains(text[max(0, i-60):i], "https://") {
		t.Errorf("straight quotation marks left in the PDF text: %q", text[max(0, i-40):][:80])
	}
	// Speakers come in the order of their first quote, articles by date.
	var order []int
	for _, g := range sh.Groups {
		order = append(order, strings.Index(text, g.Heading+" "))
	}
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] {
			t.Errorf("group %q printed before the group before it", sh.Groups[i].Heading)
		}
	}
}

func TestPDFCyrillicAndGreek(t *testing.T) {
	set := syntheticSet(4, 1)
	set.Documents[0].Meta.Language = "ru"
	_, _, path := writeSheet(t, renderer(t), set, Options{GroupBy: BySpeaker}, A4, "scripts.pdf")
	text := pdfText(t, path)
	for _, w := range []string{
		"«№ 2: мы не собираемся уходить из Сирии»",
		"Владимир Путин",
		"Κυριάκος Μητσοτάκης",
		"«Αρ. 3: η απόφαση είναι οριστική»",
		"the decision — and I mean it — is final. The „experts“ disagree",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
}

// TestPageCounts checks sheets of 1, 50 and 1,000 quotes: the PDF has the
// pages the layout made, every footer says "p / n", every quote is printed
// once and in order, nothing runs into the footer, and no page is left
// emptier than keeping a block together requires.
func TestPageCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("long PDF checks skipped in -short mode")
	}
	r := renderer(t)
	for _, n := range []int{1, 50, 1000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			set := syntheticSet(n, max(1, n/40))
			lay, _, path := writeSheet(t, r, set, Options{GroupBy: NoGroups, Order: InDocumentOrder}, A4, fmt.Sprintf("count-%d.pdf", n))
			pages := pdfPages(t, path)
			if pages != lay.PageCount() {
				t.Fatalf("PDF has %d pages, layout made %d", pages, lay.PageCount())
			}
			if n == 1 && pages != 1 {
				t.Errorf("one quote takes %d pages", pages)
			}
			next := 1
			texts := pdfPageTexts(t, path)
			if len(texts) != pages {
				t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(texts), pages)
			}
			for p := 1; p <= pages; p++ {
				text := texts[p-1]
				if foot := fmt.Sprintf("%d / %d", p, pages); !strings.HasSuffix(text, foot) {
					t.Errorf("page %d does not end with %q: …%s", p, foot, text[max(0, len(text)-60):])
				}
				for _, num := range regexp.MustCompile(`(?:No\.|№|Αρ\.) (\d+):`).FindAllStringSubmatch(text, -1) {
					if got, _ := strconv.Atoi(num[1]); got != next {
						t.Fatalf("page %d: quote %d printed where quote %d belongs", p, got, next)
					}
					next++
				}
			}
			if next != n+1 {
				t.Errorf("printed %d quotes, want %d", next-1, n)
			}
			checkPageFill(t, r, lay)
		})
	}
}

// checkPageFill verifies that content stays above the footer and that every
// page but the last is filled to within one quote block of its bottom.
func checkPageFill(t *testing.T, r *Renderer, lay *Layout) {
	t.Helper()
	c := &composer{fonts: r.fonts, th: newTheme()}
	bottom := lay.height - footerBottom - c.lineBox(c.th.footer) - footerGap - contentGap
	tallest := 2*quoteLeading + 2*citeLeading + quoteMargin + citeMargin // a two-line quote with a two-line citation
	for i, p := range lay.pages {
		lowest := 0.0
		for _, tx := range p.texts {
			if tx.y > bottom+1 && tx.st != c.th.footer {
				t.Errorf("page %d: text %q at y=%.1f runs into the footer (limit %.1f)", i+1, tx.s, tx.y, bottom)
			}
			if tx.st != c.th.footer {
				lowest = max(lowest, tx.y)
			}
		}
		if i < len(lay.pages)-1 && lowest < bottom-tallest-40 {
			t.Errorf("page %d ends at y=%.1f, far above the bottom (%.1f)", i+1, lowest, bottom)
		}
	}
}

func TestSpeakerGroupsStayTogether(t *testing.T) {
	set := syntheticSet(60, 3) // 5 speakers taking turns: 12 quotes each, about half a page
	_, sh, path := writeSheet(t, renderer(t), set, Options{GroupBy: BySpeaker}, A4, "groups.pdf")
	texts := pdfPageTexts(t, path)
	for _, g := range sh.Groups {
		on := 0
		for _, text := range texts {
			if strings.Contains(text, g.Heading+" 12 quotes") {
				on++
			}
		}
		if on != 1 {
			t.Errorf("the group of %s is on %d pages, want 1", g.Heading, on)
		}
	}
	if strings.Contains(pdfText(t, path), "(continued) 12 quotes") {
		t.Error("a group that fits on one page was split")
	}

	// One speaker with 80 quotes cannot fit on a page: the heading repeats.
	big := syntheticSet(80, 1)
	for i := range big.Quotes {
		big.Quotes[i].Speaker = "Lindsey Graham"
	}
	_, _, path = writeSheet(t, renderer(t), big, Options{GroupBy: BySpeaker}, A4, "biggroup.pdf")
	if got := pdfPageTexts(t, path)[1]; !strings.Contains(got, "Lindsey Graham (continued) 80 quotes") {
		t.Errorf("page 2 of a long group should repeat its heading; it reads: %.200s", got)
	}
}

func TestVeryLongQuoteSplitsAcrossPages(t *testing.T) {
	words := make([]string, 3000)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	set := syntheticSet(1, 1)
	text := `He said "` + strings.Join(words, " ") + `" and left. See https://example.org/` + strings.Repeat("very-long-path-", 40)
	set.Documents[0].Text = text
	set.Documents[0].Meta.URL = "https://example.org/" + strings.Repeat("very-long-path-", 40)
	q := &set.Quotes[0]
	q.Span.Start, q.Span.End = strings.Index(text, `"`), strings.LastIndex(text, `"`)+1
	q.Fragments = []core.Span{q.Span}
	lay, _, path := writeSheet(t, renderer(t), set, Options{GroupBy: BySpeaker}, Letter, "long.pdf")
	if lay.PageCount() < 3 {
		t.Fatalf("3000 words fit on %d pages?", lay.PageCount())
	}
	all := pdfText(t, path)
	for _, w := range []string{"“w0 w1", "w1500 w1501", "w2999”", "Nancy Pelosi (continued)"} {
		if !strings.Contains(all, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if got := strings.Count(strings.ReplaceAll(all, " ", ""), "very-long-path-"); got < 40 {
		t.Errorf("the long address lost pieces: %d of 40 found", got)
	}
	checkPageFill(t, renderer(t), lay)
}

func TestEmptySheet(t *testing.T) {
	_, _, path := writeSheet(t, renderer(t), quoteset.Set{}, Options{}, A4, "empty.pdf")
	text := pdfText(t, path)
	if !strings.Contains(text, "No quotes match this selection.") || strings.Contains(text, "SOURCES") {
		t.Errorf("empty sheet reads: %s", text)
	}
}

func TestPaperSizes(t *testing.T) {
	needTool(t, "pdfinfo")
	r := renderer(t)
	for paper, want := range map[Paper]string{A4: "595.28 x 841.89 pts (A4)", Letter: "612 x 792 pts (letter)"} {
		_, _, path := writeSheet(t, r, syntheticSet(3, 1), Options{}, paper, "paper-"+paper.String()+".pdf")
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("%v sheet: pdfinfo does not report %q:\n%s", paper, want, out)
		}
	}
}

// The preview must look like the PDF: compare it with poppler's rendering
// of the same page.
func TestPreviewMatchesPDF(t *testing.T) {
	needTool(t, "pdftoppm")
	lay, _, path := writeSheet(t, renderer(t), mockupSet(t), mockupOptions(), A4, "preview-vs-pdf.pdf")
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "96", "-f", "1", "-l", "1", "-png", "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	poppler, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := lay.Preview(0, 96)
	if err != nil {
		t.Fatal(err)
	}
	inkOurs, inkTheirs, differ := 0, 0, 0
	b := ours.Bounds().Intersect(poppler.Bounds())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			a, c := dark(ours.At(x, y)), dark(poppler.At(x, y))
			inkOurs += boolInt(a)
			inkTheirs += boolInt(c)
			// Tolerate one pixel of anti-aliasing drift either way.
			if a && !darkNear(poppler, x, y) || c && !darkNear(ours, x, y) {
				differ++
			}
		}
	}
	t.Logf("dark pixels: preview %d, PDF %d; %d differ", inkOurs, inkTheirs, differ)
	if inkOurs == 0 || float64(differ) > 0.08*float64(inkTheirs) {
		t.Errorf("preview and PDF differ: %d dark pixels in the preview, %d in the PDF, %d differ", inkOurs, inkTheirs, differ)
	}
}

func dark(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, g, b, _ := c.RGBA()
	return (r+g+b)/3 < 0x9000
}

func darkNear(img image.Image, x, y int) bool {
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if dark(img.At(x+dx, y+dy)) {
				return true
			}
		}
	}
	return false
}

func BenchmarkRender1000Quotes(b *testing.B) {
	r := renderer(b)
	set := syntheticSet(1000, 25)
	opts := Options{GroupBy: BySpeaker, Generated: time.Now()}
	for b.Loop() {
		sh, _ := Build(set, opts)
		if err := r.Layout(sh, A4).WritePDF(io.Discard, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
