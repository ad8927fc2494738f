package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// LoadFonts reads the theme's fonts for the styles the window draws text
// in, as Fyne does the first time it measures text in a style: 10 to 30 ms
// each (each reads the emoji font again). Called in the background as the
// app starts, on a second processor, it keeps that work out of the first
// frames that show bold or italic text, which came in the middle of the
// first import. Each style's fonts take a few megabytes, so only those the
// window uses are read. Fyne keeps the fonts in caches that any goroutine
// may use.
func LoadFonts() {
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}}
	for _, s := range styles {
		fyne.MeasureText("Verbatim", theme.TextSize(), s)
	}
}
