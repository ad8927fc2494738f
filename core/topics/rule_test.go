package topics

import "testing"

func TestRuleMatches(t *testing.T) {
	text := "“Sanctions against Russia will stay,” the Chancellor said of the Nord Stream pipeline."
	cases := []struct {
		rule Rule
		want bool
	}{
		{Rule{Terms: []string{"sanctions"}}, true},
		{Rule{Terms: []string{"sanction"}}, false}, // whole words only
		{Rule{Terms: []string{"nord stream"}}, true},
		{Rule{Terms: []string{"stream nord"}}, false},
		{Rule{Terms: []string{"Syria", "russia"}}, true},
		{Rule{Terms: []string{"Syria", "russia"}, All: true}, false},
		{Rule{Terms: []string{"pipeline", "RUSSIA"}, All: true}, true},
		{Rule{}, false},
		{Rule{Terms: []string{"  ", "—"}, All: true}, false},
	}
	for _, c := range cases {
		if got := c.rule.Matches(text); got != c.want {
			t.Errorf("%+v.Matches = %v, want %v", c.rule, got, c.want)
		}
	}
}
