package scan

import (
	"strings"
	"testing"
)

// render shows a quote as its fragments joined by " | ", with flags.
func render(text string, q Quote) string {
	var parts []string
	for _, f := range q.Fragments {
		parts = append(parts, f.In(text))
	}
	s := strings.Join(parts, " | ")
	if q.Unclosed {
		s += " [unclosed]"
	}
	if q.Single {
		s += " [single]"
	}
	return s
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"english curly", `“We are done,” he said.`, []string{`“We are done,”`}},
		{"straight", `"Yes," he said, "and no."`, []string{`"Yes,"`, `"and no."`}},
		{"german", `Er sagte: „Wir sind fertig.“ Dann ging er.`, []string{`„Wir sind fertig.“`}},
		{"german guillemets", `Sie sagte: »Nein!« und ging.`, []string{`»Nein!«`}},
		{"french with inner spaces", `Il a dit : « Bonjour à tous » hier.`, []string{`« Bonjour à tous »`}},
		{"swiss single guillemets", `‹Ja› sagte er.`, []string{`‹Ja› [single]`}},
		{"cjk corners", `彼は「行こう『今』」と言った。`, []string{`「行こう『今』」`}},
		{"swedish", `Han sa ”Hej då” och gick.`, []string{`”Hej då”`}},
		{"single quotes", `‘Come in,’ she said.`, []string{`‘Come in,’ [single]`}},
		{"nested single in double", `“He said ‘no’ to me,” she said.`, []string{`“He said ‘no’ to me,”`}},
		{"nested double in single", `‘He said “no” to me,’ she said.`, []string{`‘He said “no” to me,’ [single]`}},
		{"nested german", `„Er rief ‚Halt!‘ und lief“, sagte sie.`, []string{`„Er rief ‚Halt!‘ und lief“`}},
		{"nested straight doubles", `"He said "yes" today," she said.`, []string{`"He said "yes" today,"`}},
		{"apostrophes", `“Don’t say O’Brien’s ’90s rock ’n’ roll,” he said.`, []string{`“Don’t say O’Brien’s ’90s rock ’n’ roll,”`}},
		{"straight apostrophes", `'Come to the students' union, isn't it,' she said. 'Tis late.`, []string{`'Come to the students' union, isn't it,' [single]`}},
		{"dutch 't in a name", `"It will fall," said Sophie in 't Veld, a Dutch member. "It's a risk."`, []string{`"It will fall,"`, `"It's a risk."`}},
		{"apostrophes alone", `Don’t go to the students’ union in the ’90s.`, nil},
		{"mixed straight and curly", `sort Clinton’s "work-related” emails and “no evidence" yet`, []string{`"work-related”`, `“no evidence"`}},
		{"inch mark is not a quote", `Trump is 6'3" tall and "fit."`, []string{`"fit."`}},
		{"html attribute values", `<tweet pic="pic.twitter.com/" author="carl">The blue arrow</tweet>`, nil},
		{"empty quotes dropped", `He said "" and “ — ” twice.`, nil},
		{"news multi-paragraph", "“We are done.\n\n“We leave now,” he said.", []string{"“We are done. | “We leave now,”"}},
		{"unclosed at end", "He said: “We are done.\n\nThen he left.", []string{"“We are done. [unclosed]"}},
		{"unclosed at text end", "He said: “We are done", []string{"“We are done [unclosed]"}},
		{"single line break ends a paragraph in news", "He said: “We are done.\nThen “yes.”", []string{"“We are done. [unclosed]", "“yes.”"}},
		{"interrupted comes out as two", `“We are done,” he said, “and we are leaving.”`, []string{`“We are done,”`, `“and we are leaving.”`}},
		{"spaced closing mark opens a paragraph", "Obama said:\n\n” … what I learned is that,” he said.", []string{"” … what I learned is that,”"}},
		{"opening shape closes where it cannot open", "its comments were “Mostly False.“\n\nThe rate is", []string{"“Mostly False.“"}},
		{"continuation reopens with the same kind of mark", "\"Kevin was snoring.\n\n“Here he is,” she said.", []string{`"Kevin was snoring. [unclosed]`, "“Here he is,”"}},
		{"spaced straight mark before narration closes (a lost dash)", `"The question is " She checked herself. "Two rooms," she said.`, []string{`"The question is "`, `"Two rooms,"`}},
		{"spaced straight mark before a tag closes", `"Stop " continued he; "that's the boy!"`, []string{`"Stop "`, `"that's the boy!"`}},
		{"spaces for a lost dash before narration", `"They will marry beneath them, or      " And she began the tale.`, []string{`"They will marry beneath them, or      "`}},
		{"straight continuation", "\"We are done.\n\n\"We leave now,\" he said.", []string{"\"We are done. | \"We leave now,\""}},
		{"stray straight mark around curly quotes", "\"Trump walked on, chanting “U-S-A!” and “Go!”\n\nThen he spoke.", []string{"“U-S-A!”", "“Go!”"}},
		{"pasted passage over paragraphs", "McCrummen reports:\n\n\"She called it a “rant,” a doctor typed “ideation.”\n\n\"Melanie thought it outrageous.\n\n“No,” she said.", []string{"“rant,”", "“ideation.”", "“No,”"}},
		{"unclosed quote with inner marks of its own kind stays", "“He said, “that tax cuts pay for themselves.”\n\nOn Thursday", []string{"“He said, “that tax cuts pay for themselves.” [unclosed]"}},
		{"unclosed quote with closed inner single marks stays", "\"What is the end of the 'Dunciad'?\n\n'Nor public flame,' he went on.", []string{"\"What is the end of the 'Dunciad'? [unclosed]", "'Nor public flame,' [single]"}},
		{"space between nested and outer closing marks", `"I've been insulted with the term 'African American outreach,' " he told the group, adding "more."`, []string{`"I've been insulted with the term 'African American outreach,' "`, `"more."`}},
	}
	sc := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := sc.Scan(tt.text)
			var got []string
			for _, q := range res.Quotes {
				got = append(got, render(tt.text, q))
				if q.Span.Start != q.Fragments[0].Start || q.Span.End != q.Fragments[len(q.Fragments)-1].End {
					t.Errorf("span %v does not cover fragments %v", q.Span, q.Fragments)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanWrappedText(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString("Narration that runs on and on over a line\nthat is wrapped at seventy characters.\n\n")
	}
	b.WriteString("\"This quote is wrapped over\ntwo lines,\" said John.\n\n\"And this one runs on\n\n\"into the next paragraph.\"\n")
	text := b.String()
	res := New().Scan(text)
	if !res.Wrapped {
		t.Fatal("text not seen as hard-wrapped")
	}
	want := []string{"\"This quote is wrapped over\ntwo lines,\"", "\"And this one runs on | \"into the next paragraph.\""}
	var got []string
	for _, q := range res.Quotes {
		got = append(got, render(text, q))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if len(res.Paragraphs) != 9 {
		t.Errorf("%d paragraphs, want 9", len(res.Paragraphs))
	}
}

func TestScanErrorsCarryPositions(t *testing.T) {
	text := "fine” stray\n\n“never closed"
	res := New().Scan(text)
	if len(res.Errors) != 2 {
		t.Fatalf("errors %v, want 2", res.Errors)
	}
	if res.Errors[0].Pos != strings.Index(text, "”") || res.Errors[1].Pos != strings.Index(text, "“") {
		t.Errorf("error positions %d, %d", res.Errors[0].Pos, res.Errors[1].Pos)
	}
}

func TestParseRejectsBadTables(t *testing.T) {
	if _, err := parse("“ ” double extra\n", ""); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad mark line: err = %v", err)
	}
	if _, err := parse("“ ” double\n« ” single\n", ""); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("family clash: err = %v", err)
	}
	if _, err := parse("", "tis +\n"); err == nil {
		t.Error("bad elision line accepted")
	}
}
