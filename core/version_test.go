package core

import (
	"os"
	"regexp"
	"testing"
)

// The app's packaged version (FyneApp.toml) and the programs' version must agree.
func TestVersionMatchesFyneApp(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Fatalf("FyneApp.toml says %s, core.Version says %s", m[1], Version)
	}
}
