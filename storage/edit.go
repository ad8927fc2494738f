package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Command is one user edit: SetSpeaker, RejectQuote, AssignTopic, … (see
// commands.go). Apply it with Library.Do; each is journaled and undoable.
type Command interface {
	// apply makes the change inside w and describes it. Returning an empty
	// description with no recorded change means "nothing to do".
	apply(w *writeTx) (description, error)
}

// description is what the journal says about an edit, for the audit trail
// and for labels such as "Undo change of speaker".
type description struct {
	kind, summary, old, new string
	target                  int64
}

// EditState tells where an edit stands in the undo history.
type EditState string

const (
	EditDone    EditState = "done"    // in effect; the next Undo takes back the newest
	EditUndone  EditState = "undone"  // taken back; Redo brings back the oldest
	EditDropped EditState = "dropped" // undone and then superseded by a new edit
)

// Edit is one journaled user action.
type Edit struct {
	ID      int64
	At      time.Time
	Kind    string // "set-speaker", "reject-quote", …
	Summary string // one sentence for the researcher
	Old     string // the value before, as shown to the researcher
	New     string // the value after
	// Target is the id of the object the edit made or changed first (the new
	// quote of AddQuote, the new topic of CreateTopic, …).
	Target int64
	State  EditState
}

// Do applies cmd in its own transaction and journals it. When the command
// changes nothing, Do returns an Edit with ID 0 and journals nothing.
func (l *Library) Do(ctx context.Context, cmd Command) (Edit, error) {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return Edit{}, l.writeFailed(err)
	}
	defer tx.Rollback()
	w := &writeTx{ctx: ctx, tx: tx}
	d, err := cmd.apply(w)
	if err != nil {
		return Edit{}, l.editFailed(err)
	}
	if len(w.changes) == 0 {
		return Edit{Kind: d.kind, Summary: d.summary, Target: d.target}, nil
	}
	changes, err := encodeChanges(w.changes)
	if err != nil {
		return Edit{}, l.editFailed(err)
	}
	e := Edit{At: time.Now().UTC(), Kind: d.kind, Summary: d.summary, Old: d.old, New: d.new, Target: d.target, State: EditDone}
	if _, err := tx.ExecContext(ctx, "UPDATE edits SET state = 'dropped' WHERE state = 'undone'"); err != nil {
		return Edit{}, l.editFailed(err)
	}
	res, err := tx.ExecContext(ctx,
		"INSERT INTO edits (at, kind, summary, old, new, changes, state) VALUES (?, ?, ?, ?, ?, ?, 'done')",
		e.At.Format(time.RFC3339Nano), e.Kind, e.Summary, e.Old, e.New, changes)
	if err != nil {
		return Edit{}, l.editFailed(err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return Edit{}, l.editFailed(err)
	}
	if err := tx.Commit(); err != nil {
		return Edit{}, l.writeFailed(err)
	}
	l.filers.reset() // the edit may have changed topics
	return e, nil
}

// Undo takes back the newest edit still in effect and returns it.
func (l *Library) Undo(ctx context.Context) (Edit, error) {
	return l.step(ctx, "SELECT id FROM edits WHERE state = 'done' ORDER BY id DESC LIMIT 1",
		EditUndone, revert, errorf(CodeNothingToUndo, nil, "There is nothing to undo."))
}

// Redo brings back the oldest edit taken back by Undo since the last new
// edit, and returns it.
func (l *Library) Redo(ctx context.Context) (Edit, error) {
	return l.step(ctx, "SELECT id FROM edits WHERE state = 'undone' ORDER BY id ASC LIMIT 1",
		EditDone, replay, errorf(CodeNothingToRedo, nil, "There is nothing to redo."))
}

func (l *Library) step(ctx context.Context, pick string, to EditState,
	run func(context.Context, *sql.Tx, []rowChange) error, none *Error) (Edit, error) {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return Edit{}, l.writeFailed(err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, pick).Scan(&id); errors.Is(err, sql.ErrNoRows) {
		return Edit{}, none
	} else if err != nil {
		return Edit{}, l.writeFailed(err)
	}
	e, changes, err := readEdit(ctx, tx, id)
	if err != nil {
		return Edit{}, l.writeFailed(err)
	}
	rows, err := decodeChanges(changes)
	if err == nil {
		err = run(ctx, tx, rows)
	}
	if err != nil {
		verb := "undone"
		if to == EditDone {
			verb = "redone"
		}
		return Edit{}, errorf(CodeInvalid, err,
			"“%s” cannot be %s: what it changed has been changed since by an import or a new extraction.", e.Summary, verb)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE edits SET state = ? WHERE id = ?", string(to), id); err != nil {
		return Edit{}, l.writeFailed(err)
	}
	if err := tx.Commit(); err != nil {
		return Edit{}, l.writeFailed(err)
	}
	l.filers.reset() // undoing or redoing may have changed topics
	e.State = to
	return e, nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readEdit(ctx context.Context, q queryer, id int64) (Edit, string, error) {
	var e Edit
	var at, state, changes string
	err := q.QueryRowContext(ctx, "SELECT id, at, kind, summary, old, new, changes, state FROM edits WHERE id = ?", id).
		Scan(&e.ID, &at, &e.Kind, &e.Summary, &e.Old, &e.New, &changes, &state)
	e.At, _ = time.Parse(time.RFC3339Nano, at)
	e.State = EditState(state)
	return e, changes, err
}

// UndoRedo returns the edit Undo would take back and the one Redo would bring
// back (nil when there is none), for the toolbar's buttons and tooltips.
func (l *Library) UndoRedo(ctx context.Context) (undo, redo *Edit, err error) {
	pick := func(query string) (*Edit, error) {
		var id int64
		if err := l.r.QueryRowContext(ctx, query).Scan(&id); errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		e, _, err := readEdit(ctx, l.r, id)
		return &e, err
	}
	if undo, err = pick("SELECT id FROM edits WHERE state = 'done' ORDER BY id DESC LIMIT 1"); err != nil {
		return nil, nil, l.readFailed(err)
	}
	if redo, err = pick("SELECT id FROM edits WHERE state = 'undone' ORDER BY id ASC LIMIT 1"); err != nil {
		return nil, nil, l.readFailed(err)
	}
	return undo, redo, nil
}

// Journal lists edits, newest first: the audit trail of the library.
func (l *Library) Journal(ctx context.Context, offset, limit int) ([]Edit, error) {
	rows, err := l.r.QueryContext(ctx,
		"SELECT id, at, kind, summary, old, new, state FROM edits ORDER BY id DESC LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rows.Close()
	var out []Edit
	for rows.Next() {
		var e Edit
		var at, state string
		if err := rows.Scan(&e.ID, &at, &e.Kind, &e.Summary, &e.Old, &e.New, &state); err != nil {
			return nil, l.readFailed(err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		e.State = EditState(state)
		out = append(out, e)
	}
	return out, l.readFailed(rows.Err())
}

// editFailed passes a command's own *Error through and words anything else.
func (l *Library) editFailed(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return l.writeFailed(err)
}

func (l *Library) writeFailed(err error) error {
	if err == nil {
		return nil
	}
	if isBusy(err) {
		return errorf(CodeLocked, err, "The library is busy with another change; please try again in a moment.")
	}
	return errorf(CodeUnusable, err, "The change could not be saved to the library in %s. Nothing was changed.", l.dir)
}

func (l *Library) readFailed(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return errorf(CodeUnusable, err, "The library in %s could not be read.", l.dir)
}
