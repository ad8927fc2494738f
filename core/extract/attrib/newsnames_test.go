package attrib

import (
	"testing"

	"verbatim/core/extract/lexicon"
)

// TestFullestSharedSurname checks the fullest name of a bare surname that
// two full names share: the principal, introduced first under a given
// name, unless another is written twice as often; and of a lone given
// name.
func TestFullestSharedSurname(t *testing.T) {
	lx := lexicon.MustLoadAll()["en"]
	for _, tc := range []struct{ text, core, want string }{
		{"Nominee Joe Biden led. Hunter Biden's laptop was found. Joe Biden denied it. Hunter Biden said nothing. Biden spoke.", "Biden", "Joe Biden"},
		// A headline's adjective before the surname is no one's name.
		{"Understated Perez raises profile\n\nLabor Secretary Thomas Perez spoke. Perez said so.", "Perez", "Thomas Perez"},
		// Written twice as often: that one, though introduced second.
		{"Bill Clinton spoke. Hillary Clinton won. Hillary Clinton thanked him. Clinton said so.", "Clinton", "Hillary Clinton"},
		// A lone given name: the one full name it starts.
		{"Wikinews reached out to Sergey M․, one of the maintainers. Sergey said so.", "Sergey", "Sergey M․"},
		{"Chelsea Clinton met Chelsea Manning. Chelsea said so.", "Chelsea", "Chelsea"},
	} {
		if got := buildNewsNames(tc.text, lx).fullest(tc.core, lexicon.GenderUnknown); got != tc.want {
			t.Errorf("%q: fullest(%q) = %q, want %q", tc.text, tc.core, got, tc.want)
		}
	}
}
