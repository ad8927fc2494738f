package sheet

import "testing"

func TestTypeset(t *testing.T) {
	ty, err := NewTypographer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, lang, want string }{
		{`"We made a plea: don't hold them hostage"`, "en", "“We made a plea: don’t hold them hostage”"},
		{`"The "United States" is not holding any ISIS detainees."`, "en", "“The ‘United States’ is not holding any ISIS detainees.”"},
		{`“The “United States” is not”`, "en", "“The ‘United States’ is not”"},
		{`"The 'United States' is not"`, "en", "“The ‘United States’ is not”"},
		{`"a "b "c" b" a"`, "en", "“a ‘b “c” b’ a”"},
		{`President Trump says he 'can' and 'may' act`, "en", "President Trump says he ‘can’ and ‘may’ act"},
		{`"Мы не уйдём", - сказал он`, "ru", "«Мы не уйдём», – сказал он"},
		{`«Он сказал: "нет"»`, "ru", "«Он сказал: „нет“»"},
		{`„Wir schaffen das“, sagte sie`, "de", "„Wir schaffen das“, sagte sie"},
		{`"Wir schaffen das", sagte sie`, "de", "„Wir schaffen das“, sagte sie"},
		{`"Δεν θα φύγουμε"`, "el", "«Δεν θα φύγουμε»"},
		{`"Unclosed to the end`, "en", "“Unclosed to the end"},
		{`stray" mark`, "en", "stray” mark"},
		{`it was -- he said -- over`, "en", "it was — he said — over"},
		{`well-known 1990-2000`, "en", "well-known 1990-2000"},
		{`"[T]his impulsive decision"`, "xx", "“[T]his impulsive decision”"},
		{"\xff\"bad\" bytes", "en", "\ufffd”bad” bytes"},
	}
	for _, tt := range tests {
		if got := ty.Typeset(tt.in, tt.lang); got != tt.want {
			t.Errorf("Typeset(%q, %q)\n got %q\nwant %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestQuotedAddsMissingMarks(t *testing.T) {
	ty, err := NewTypographer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in          string
		lang        string
		first, last bool
		want        string
	}{
		{"we will rebuild", "en", true, true, "“we will rebuild”"},
		{`"left open at the paragraph's end`, "en", true, true, "“left open at the paragraph’s end”"},
		{"Мы уходим", "ru", true, true, "«Мы уходим»"},
		{`"first piece`, "en", true, false, "“first piece"},
		{`"already closed."`, "en", true, true, "“already closed.”"},
	}
	for _, tt := range tests {
		if got := ty.Quoted(tt.in, tt.lang, tt.first, tt.last); got != tt.want {
			t.Errorf("Quoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
