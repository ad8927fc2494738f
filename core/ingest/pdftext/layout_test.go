package pdftext

import (
	"strings"
	"testing"
)

// page lays out lines top-down on an A4-like page: each entry is one line
// of text; "" leaves a blank line (a paragraph gap). Lines run to the right
// margin unless they end with "¶", which marks a short last line.
func page(lines ...string) Page {
	const size, step, top, left, right = 10.0, 12.0, 800.0, 50.0, 550.0
	var p Page
	y := top
	for _, l := range lines {
		if l == "" {
			y -= step
			continue
		}
		r := right
		if short, ok := strings.CutSuffix(l, "¶"); ok {
			l, r = short, left+200
		}
		// two runs per line, as PDFium gives for a change of font
		mid := len(l) / 2
		for mid < len(l) && l[mid] != ' ' {
			mid++
		}
		p.Runs = append(p.Runs,
			Run{Text: l[:mid], Left: left, Right: left + (r-left)/2, Top: y, Bottom: y - size, Size: size},
			Run{Text: l[mid:], Left: left + (r-left)/2, Right: r, Top: y, Bottom: y - size, Size: size})
		y -= step
	}
	return p
}

func TestLayout(t *testing.T) {
	doc := &Document{Pages: []Page{
		page(
			"The Daily Example · Politics¶",
			"",
			"“We made a plea to the president,” said the well-known",
			"senator, adding that the decla-",
			"ration was final.¶",
			"",
			"A second paragraph that runs on to the next page with a well-",
			"known phrase and a hyphen-",
			"ated word and continues",
			"Page 1 of 2¶",
		),
		page(
			"The Daily Example · Politics¶",
			"",
			"after the page break, ending here.¶",
			"",
			"End of Document¶",
			"",
			"Page 2 of 2¶",
		),
	}}
	want := "“We made a plea to the president,” said the well-known senator, adding that the declaration was final.\n\n" +
		"A second paragraph that runs on to the next page with a well-known phrase and a hyphenated word and continues after the page break, ending here.\n\n" +
		"End of Document"
	if got := Text(doc); got != want {
		t.Errorf("Text =\n%q\nwant\n%q", got, want)
	}
}

// A line that recurs at a different height on each page (the end of an
// article in an export) is text, not a footer.
func TestRecurringLineAtVaryingHeightIsKept(t *testing.T) {
	doc := &Document{Pages: []Page{
		page("First article ends.¶", "End of Document¶"),
		page("Second article", "is longer and ends.¶", "End of Document¶"),
		page("Third", "article", "ends.¶", "End of Document¶"),
	}}
	if got := strings.Count(Text(doc), "End of Document"); got != 3 {
		t.Errorf("%d of 3 end lines kept:\n%s", got, Text(doc))
	}
}

func TestHasText(t *testing.T) {
	if HasText(&Document{Pages: []Page{{}, {Runs: []Run{{Text: " 3 "}}}}}) {
		t.Error("a scan with a page number has no text layer")
	}
	if !HasText(&Document{Pages: []Page{page("A real line of text on the page.")}}) {
		t.Error("a page of text has a text layer")
	}
}

// Two columns side by side: lines of the left column end at its own right
// margin, not the page's, and stay one paragraph.
func TestTwoColumns(t *testing.T) {
	column := func(left, right float64, lines ...string) []Run {
		var runs []Run
		y := 800.0
		for _, l := range lines {
			r := right
			if short, ok := strings.CutSuffix(l, "¶"); ok {
				l, r = short, left+60
			}
			runs = append(runs, Run{Text: l, Left: left, Right: r, Top: y, Bottom: y - 10, Size: 10})
			y -= 12
		}
		return runs
	}
	p := Page{Runs: append(
		column(50, 290, "“We will not stop,” said the", "leader of the union on", "Tuesday evening.¶"),
		column(310, 550, "The strike began on Monday", "and is expected to last", "a week.¶")...)}
	want := "“We will not stop,” said the leader of the union on Tuesday evening.\n\n" +
		"The strike began on Monday and is expected to last a week."
	if got := Text(&Document{Pages: []Page{p}}); got != want {
		t.Errorf("Text =\n%q\nwant\n%q", got, want)
	}
}
