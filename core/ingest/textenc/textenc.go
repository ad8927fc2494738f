// Package textenc decodes the bytes of a plain-text file into UTF-8, guessing
// the encoding the way a researcher's files are actually written: UTF-8
// (with or without a byte-order mark), UTF-16 with a byte-order mark (or,
// without one, when every other byte is zero), and otherwise Windows-1252,
// the superset of Latin-1 that Word and old Windows editors write.
package textenc

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names a detected encoding.
type Encoding string

const (
	UTF8        Encoding = "UTF-8"
	UTF16LE     Encoding = "UTF-16LE"
	UTF16BE     Encoding = "UTF-16BE"
	Windows1252 Encoding = "Windows-1252"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns data as UTF-8 text and the encoding it was read in. It never
// fails: bytes that do not fit the detected encoding become U+FFFD.
func Decode(data []byte) (string, Encoding) {
	enc, body := Detect(data)
	return DecodeAs(body, enc), enc
}

// Detect guesses the encoding of data and returns it with the byte-order
// mark, if any, stripped.
func Detect(data []byte) (Encoding, []byte) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return UTF8, data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		return UTF16LE, data[len(bomUTF16LE):]
	case bytes.HasPrefix(data, bomUTF16BE):
		return UTF16BE, data[len(bomUTF16BE):]
	}
	if enc, ok := unmarkedUTF16(data); ok {
		return enc, data
	}
	if utf8.Valid(data) {
		return UTF8, data
	}
	return Windows1252, data
}

// DecodeAs converts data in the given encoding to UTF-8.
func DecodeAs(data []byte, enc Encoding) string {
	switch enc {
	case UTF16LE:
		return decodeUTF16(data, func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case UTF16BE:
		return decodeUTF16(data, func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) })
	case Windows1252:
		return decodeWindows1252(data)
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

// unmarkedUTF16 recognises UTF-16 text written without a byte-order mark by
// its zero bytes: in mostly-Latin text one byte of every pair is zero.
func unmarkedUTF16(data []byte) (Encoding, bool) {
	const sample = 4096
	n := min(len(data), sample) &^ 1
	if n < 4 {
		return "", false
	}
	zeroEven, zeroOdd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*7 && zeroEven*10 < pairs:
		return UTF16LE, true
	case zeroEven*10 >= pairs*7 && zeroOdd*10 < pairs:
		return UTF16BE, true
	}
	return "", false
}

func decodeUTF16(data []byte, unit func([]byte) uint16) string {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		units = append(units, unit(data[i:i+2]))
	}
	var b bytes.Buffer
	b.Grow(len(units))
	for _, r := range utf16.Decode(units) {
		b.WriteRune(r)
	}
	if len(data)%2 == 1 {
		b.WriteRune(utf8.RuneError)
	}
	return b.String()
}

// decodeWindows1252 maps each byte through the Windows-1252 table; the five
// bytes that table leaves undefined keep their Latin-1 meaning (C1 controls),
// so no byte is lost.
func decodeWindows1252(data []byte) string {
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}
