package storage

// applicationID marks a SQLite file as a Verbatim library ("VRBT").
const applicationID = 0x56524254

// migrations bring a library from one schema version to the next: applying
// migrations[i] turns version i into version i+1. Never edit a released
// migration; append a new one. Each runs in one transaction together with the
// version bump, after a backup copy of the library has been made.
func migrations() []string {
	return []string{schemaV1, schemaV2, schemaV3, schemaV4, schemaV5}
}

// schemaV1 is the first schema. Positions are byte offsets into
// documents.text. Columns that user edits change (speaker_id with
// speaker_by_user, status, note, origin) are kept apart from what the engine
// writes (spans, machine_speaker, rule, confidence), so that extracting a
// document again never overwrites a decision.
const schemaV1 = `
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	language    TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT '',
	file_name   TEXT NOT NULL DEFAULT '',
	file_path   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	imported_at TEXT NOT NULL,
	engine      TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_date ON documents(date, id);

CREATE TABLE speakers (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
	kind       TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'person', 'organisation')),
	created_at TEXT NOT NULL
);

CREATE TABLE speaker_aliases (
	id         INTEGER PRIMARY KEY,
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	alias      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (alias <> '')
);
CREATE INDEX speaker_aliases_speaker ON speaker_aliases(speaker_id);

CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	doc_id          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	span_start      INTEGER NOT NULL,
	span_end        INTEGER NOT NULL,
	fragments       TEXT NOT NULL DEFAULT '[]',
	text            TEXT NOT NULL,
	paragraph       INTEGER NOT NULL DEFAULT 0,
	mention_start   INTEGER NOT NULL DEFAULT 0,
	mention_end     INTEGER NOT NULL DEFAULT 0,
	mention         TEXT NOT NULL DEFAULT '',
	cue_start       INTEGER NOT NULL DEFAULT 0,
	cue_end         INTEGER NOT NULL DEFAULT 0,
	machine_speaker TEXT NOT NULL DEFAULT '',
	machine_kind    TEXT NOT NULL DEFAULT '',
	speaker_id      INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
	speaker_by_user INTEGER NOT NULL DEFAULT 0,
	rule            TEXT NOT NULL DEFAULT '',
	confidence      REAL NOT NULL DEFAULT 0,
	unclosed        INTEGER NOT NULL DEFAULT 0,
	origin          TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'user')),
	status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reviewed', 'rejected')),
	note            TEXT NOT NULL DEFAULT '',
	doc_date        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_doc ON quotes(doc_id, span_start);
CREATE INDEX quotes_date ON quotes(doc_date, doc_id, span_start);
CREATE INDEX quotes_speaker ON quotes(speaker_id, doc_date, doc_id, span_start);
CREATE INDEX quotes_review ON quotes(status, confidence);

CREATE TABLE topics (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
	color      TEXT NOT NULL DEFAULT '',
	parent_id  INTEGER REFERENCES topics(id) ON DELETE SET NULL,
	origin     TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('suggested', 'user')),
	created_at TEXT NOT NULL
);

CREATE TABLE topic_rules (
	id        INTEGER PRIMARY KEY,
	topic_id  INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
	terms     TEXT NOT NULL,
	match_all INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX topic_rules_topic ON topic_rules(topic_id);

-- A link's origin ranks user > rule > suggested; a user link with
-- assigned = 0 records that the user took the topic off the quote, so that no
-- rule or suggestion puts it back.
CREATE TABLE quote_topics (
	id       INTEGER PRIMARY KEY,
	quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
	topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
	origin   TEXT NOT NULL CHECK (origin IN ('suggested', 'rule', 'user')),
	reason   TEXT NOT NULL DEFAULT '',
	assigned INTEGER NOT NULL DEFAULT 1,
	UNIQUE (quote_id, topic_id)
);
CREATE INDEX quote_topics_topic ON quote_topics(topic_id, assigned, quote_id);

CREATE TABLE edits (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	kind    TEXT NOT NULL,
	summary TEXT NOT NULL,
	old     TEXT NOT NULL DEFAULT '',
	new     TEXT NOT NULL DEFAULT '',
	changes TEXT NOT NULL,
	state   TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped'))
);
CREATE INDEX edits_state ON edits(state, id);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Full-text index: one row per quote (rowid = quotes.id) with the quote's
-- text, its speaker's name and aliases, and its document's title. Triggers
-- keep it in step with every change, undo and redo included.
CREATE VIRTUAL TABLE quote_fts USING fts5(text, speaker, title, tokenize = 'unicode61 remove_diacritics 2');

-- What a search for a speaker matches: the name and every alias.
CREATE VIEW speaker_words(id, words) AS
	SELECT s.id, s.name || ' ' || ifnull((SELECT group_concat(a.alias, ' ') FROM speaker_aliases a WHERE a.speaker_id = s.id), '')
	FROM speakers s;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
	INSERT INTO quote_fts(rowid, text, speaker, title) VALUES (
		new.id, new.text,
		(SELECT words FROM speaker_words WHERE id = new.speaker_id),
		(SELECT title FROM documents WHERE id = new.doc_id));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	DELETE FROM quote_fts WHERE rowid = old.id;
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_id ON quotes BEGIN
	UPDATE quote_fts SET text = new.text,
		speaker = (SELECT words FROM speaker_words WHERE id = new.speaker_id)
	WHERE rowid = new.id;
END;
CREATE TRIGGER speakers_fts_update AFTER UPDATE OF name ON speakers BEGIN
	UPDATE quote_fts SET
		speaker = (SELECT words FROM speaker_words WHERE id = new.id)
	WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = new.id);
END;
CREATE TRIGGER aliases_fts_insert AFTER INSERT ON speaker_aliases BEGIN
	UPDATE quote_fts SET
		speaker = (SELECT words FROM speaker_words WHERE id = new.speaker_id)
	WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = new.speaker_id);
END;
CREATE TRIGGER aliases_fts_delete AFTER DELETE ON speaker_aliases BEGIN
	UPDATE quote_fts SET
		speaker = (SELECT words FROM speaker_words WHERE id = old.speaker_id)
	WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = old.speaker_id);
END;
CREATE TRIGGER aliases_fts_update AFTER UPDATE ON speaker_aliases BEGIN
	UPDATE quote_fts SET
		speaker = (SELECT words FROM speaker_words WHERE id = old.speaker_id)
	WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = old.speaker_id);
	UPDATE quote_fts SET
		speaker = (SELECT words FROM speaker_words WHERE id = new.speaker_id)
	WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = new.speaker_id);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title ON documents BEGIN
	UPDATE quote_fts SET title = new.title WHERE rowid IN (SELECT id FROM quotes WHERE doc_id = new.id);
END;
`

// schemaV2 gives every list order its own index, so that a page is read in
// order rather than sorted, makes "needs review" and rejected quotes partial
// indexes, and exposes the search index's word counts for query planning
// (plan.go).
const schemaV2 = `
DROP INDEX quotes_date;
DROP INDEX quotes_speaker;
DROP INDEX quotes_review;
CREATE INDEX quotes_oldest ON quotes(doc_date, doc_id, span_start);
CREATE INDEX quotes_newest ON quotes(doc_date DESC, doc_id DESC, span_start);
CREATE INDEX quotes_speaker ON quotes(speaker_id, doc_date DESC, doc_id DESC, span_start);
CREATE INDEX quotes_review ON quotes(confidence, doc_id, span_start) WHERE status = 'active';
CREATE INDEX quotes_rejected ON quotes(speaker_id, id) WHERE status = 'rejected';
CREATE VIRTUAL TABLE quote_fts_terms USING fts5vocab(quote_fts, 'row');
`

// schemaV3 remembers the names of topics the researcher deleted or merged
// into another, so that suggestions for later documents neither bring a
// deleted topic back nor make a merged one again: a row with a topic_id
// files the name under that topic, one without is a deleted topic.
const schemaV3 = `
CREATE TABLE topic_names (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL COLLATE NOCASE CHECK (name <> ''),
	topic_id INTEGER REFERENCES topics(id) ON DELETE CASCADE
);
CREATE INDEX topic_names_name ON topic_names(name);
CREATE INDEX topic_names_topic ON topic_names(topic_id);
`

// schemaV4 indexes the engine version each document was read with: the app
// counts the documents an older engine read at every start, which otherwise
// reads the whole documents table, text included.
const schemaV4 = `
CREATE INDEX documents_engine ON documents(engine);
`

// schemaV5 keeps what the engine took a quoted string to be when it is
// probably nobody's words (core.NonQuoteKind: "title", "term", "passage"),
// so that the window can say so rather than show a bare low confidence.
// The engine writes it; re-extraction fills it in for older libraries.
const schemaV5 = `
ALTER TABLE quotes ADD COLUMN non_quote TEXT NOT NULL DEFAULT '';
`
