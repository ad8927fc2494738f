package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTextCommand(t *testing.T) {
	single := writeTemp(t, "one.txt", "\x93Yes,\x94 she said.\r\n\r\nSecond paragraph.\r\n")
	export, err := os.ReadFile("../../core/ingest/newsexport/testdata/nexis-uni.txt")
	if err != nil {
		t.Fatal(err)
	}
	multi := writeTemp(t, "nexis.txt", string(export))
	image := writeTemp(t, "photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

	out, errOut, code := runCLI(t, "text", single)
	if code != exitOK || out != "“Yes,” she said.\n\nSecond paragraph.\n" || errOut != "" {
		t.Errorf("single: code %d, out %q, err %q", code, out, errOut)
	}

	out, _, code = runCLI(t, "text", multi)
	if code != exitOK || strings.Count(out, "=== document ") != 3 ||
		!strings.HasPrefix(out, "=== document 1 of 3: Council approves new cycle lanes after heated debate ===\nThe city council voted") {
		t.Errorf("multi: code %d, out %.300q", code, out)
	}

	out, _, code = runCLI(t, "text", "-doc", "3", multi)
	if code != exitOK || !strings.HasPrefix(out, "Der Stadtrat") || strings.Contains(out, "===") {
		t.Errorf("-doc 3: code %d, out %.200q", code, out)
	}

	out, _, code = runCLI(t, "text", "-json", multi)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 3 {
		t.Fatalf("-json: code %d, %d lines", code, len(lines))
	}
	var doc struct {
		Index int
		Meta  struct{ Title, Date, Format string }
		Text  string
	}
	if err := json.Unmarshal([]byte(lines[1]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Index != 2 || doc.Meta.Date != "2020-03-01" || doc.Meta.Format != "nexis" || !strings.HasPrefix(doc.Text, "The harbour") {
		t.Errorf("-json document 2 = %+v", doc)
	}

	out, errOut, code = runCLI(t, "text", single, image)
	if code != exitFailed || !strings.Contains(errOut, "photo.txt: This file is not a supported article format (it looks like an image).") || !strings.HasPrefix(out, "“Yes,”") {
		t.Errorf("bad file: code %d, out %q, err %q", code, out, errOut)
	}

	if _, _, code = runCLI(t, "text"); code != exitBadUsage {
		t.Errorf("no file: code %d, want %d", code, exitBadUsage)
	}
	if _, errOut, code = runCLI(t, "text", "-doc", "9", single); code != exitFailed || !strings.Contains(errOut, "no document 9") {
		t.Errorf("-doc 9: code %d, err %q", code, errOut)
	}
}
