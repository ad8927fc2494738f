package attrib

import (
	"testing"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
	"verbatim/core/extract/scan"
)

// FuzzAttribute checks that attribution never panics and keeps every span
// inside the text with a confidence in [0, 1].
func FuzzAttribute(f *testing.F) {
	for _, seed := range []string{
		`“We are done,” he said to VGTRK host Vladimir Solovyov, “and we leave.”`,
		"Putin answered, saying:\n\n“No.”\n\n“Never.”",
		"Der Sprecher sagte: „Nein.“ „Ja“, so Merkel.",
		`"," said , "" — ( ) : said said he she "`,
		"Mr. Mrs. Dr. “ ” ‘ ’ \xff\xfe",
	} {
		f.Add(seed, false)
	}
	sc := scan.New()
	a := New(lexicon.MustLoadAll())
	f.Fuzz(func(t *testing.T, text string, dialogue bool) {
		res := sc.Scan(text)
		var quotes []core.Quote
		for _, q := range res.Quotes {
			quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments, Unclosed: q.Unclosed})
		}
		for _, lang := range []string{"en", "de"} {
			for _, q := range a.Attribute(Input{Text: text, Lang: lang, Paragraphs: res.Paragraphs, Quotes: quotes, Dialogue: dialogue}) {
				for _, s := range []core.Span{q.Span, q.Mention, q.Cue} {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("span %v outside text of %d bytes", s, len(text))
					}
				}
				if q.Confidence < 0 || q.Confidence > 1 {
					t.Fatalf("confidence %v", q.Confidence)
				}
				if len(q.Fragments) == 0 {
					t.Fatal("quote without fragments")
				}
			}
		}
	})
}
