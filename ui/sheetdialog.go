package ui

import (
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core/printing"
	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// ShowPrintDialog opens the Print dialog for the quotes in sel: printer,
// copies, paper, grouping and order beside a preview of the first page.
// It prints through p (printing.System{} on a real computer); its Save as
// PDF… button works with no printer at all. Wire it to File › Print…,
// the toolbar's Print button and Ctrl+P.
func ShowPrintDialog(win fyne.Window, sel QuoteSelection, p Printer, opts ...DialogOption) {
	newPrintDialog(win, sel, p, newDialogConfig(opts)).show()
}

// ShowSavePDFDialog asks where to save the quotes in sel as a PDF quote
// sheet (default name from the title: "Quotes on Syria withdrawal.pdf"),
// then writes it in the background and says where it went.
func ShowSavePDFDialog(win fyne.Window, sel QuoteSelection, opts ...DialogOption) {
	cfg := newDialogConfig(opts)
	quotes := loadQuotes(context.Background(), sel)
	settings := cfg.settings
	savePDF(win, cfg, fileNameFor(selectionTitle(sel), ".pdf"), func(ctx context.Context) (*sheet.Layout, error) {
		set, err := quotes.wait(ctx)
		if err != nil {
			return nil, err
		}
		lay, _, err := layOutSheet(cfg, sel, set, settings)
		return lay, err
	}, nil)
}

// savePDF asks where to save name, then lays the sheet out and writes it in
// the background; saved runs after a successful save.
func savePDF(win fyne.Window, cfg *dialogConfig, name string, layOut func(context.Context) (*sheet.Layout, error), saved func()) {
	cfg.chooseSave(win, name, ".pdf", func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showProblem(fmt.Errorf("The sheet cannot be saved there: %w", err), win)
			return
		}
		if w == nil {
			return // cancelled
		}
		var pages int
		cfg.background(func() error {
			return writeChosen(w, func(out io.Writer) error {
				lay, err := layOut(context.Background())
				if err != nil {
					return err
				}
				pages = lay.PageCount()
				return lay.WritePDF(out, sheet.PDFOptions{Created: cfg.now()})
			})
		}, func(err error) {
			if err != nil {
				showProblem(err, win)
				return
			}
			if saved != nil {
				saved()
			}
			dialog.ShowInformation("Quote sheet saved",
				fmt.Sprintf("Saved the %s quote sheet as %s.", pageWord(pages), namedPlace(w.URI())), win)
		})
	})
}

// pageWord is "1-page" or "3-page".
func pageWord(n int) string { return strconv.Itoa(n) + "-page" }

// layOutSheet builds the sheet for set with the given settings and places
// it on pages; problems are the quotes left out.
func layOutSheet(cfg *dialogConfig, sel QuoteSelection, set quoteset.Set, s SheetSettings) (*sheet.Layout, []error, error) {
	r, err := cfg.sheetRenderer()
	if err != nil {
		return nil, nil, err
	}
	sh, problems := sheet.Build(set, sheet.Options{Title: sel.Title, Scope: sel.Scope, Selected: sel.Selected, GroupBy: s.GroupBy, Order: s.Order, Generated: cfg.now()})
	if sheetQuotes(sh) == 0 {
		return nil, problems, errNothingToPrint(problems)
	}
	return r.Layout(sh, s.Paper), problems, nil
}

func sheetQuotes(sh sheet.Sheet) int {
	n := 0
	for _, g := range sh.Groups {
		n += len(g.Quotes)
	}
	return n
}

func errNothingToPrint(problems []error) error {
	if len(problems) > 0 {
		return fmt.Errorf("None of these quotes can be printed: %w", problems[0])
	}
	return fmt.Errorf("There are no quotes here to print. Choose a topic, a speaker or some quotes first")
}

// The dialog's choices, in the order they are offered.
func groupByChoices() []choice[sheet.GroupBy] {
	return []choice[sheet.GroupBy]{
		{"By speaker", sheet.BySpeaker}, {"By topic", sheet.ByTopic},
		{"By article", sheet.ByDocument}, {"Not grouped", sheet.NoGroups},
	}
}

func orderChoices() []choice[sheet.Order] {
	return []choice[sheet.Order]{{"By date", sheet.ByDate}, {"As listed", sheet.InDocumentOrder}}
}

func paperChoices() []choice[sheet.Paper] {
	return []choice[sheet.Paper]{{"A4", sheet.A4}, {"Letter", sheet.Letter}}
}

// choice is one option of a Select or RadioGroup and the value it stands for.
type choice[T comparable] struct {
	label string
	value T
}

func choiceLabels[T comparable](cs []choice[T]) []string {
	labels := make([]string, len(cs))
	for i, c := range cs {
		labels[i] = c.label
	}
	return labels
}

func labelOf[T comparable](cs []choice[T], v T) string {
	for _, c := range cs {
		if c.value == v {
			return c.label
		}
	}
	return cs[0].label
}

func valueOf[T comparable](cs []choice[T], label string) T {
	for _, c := range cs {
		if c.label == label {
			return c.value
		}
	}
	return cs[0].value
}

// A print service that does not answer in time gets its programs stopped
// and an error, rather than a dialog waiting forever.
const (
	listPrintersTimeout = 20 * time.Second
	printTimeout        = 2 * time.Minute
)

// previewWidth is the preview page's width in Fyne units; the page is drawn
// at twice that many pixels so that it stays sharp on high-density screens.
const previewWidth = 300

// printDialog is the Print dialog. Its fields are touched only on the UI
// goroutine; background work gets copies.
type printDialog struct {
	win     fyne.Window
	sel     QuoteSelection
	printer Printer
	cfg     *dialogConfig
	ctx     context.Context
	cancel  context.CancelFunc
	quotes  *pendingQuotes

	settings  SheetSettings
	printers  []printing.Printer
	layout    *sheet.Layout // the preview's, laid out with layoutFor
	layoutFor SheetSettings
	renders   int  // preview renders started
	rendering bool // a render is running
	stale     bool // the settings changed while it ran: render again
	busy      bool
	lastJob   string // the system's ID of the last job sent, for tests

	dlg         *dialog.CustomDialog
	heading     *widget.Label
	summary     *widget.RichText
	printerPick *widget.Select
	form        *widget.Form // its labels grey while their field is disabled
	noPrinter   *fyne.Container
	noPrinterIs *widget.Label
	settingsBox *fyne.Container
	copiesHint  *widget.RichText
	copies      *widget.Entry
	paper       *widget.RadioGroup
	groupBy     *widget.Select
	order       *widget.RadioGroup
	page        *canvas.Image
	pageFrame   *pageFrameLayout
	pageBox     *fyne.Container
	activity    *widget.Activity
	pageInfo    *widget.RichText
	status      *widget.Label
	printButton *widget.Button
	saveButton  *widget.Button
}

func newPrintDialog(win fyne.Window, sel QuoteSelection, p Printer, cfg *dialogConfig) *printDialog {
	d := &printDialog{win: win, sel: sel, printer: p, cfg: cfg, settings: cfg.settings}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	d.quotes = loadQuotes(d.ctx, sel)

	d.heading = widget.NewLabelWithStyle(sel.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.Wrapping = fyne.TextWrapWord
	d.summary = newSubtleText(joinWithDot(sel.Describe, "Reading the quotes…"), fyne.TextAlignLeading)

	d.printerPick = widget.NewSelect(nil, nil)
	d.printerPick.PlaceHolder = "Looking for printers…"
	d.printerPick.Disable()
	d.noPrinterIs = widget.NewLabel("")
	d.noPrinterIs.Wrapping = fyne.TextWrapWord
	d.noPrinter = container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))), nil, d.noPrinterIs)
	d.noPrinter.Hide()

	d.copies = widget.NewEntry()
	d.copies.SetText("1")
	d.copies.OnChanged = func(string) { d.copiesChanged() }

	d.paper = widget.NewRadioGroup(choiceLabels(paperChoices()), func(l string) {
		d.settingChanged(func(s *SheetSettings) { s.Paper = valueOf(paperChoices(), l) })
	})
	d.paper.Horizontal, d.paper.Required = true, true
	d.paper.SetSelected(labelOf(paperChoices(), d.settings.Paper))
	d.groupBy = widget.NewSelect(choiceLabels(groupByChoices()), func(l string) {
		d.settingChanged(func(s *SheetSettings) { s.GroupBy = valueOf(groupByChoices(), l) })
	})
	d.groupBy.SetSelected(labelOf(groupByChoices(), d.settings.GroupBy))
	d.order = widget.NewRadioGroup(choiceLabels(orderChoices()), func(l string) {
		d.settingChanged(func(s *SheetSettings) { s.Order = valueOf(orderChoices(), l) })
	})
	d.order.Horizontal, d.order.Required = true, true
	d.order.SetSelected(labelOf(orderChoices(), d.settings.Order))

	d.page = canvas.NewImageFromImage(blankPage(d.settings.Paper))
	d.page.FillMode = canvas.ImageFillStretch
	d.page.ScaleMode = canvas.ImageScaleSmooth
	d.activity = widget.NewActivity()
	d.pageInfo = newSubtleText("", fyne.TextAlignCenter)
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Hide()

	d.printButton = widget.NewButtonWithIcon("Print", theme.DocumentPrintIcon(), d.print)
	d.printButton.Importance = widget.HighImportance
	d.saveButton = widget.NewButtonWithIcon("Save as PDF…", theme.DocumentSaveIcon(), d.saveAsPDF)
	d.updateButtons()
	return d
}

func (d *printDialog) content() fyne.CanvasObject {
	copiesBox := container.NewHBox(
		widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { d.stepCopies(-1) }),
		container.NewGridWrap(fyne.NewSize(64, d.copies.MinSize().Height), d.copies),
		widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { d.stepCopies(1) }),
	)
	d.copiesHint = newSubtleText("", fyne.TextAlignLeading)
	d.copiesHint.Hide()
	d.form = widget.NewForm(
		widget.NewFormItem("Printer", d.printerPick),
		widget.NewFormItem("Copies", container.NewVBox(copiesBox, d.copiesHint)),
		widget.NewFormItem("Paper", d.paper),
		widget.NewFormItem("Group quotes", d.groupBy),
		widget.NewFormItem("Articles", d.order),
	)
	d.settingsBox = container.NewVBox(d.heading, d.summary, widget.NewSeparator(), d.noPrinter, d.form, d.status)

	d.pageFrame = &pageFrameLayout{aspect: pageAspect(d.settings.Paper)}
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	frame.StrokeWidth = 1
	d.pageBox = container.New(d.pageFrame, frame, d.page, container.NewCenter(d.activity))
	well := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	well.CornerRadius = theme.InputRadiusSize()
	preview := container.NewBorder(nil, d.pageInfo, nil, nil,
		container.NewStack(well, container.NewPadded(container.NewGridWrap(previewSize(), d.pageBox))))
	return container.NewBorder(nil, nil, preview, nil, container.NewPadded(d.settingsBox))
}

func previewSize() fyne.Size {
	return fyne.NewSize(previewWidth, previewWidth*pageAspectHeight(sheet.A4))
}

func (d *printDialog) show() {
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons("Print quote sheet", d.content(), d.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.saveButton, d.printButton})
	d.dlg.SetOnClosed(d.cancel)
	d.dlg.Resize(fyne.NewSize(820, 560))
	d.dlg.Show()
	d.listPrinters()
	d.render()
}

// listPrinters fills the printer list in the background.
func (d *printDialog) listPrinters() {
	var printers []printing.Printer
	d.cfg.background(func() error {
		if d.printer == nil {
			return nil
		}
		ctx, cancel := context.WithTimeout(d.ctx, listPrintersTimeout)
		defer cancel()
		var err error
		printers, err = d.printer.Printers(ctx)
		return err
	}, func(err error) {
		d.printers = printers
		d.showPrinters(err)
	})
}

func (d *printDialog) showPrinters(err error) {
	labels := make([]string, len(d.printers))
	for i, p := range d.printers {
		labels[i] = printerLabel(p)
	}
	d.printerPick.Options = labels
	switch {
	case err != nil:
		d.noPrinterIs.SetText(printingSentence(err))
	case len(d.printers) == 0:
		d.noPrinterIs.SetText("No printer is set up on this computer. Use Save as PDF… instead.")
	}
	if err != nil || len(d.printers) == 0 {
		d.printerPick.PlaceHolder = "No printer"
		d.printerPick.Refresh()
		d.noPrinter.Show()
		d.settingsBox.Refresh()
	} else {
		d.printerPick.PlaceHolder = "Choose a printer"
		d.printerPick.Enable()
		d.printerPick.SetSelectedIndex(0) // the default printer comes first
		d.form.Refresh()                  // the "Printer" label is no longer grey
	}
	d.updateButtons()
}

// printerLabel is how a queue is offered: its description, and why it
// cannot print now.
func printerLabel(p printing.Printer) string {
	label := p.Name
	if p.Description != "" {
		label = p.Description + " (" + p.Name + ")"
	}
	switch {
	case !p.Accepting:
		label += " — not accepting jobs"
	case !p.Enabled:
		label += " — paused"
	}
	return label
}

// chosenPrinter is the printer picked in the list.
func (d *printDialog) chosenPrinter() (printing.Printer, bool) {
	i := d.printerPick.SelectedIndex()
	if i < 0 || i >= len(d.printers) {
		return printing.Printer{}, false
	}
	return d.printers[i], true
}

// printingSentence is err as the researcher should read it.
func printingSentence(err error) string {
	if pe, ok := err.(*printing.Error); ok {
		return pe.Message
	}
	return "The printers could not be listed: " + err.Error() + ". Use Save as PDF… instead."
}

func (d *printDialog) settingChanged(change func(*SheetSettings)) {
	old := d.settings
	change(&d.settings)
	if d.settings == old || d.dlg == nil {
		return
	}
	if d.cfg.onSettings != nil {
		d.cfg.onSettings(d.settings)
	}
	d.render()
}

// render lays the sheet out with the current settings and draws its first
// page, off the UI goroutine. One render runs at a time: choices made
// meanwhile are rendered together when it ends, so clicking through the
// options never piles up work.
func (d *printDialog) render() {
	if d.rendering {
		d.stale = true
		return
	}
	d.rendering, d.stale = true, false
	d.renders++
	s := d.settings
	d.activity.Show()
	d.activity.Start()
	var (
		lay      *sheet.Layout
		problems []error
		img      *image.RGBA
		quotes   int
		articles int
	)
	d.cfg.background(func() error {
		set, err := d.quotes.wait(d.ctx)
		if err != nil {
			return err
		}
		quotes, articles, _ = usable(set)
		if lay, problems, err = layOutSheet(d.cfg, d.sel, set, s); err != nil {
			return err
		}
		img, err = lay.Preview(0, float64(2*previewWidth/pageWidthInches(s.Paper)))
		return err
	}, func(err error) {
		d.rendering = false
		if d.stale {
			d.render() // the settings changed meanwhile
			return
		}
		d.activity.Stop()
		d.activity.Hide()
		if err != nil {
			d.layout = nil
			d.showStatus(sentence(err))
			d.updateButtons()
			return
		}
		d.layout, d.layoutFor = lay, s
		if d.heading.Text == "" {
			d.heading.SetText(lay.Title())
		}
		setSubtleText(d.summary, joinWithDot(d.sel.Describe, quotesFromArticles(quotes, articles)))
		d.pageFrame.aspect = pageAspect(s.Paper)
		d.page.Image = img
		d.pageBox.Refresh()
		setSubtleText(d.pageInfo, fmt.Sprintf("Page 1 of %d · %s", lay.PageCount(), s.Paper))
		d.showStatus(leftOutSentence(problems))
		d.updateButtons()
	})
}

// leftOutSentence tells which quotes a sheet or export leaves out; "" when
// none. The quotes' own problems say why.
func leftOutSentence(problems []error) string {
	if len(problems) == 0 {
		return ""
	}
	if len(problems) == 1 {
		return sentence(problems[0])
	}
	return fmt.Sprintf("%d quotes were left out. The first: %s", len(problems), sentence(problems[0]))
}

func (d *printDialog) showStatus(text string) {
	d.status.SetText(text)
	d.status.Hidden = text == ""
	d.settingsBox.Refresh()
}

func (d *printDialog) updateButtons() {
	_, hasPrinter := d.chosenPrinter()
	_, copiesErr := parseCopies(d.copies.Text)
	enable(d.saveButton, !d.busy && d.layout != nil)
	enable(d.printButton, !d.busy && d.layout != nil && hasPrinter && copiesErr == nil)
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func parseCopies(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 999 {
		return 0, fmt.Errorf("type a number of copies from 1 to 999")
	}
	return n, nil
}

// copiesChanged says under the field when the copies are not a number
// Verbatim can print.
func (d *printDialog) copiesChanged() {
	hint := ""
	if _, err := parseCopies(d.copies.Text); err != nil {
		hint = sentence(err)
	}
	if d.copiesHint != nil && d.copiesHint.Visible() != (hint != "") {
		setSubtleText(d.copiesHint, hint)
		d.copiesHint.Hidden = hint == ""
		d.settingsBox.Refresh()
	}
	d.updateButtons()
}

func (d *printDialog) stepCopies(by int) {
	n, err := parseCopies(d.copies.Text)
	if err != nil {
		n = 1 - by
	}
	d.copies.SetText(strconv.Itoa(min(999, max(1, n+by))))
}

// currentLayout is the sheet with the current settings: the preview's when
// it is up to date, else laid out anew (in the background caller).
func (d *printDialog) currentLayout() func(context.Context) (*sheet.Layout, error) {
	if lay, s := d.layout, d.settings; lay != nil && d.layoutFor == s {
		return func(context.Context) (*sheet.Layout, error) { return lay, nil }
	}
	s := d.settings
	return func(ctx context.Context) (*sheet.Layout, error) {
		set, err := d.quotes.wait(ctx)
		if err != nil {
			return nil, err
		}
		lay, _, err := layOutSheet(d.cfg, d.sel, set, s)
		return lay, err
	}
}

// print sends the sheet to the chosen printer: the PDF goes to a temporary
// file that is removed once the system has taken it.
func (d *printDialog) print() {
	p, ok := d.chosenPrinter()
	copies, err := parseCopies(d.copies.Text)
	if !ok || err != nil || d.busy {
		return
	}
	layOut := d.currentLayout()
	d.setBusy(true, fmt.Sprintf("Sending the sheet to %s…", printerName(p)))
	var pages int
	var jobID string
	d.cfg.background(func() error {
		lay, err := layOut(d.ctx)
		if err != nil {
			return err
		}
		pages = lay.PageCount()
		ctx, cancel := context.WithTimeout(d.ctx, printTimeout)
		defer cancel()
		jobID, err = printLayout(ctx, d.printer, lay, p.Name, copies, d.cfg)
		return err
	}, func(err error) {
		d.setBusy(false, "")
		if d.ctx.Err() != nil {
			return // the dialog was closed meanwhile
		}
		if err != nil {
			showProblem(err, d.win)
			return
		}
		d.lastJob = jobID
		d.dlg.Hide()
		dialog.ShowInformation("Quote sheet printed", sentSentence(pages, copies, printerName(p)), d.win)
	})
}

// printLayout writes lay to a temporary PDF, prints it and removes it.
func printLayout(ctx context.Context, p Printer, lay *sheet.Layout, queue string, copies int, cfg *dialogConfig) (string, error) {
	dir, err := os.MkdirTemp("", "verbatim-print-")
	if err != nil {
		return "", fmt.Errorf("The sheet could not be prepared for printing: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, fileNameFor(lay.Title(), ".pdf"))
	if err := lay.WritePDFFile(file, sheet.PDFOptions{Created: cfg.now()}); err != nil {
		return "", err
	}
	return p.Print(ctx, printing.Job{File: file, Printer: queue, Copies: copies, Paper: lay.Paper().String(), Title: lay.Title()})
}

// sentSentence is "Sent 3 pages to Office laser." (with the copies when
// more than one).
func sentSentence(pages, copies int, printer string) string {
	if copies > 1 {
		return fmt.Sprintf("Sent %d copies of %s to %s.", copies, nounCount(pages, "page", "pages"), printer)
	}
	return fmt.Sprintf("Sent %s to %s.", nounCount(pages, "page", "pages"), printer)
}

func printerName(p printing.Printer) string {
	if p.Description != "" {
		return p.Description
	}
	return p.Name
}

func (d *printDialog) setBusy(busy bool, status string) {
	d.busy = busy
	d.showStatus(status)
	d.updateButtons()
}

// saveAsPDF saves the sheet as it is set up in the dialog.
func (d *printDialog) saveAsPDF() {
	if d.layout == nil {
		return
	}
	savePDF(d.win, d.cfg, fileNameFor(d.layout.Title(), ".pdf"), d.currentLayout(), func() { d.dlg.Hide() })
}

// joinWithDot joins the non-empty parts with " · ".
func joinWithDot(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// Page geometry, in inches, for the preview.
func pageWidthInches(p sheet.Paper) float32 {
	if p == sheet.Letter {
		return 8.5
	}
	return 210 / 25.4
}

func pageAspectHeight(p sheet.Paper) float32 {
	if p == sheet.Letter {
		return 11 / 8.5
	}
	return 297.0 / 210
}

// pageAspect is the page's width over its height.
func pageAspect(p sheet.Paper) float32 { return 1 / pageAspectHeight(p) }

// blankPage is the white page shown until the first preview is drawn.
func blankPage(p sheet.Paper) image.Image {
	w := 2 * previewWidth
	img := image.NewRGBA(image.Rect(0, 0, w, int(float32(w)*pageAspectHeight(p))))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	return img
}

// pageFrameLayout fits a page of the given aspect into its space, centred:
// objects[0] is the page's border, [1] the page, the rest cover the page.
type pageFrameLayout struct{ aspect float32 }

func (l *pageFrameLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w, h := size.Width, size.Width/l.aspect
	if h > size.Height {
		w, h = size.Height*l.aspect, size.Height
	}
	pos := fyne.NewPos((size.Width-w)/2, (size.Height-h)/2)
	for i, o := range objs {
		if i == 0 {
			o.Move(pos.SubtractXY(1, 1))
			o.Resize(fyne.NewSize(w+2, h+2))
			continue
		}
		o.Move(pos)
		o.Resize(fyne.NewSize(w, h))
	}
}

func (l *pageFrameLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, 80) }

// newSubtleText is wrapping text in the theme's placeholder colour, for
// secondary facts such as counts.
func newSubtleText(text string, align fyne.TextAlign) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text,
		Style: widget.RichTextStyle{Alignment: align, ColorName: theme.ColorNamePlaceHolder}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

func setSubtleText(rt *widget.RichText, text string) {
	rt.Segments[0].(*widget.TextSegment).Text = text
	rt.Refresh()
}
