package main

import (
	"bytes"
	"strings"
	"testing"

	"verbatim/core"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestUsageAndVersion(t *testing.T) {
	out, _, code := runCLI(t, "--help")
	if code != exitOK || !strings.Contains(out, "Usage: verbatim-cli") || !strings.Contains(out, "version") {
		t.Fatalf("--help: code %d, output %q", code, out)
	}
	_, errOut, code := runCLI(t)
	if code != exitBadUsage || !strings.Contains(errOut, "Usage:") {
		t.Fatalf("no args: code %d, stderr %q", code, errOut)
	}
	out, _, code = runCLI(t, "version")
	if code != exitOK || strings.TrimSpace(out) != "verbatim-cli "+core.Version {
		t.Fatalf("version: code %d, output %q", code, out)
	}
	_, errOut, code = runCLI(t, "frobnicate")
	if code != exitBadUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Fatalf("unknown: code %d, stderr %q", code, errOut)
	}
}
