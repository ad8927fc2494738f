package dates

import (
	"testing"
	"time"
)

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-01-07", "2019-01-07"},
		{"2019-01-07T09:30:00Z", "2019-01-07"},
		{"January 7, 2019", "2019-01-07"},
		{"Monday, January 7, 2019", "2019-01-07"},
		{"March 2, 2020 Monday", "2020-03-02"},
		{"January 7, 2019 Monday 11:30 PM EST", "2019-01-07"},
		{"Jan. 7, 2019", "2019-01-07"},
		{"7 January 2019", "2019-01-07"},
		{"2. März 2020 Montag", "2020-03-02"},
		{"7. Januar 2019", "2019-01-07"},
		{"07.01.2019", "2019-01-07"},
		{"1/7/2019", "2019-01-07"},
		{"13/7/2019", "2019-07-13"},
		{"2019/01/07", "2019-01-07"},
		{"31 February 2019", ""},
		{"Length: 312 words", ""},
		{"January 2019", ""},
		{"", ""},
		{"Copyright 2020 Coastal Herald", ""},
	}
	for _, tt := range tests {
		if got := Normalise(tt.in); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalise(f *testing.F) {
	for _, s := range []string{"January 7, 2019", "2. März 2020 Montag", "07.01.2019", "1/7/2019", "2019-01-07T09:30:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalise(s)
		if got == "" {
			return
		}
		if _, err := time.Parse("2006-01-02", got); err != nil {
			t.Fatalf("Normalise(%q) = %q, not an ISO date", s, got)
		}
	})
}
