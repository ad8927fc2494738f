package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// journaledTables are the tables whose rows edits change; only these may be
// named in a row change, and every one has an integer primary key "id".
func journaledTable(name string) bool {
	switch name {
	case "documents", "quotes", "speakers", "speaker_aliases", "topics", "topic_rules", "quote_topics", "topic_names":
		return true
	}
	return false
}

// rowChange is one row's image before and after an edit. Old is nil when the
// edit inserted the row, New is nil when it deleted it; for an update both
// hold just the columns that changed.
type rowChange struct {
	Table string         `json:"table"`
	ID    int64          `json:"id"`
	Old   map[string]any `json:"old,omitempty"`
	New   map[string]any `json:"new,omitempty"`
}

// writeTx is a write transaction that records the row images of every
// change it makes, so that the edit can be undone and redone. Journaled code
// deletes dependent rows itself, before their parent: a cascade inside SQLite
// would escape the record.
type writeTx struct {
	ctx     context.Context
	tx      *sql.Tx
	changes []rowChange
	// unjournaled skips the row images: imports and extraction are not
	// edits and cannot be undone.
	unjournaled bool
}

func (w *writeTx) exec(query string, args ...any) (sql.Result, error) {
	return w.tx.ExecContext(w.ctx, query, args...)
}

func (w *writeTx) queryRow(query string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(w.ctx, query, args...)
}

func (w *writeTx) query(query string, args ...any) (*sql.Rows, error) {
	return w.tx.QueryContext(w.ctx, query, args...)
}

// ids runs a query whose single column is an id.
func (w *writeTx) ids(query string, args ...any) ([]int64, error) {
	return column[int64](w, query, args...)
}

// column runs a query with a single column and returns its values.
func column[T any](w *writeTx, query string, args ...any) ([]T, error) {
	rows, err := w.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// insert adds a row and records it.
func (w *writeTx) insert(table string, row map[string]any) (int64, error) {
	id, err := insertRow(w.ctx, w.tx, table, row)
	if err != nil || w.unjournaled {
		return id, err
	}
	full, err := readRow(w.ctx, w.tx, table, id, nil)
	if err != nil {
		return 0, err
	}
	w.changes = append(w.changes, rowChange{Table: table, ID: id, New: full})
	return id, nil
}

// update sets columns of one row and records their old and new values. It
// records nothing when no value changes.
func (w *writeTx) update(table string, id int64, set map[string]any) error {
	cols := sortedKeys(set)
	if w.unjournaled {
		return updateRow(w.ctx, w.tx, table, id, set)
	}
	old, err := readRow(w.ctx, w.tx, table, id, cols)
	if err != nil {
		return err
	}
	changed := map[string]any{}
	before := map[string]any{}
	for _, c := range cols {
		if !sameValue(old[c], set[c]) {
			changed[c] = set[c]
			before[c] = old[c]
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if err := updateRow(w.ctx, w.tx, table, id, changed); err != nil {
		return err
	}
	w.changes = append(w.changes, rowChange{Table: table, ID: id, Old: before, New: changed})
	return nil
}

// delete removes a row and records its whole image.
func (w *writeTx) delete(table string, id int64) error {
	if w.unjournaled {
		_, err := w.exec("DELETE FROM "+table+" WHERE id = ?", id)
		return err
	}
	old, err := readRow(w.ctx, w.tx, table, id, nil)
	if err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM "+table+" WHERE id = ?", id); err != nil {
		return err
	}
	w.changes = append(w.changes, rowChange{Table: table, ID: id, Old: old})
	return nil
}

// revert undoes changes, newest first.
func revert(ctx context.Context, tx *sql.Tx, changes []rowChange) error {
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		var err error
		switch {
		case c.Old == nil:
			_, err = tx.ExecContext(ctx, "DELETE FROM "+c.Table+" WHERE id = ?", c.ID)
		case c.New == nil:
			_, err = insertRow(ctx, tx, c.Table, c.Old)
		default:
			err = updateRow(ctx, tx, c.Table, c.ID, c.Old)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// replay applies changes again, oldest first.
func replay(ctx context.Context, tx *sql.Tx, changes []rowChange) error {
	for _, c := range changes {
		var err error
		switch {
		case c.Old == nil:
			_, err = insertRow(ctx, tx, c.Table, c.New)
		case c.New == nil:
			_, err = tx.ExecContext(ctx, "DELETE FROM "+c.Table+" WHERE id = ?", c.ID)
		default:
			err = updateRow(ctx, tx, c.Table, c.ID, c.New)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Table and column names below come from this package's code or from a
// journal this package wrote; checkIdent still refuses anything that is not
// a plain identifier, so no text from elsewhere can reach the SQL.
func checkIdent(table string, cols []string) error {
	if !journaledTable(table) {
		return fmt.Errorf("storage: table %q is not journaled", table)
	}
	for _, c := range cols {
		if c == "" || strings.TrimLeft(c, "abcdefghijklmnopqrstuvwxyz_") != "" {
			return fmt.Errorf("storage: bad column name %q", c)
		}
	}
	return nil
}

func insertRow(ctx context.Context, tx *sql.Tx, table string, row map[string]any) (int64, error) {
	cols := sortedKeys(row)
	if err := checkIdent(table, cols); err != nil {
		return 0, err
	}
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = row[c]
	}
	q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + placeholders(len(cols)) + ")"
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func updateRow(ctx context.Context, tx *sql.Tx, table string, id int64, set map[string]any) error {
	cols := sortedKeys(set)
	if err := checkIdent(table, cols); err != nil {
		return err
	}
	assign := make([]string, len(cols))
	args := make([]any, 0, len(cols)+1)
	for i, c := range cols {
		assign[i] = c + " = ?"
		args = append(args, set[c])
	}
	args = append(args, id)
	res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+strings.Join(assign, ", ")+" WHERE id = ?", args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errMissingRow{table, id}
	}
	return nil
}

type errMissingRow struct {
	table string
	id    int64
}

func (e errMissingRow) Error() string { return fmt.Sprintf("storage: no row %d in %s", e.id, e.table) }

// readRow reads the given columns of one row (all of them when cols is nil).
func readRow(ctx context.Context, tx *sql.Tx, table string, id int64, cols []string) (map[string]any, error) {
	if err := checkIdent(table, cols); err != nil {
		return nil, err
	}
	list := "*"
	if cols != nil {
		list = strings.Join(cols, ", ")
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+list+" FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, errMissingRow{table, id}
	}
	vals := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	out := make(map[string]any, len(names))
	for i, n := range names {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
		out[n] = vals[i]
	}
	return out, nil
}

// sameValue compares column values as SQLite would store them.
func sameValue(a, b any) bool {
	return fmt.Sprint(normalise(a)) == fmt.Sprint(normalise(b))
}

func normalise(v any) any {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case int:
		return int64(x)
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	}
	return v
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

func encodeChanges(changes []rowChange) (string, error) {
	b, err := json.Marshal(changes)
	return string(b), err
}

// decodeChanges reads row images back, turning JSON numbers into int64 or
// float64 as they were.
func decodeChanges(s string) ([]rowChange, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var changes []rowChange
	if err := dec.Decode(&changes); err != nil {
		return nil, err
	}
	for _, c := range changes {
		for _, m := range []map[string]any{c.Old, c.New} {
			for k, v := range m {
				if n, ok := v.(json.Number); ok {
					if i, err := n.Int64(); err == nil {
						m[k] = i
					} else if f, err := n.Float64(); err == nil {
						m[k] = f
					}
				}
			}
		}
	}
	return changes, nil
}
