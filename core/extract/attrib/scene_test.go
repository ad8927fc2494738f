package attrib

import "testing"

func TestIsSceneBreak(t *testing.T) {
	cases := []struct {
		para string
		want bool
	}{
		{"CHAPTER IV", true},
		{"Chapter 12. The Return", true},
		{"CHAPTER II.\nTREATS OF OLIVER TWIST'S GROWTH, EDUCATION, AND BOARD", true},
		{"XIV.", true},
		{"*        *        *        *        *", true},
		{"Book I", true},
		{"Part of it was true.", false},
		{"Book me a room at the inn.", false},
		{"I see.", false},
		{"He turned away.", false},
		{"", false},
	}
	for _, c := range cases {
		if got := isSceneBreak(c.para); got != c.want {
			t.Errorf("isSceneBreak(%q) = %v, want %v", c.para, got, c.want)
		}
	}
}
