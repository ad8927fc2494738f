package storage

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"verbatim/core"
)

// Child processes: the test binary re-runs itself with one of these set, to
// hold a library open (lock test) or to import until killed (crash test).
const (
	childHoldEnv   = "VERBATIM_TEST_HOLD_LIBRARY"
	childImportEnv = "VERBATIM_TEST_IMPORT_LIBRARY"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(childHoldEnv); dir != "" {
		os.Exit(holdLibrary(dir))
	}
	if dir := os.Getenv(childImportEnv); dir != "" {
		os.Exit(importForever(dir))
	}
	os.Exit(m.Run())
}

func holdLibrary(dir string) int {
	l, err := Open(context.Background(), dir)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	defer l.Close()
	fmt.Println("ready")
	time.Sleep(time.Minute) // killed by the parent long before
	return 0
}

// startChild runs this test binary as a child with env set and waits for its
// first line of output.
func startChild(t *testing.T, env string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out)
}

func TestLockedByAnotherProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cmd, out := startChild(t, childHoldEnv+"="+dir)
	if !out.Scan() || out.Text() != "ready" {
		t.Fatalf("child: %q", out.Text())
	}
	_, err := Open(ctx, dir)
	if !HasCode(err, CodeLocked) {
		t.Fatalf("Open while another process holds the library: %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "already open in another Verbatim") || !strings.Contains(msg, fmt.Sprint(cmd.Process.Pid)) {
		t.Errorf("locked message = %q", msg)
	}
	// kill -9 leaves no stale lock behind.
	cmd.Process.Kill()
	cmd.Wait()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open after the other process died: %v", err)
	}
	l.Close()
}

func TestLockedInThisProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dir); !HasCode(err, CodeLocked) {
		t.Fatalf("second Open: %v", err)
	}
	l.Close()
	l, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	l.Close()
}

func rawDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(dir, databaseFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestNewerVersionIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	db := rawDB(t, dir)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, dir)
	if !HasCode(err, CodeNewerVersion) || !strings.Contains(err.Error(), "newer version of Verbatim") {
		t.Fatalf("Open of a newer library: %v", err)
	}
	// The refused library can be opened again at once (the lock is freed).
	if _, err := Open(ctx, dir); !HasCode(err, CodeNewerVersion) {
		t.Fatalf("second Open: %v", err)
	}
}

func TestNotALibrary(t *testing.T) {
	dir := t.TempDir()
	db := rawDB(t, dir)
	if _, err := db.Exec("PRAGMA application_id = 42; CREATE TABLE x(y)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(context.Background(), dir); !HasCode(err, CodeUnusable) || !strings.Contains(err.Error(), "not a Verbatim library") {
		t.Fatalf("Open: %v", err)
	}
}

func TestMigrationMakesBackupFirst(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	steps := migrations()
	l, err := open(ctx, dir, steps)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, l, engineV1().engine(t), core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin"}})
	l.Close()

	next := append(steps[:len(steps):len(steps)], "ALTER TABLE quotes ADD COLUMN colour TEXT NOT NULL DEFAULT 'none'")
	l, err = open(ctx, dir, next)
	if err != nil {
		t.Fatal(err)
	}
	var colour string
	if err := l.r.QueryRow("SELECT colour FROM quotes LIMIT 1").Scan(&colour); err != nil || colour != "none" {
		t.Errorf("migrated column: %q, %v", colour, err)
	}
	if n := len(allQuotes(t, l, QuoteFilter{})); n != 6 {
		t.Errorf("%d quotes after migration, want 6", n)
	}
	l.Close()

	backups, _ := filepath.Glob(filepath.Join(dir, backupDir, "library-format*.sqlite"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	b, err := sql.Open("sqlite3", backups[0])
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var version, quotes int
	b.QueryRow("PRAGMA user_version").Scan(&version)
	b.QueryRow("SELECT count(*) FROM quotes").Scan(&quotes)
	if version != len(steps) || quotes != 6 {
		t.Errorf("backup holds format %d with %d quotes, want %d with 6", version, quotes, len(steps))
	}

	// A failing migration leaves the library as it was.
	broken := append(next[:len(next):len(next)], "ALTER TABLE no_such_table ADD COLUMN x")
	if _, err := open(ctx, dir, broken); !HasCode(err, CodeUnusable) || !strings.Contains(err.Error(), "backup") {
		t.Fatalf("broken migration: %v", err)
	}
	l, err = open(ctx, dir, next)
	if err != nil {
		t.Fatalf("reopen after a failed migration: %v", err)
	}
	l.Close()
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	if v, err := l.Setting(ctx, "window"); err != nil || v != "" {
		t.Fatalf("unset: %q, %v", v, err)
	}
	for _, v := range []string{`{"w":1280}`, `{"w":900}`} {
		if err := l.SetSetting(ctx, "window", v); err != nil {
			t.Fatal(err)
		}
		if got, _ := l.Setting(ctx, "window"); got != v {
			t.Errorf("Setting = %q, want %q", got, v)
		}
	}
}

func TestFolderNamesWithURISyntax(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "what? #1 100% sure")
	l, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := os.Stat(filepath.Join(dir, databaseFile)); err != nil {
		t.Fatalf("library file not where expected: %v", err)
	}
}

// TestFormat1LibraryIsUpgraded opens a library written in format 1 (the
// first merged schema) with this version: it is backed up, migrated, and
// its quotes are found through the new indexes.
func TestFormat1LibraryIsUpgraded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l, err := open(ctx, dir, migrations()[:1])
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, l, engineV1().engine(t), core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin", Date: "2019-10-08"}})
	l.Close()
	l, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if backups, _ := filepath.Glob(filepath.Join(dir, backupDir, "library-format1-*.sqlite")); len(backups) != 1 {
		t.Errorf("backups: %v", backups)
	}
	topic := mustDo(t, l, CreateTopic{Name: "Retreat"}).Target
	mustDo(t, l, AssignTopic{TopicID: topic, QuoteIDs: []int64{allQuotes(t, l, QuoteFilter{})[0].ID}})
	for _, f := range []QuoteFilter{{Search: "retreat"}, {TopicID: topic}, {NeedsReview: true}} {
		got, err := l.Quotes(ctx, f, SortNewestFirst, 0, 10)
		if err != nil || len(got) == 0 {
			t.Errorf("%+v: %d quotes, %v", f, len(got), err)
		}
	}
	if n, err := l.estimateMatches(ctx, []string{"retr"}); err != nil || n != 1 {
		t.Errorf("estimateMatches = %d, %v", n, err)
	}
}
