// Package ingest turns article files into documents: clean text plus
// metadata. One file may yield several documents (news-database exports).
//
// Formats are recognised by content, not by the file name: plain text (any
// common encoding), saved web pages, PDF, Word (.docx), OpenDocument (.odt),
// RTF, EPUB, and the multi-article exports of Nexis Uni / LexisNexis and
// Factiva in any of those containers.
//
// File and Bytes import one file; Import runs a whole batch (files and
// folders) with progress reports and cancellation, one clear error per
// failed file.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"verbatim/core"
)

// Options bound the work done on one file. The zero value is ready to use.
type Options struct {
	// MaxFileSize is the largest file accepted, in bytes; 0 means 200 MB.
	MaxFileSize int64
	// MaxUnpackedSize bounds how much a compressed file (DOCX, ODT, EPUB)
	// may unpack to, in bytes; 0 means 512 MB. It defeats zip bombs.
	MaxUnpackedSize int64
	// PDFTimeout bounds the time spent reading one PDF; 0 means 2 minutes.
	PDFTimeout time.Duration
}

const (
	defaultMaxFileSize     = 200 << 20
	defaultMaxUnpackedSize = 512 << 20
	defaultPDFTimeout      = 2 * time.Minute
)

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return defaultMaxFileSize
}

func (o Options) maxUnpackedSize() int64 {
	if o.MaxUnpackedSize > 0 {
		return o.MaxUnpackedSize
	}
	return defaultMaxUnpackedSize
}

func (o Options) pdfTimeout() time.Duration {
	if o.PDFTimeout > 0 {
		return o.PDFTimeout
	}
	return defaultPDFTimeout
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
	return FileContext(context.Background(), path, opts)
}

// FileContext is File with cancellation: a cancelled ctx stops the import of
// a long file (PDF pages are checked one by one).
func FileContext(ctx context.Context, path string, opts Options) ([]core.Document, error) {
	data, err := readFile(path, opts.maxFileSize())
	if err != nil {
		return nil, err
	}
	docs, err := BytesContext(ctx, filepath.Base(path), data, opts)
	for i := range docs {
		docs[i].Meta.FilePath = path
	}
	if e, ok := err.(*Error); ok {
		e.File = path
	}
	return docs, err
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Message: openMessage(err), Err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &Error{File: path, Message: "The file could not be read.", Err: err}
	}
	if info.IsDir() {
		return nil, &Error{File: path, Message: "This is a folder, not a file."}
	}
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	// Read at most limit+1 bytes: the file may grow while we read it.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{File: path, Message: "The file could not be read.", Err: err}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

func openMessage(err error) string {
	switch {
	case os.IsNotExist(err):
		return "The file does not exist (it may have been moved or deleted)."
	case os.IsPermission(err):
		return "You do not have permission to read this file."
	}
	return "The file could not be opened."
}

func tooLarge(name string, size, limit int64) *Error {
	return &Error{File: name, Message: fmt.Sprintf(
		"This file is too large to import (%s; the limit is %s).", megabytes(size), megabytes(limit))}
}

func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, n>>10))
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// Bytes imports data that came from a file called name.
func Bytes(name string, data []byte, opts Options) ([]core.Document, error) {
	return BytesContext(context.Background(), name, data, opts)
}

// BytesContext is Bytes with cancellation.
func BytesContext(ctx context.Context, name string, data []byte, opts Options) (docs []core.Document, err error) {
	if int64(len(data)) > opts.maxFileSize() {
		return nil, tooLarge(name, int64(len(data)), opts.maxFileSize())
	}
	defer func() {
		// A parser bug must cost one file, never the whole batch.
		if p := recover(); p != nil {
			docs, err = nil, &Error{File: name, Message: "This file could not be read because of an internal error; please report it.",
				Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	format, problem := Detect(name, data)
	if problem != "" {
		return nil, &Error{File: name, Message: problem}
	}
	if format == FormatTable {
		docs, err = readTable(name, data)
	} else {
		var src extracted
		src, err = readFormat(ctx, format, data, opts)
		docs = split(src, format)
	}
	if err != nil {
		return nil, asError(name, err)
	}
	if len(docs) == 0 {
		return nil, &Error{File: name, Message: "This file contains no text."}
	}
	for i := range docs {
		docs[i].Meta.FileName = name
		if len(docs) == 1 {
			fillTitle(&docs[i], name, format)
		}
	}
	return docs, nil
}

// asError gives err its user sentence, unless it already has one.
func asError(name string, err error) *Error {
	if e, ok := err.(*Error); ok {
		e.File = name
		return e
	}
	if err == context.Canceled || err == context.DeadlineExceeded {
		return &Error{File: name, Message: "The import was cancelled.", Err: err}
	}
	return &Error{File: name, Message: "This file could not be read; it may be damaged.", Err: err}
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
	h := sha256.New()
	first := true
	for word := range strings.FieldsSeq(text) {
		if !first {
			h.Write([]byte{' '})
		}
		first = false
		io.WriteString(h, word)
	}
	return hex.EncodeToString(h.Sum(nil))
}
