package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar shows the library's counts on the left and background work
// (an import's progress with its cancel button) on the right.
type statusBar struct {
	icon     *widget.Icon
	summary  *lineText
	activity *lineText // fits its text
	progress *widget.ProgressBar
	cancel   *widget.Button
	busy     *fyne.Container
	object   fyne.CanvasObject
}

func newStatusBar(onCancel func()) *statusBar {
	caption := theme.Size(theme.SizeNameCaptionText)
	s := &statusBar{icon: widget.NewIcon(theme.ConfirmIcon()), summary: newLineText(caption),
		activity: newLineText(caption), progress: widget.NewProgressBar()}
	s.summary.ink, s.activity.ink = theme.ColorNameForeground, theme.ColorNameForeground
	s.activity.fit = true
	s.progress.TextFormatter = func() string { return "" }
	s.cancel = widget.NewButtonWithIcon("", theme.CancelIcon(), onCancel)
	s.cancel.Importance = widget.LowImportance
	bar := container.NewCenter(container.NewGridWrap(fyne.NewSize(160, 12), s.progress))
	s.busy = container.NewHBox(s.activity, bar, s.cancel)
	s.busy.Hide()
	bg := &themedRect{Rectangle: canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), name: theme.ColorNameHeaderBackground}
	line := widget.NewSeparator()
	row := container.NewBorder(nil, nil, container.NewHBox(layout.NewSpacer(), s.icon), s.busy, s.summary)
	s.object = container.NewBorder(line, nil, nil, nil, container.NewStack(bg, row))
	return s
}

// setSummary shows the library's state on the left.
func (s *statusBar) setSummary(text string) { s.summary.SetText(text) }

// setProgress shows background work with how far it has gone (0–1).
func (s *statusBar) setProgress(text string, done float64) {
	s.activity.SetText(text)
	s.progress.SetValue(done)
	s.busy.Show()
}

// idle hides the background work.
func (s *statusBar) idle() { s.busy.Hide() }
