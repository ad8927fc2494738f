//go:build cgo

package storage

import (
	"errors"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// isBusy reports whether err says that another connection holds a lock.
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}
