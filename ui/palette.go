package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette holds the app's accent colours for one theme variant (see the
// mockups' README): quote highlights, the review mark and its badge.
type palette struct {
	highlight       color.Color // every quote in the source text
	highlightStrong color.Color // the selected quote
	selection       color.Color // text the researcher selected
	review          color.Color // underline and icon of a quote to review
	badgeFill       color.Color
	badgeStroke     color.Color
	badgeText       color.Color
}

func paletteFor(v fyne.ThemeVariant) palette {
	if v == theme.VariantDark {
		return palette{
			highlight:       color.NRGBA{0xFF, 0xD6, 0x00, 0x26},
			highlightStrong: color.NRGBA{0xFF, 0xC8, 0x28, 0x5C},
			selection:       color.NRGBA{0x00, 0x6C, 0xFF, 0x60},
			review:          color.NRGBA{0xFF, 0xA7, 0x26, 0xFF},
			badgeFill:       color.NRGBA{0xFF, 0x98, 0x00, 0x29},
			badgeStroke:     color.NRGBA{0xFF, 0x98, 0x00, 0x60},
			badgeText:       color.NRGBA{0xFF, 0xB7, 0x4D, 0xFF},
		}
	}
	return palette{
		highlight:       color.NRGBA{0xFF, 0xF2, 0xBF, 0xFF},
		highlightStrong: color.NRGBA{0xFF, 0xD9, 0x5A, 0xFF},
		selection:       color.NRGBA{0x00, 0x6C, 0xFF, 0x40},
		review:          color.NRGBA{0xF0, 0x8C, 0x00, 0xFF},
		badgeFill:       color.NRGBA{0xFF, 0xF3, 0xE0, 0xFF},
		badgeStroke:     color.NRGBA{0xFF, 0xD8, 0xA8, 0xFF},
		badgeText:       color.NRGBA{0xA6, 0x5F, 0x00, 0xFF},
	}
}

// currentVariant is the theme variant the app draws with now.
func currentVariant() fyne.ThemeVariant {
	if a := fyne.CurrentApp(); a != nil {
		return a.Settings().ThemeVariant()
	}
	return theme.VariantLight
}

// topicPalette are the colours offered for topics, in the order new topics
// take them; amber is kept for "review".
func topicPalette() []string {
	return []string{"#5C6BC0", "#EC407A", "#8D6E63", "#26A69A", "#AB47BC", "#66BB6A",
		"#42A5F5", "#EF5350", "#26C6DA", "#7E57C2", "#9CCC65", "#78909C"}
}

// parseColour reads "#RRGGBB"; anything else is a neutral grey.
func parseColour(s string) color.NRGBA {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if v, err := strconv.ParseUint(s, 16, 32); err == nil && len(s) == 6 {
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
	}
	return color.NRGBA{0x90, 0x90, 0x90, 0xFF}
}

// chipColours are a topic chip's fill and text colours for its base colour:
// a light tint with darker text in the light theme, the reverse in the dark.
func chipColours(base color.NRGBA, v fyne.ThemeVariant) (fill, text color.NRGBA) {
	if v == theme.VariantDark {
		return color.NRGBA{base.R, base.G, base.B, 0x38}, mix(base, color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, 0.45)
	}
	return color.NRGBA{base.R, base.G, base.B, 0x21}, mix(base, color.NRGBA{0, 0, 0, 0xFF}, 0.25)
}

// mix moves a towards b by t in [0,1].
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xFF}
}
