package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// makeTree writes files (path -> content) under a temporary folder.
func makeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestWalk(t *testing.T) {
	root := makeTree(t, map[string]string{
		"a.txt":              "“Yes,” she said.",
		"sub/b.html":         "<html><body><p>Hello</p></body></html>",
		"sub/deeper/c.rtf":   `{\rtf1 text}`,
		"sub/photo.jpg":      "\xff\xd8\xff\xe0\x00\x10JFIF\x00",
		"notes.md":           "# Notes",
		".hidden/secret.txt": "hidden",
		".DS_Store":          "\x00\x00\x00\x01Bud1",
		"Thumbs.db":          "\xD0\xCF\x11\xE0",
		"~$locked.docx":      "owner file",
	})
	var got []string
	err := Walk(context.Background(), root, func(path string, problem error) error {
		rel, _ := filepath.Rel(root, path)
		entry := filepath.ToSlash(rel)
		if problem != nil {
			entry += ": " + problem.(*Error).Message
		}
		got = append(got, entry)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.txt",
		"notes.md",
		"sub/b.html",
		"sub/deeper/c.rtf",
		"sub/photo.jpg: This file is not a supported article format (it looks like an image).",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walk gave\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportBatch(t *testing.T) {
	root := makeTree(t, map[string]string{
		"1.txt":        "“One,” he said.",
		"2/photo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"2/3.rtf":      `{\rtf1 \ldblquote Three,\rdblquote  she said.}`,
		"4-broken.rtf": `{\rtf1 {\fonttbl x}`,
		"5-nexis.txt":  readFixture(t, "../newsexport/testdata/nexis-uni.txt"),
	})
	missing := filepath.Join(root, "missing.txt")
	var results []Result
	err := Import(context.Background(), []string{root, missing}, BatchOptions{Workers: 2}, func(r Result) {
		results = append(results, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	type summary struct {
		file string
		docs int
		msg  string
	}
	var got []summary
	for i, r := range results {
		if r.Done != i+1 || r.Total != 6 {
			t.Errorf("result %d: progress %d of %d, want %d of 6", i, r.Done, r.Total, i+1)
		}
		s := summary{file: filepath.Base(r.Path), docs: len(r.Documents)}
		if r.Err != nil {
			var e *Error
			if !errors.As(r.Err, &e) || e.File != r.Path {
				t.Errorf("%s: error %v is not an *Error for the file", r.Path, r.Err)
			}
			s.msg = e.Message
		}
		got = append(got, s)
	}
	want := []summary{
		{"1.txt", 1, ""},
		{"3.rtf", 1, ""},
		{"photo.png", 0, "This file is not a supported article format (it looks like an image)."},
		{"4-broken.rtf", 0, "This RTF file is damaged: no text could be read from it."},
		{"5-nexis.txt", 3, ""},
		{"missing.txt", 0, "The file does not exist (it may have been moved or deleted)."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestImportCancel(t *testing.T) {
	files := map[string]string{}
	for i := range 50 {
		files[filepath.Join("d", strings.Repeat("x", i+1)+".txt")] = "“Words,” he said."
	}
	root := makeTree(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	err := Import(ctx, []string{root}, BatchOptions{Workers: 3}, func(r Result) {
		seen++
		if seen == 5 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if seen != 5 {
		t.Fatalf("each called %d times after cancelling at 5", seen)
	}
}
