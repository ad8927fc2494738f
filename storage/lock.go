package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Files inside a library directory.
const (
	databaseFile = "library.sqlite"
	lockFile     = "library.lock"
	ownerFile    = "library.owner"
	backupDir    = "backups"
)

// dirLock keeps a library directory to one running program. It holds an
// exclusive SQLite lock on a small side file: SQLite's locks work the same on
// every platform, between processes and between connections of one process,
// and the operating system drops them when the process dies (even by kill
// -9), so a crash never leaves a stale lock behind.
type dirLock struct {
	db    *sql.DB
	conn  *sql.Conn
	owner string
}

func acquireLock(ctx context.Context, dir string) (*dirLock, error) {
	path := filepath.Join(dir, lockFile)
	db, err := sql.Open("sqlite3", fileURI(path)+"?_locking_mode=EXCLUSIVE&_busy_timeout=0&_journal_mode=DELETE")
	if err != nil {
		return nil, unusable(dir, err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err == nil {
		_, err = conn.ExecContext(ctx, "PRAGMA locking_mode=EXCLUSIVE")
	}
	if err == nil {
		// A write makes the exclusive lock stick for the connection's life.
		_, err = conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS holder(pid INTEGER)")
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, "BEGIN EXCLUSIVE")
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		db.Close()
		if isBusy(err) {
			return nil, lockedError(dir, err)
		}
		return nil, unusable(dir, err)
	}
	l := &dirLock{db: db, conn: conn, owner: filepath.Join(dir, ownerFile)}
	host, _ := os.Hostname()
	info := fmt.Sprintf("%d\n%s\n%s\n", os.Getpid(), host, time.Now().Format(time.RFC3339))
	// The owner note only improves the "locked" message; losing it is harmless.
	_ = os.WriteFile(l.owner, []byte(info), 0o644)
	return l, nil
}

func (l *dirLock) release() error {
	_ = os.Remove(l.owner)
	_, _ = l.conn.ExecContext(context.Background(), "ROLLBACK")
	l.conn.Close()
	return l.db.Close()
}

func lockedError(dir string, cause error) *Error {
	msg := "This library is already open in another Verbatim window or program. " +
		"Close it there, then try again."
	if data, err := os.ReadFile(filepath.Join(dir, ownerFile)); err == nil {
		parts := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(parts) == 3 {
			if _, err := strconv.Atoi(parts[0]); err == nil {
				since := parts[2]
				if t, err := time.Parse(time.RFC3339, parts[2]); err == nil {
					since = t.Format("2 Jan 2006 15:04")
				}
				msg += fmt.Sprintf(" (It was opened by process %s on %s, %s.)", parts[0], parts[1], since)
			}
		}
	}
	return &Error{Code: CodeLocked, Message: msg, Err: cause}
}

func unusable(dir string, cause error) *Error {
	return errorf(CodeUnusable, cause,
		"The library in %s could not be opened. Check that the folder exists and that you may write to it.", dir)
}
