package assets

// The fonts for quote sheets: Noto Serif and Noto Sans under the SIL Open
// Font License (fonts/OFL.txt), covering Latin, Greek and Cyrillic. This
// package imports nothing from Verbatim, so core, ui and cmd may all use it.

import (
	"embed"
	"fmt"
)

// Font file names, as passed to Font.
const (
	SerifRegular = "NotoSerif-Regular.ttf"
	SerifItalic  = "NotoSerif-Italic.ttf"
	SerifBold    = "NotoSerif-Bold.ttf"
	SansRegular  = "NotoSans-Regular.ttf"
	SansBold     = "NotoSans-Bold.ttf"
	SansItalic   = "NotoSans-Italic.ttf"
)

// FontLicence is the name of the fonts' licence file (SIL OFL 1.1), which
// must travel with them.
const FontLicence = "OFL.txt"

//go:embed fonts/*.ttf fonts/OFL.txt
var fontFiles embed.FS

// Font returns the bytes of one embedded font file (or of FontLicence).
// The slice is shared: callers must not modify it.
func Font(name string) ([]byte, error) {
	data, err := fontFiles.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("the font %q is not built into this copy of Verbatim: %w", name, err)
	}
	return data, nil
}
