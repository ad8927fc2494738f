package storage

import (
	"errors"
	"fmt"
)

// Code classifies a library error so that the app can react to it (offer to
// close the other window, to update Verbatim, …) without parsing messages.
type Code int

const (
	// CodeLocked: another running Verbatim (or verbatim-cli) has the library open.
	CodeLocked Code = iota + 1
	// CodeNewerVersion: the library was written by a newer Verbatim.
	CodeNewerVersion
	// CodeNotFound: a quote, speaker, topic or document no longer exists.
	CodeNotFound
	// CodeInvalid: the edit asked for makes no sense (empty name, a topic
	// nested under itself, …).
	CodeInvalid
	// CodeNothingToUndo / CodeNothingToRedo: the journal has no edit to undo
	// or redo.
	CodeNothingToUndo
	CodeNothingToRedo
	// CodeUnusable: the library's files cannot be opened or are damaged.
	CodeUnusable
	// CodeMissingFeature: this build of Verbatim lacks a part the library
	// needs (full-text search).
	CodeMissingFeature
)

// Error is a library problem worded for the researcher. Message is one or two
// sentences to show as they are; Err is the cause, for logs.
type Error struct {
	Code    Code
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// HasCode reports whether err is (or wraps) a library *Error with code c.
func HasCode(err error, c Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == c
}

func errorf(c Code, cause error, format string, args ...any) *Error {
	return &Error{Code: c, Message: fmt.Sprintf(format, args...), Err: cause}
}

func notFound(what string, id int64) *Error {
	return errorf(CodeNotFound, nil, "The %s (number %d) is no longer in the library.", what, id)
}

func invalid(format string, args ...any) *Error {
	return errorf(CodeInvalid, nil, format, args...)
}
