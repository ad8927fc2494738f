package rtf

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// The tables below follow the RTF 1.9.1 specification (Microsoft, 2008).

// destinationSink tells where the text of a destination group goes; ok is
// false for control words that are not destinations.
func destinationSink(word string, current sink) (sink, bool) {
	switch word {
	case "fonttbl":
		return sinkFontName, true
	case "info":
		return sinkInfo, true
	case "title":
		if current == sinkInfo {
			return sinkTitle, true
		}
	case "author":
		if current == sinkInfo {
			return sinkAuthor, true
		}
	case "creatim":
		if current == sinkInfo {
			return sinkCreated, true
		}
	case "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl",
		"filetbl", "pgdsctbl", "latentstyles", "themedata", "colorschememapping", "datastore",
		"xmlnstbl", "generator", "private", "pict", "nonshppict", "object", "objdata",
		"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
		"footnote", "annotation", "atnid", "atnauthor", "fldinst", "field_instructions",
		"operator", "subject", "keywords", "comment", "doccomm", "company", "manager",
		"category", "hlinkbase", "revtim", "printim", "buptim", "txe", "xe", "tc":
		return sinkSkip, true
	}
	return current, false
}

// knownDestination reports whether a destination introduced by \* is one
// this reader understands (all others are skipped, as the \* asks).
func knownDestination(word string) bool { return word == "ud" }

// symbolText is the text a symbol control word stands for.
func symbolText(word string) (string, bool) {
	switch word {
	case "emdash":
		return "—", true
	case "endash":
		return "–", true
	case "lquote":
		return "‘", true
	case "rquote":
		return "’", true
	case "ldblquote":
		return "“", true
	case "rdblquote":
		return "”", true
	case "bullet":
		return "•", true
	case "tab":
		return "\t", true
	case "emspace", "enspace", "qmspace":
		return " ", true
	case "zwj":
		return "\u200D", true
	case "zwnj":
		return "\u200C", true
	}
	return "", false
}

// charsetCodePage maps a font's \fcharset to a Windows code page.
func charsetCodePage(charset int) (int, bool) {
	switch charset {
	case 0:
		return 1252, true
	case 77:
		return 10000, true
	case 128:
		return 932, true
	case 129:
		return 949, true
	case 134:
		return 936, true
	case 136:
		return 950, true
	case 161:
		return 1253, true
	case 162:
		return 1254, true
	case 163:
		return 1258, true
	case 177:
		return 1255, true
	case 178:
		return 1256, true
	case 186:
		return 1257, true
	case 204:
		return 1251, true
	case 222:
		return 874, true
	case 238:
		return 1250, true
	}
	return 0, false // default (1), symbol (2) and others: the document's code page
}

// codePageEncoding returns the decoder for a Windows code page; unknown code
// pages fall back to Windows-1252.
func codePageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 852:
		return charmap.CodePage852
	case 866:
		return charmap.CodePage866
	case 874:
		return charmap.Windows874
	case 932:
		return japanese.ShiftJIS
	case 936:
		return simplifiedchinese.GBK
	case 949:
		return korean.EUCKR
	case 950:
		return traditionalchinese.Big5
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 10000:
		return charmap.Macintosh
	case 10007:
		return charmap.MacintoshCyrillic
	case 20866:
		return charmap.KOI8R
	case 28591:
		return charmap.ISO8859_1
	case 28592:
		return charmap.ISO8859_2
	case 28595:
		return charmap.ISO8859_5
	case 28605:
		return charmap.ISO8859_15
	case 65001:
		return unicode.UTF8
	}
	return charmap.Windows1252
}
