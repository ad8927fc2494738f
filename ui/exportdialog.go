package ui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core/export"
	"verbatim/core/quoteset"
)

// ShowExportDialog lets the researcher export the quotes in sel for the
// tools she already uses: a spreadsheet (CSV for Excel), JSON, or a
// REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder. It then asks
// where to save, writes in the background and says what it wrote. Wire it
// to File › Export… and the toolbar's Export button.
func ShowExportDialog(win fyne.Window, sel QuoteSelection, opts ...DialogOption) {
	newExportDialog(win, sel, newDialogConfig(opts)).show()
}

// exportFormat is one way to export, with the sentence that explains it.
type exportFormat struct {
	label, explanation, ext string
	write                   func(w io.Writer, set quoteset.Set, title string, now time.Time) ([]error, error)
}

func exportFormats() []exportFormat {
	return []exportFormat{
		{"Excel spreadsheet (.csv)",
			"One row per quote with its speaker, topics, article, date and note. Opens in Excel, LibreOffice and Google Sheets.", ".csv",
			func(w io.Writer, set quoteset.Set, _ string, _ time.Time) ([]error, error) { return export.CSV(w, set) }},
		{"JSON (.json)",
			"Every quote with its exact place in the article’s text, for your own scripts and tools.", ".json",
			func(w io.Writer, set quoteset.Set, _ string, _ time.Time) ([]error, error) {
				return export.JSON(w, set)
			}},
		{"REFI-QDA project (.qdpx)",
			"For NVivo, ATLAS.ti, MAXQDA and QualCoder: the articles become sources, topics and speakers codes, and each quote a coded passage.", ".qdpx",
			func(w io.Writer, set quoteset.Set, title string, now time.Time) ([]error, error) {
				return export.QDPX(w, set, export.QDPXOptions{Name: title, Created: now})
			}},
	}
}

// exportDialog is the Export dialog; its fields are touched only on the UI
// goroutine.
type exportDialog struct {
	win    fyne.Window
	sel    QuoteSelection
	cfg    *dialogConfig
	ctx    context.Context
	cancel context.CancelFunc
	quotes *pendingQuotes

	formats []exportFormat
	chosen  int
	ready   bool // the quotes are loaded and there are some to export
	busy    bool

	dlg          *dialog.CustomDialog
	box          *fyne.Container
	summary      *widget.RichText
	radios       []*widget.RadioGroup
	status       *widget.Label
	exportButton *widget.Button
}

func newExportDialog(win fyne.Window, sel QuoteSelection, cfg *dialogConfig) *exportDialog {
	d := &exportDialog{win: win, sel: sel, cfg: cfg, formats: exportFormats()}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	d.quotes = loadQuotes(d.ctx, sel)
	d.summary = newSubtleText(joinWithDot(sel.Describe, "Reading the quotes…"), fyne.TextAlignLeading)
	for i, f := range d.formats {
		r := widget.NewRadioGroup([]string{f.label}, func(string) { d.choose(i) })
		d.radios = append(d.radios, r)
	}
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Hide()
	d.exportButton = widget.NewButtonWithIcon("Export…", theme.UploadIcon(), d.export)
	d.exportButton.Importance = widget.HighImportance
	d.choose(0)
	return d
}

// choose picks format i; the radio groups act as one.
func (d *exportDialog) choose(i int) {
	d.chosen = i
	for j, r := range d.radios {
		want := ""
		if j == i {
			want = d.formats[j].label
		}
		if r.Selected != want {
			r.Selected = want
			r.Refresh()
		}
	}
}

func (d *exportDialog) content() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(selectionTitle(d.sel), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	choices := container.NewVBox()
	for i, f := range d.formats {
		explanation := newSubtleText(f.explanation, fyne.TextAlignLeading)
		// The explanation starts under the option's words, not its circle.
		indent := canvas.NewRectangle(color.Transparent)
		indent.SetMinSize(fyne.NewSize(theme.IconInlineSize()+theme.InnerPadding(), 0))
		choices.Add(d.radios[i])
		choices.Add(container.NewBorder(nil, nil, indent, nil, explanation))
	}
	format := widget.NewLabelWithStyle("Format", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.box = container.NewVBox(heading, d.summary, widget.NewSeparator(), format, choices, d.status)
	return d.box
}

func (d *exportDialog) show() {
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons("Export quotes", d.content(), d.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.exportButton})
	d.dlg.SetOnClosed(d.cancel)
	d.updateButton()
	d.dlg.Show()
	d.refit()
	d.count()
}

// count shows how many quotes the export will hold, once they are loaded.
func (d *exportDialog) count() {
	var quotes, articles int
	var problems []error
	d.cfg.background(func() error {
		set, err := d.quotes.wait(d.ctx)
		quotes, articles, problems = usable(set)
		return err
	}, func(err error) {
		switch {
		case err != nil:
			d.showStatus(sentence(err))
		case quotes == 0:
			d.showStatus("There are no quotes here to export. Choose a topic, a speaker or some quotes first.")
		default:
			d.ready = true
			d.showStatus(leftOutSentence(problems))
		}
		setSubtleText(d.summary, joinWithDot(d.sel.Describe, quotesFromArticles(quotes, articles)))
		d.updateButton()
	})
}

func (d *exportDialog) showStatus(text string) {
	d.status.SetText(text)
	d.status.Hidden = text == ""
	d.refit()
}

// refit sizes the dialog to its content. Wrapped text knows its height only
// once it has been laid out at the dialog's width, hence the second pass.
func (d *exportDialog) refit() {
	for range 2 {
		d.box.Refresh()
		d.dlg.Resize(fyne.NewSize(560, d.box.MinSize().Height))
	}
}

func (d *exportDialog) updateButton() { enable(d.exportButton, d.ready && !d.busy) }

// export asks where to save, then writes the chosen format there.
func (d *exportDialog) export() {
	f, title := d.formats[d.chosen], selectionTitle(d.sel)
	d.cfg.chooseSave(d.win, fileNameFor(title, f.ext), f.ext, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showProblem(fmt.Errorf("The quotes cannot be saved there: %w", err), d.win)
			return
		}
		if w == nil {
			return // cancelled: the Export dialog is still there
		}
		d.busy = true
		d.updateButton()
		d.showStatus("Exporting…")
		var quotes, articles int
		var problems []error
		d.cfg.background(func() error {
			set, err := d.quotes.wait(context.Background())
			if err != nil {
				return err
			}
			quotes, articles, _ = usable(set)
			return writeChosen(w, func(out io.Writer) (err error) {
				problems, err = f.write(out, set, title, d.cfg.now())
				return err
			})
		}, func(err error) {
			d.busy = false
			d.updateButton()
			d.showStatus("")
			if err != nil {
				showProblem(err, d.win)
				return
			}
			d.dlg.Hide()
			report := fmt.Sprintf("Exported %s to %s.", quotesFromArticles(quotes, articles), namedPlace(w.URI()))
			if left := leftOutSentence(problems); left != "" {
				report += "\n\n" + left
			}
			dialog.ShowInformation("Quotes exported", report, d.win)
		})
	})
}
