// Package shareddata finds, for tests, the read-only project files kept
// beside the repository in ../shared (evaluation articles, schemas). They
// are never copied into the repository.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns ../shared/elem… relative to the repository root (the folder
// holding go.mod), or skips the test with a clear message when it is not
// there.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root (go.mod) not found; skipping a test that needs ../shared")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is not available; skipping this test", p)
	}
	return p
}
