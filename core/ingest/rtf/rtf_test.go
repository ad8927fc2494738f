package rtf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const wordHeader = `{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fswiss\fcharset204 Arial;}{\f2\fnil\fcharset128 MS Mincho;}}` +
	`{\colortbl ;\red0\green0\blue255;}{\*\generator Riched20 10.0.19041}\viewkind4\uc1 `

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs and symbol words", wordHeader + `\pard\f0 He said \ldblquote yes\rdblquote  and \lquote no\rquote .\par Next\emdash line\par}`,
			"He said “yes” and ‘no’.\n\nNext—line\n\n"},
		{"cp1252 hex escapes", `{\rtf1\ansi\ansicpg1252 \'93Caf\'e9,\'94 she said \'96 twice.}`, "“Café,” she said – twice."},
		{"unicode escape skips fallback", `{\rtf1\ansi\uc1 \u8222?Zitat\u8220?}`, "„Zitat“"},
		{"unicode escape skips two fallback bytes", `{\rtf1\ansi\uc2 \u1055\'cf\'cf\u1091\'f3\'f3}`, "Пу"},
		{"negative unicode", `{\rtf1 \u-4064?}`, "\uF020"},
		{"surrogate pair", `{\rtf1\uc1 \u-10179?\u-8704?}`, "😀"},
		{"font charset selects code page", wordHeader + `\f1 \'cf\'f3\'f2\'e8\'ed \f0 caf\'e9}`, "Путин café"},
		{"document code page", `{\rtf1\ansi\ansicpg1251 \'c4\'e0}`, "Да"},
		{"double-byte code page", wordHeader + `\f2 \'93\'fa\'96\'7b\f0  ok}`, "日本 ok"},
		{"ignorable destination skipped", `{\rtf1 a{\*\bkmkstart x}b{\*\unknownthing {nested} junk}c}`, "abc"},
		{"headers footers pictures skipped", `{\rtf1{\header Page header}{\footer Page 1}{\pict\wmetafile8 0a0b0c}Body}`, "Body"},
		{"field result kept, instruction skipped", `{\rtf1 see {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt the link}} now}`, "see the link now"},
		{"binary data skipped", `{\rtf1 a\bin4 {}\\b}`, "ab"},
		{"line tab nbsp optional hyphen", `{\rtf1 one\line two\tab three\~four hy\-phen non\_breaking}`, "one\ntwo\tthree\u00A0four hyphen non-breaking"},
		{"escaped braces and backslash", `{\rtf1 \{x\} \\ y}`, "{x} \\ y"},
		{"source line breaks ignored", "{\\rtf1 one\r\ntwo\\\r\nthree}", "onetwo\n\nthree"},
		{"upr keeps unicode", `{\rtf1 {\upr{ansi text}{\*\ud{\u8220?uni\u8221?}}}}`, "“uni”"},
		{"raw 8-bit bytes", "{\\rtf1\\ansi caf\xe9}", "café"},
		{"mac code page", `{\rtf1\mac \'d2x\'d3}`, "“x”"},
		{"plain resets font", wordHeader + `\f1\'c4\plain\'c4}`, "ДÄ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := Read([]byte(tt.in))
			if len(errs) > 0 {
				t.Errorf("unexpected errors: %v", errs)
			}
			if doc.Text != tt.want {
				t.Errorf("text = %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestReadInfo(t *testing.T) {
	in := `{\rtf1\ansi{\info{\title Trump \u8220?may\u8221? declare}{\author Jane Doe}{\operator X}{\creatim\yr2019\mo1\dy7\hr10\min3}{\revtim\yr2020\mo2\dy3}}Body}`
	doc, errs := Read([]byte(in))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := Document{Text: "Body", Title: "Trump “may” declare", Author: "Jane Doe", Date: "2019-01-07"}
	if doc != want {
		t.Fatalf("got %+v, want %+v", doc, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, wantText, wantErr string
	}{
		{"not rtf", "hello", "", "not an RTF file"},
		{"unclosed group", `{\rtf1 text{\b bold`, "textbold", "not closed"},
		{"extra brace", `{\rtf1 a}}b`, "ab", "unbalanced"},
		{"truncated hex", `{\rtf1 a\'9`, "a", "truncated"},
		{"bad hex", `{\rtf1 a\'zzb}`, "azzb", "bad hex"},
		{"trailing backslash", `{\rtf1 a\`, "a", "backslash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := Read([]byte(tt.in))
			if doc.Text != tt.wantText {
				t.Errorf("text = %q, want %q", doc.Text, tt.wantText)
			}
			if len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.wantErr) {
				t.Errorf("errors = %v, want one containing %q", errs, tt.wantErr)
			}
		})
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	in := `{\rtf1 start` + strings.Repeat("{", 100000) + "deep" + strings.Repeat("}", 100000) + ` end}`
	doc, errs := Read([]byte(in))
	if doc.Text != "start end" {
		t.Fatalf("text = %q", doc.Text)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "nested") {
		t.Fatalf("errors = %v", errs)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(wordHeader + `\pard He said \ldblquote yes\rdblquote\par}`))
	f.Add([]byte(`{\rtf1\uc2 \u1055\'cf\'cf{\*\ud x}\bin3 abc}`))
	f.Add([]byte(`{\rtf1{\info{\title T}{\creatim\yr2019\mo1\dy7}}\f2\fcharset128 \'93\'fa}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _ := Read(data)
		for _, s := range []string{doc.Text, doc.Title, doc.Author} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out of %q", data)
			}
		}
		// Each input byte yields a bounded amount of text.
		if len(doc.Text) > 4*len(data)+16 {
			t.Fatalf("text of %d bytes from %d input bytes", len(doc.Text), len(data))
		}
	})
}
