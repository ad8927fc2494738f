// Package ingest turns article files into documents: clean text plus
// metadata. One file may yield several documents (news-database exports).
//
// This is the first, plain-text-only version; other formats are added by
// detecting content, not just the extension.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"verbatim/core"
)

// Options bound the work done on one file.
type Options struct {
	// MaxFileSize is the largest file accepted, in bytes; 0 means the
	// default of 200 MB.
	MaxFileSize int64
}

const defaultMaxFileSize = 200 << 20

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return defaultMaxFileSize
}

// Error is a problem with one file, worded for the researcher.
type Error struct {
	File    string // path or name as given
	Message string // one sentence a non-programmer understands
	Err     error  // the underlying cause, if any, for logs
}

func (e *Error) Error() string { return e.File + ": " + e.Message }
func (e *Error) Unwrap() error { return e.Err }

// File reads and imports the file at path.
func File(path string, opts Options) ([]core.Document, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: path, Message: "The file could not be opened.", Err: err}
	}
	if info.IsDir() {
		return nil, &Error{File: path, Message: "This is a folder, not a file."}
	}
	if info.Size() > opts.maxFileSize() {
		return nil, &Error{File: path, Message: fmt.Sprintf(
			"This file is too large to import (%d MB; the limit is %d MB).",
			info.Size()>>20, opts.maxFileSize()>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Message: "The file could not be read.", Err: err}
	}
	docs, err := Bytes(filepath.Base(path), data, opts)
	for i := range docs {
		docs[i].Meta.FilePath = path
	}
	if e, ok := err.(*Error); ok {
		e.File = path
	}
	return docs, err
}

// Bytes imports data that came from a file called name.
func Bytes(name string, data []byte, opts Options) ([]core.Document, error) {
	if int64(len(data)) > opts.maxFileSize() {
		return nil, &Error{File: name, Message: "This file is too large to import."}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, &Error{File: name, Message: "This text file is not in a supported encoding."}
	}
	text := NormaliseLineEndings(string(data))
	doc := core.Document{Text: text, Meta: core.Meta{
		Format:   "txt",
		FileName: name,
		Title:    strings.TrimSuffix(name, filepath.Ext(name)),
		Hash:     ContentHash(text),
	}}
	return []core.Document{doc}, nil
}

// NormaliseLineEndings turns \r\n and lone \r into \n.
func NormaliseLineEndings(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// ContentHash identifies a document by its text, so that the same article
// imported twice is recognised. Whitespace runs are folded first so that
// re-wrapped copies of one article hash alike.
func ContentHash(text string) string {
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h[:])
}
