package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dropIcon is the empty state's picture: an article with a quotation mark
// over a tray with an arrow, in the theme's primary blue.
const dropIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 128" width="120" height="128">
<g fill="none" stroke="#296FF6" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
<path d="M30 12 l-6 62 l22 2" stroke-opacity="0.45"/>
<path d="M34 4 h40 l14 14 v60 h-54 z" fill="#296FF6" fill-opacity="0.08"/>
<path d="M74 4 v14 h14"/>
<path d="M44 34 h32 M44 44 h32 M44 54 h24"/>
<path d="M4 98 v22 h112 v-22"/>
<path d="M60 84 v26 M50 100 l10 10 l10 -10"/>
</g>
<g fill="#296FF6" stroke="none">
<circle cx="45" cy="24" r="3.6"/><path d="M41.6 24.6 q0.6 -7 7 -9.6 l0.8 1.6 q-4 2.2 -4.4 6.6 z"/>
<circle cx="55" cy="24" r="3.6"/><path d="M51.6 24.6 q0.6 -7 7 -9.6 l0.8 1.6 q-4 2.2 -4.4 6.6 z"/>
</g>
</svg>`

// newEmptyState is the first-run screen: a large drop target that says
// what to do, with buttons to open files or try the bundled sample.
func newEmptyState(openFiles, trySample, importFolder func()) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("drop.svg", []byte(dropIcon)))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(120, 128))
	title := widget.NewLabelWithStyle("Drop news articles here", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	formats := greyLabel("HTML, PDF, Word, RTF, text, CSV, and LexisNexis/Factiva exports",
		theme.SizeNameText, fyne.TextStyle{}, fyne.TextAlignCenter)
	formats.Wrapping = fyne.TextWrapOff
	open := widget.NewButtonWithIcon("Open files…", theme.FolderOpenIcon(), openFiles)
	open.Importance = widget.HighImportance
	sample := widget.NewButtonWithIcon("Try a sample article", theme.FileTextIcon(), trySample)
	folderHint := greyLabel("To add a whole folder of articles, use", theme.SizeNameCaptionText, fyne.TextStyle{}, fyne.TextAlignTrailing)
	folderHint.Wrapping = fyne.TextWrapOff
	folderLink := widget.NewHyperlink("Import folder.", nil)
	folderLink.SizeName = theme.SizeNameCaptionText
	folderLink.OnTapped = importFolder
	card := container.NewVBox(
		container.NewCenter(icon),
		title, formats,
		container.NewCenter(container.NewHBox(open, sample)),
		container.NewCenter(container.New(&tightHBox{}, folderHint, folderLink)),
	)
	return container.NewCenter(container.NewStack(newDashedBox(), container.New(&paddedLayout{x: 60, y: 40}, card)))
}

// paddedLayout surrounds its objects with a fixed margin.
type paddedLayout struct{ x, y float32 }

func (p *paddedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Add(fyne.NewSize(2*p.x, 2*p.y))
}

func (p *paddedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(p.x, p.y))
		o.Resize(size.Subtract(fyne.NewSize(2*p.x, 2*p.y)))
	}
}

// dashedBox draws a rounded, dashed outline on a faint fill: Fyne has no
// dashed stroke, so the dashes are short lines.
type dashedBox struct{ widget.BaseWidget }

func newDashedBox() *dashedBox {
	b := &dashedBox{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *dashedBox) CreateRenderer() fyne.WidgetRenderer { return &dashedRenderer{b: b} }

// dashedRenderer paints the fill and the dashes as one image (drawing):
// as Fyne lines, the dashes were 180 draw calls in every frame of the
// empty window.
type dashedRenderer struct {
	b     *dashedBox
	drawn drawing
}

func (r *dashedRenderer) Destroy()           { r.drawn.release() }
func (r *dashedRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }
func (r *dashedRenderer) Objects() []fyne.CanvasObject {
	if img := r.drawn.object(); img != nil {
		return []fyne.CanvasObject{img}
	}
	return nil
}
func (r *dashedRenderer) Refresh() { r.Layout(r.b.Size()); canvas.Refresh(r.b) }

func (r *dashedRenderer) Layout(size fyne.Size) {
	primary := theme.Color(theme.ColorNamePrimary)
	pr, pg, pb, _ := primary.RGBA()
	dash := color.NRGBA{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), 0x70}
	fill := color.NRGBA{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), 0x08}
	d := &r.drawn
	d.start(size)
	d.addRounded(itemBox, fyne.Position{}, size, fill, nil, 0, 8)
	// Dashes two pixels wide along the edges, on whole pixels, as Fyne's
	// OpenGL painter draws its lines 1.5 wide there.
	const on, off, width = 6, 4, 2
	line := func(x, y, w, h float32) {
		d.addRounded(itemBox, fyne.NewPos(x, y), fyne.NewSize(w, h), dash, nil, 0, 0)
	}
	const inset = 8 // room for the rounded corners
	for x := float32(inset); x < size.Width-inset; x += on + off {
		w := min(x+on, size.Width-inset) - x
		line(x, 0, w, width)
		line(x, size.Height-width, w, width)
	}
	for y := float32(inset); y < size.Height-inset; y += on + off {
		h := min(y+on, size.Height-inset) - y
		line(0, y, width, h)
		line(size.Width-width, y, width, h)
	}
}

// tightHBox puts objects side by side a space apart (a sentence and its
// link), without their paddings in between.
type tightHBox struct{}

func (tightHBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width - tightOverlap()
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (tightHBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		m := o.MinSize()
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		o.Resize(m)
		x += m.Width - tightOverlap()
	}
}

// tightOverlap is how far neighbours overlap: their inner paddings, less
// the width of a space between two words.
func tightOverlap() float32 { return 2*theme.InnerPadding() - theme.Padding() }
