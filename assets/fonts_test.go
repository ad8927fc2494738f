package assets

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// Every shipped font must show Latin (with accents and typographic marks),
// Greek and Cyrillic: the scripts quote sheets promise.
func TestFontsCoverLatinGreekCyrillic(t *testing.T) {
	const sample = "AZaz0é ßłőç “”‘’«»„—–…¶·ΑΩαωάЖжЁёЇїЪъ"
	for _, name := range []string{SerifRegular, SerifItalic, SerifBold, SansRegular, SansBold, SansItalic} {
		data, err := Font(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, r := range sample {
			if r == ' ' {
				continue
			}
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("%s has no glyph for %q (U+%04X)", name, r, r)
			}
		}
	}
}

func TestLicenceShipsWithFonts(t *testing.T) {
	data, err := Font(FontLicence)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "SIL OPEN FONT LICENSE") || !strings.Contains(string(data), "Google") {
		t.Errorf("licence file does not hold the OFL text and the copyright line")
	}
}

func TestUnknownFontIsAClearError(t *testing.T) {
	_, err := Font("Missing.ttf")
	if err == nil || !strings.Contains(err.Error(), "Missing.ttf") {
		t.Errorf("want an error naming the missing font, got %v", err)
	}
}
