package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/storage"
)

// runImport adds article files (and every file inside folders) to the
// library, with progress on stderr.
func runImport(e *env, args []string) int {
	flags, dir := newFlags(e, "import", "import [--library DIR] FILE|DIR...")
	paths, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	if len(paths) == 0 {
		flags.Usage()
		return exitBadUsage
	}
	files, failed := articleFiles(e, paths)
	eng, ok := engine(e)
	if !ok {
		return exitFailed
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()

	var docs []core.Document
	for _, f := range files {
		got, err := ingest.File(f, ingest.Options{})
		if err != nil {
			fmt.Fprintf(e.stderr, "%v\n", err)
			failed++
		}
		docs = append(docs, got...)
	}
	var imported, duplicates, quotes int
	results, err := l.Import(context.Background(), func(yield func(core.Document) bool) {
		for _, d := range docs {
			if !yield(d) {
				return
			}
		}
	}, eng, storage.ImportOptions{Progress: func(r storage.ImportResult) {
		name := docs[r.Index].Meta.FilePath
		if name == "" {
			name = r.Title
		}
		switch r.Status {
		case storage.Imported:
			imported++
			quotes += r.Quotes
			fmt.Fprintf(e.stderr, "[%d/%d] %s: %s\n", r.Index+1, len(docs), name, plural(r.Quotes, "quote"))
		case storage.Duplicate:
			duplicates++
			fmt.Fprintf(e.stderr, "[%d/%d] %s: duplicate, already in the library\n", r.Index+1, len(docs), name)
		default:
			failed++
			fmt.Fprintf(e.stderr, "[%d/%d] %s: %v\n", r.Index+1, len(docs), name, r.Err)
		}
	}})
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		failed += len(docs) - len(results)
	}
	fmt.Fprintf(e.stderr, "Imported %s with %s; %s already in the library; %s failed.\n",
		plural(imported, "document"), plural(quotes, "quote"), plural(duplicates, "document"), plural(failed, "file"))
	if failed > 0 {
		return exitFailed
	}
	return exitOK
}

// articleFiles expands folders into the files inside them (hidden files and
// folders skipped) and reports paths that cannot be read.
func articleFiles(e *env, paths []string) (files []string, failed int) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: this file or folder could not be found.\n", p)
			failed++
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(e.stderr, "%s: this folder could not be read.\n", path)
				failed++
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			failed++
		}
	}
	return files, failed
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
