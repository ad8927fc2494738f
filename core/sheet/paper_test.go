package sheet

import "testing"

func TestPaperForLocale(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Paper
	}{
		{map[string]string{}, A4},
		{map[string]string{"LANG": "en_US.UTF-8"}, Letter},
		{map[string]string{"LANG": "en_GB.UTF-8"}, A4},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, Letter},
		{map[string]string{"LANG": "es_MX"}, Letter},
		{map[string]string{"LANG": "fil_PH.UTF-8"}, Letter},
		{map[string]string{"LANG": "C.UTF-8"}, A4},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, A4},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, Letter},
		{map[string]string{"LC_ALL": "ru_RU.UTF-8", "LC_PAPER": "en_US.UTF-8"}, A4},
		{map[string]string{"LANG": "sr_RS@latin"}, A4},
	}
	for _, tt := range tests {
		if got := PaperForLocale(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("PaperForLocale(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]Paper{"a4": A4, "A4": A4, " Letter ": Letter, "LETTER": Letter} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("legal"); err == nil {
		t.Error("ParsePaper(legal) should fail")
	}
}
