package ingest

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk calls fn for every file under root, recursively, in lexical order:
// with a nil error for each file that looks importable, and with an *Error
// for each file that is not (an image, a spreadsheet, an unreadable
// folder). Hidden files and folders (".git", ".DS_Store") and system clutter
// ("Thumbs.db", "desktop.ini") are passed over silently. A root that is a
// file is passed to fn as it is. Walk stops when ctx is cancelled or fn
// returns an error, and returns that error.
func Walk(ctx context.Context, root string, fn func(path string, problem error) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			return fn(path, &Error{File: path, Message: openMessage(err), Err: err})
		}
		if path != root && isClutter(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil // sockets, devices, pipes
		}
		return fn(path, sniffFile(path))
	})
}

func isClutter(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
		lower == "thumbs.db" || lower == "desktop.ini" || lower == "__macosx"
}

// sniffFile checks a file's start for a supported format, reading only the
// bytes detection needs; zip-based files are trusted by their extension
// here and checked fully on import.
func sniffFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &Error{File: path, Message: openMessage(err), Err: err}
	}
	defer f.Close()
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return &Error{File: path, Message: "The file could not be read.", Err: err}
	}
	head = head[:n]
	if strings.HasPrefix(string(head), "PK\x03\x04") {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".docx", ".odt", ".epub":
			return nil
		}
	}
	if _, problem := Detect(filepath.Base(path), head); problem != "" {
		return &Error{File: path, Message: problem}
	}
	return nil
}
