package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"verbatim/core"
)

// findSpeaker returns the speaker whose name or alias is name (case folded),
// or 0.
func findSpeaker(w *writeTx, name string) (int64, error) {
	var id int64
	err := w.queryRow(`SELECT id FROM speakers WHERE name = ?
		UNION ALL SELECT speaker_id FROM speaker_aliases WHERE alias = ? LIMIT 1`, name, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// speakerFor returns the speaker called name, creating it when no speaker
// has that name or alias. An empty name means "no speaker" (0).
func speakerFor(w *writeTx, name string, kind core.SpeakerKind) (int64, error) {
	name = cleanName(name)
	if name == "" {
		return 0, nil
	}
	id, err := findSpeaker(w, name)
	if err != nil || id != 0 {
		return id, err
	}
	return w.insert("speakers", map[string]any{"name": name, "kind": string(kind), "created_at": now()})
}

func speakerName(w *writeTx, id int64) (string, error) {
	var name string
	err := w.queryRow("SELECT name FROM speakers WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("speaker", id)
	}
	return name, err
}

// cleanName folds runs of white space, so that "Donald  Trump" and
// "Donald Trump" are one speaker.
func cleanName(s string) string { return strings.Join(strings.Fields(s), " ") }

func now() string { return time.Now().UTC().Format(time.RFC3339) }

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func displaySpeaker(name string) string {
	if name == "" {
		return "unknown speaker"
	}
	return "“" + name + "”"
}

// SetSpeaker attributes a quote to a speaker: an existing one (SpeakerID), a
// speaker named NewName (found by name or alias, else created with Kind), or
// nobody (both empty). With SameMention it also changes every other quote in
// the document attributed through the same mention ("He") to the same
// speaker, as the change-speaker dialog offers.
type SetSpeaker struct {
	QuoteID     int64
	SpeakerID   int64
	NewName     string
	Kind        core.SpeakerKind
	SameMention bool
}

func (c SetSpeaker) apply(w *writeTx) (description, error) {
	var docID int64
	var mention string
	var oldID sql.NullInt64
	err := w.queryRow("SELECT doc_id, mention, speaker_id FROM quotes WHERE id = ?", c.QuoteID).Scan(&docID, &mention, &oldID)
	if errors.Is(err, sql.ErrNoRows) {
		return description{}, notFound("quote", c.QuoteID)
	} else if err != nil {
		return description{}, err
	}
	newID := c.SpeakerID
	if newID == 0 {
		if newID, err = speakerFor(w, c.NewName, c.Kind); err != nil {
			return description{}, err
		}
	}
	newName, oldName := "", ""
	if newID != 0 {
		if newName, err = speakerName(w, newID); err != nil {
			return description{}, err
		}
	}
	if oldID.Valid {
		oldName, _ = speakerName(w, oldID.Int64)
	}
	targets := []int64{c.QuoteID}
	if c.SameMention && mention != "" {
		if targets, err = w.ids(mentionSiblingsSQL, docID, mention, oldID, c.QuoteID); err != nil {
			return description{}, err
		}
		targets = withFirst(targets, c.QuoteID)
	}
	for _, id := range targets {
		set := map[string]any{"speaker_id": nullID(newID), "speaker_by_user": 1}
		// The researcher has looked at this attribution and decided: it
		// leaves "Needs review" (undo puts it back).
		if s, err := quoteStatus(w, id); err != nil {
			return description{}, err
		} else if s == StatusActive {
			set["status"] = string(StatusReviewed)
		}
		if err := w.update("quotes", id, set); err != nil {
			return description{}, err
		}
	}
	summary := fmt.Sprintf("Speaker changed from %s to %s", displaySpeaker(oldName), displaySpeaker(newName))
	if len(targets) > 1 {
		summary += fmt.Sprintf(" for %d quotes attributed to “%s”", len(targets), mention)
	}
	return description{kind: "set-speaker", summary: summary + ".", old: oldName, new: newName, target: c.QuoteID}, nil
}

// mentionSiblingsSQL finds the quotes of a document attributed through the
// same mention text to the same speaker (NULL-safe), the given quote first.
const mentionSiblingsSQL = `SELECT id FROM quotes
	WHERE doc_id = ? AND mention = ? COLLATE NOCASE AND speaker_id IS ? AND status <> 'rejected'
	ORDER BY id <> ?, span_start`

// MergeSpeakers folds speaker From into speaker Into: every quote and alias
// of From moves to Into, and From's name becomes one of Into's aliases.
type MergeSpeakers struct {
	Into, From int64
}

func (c MergeSpeakers) apply(w *writeTx) (description, error) {
	if c.Into == c.From {
		return description{}, invalid("A speaker cannot be merged with itself.")
	}
	intoName, err := speakerName(w, c.Into)
	if err != nil {
		return description{}, err
	}
	var fromName, fromKind, intoKind string
	if err := w.queryRow("SELECT name, kind FROM speakers WHERE id = ?", c.From).Scan(&fromName, &fromKind); errors.Is(err, sql.ErrNoRows) {
		return description{}, notFound("speaker", c.From)
	} else if err != nil {
		return description{}, err
	}
	if err := w.queryRow("SELECT kind FROM speakers WHERE id = ?", c.Into).Scan(&intoKind); err != nil {
		return description{}, err
	}
	quotes, err := w.ids("SELECT id FROM quotes WHERE speaker_id = ?", c.From)
	if err != nil {
		return description{}, err
	}
	for _, id := range quotes {
		if err := w.update("quotes", id, map[string]any{"speaker_id": c.Into}); err != nil {
			return description{}, err
		}
	}
	aliases, err := w.ids("SELECT id FROM speaker_aliases WHERE speaker_id = ?", c.From)
	if err != nil {
		return description{}, err
	}
	for _, id := range aliases {
		if err := w.update("speaker_aliases", id, map[string]any{"speaker_id": c.Into}); err != nil {
			return description{}, err
		}
	}
	if intoKind == "" && fromKind != "" {
		if err := w.update("speakers", c.Into, map[string]any{"kind": fromKind}); err != nil {
			return description{}, err
		}
	}
	if err := w.delete("speakers", c.From); err != nil {
		return description{}, err
	}
	if !strings.EqualFold(fromName, intoName) {
		if _, err := w.insert("speaker_aliases", map[string]any{"speaker_id": c.Into, "alias": fromName}); err != nil {
			return description{}, err
		}
	}
	return description{kind: "merge-speakers",
		summary: fmt.Sprintf("Speaker “%s” merged into “%s” (%d quotes).", fromName, intoName, len(quotes)),
		old:     fromName, new: intoName, target: c.Into}, nil
}

// RenameSpeaker gives a speaker a new canonical name; the old name stays as
// an alias so that later imports still find the speaker.
type RenameSpeaker struct {
	SpeakerID int64
	Name      string
}

func (c RenameSpeaker) apply(w *writeTx) (description, error) {
	name := cleanName(c.Name)
	if name == "" {
		return description{}, invalid("A speaker needs a name.")
	}
	old, err := speakerName(w, c.SpeakerID)
	if err != nil {
		return description{}, err
	}
	if old == name {
		return description{}, nil
	}
	other, err := findSpeaker(w, name)
	if err != nil {
		return description{}, err
	}
	if other != 0 && other != c.SpeakerID {
		return description{}, invalid("There is already a speaker called “%s”. To make them one, merge the two speakers.", name)
	}
	if other == c.SpeakerID && !strings.EqualFold(old, name) {
		// The new name was an alias: it becomes the name instead.
		ids, err := w.ids("SELECT id FROM speaker_aliases WHERE speaker_id = ? AND alias = ?", c.SpeakerID, name)
		if err != nil {
			return description{}, err
		}
		for _, id := range ids {
			if err := w.delete("speaker_aliases", id); err != nil {
				return description{}, err
			}
		}
	}
	if err := w.update("speakers", c.SpeakerID, map[string]any{"name": name}); err != nil {
		return description{}, err
	}
	if !strings.EqualFold(old, name) {
		if _, err := w.insert("speaker_aliases", map[string]any{"speaker_id": c.SpeakerID, "alias": old}); err != nil {
			return description{}, err
		}
	}
	return description{kind: "rename-speaker", summary: fmt.Sprintf("Speaker “%s” renamed to “%s”.", old, name),
		old: old, new: name, target: c.SpeakerID}, nil
}

// SetSpeakerKind says whether a speaker is a person or an organisation.
type SetSpeakerKind struct {
	SpeakerID int64
	Kind      core.SpeakerKind
}

func (c SetSpeakerKind) apply(w *writeTx) (description, error) {
	switch c.Kind {
	case core.SpeakerUnknown, core.SpeakerPerson, core.SpeakerOrganisation:
	default:
		return description{}, invalid("A speaker is a person, an organisation or unknown, not “%s”.", c.Kind)
	}
	name, err := speakerName(w, c.SpeakerID)
	if err != nil {
		return description{}, err
	}
	var old string
	if err := w.queryRow("SELECT kind FROM speakers WHERE id = ?", c.SpeakerID).Scan(&old); err != nil {
		return description{}, err
	}
	if err := w.update("speakers", c.SpeakerID, map[string]any{"kind": string(c.Kind)}); err != nil {
		return description{}, err
	}
	return description{kind: "set-speaker-kind", summary: fmt.Sprintf("“%s” marked as %s.", name, kindWord(c.Kind)),
		old: old, new: string(c.Kind), target: c.SpeakerID}, nil
}

func kindWord(k core.SpeakerKind) string {
	if k == core.SpeakerUnknown {
		return "unknown"
	}
	return "an " + string(k)
}

// AddAlias gives a speaker another name it goes by.
type AddAlias struct {
	SpeakerID int64
	Alias     string
}

func (c AddAlias) apply(w *writeTx) (description, error) {
	alias := cleanName(c.Alias)
	if alias == "" {
		return description{}, invalid("An alias cannot be empty.")
	}
	name, err := speakerName(w, c.SpeakerID)
	if err != nil {
		return description{}, err
	}
	other, err := findSpeaker(w, alias)
	if err != nil {
		return description{}, err
	}
	if other == c.SpeakerID {
		return description{}, nil
	}
	if other != 0 {
		return description{}, invalid("“%s” already names another speaker. To make them one, merge the two speakers.", alias)
	}
	if _, err := w.insert("speaker_aliases", map[string]any{"speaker_id": c.SpeakerID, "alias": alias}); err != nil {
		return description{}, err
	}
	return description{kind: "add-alias", summary: fmt.Sprintf("“%s” added as another name of “%s”.", alias, name),
		new: alias, target: c.SpeakerID}, nil
}

// RemoveAlias takes an alias off a speaker.
type RemoveAlias struct {
	SpeakerID int64
	Alias     string
}

func (c RemoveAlias) apply(w *writeTx) (description, error) {
	name, err := speakerName(w, c.SpeakerID)
	if err != nil {
		return description{}, err
	}
	ids, err := w.ids("SELECT id FROM speaker_aliases WHERE speaker_id = ? AND alias = ?", c.SpeakerID, cleanName(c.Alias))
	if err != nil {
		return description{}, err
	}
	for _, id := range ids {
		if err := w.delete("speaker_aliases", id); err != nil {
			return description{}, err
		}
	}
	return description{kind: "remove-alias", summary: fmt.Sprintf("“%s” is no longer a name of “%s”.", c.Alias, name),
		old: c.Alias, target: c.SpeakerID}, nil
}
