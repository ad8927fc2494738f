// Package storage is Verbatim's library: one SQLite database per library
// directory holding documents, quotes, speakers, topics, notes and the journal
// of every user edit. No SQL lives outside this package.
//
// Build with the tag sqlite_fts5 (go build -tags sqlite_fts5): go-sqlite3
// compiles SQLite's full-text search only with it, and Open refuses a build
// without it.
//
// The library is safe for concurrent use: reads run on a pool of read-only
// connections while a single writer connection serialises changes. Every
// edit commits in its own transaction; an import commits each document with
// its quotes atomically.
package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Library is an open library directory. Close it when done; until then no
// other program can open the same directory.
type Library struct {
	dir  string
	lock *dirLock
	w    *sql.DB // the one writer connection
	r    *sql.DB // read-only connections
	// filers files suggested topics under the library's topics.
	filers filerCache
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations()) }

// Open opens (creating it when needed) the library in dir. It fails with a
// *Error whose Code is CodeLocked when another program has the library open,
// and CodeNewerVersion when a newer Verbatim wrote it. An older library is
// first copied to dir/backups and then brought up to date.
func Open(ctx context.Context, dir string) (*Library, error) {
	return open(ctx, dir, migrations())
}

func open(ctx context.Context, dir string, steps []string) (*Library, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, unusable(dir, err)
	}
	lock, err := acquireLock(ctx, dir)
	if err != nil {
		return nil, err
	}
	l := &Library{dir: dir, lock: lock}
	if err := l.openDatabase(ctx, steps); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

func (l *Library) openDatabase(ctx context.Context, steps []string) error {
	path := filepath.Join(l.dir, databaseFile)
	var err error
	l.w, err = sql.Open("sqlite3", dsn(path, writerCacheKiB, "&_txlock=immediate"))
	if err != nil {
		return unusable(l.dir, err)
	}
	l.w.SetMaxOpenConns(1)
	l.w.SetConnMaxIdleTime(0)
	if err := l.w.PingContext(ctx); err != nil {
		return unusable(l.dir, err)
	}
	if err := checkFTS5(ctx, l.w); err != nil {
		return err
	}
	if err := l.migrate(ctx, steps); err != nil {
		return err
	}
	l.r, err = sql.Open("sqlite3", dsn(path, readerCacheKiB, "&_query_only=1"))
	if err != nil {
		return unusable(l.dir, err)
	}
	l.r.SetMaxOpenConns(max(2, runtime.GOMAXPROCS(0)))
	return nil
}

// SQLite's page cache per connection, in KiB. Each of the reading
// connections (one per processor) keeps its own: the app's queries (a page
// of quotes, a search, the sidebar's counts) run as fast with 8 MB as with
// 32 MB on a library of 100,000 quotes, and the caches no longer take
// a third of the app's memory. The one writer keeps more for imports, which
// update the search index.
const (
	readerCacheKiB = 8 << 10
	writerCacheKiB = 32 << 10
)

// dsn makes a go-sqlite3 data source name for the library database at path
// with a page cache of cacheKiB.
func dsn(path string, cacheKiB int, extra string) string {
	return fileURI(path) + "?_fk=1&_journal_mode=WAL&_synchronous=FULL&_busy_timeout=10000&_stmt_cache_size=64" +
		"&_cache_size=-" + strconv.Itoa(cacheKiB) + extra
}

// fileURI makes an SQLite file URI of path. Characters that URIs treat
// specially are escaped so that any folder name works.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

func checkFTS5(ctx context.Context, db *sql.DB) error {
	var used int
	if err := db.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&used); err != nil || used == 0 {
		return errorf(CodeMissingFeature, err,
			"This copy of Verbatim was built without full-text search, so it cannot open a library. "+
				"(Developers: build with -tags sqlite_fts5.)")
	}
	return nil
}

// migrate brings the schema to len(steps), backing the library up first.
func (l *Library) migrate(ctx context.Context, steps []string) error {
	var version, appID int
	if err := l.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return l.damaged(err)
	}
	if err := l.w.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return l.damaged(err)
	}
	if appID != 0 && appID != applicationID {
		return errorf(CodeUnusable, nil, "The file %s is not a Verbatim library.", filepath.Join(l.dir, databaseFile))
	}
	if version > len(steps) {
		return errorf(CodeNewerVersion, nil,
			"This library was saved by a newer version of Verbatim (library format %d; this version reads up to %d). "+
				"Please update Verbatim to open it. Your library has not been changed.", version, len(steps))
	}
	if version == len(steps) {
		return nil
	}
	if version > 0 {
		if _, err := l.backup(ctx, version); err != nil {
			return err
		}
	}
	for v := version; v < len(steps); v++ {
		if err := l.applyMigration(ctx, v+1, steps[v]); err != nil {
			return err
		}
	}
	// The backup read the whole library through the writer's page cache;
	// give that memory back rather than keep it for the session.
	_, _ = l.w.ExecContext(ctx, "PRAGMA shrink_memory")
	return nil
}

func (l *Library) applyMigration(ctx context.Context, to int, script string) error {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return l.damaged(err)
	}
	defer tx.Rollback()
	// PRAGMA takes no bound parameters; both values are integers we made.
	for _, stmt := range []string{script,
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		fmt.Sprintf("PRAGMA user_version = %d", to)} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return errorf(CodeUnusable, err, "The library could not be updated to format %d. It is unchanged, and a backup is in %s.",
				to, filepath.Join(l.dir, backupDir))
		}
	}
	return tx.Commit()
}

// backup copies the whole library (committed changes only) into
// dir/backups and returns the copy's path.
func (l *Library) backup(ctx context.Context, version int) (string, error) {
	dir := filepath.Join(l.dir, backupDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", errorf(CodeUnusable, err, "A backup of the library could not be made in %s, so it was not updated.", dir)
	}
	name := fmt.Sprintf("library-format%d-%s.sqlite", version, time.Now().Format("20060102-150405.000"))
	path := filepath.Join(dir, name)
	if _, err := l.w.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return "", errorf(CodeUnusable, err, "A backup of the library could not be made in %s, so it was not updated.", dir)
	}
	return path, nil
}

func (l *Library) damaged(err error) *Error {
	return errorf(CodeUnusable, err, "The library in %s could not be read; the file may be damaged.", l.dir)
}

// Dir is the library's directory.
func (l *Library) Dir() string { return l.dir }

// Close releases the library. It checkpoints the write-ahead log so that the
// directory holds one self-contained database file afterwards.
func (l *Library) Close() error {
	var first error
	keep := func(err error) {
		if first == nil && err != nil {
			first = err
		}
	}
	if l.r != nil {
		keep(l.r.Close())
	}
	if l.w != nil {
		// PRAGMA optimize refreshes the statistics the query planner uses
		// to pick indexes, where they went stale.
		_, err := l.w.Exec("PRAGMA optimize")
		keep(err)
		_, err = l.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		keep(err)
		keep(l.w.Close())
	}
	if l.lock != nil {
		keep(l.lock.release())
	}
	return first
}

// CheckIntegrity runs SQLite's integrity check and the full-text index's own
// check; it returns nil when both pass.
func (l *Library) CheckIntegrity(ctx context.Context) error {
	rows, err := l.w.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return l.damaged(err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return l.damaged(err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if _, err := l.w.ExecContext(ctx, "INSERT INTO quote_fts(quote_fts) VALUES ('integrity-check')"); err != nil {
		problems = append(problems, "search index: "+err.Error())
	}
	if len(problems) > 0 {
		return errorf(CodeUnusable, nil, "The library is damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}
