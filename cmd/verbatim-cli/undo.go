package main

import (
	"context"
	"fmt"

	"verbatim/storage"
)

// runUndo takes back the library's last edit.
func runUndo(e *env, args []string) int {
	return stepHistory(e, args, "undo", "Undone", (*storage.Library).Undo)
}

// stepHistory runs Undo or Redo once.
func stepHistory(e *env, args []string, name, verb string,
	step func(*storage.Library, context.Context) (storage.Edit, error)) int {
	flags, dir := newFlags(e, name, name+" [--library DIR]")
	if !parseNoArgs(flags, args) {
		return exitBadUsage
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	edit, err := step(l, context.Background())
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", verb, edit.Summary)
	return exitOK
}
