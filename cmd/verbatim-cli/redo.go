package main

import "verbatim/storage"

// runRedo brings back the edit the last undo took back.
func runRedo(e *env, args []string) int {
	return stepHistory(e, args, "redo", "Redone", (*storage.Library).Redo)
}
