package storage

import (
	"path/filepath"
	"testing"
)

func TestDefaultDirHonoursEnvironment(t *testing.T) {
	want := t.TempDir()
	t.Setenv(LibraryEnv, want)
	got, err := DefaultDir()
	if err != nil || got != want {
		t.Fatalf("DefaultDir() = %q, %v; want %q", got, err, want)
	}
}

func TestUserDataDirPerOS(t *testing.T) {
	home := func() (string, error) { return "/home/ada", nil }
	config := func() (string, error) { return "/cfg", nil }
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	cases := []struct {
		goos, xdg, want string
	}{
		{"linux", "", "/home/ada/.local/share/verbatim"},
		{"linux", "/data", "/data/verbatim"},
		{"linux", "relative/ignored", "/home/ada/.local/share/verbatim"},
		{"darwin", "", filepath.Join("/cfg", "Verbatim")},
		{"windows", "", filepath.Join("/cfg", "Verbatim")},
	}
	for _, c := range cases {
		env["XDG_DATA_HOME"] = c.xdg
		got, err := userDataDir(c.goos, getenv, home, config)
		if err != nil || got != c.want {
			t.Errorf("%s xdg=%q: got %q, %v; want %q", c.goos, c.xdg, got, err, c.want)
		}
	}
}
