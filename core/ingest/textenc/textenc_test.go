package textenc

import (
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"utf8", []byte("“Quote,” she said. Café"), "“Quote,” she said. Café", UTF8},
		{"utf8 bom", []byte("\xef\xbb\xbf„Zitat“"), "„Zitat“", UTF8},
		{"utf16le bom", []byte{0xFF, 0xFE, 0x1C, 0x20, 'H', 0, 'i', 0, 0x1D, 0x20}, "“Hi”", UTF16LE},
		{"utf16be bom", []byte{0xFE, 0xFF, 0x20, 0x1C, 0, 'H', 0, 'i', 0x20, 0x1D}, "“Hi”", UTF16BE},
		{"utf16le unmarked", []byte{'S', 0, 'a', 0, 'i', 0, 'd', 0, ' ', 0, 'h', 0, 'e', 0}, "Said he", UTF16LE},
		{"utf16be unmarked", []byte{0, 'S', 0, 'a', 0, 'i', 0, 'd', 0, ' ', 0, 'h', 0, 'e'}, "Said he", UTF16BE},
		{"utf16 surrogate pair", []byte{0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE}, "😀", UTF16LE},
		{"cp1252 curly quotes", []byte("\x93Yes,\x94 he said, \x91no\x92."), "“Yes,” he said, ‘no’.", Windows1252},
		{"cp1252 dashes and euro", []byte("\x80 5 \x96 \x97 caf\xe9"), "€ 5 – — café", Windows1252},
		{"latin1 accents", []byte("Gr\xfc\xdfe aus K\xf6ln"), "Grüße aus Köln", Windows1252},
		{"cp1252 undefined byte kept", []byte("a\x81b\xff"), "a\u0081bÿ", Windows1252},
		{"odd utf16 tail", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD", UTF16LE},
		{"empty", nil, "", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := Decode(tt.in)
			if got != tt.want || enc != tt.enc {
				t.Errorf("Decode(%q) = %q, %s; want %q, %s", tt.in, got, enc, tt.want, tt.enc)
			}
		})
	}
}

// A Windows-1252 file whose text happens to contain many NUL-free bytes must
// not be mistaken for UTF-16.
func TestLatinNotMistakenForUTF16(t *testing.T) {
	in := []byte("Stra\xdfe \x84Zitat\x93 und noch mehr Text ohne Nullbytes")
	if _, enc := Decode(in); enc != Windows1252 {
		t.Fatalf("got %s, want Windows-1252", enc)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x93Yes,\x94 he said"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte{0, 'a', 0, 'b'})
	f.Add([]byte("plain ascii"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, enc := Decode(data)
		if !utf8.ValidString(got) {
			t.Fatalf("Decode(%q) as %s gave invalid UTF-8", data, enc)
		}
		if enc == UTF8 && utf8.Valid(data) && len(data) > 0 && data[0] != 0xEF && got != string(data) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", data, got)
		}
		if enc == Windows1252 && utf8.RuneCountInString(got) != len(data) {
			t.Fatalf("single-byte decode changed the character count: %d bytes -> %d runes", len(data), utf8.RuneCountInString(got))
		}
	})
}
