package storage

import (
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"verbatim/core/topics"
)

// TopicOrigin tells who made a topic. A suggested topic is shown differently
// (outlined, italic) until the researcher accepts it.
type TopicOrigin string

const (
	TopicSuggested TopicOrigin = "suggested"
	TopicUser      TopicOrigin = "user"
)

// LinkOrigin tells why a quote carries a topic. The researcher's word
// (LinkUser) beats a keyword rule (LinkRule), which beats a suggestion.
type LinkOrigin string

const (
	LinkSuggested LinkOrigin = "suggested"
	LinkRule      LinkOrigin = "rule"
	LinkUser      LinkOrigin = "user"
)

func (o LinkOrigin) rank() int {
	switch o {
	case LinkSuggested:
		return 1
	case LinkRule:
		return 2
	case LinkUser:
		return 3
	}
	return 0
}

//go:embed data/topic-colours.txt
var topicColoursFile string

// topicColours is the palette for new topics, in order.
func topicColours() []string {
	var out []string
	for _, line := range strings.Split(topicColoursFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "# ") {
			out = append(out, line)
		}
	}
	return out
}

// nextColour is the first palette colour no topic uses yet, or, when all are
// taken, the palette again in order.
func nextColour(w *writeTx) (string, error) {
	rows, err := w.query("SELECT color FROM topics")
	if err != nil {
		return "", err
	}
	used := map[string]bool{}
	n := 0
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return "", err
		}
		used[strings.ToUpper(c)] = true
		n++
	}
	rows.Close()
	palette := topicColours()
	for _, c := range palette {
		if !used[c] {
			return c, nil
		}
	}
	return palette[n%len(palette)], nil
}

type topicInfo struct {
	name, color, origin string
	parent              int64
}

func readTopic(w *writeTx, id int64) (topicInfo, error) {
	var t topicInfo
	var parent sql.NullInt64
	err := w.queryRow("SELECT name, color, origin, parent_id FROM topics WHERE id = ?", id).Scan(&t.name, &t.color, &t.origin, &parent)
	if errors.Is(err, sql.ErrNoRows) {
		return t, notFound("topic", id)
	}
	t.parent = parent.Int64
	return t, err
}

func findTopic(w *writeTx, name string) (int64, error) {
	var id int64
	err := w.queryRow("SELECT id FROM topics WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// suggestedTopic returns the topic called label, creating it as a suggested
// topic when there is none. Existing topics keep their names and origins.
func suggestedTopic(w *writeTx, label string) (int64, error) {
	label = cleanName(label)
	id, err := findTopic(w, label)
	if err != nil || id != 0 {
		return id, err
	}
	colour, err := suggestionColour(w)
	if err != nil {
		return 0, err
	}
	return w.insert("topics", map[string]any{"name": label, "color": colour, "origin": string(TopicSuggested), "created_at": now()})
}

// suggestionColour is the colour of a new suggested topic: the palette in
// turn, by topic number. Looking for the first unused colour, as for the
// researcher's topics, would read every topic for each of the thousands of
// suggestions a large import makes.
func suggestionColour(w *writeTx) (string, error) {
	var last int
	if err := w.queryRow("SELECT ifnull(max(id), 0) FROM topics").Scan(&last); err != nil {
		return "", err
	}
	palette := topicColours()
	return palette[last%len(palette)], nil
}

// link puts a topic on a quote unless a stronger link already decides: a
// user link (assigned or taken off) is never overridden by a rule or a
// suggestion. It reports whether the quote now carries the topic because of
// this call.
func link(w *writeTx, quoteID, topicID int64, origin LinkOrigin, reason string) (bool, error) {
	var id int64
	var cur string
	var assigned bool
	err := w.queryRow("SELECT id, origin, assigned FROM quote_topics WHERE quote_id = ? AND topic_id = ?", quoteID, topicID).
		Scan(&id, &cur, &assigned)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = w.insert("quote_topics", map[string]any{"quote_id": quoteID, "topic_id": topicID,
			"origin": string(origin), "reason": reason, "assigned": 1})
		return err == nil, err
	}
	if err != nil {
		return false, err
	}
	if origin != LinkUser && (LinkOrigin(cur) == LinkUser || origin.rank() <= LinkOrigin(cur).rank()) {
		return false, nil
	}
	return true, w.update("quote_topics", id, map[string]any{"origin": string(origin), "reason": reason, "assigned": 1})
}

// CreateTopic makes a user topic. Color "" picks the next palette colour;
// ParentID nests it under a top-level topic. Creating a topic that exists as
// a suggestion accepts the suggestion instead.
type CreateTopic struct {
	Name     string
	Color    string
	ParentID int64
}

func (c CreateTopic) apply(w *writeTx) (description, error) {
	name := cleanName(c.Name)
	if name == "" {
		return description{}, invalid("A topic needs a name.")
	}
	existing, err := findTopic(w, name)
	if err != nil {
		return description{}, err
	}
	if existing != 0 {
		t, err := readTopic(w, existing)
		if err != nil {
			return description{}, err
		}
		if t.origin == string(TopicUser) {
			return description{}, invalid("There is already a topic called “%s”.", t.name)
		}
		return AcceptTopic{TopicID: existing}.apply(w)
	}
	if c.ParentID != 0 {
		if err := checkNesting(w, 0, c.ParentID); err != nil {
			return description{}, err
		}
	}
	colour := c.Color
	if colour == "" {
		if colour, err = nextColour(w); err != nil {
			return description{}, err
		}
	}
	if err := forgetName(w, name); err != nil {
		return description{}, err
	}
	id, err := w.insert("topics", map[string]any{"name": name, "color": colour, "parent_id": nullID(c.ParentID),
		"origin": string(TopicUser), "created_at": now()})
	if err != nil {
		return description{}, err
	}
	return description{kind: "create-topic", summary: fmt.Sprintf("Topic “%s” created.", name), new: name, target: id}, nil
}

// AcceptTopic turns a suggested topic into the researcher's own.
type AcceptTopic struct{ TopicID int64 }

func (c AcceptTopic) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	if err := w.update("topics", c.TopicID, map[string]any{"origin": string(TopicUser)}); err != nil {
		return description{}, err
	}
	return description{kind: "accept-topic", summary: fmt.Sprintf("Suggested topic “%s” accepted.", t.name),
		old: t.origin, new: string(TopicUser), target: c.TopicID}, nil
}

// RenameTopic renames a topic (and accepts it, if it was a suggestion).
type RenameTopic struct {
	TopicID int64
	Name    string
}

func (c RenameTopic) apply(w *writeTx) (description, error) {
	name := cleanName(c.Name)
	if name == "" {
		return description{}, invalid("A topic needs a name.")
	}
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	if other, err := findTopic(w, name); err != nil {
		return description{}, err
	} else if other != 0 && other != c.TopicID {
		return description{}, invalid("There is already a topic called “%s”. To make them one, merge the two topics.", name)
	}
	if err := forgetName(w, name); err != nil {
		return description{}, err
	}
	if err := w.update("topics", c.TopicID, map[string]any{"name": name, "origin": string(TopicUser)}); err != nil {
		return description{}, err
	}
	return description{kind: "rename-topic", summary: fmt.Sprintf("Topic “%s” renamed to “%s”.", t.name, name),
		old: t.name, new: name, target: c.TopicID}, nil
}

// RecolourTopic changes a topic's colour ("#RRGGBB").
type RecolourTopic struct {
	TopicID int64
	Color   string
}

func (c RecolourTopic) apply(w *writeTx) (description, error) {
	if !isHexColour(c.Color) {
		return description{}, invalid("“%s” is not a colour; use the form #RRGGBB.", c.Color)
	}
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	if err := w.update("topics", c.TopicID, map[string]any{"color": strings.ToUpper(c.Color)}); err != nil {
		return description{}, err
	}
	return description{kind: "recolour-topic", summary: fmt.Sprintf("Topic “%s” recoloured.", t.name),
		old: t.color, new: strings.ToUpper(c.Color), target: c.TopicID}, nil
}

func isHexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	return strings.Trim(strings.ToLower(s[1:]), "0123456789abcdef") == ""
}

// NestTopic puts a topic under a top-level parent, or back at the top level
// with ParentID 0. Topics nest one level deep.
type NestTopic struct {
	TopicID  int64
	ParentID int64
}

func (c NestTopic) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	newParent := ""
	if c.ParentID != 0 {
		if err := checkNesting(w, c.TopicID, c.ParentID); err != nil {
			return description{}, err
		}
		p, _ := readTopic(w, c.ParentID)
		newParent = p.name
	}
	oldParent := ""
	if t.parent != 0 {
		p, _ := readTopic(w, t.parent)
		oldParent = p.name
	}
	if err := w.update("topics", c.TopicID, map[string]any{"parent_id": nullID(c.ParentID)}); err != nil {
		return description{}, err
	}
	summary := fmt.Sprintf("Topic “%s” moved under “%s”.", t.name, newParent)
	if c.ParentID == 0 {
		summary = fmt.Sprintf("Topic “%s” moved to the top level.", t.name)
	}
	return description{kind: "nest-topic", summary: summary, old: oldParent, new: newParent, target: c.TopicID}, nil
}

// checkNesting verifies that topic child (0 for a new one) may go under parent.
func checkNesting(w *writeTx, child, parent int64) error {
	if child == parent {
		return invalid("A topic cannot be put under itself.")
	}
	p, err := readTopic(w, parent)
	if err != nil {
		return err
	}
	if p.parent != 0 {
		return invalid("“%s” is itself under another topic; topics nest only one level deep.", p.name)
	}
	if child != 0 {
		var n int
		if err := w.queryRow("SELECT count(*) FROM topics WHERE parent_id = ?", child).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("This topic has topics under it; topics nest only one level deep.")
		}
	}
	return nil
}

// AssignTopic puts a topic on quotes, as the researcher's decision.
type AssignTopic struct {
	TopicID  int64
	QuoteIDs []int64
}

func (c AssignTopic) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	for _, q := range c.QuoteIDs {
		if _, err := quoteStatus(w, q); err != nil {
			return description{}, err
		}
		if _, err := link(w, q, c.TopicID, LinkUser, "assigned by you"); err != nil {
			return description{}, err
		}
	}
	return description{kind: "assign-topic", summary: fmt.Sprintf("Topic “%s” put on %s.", t.name, plural(len(c.QuoteIDs), "quote")),
		new: t.name, target: c.TopicID}, nil
}

// UnassignTopic takes a topic off quotes. The decision is kept, so that no
// rule or suggestion puts the topic back on them.
type UnassignTopic struct {
	TopicID  int64
	QuoteIDs []int64
}

func (c UnassignTopic) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	for _, q := range c.QuoteIDs {
		var id int64
		err := w.queryRow("SELECT id FROM quote_topics WHERE quote_id = ? AND topic_id = ?", q, c.TopicID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return description{}, err
		}
		if err := w.update("quote_topics", id, map[string]any{"origin": string(LinkUser), "reason": "taken off by you", "assigned": 0}); err != nil {
			return description{}, err
		}
	}
	return description{kind: "unassign-topic", summary: fmt.Sprintf("Topic “%s” taken off %s.", t.name, plural(len(c.QuoteIDs), "quote")),
		old: t.name, target: c.TopicID}, nil
}

// MergeTopics folds topic From into topic Into: its quotes, rules and
// sub-topics move over (the stronger link wins where a quote had both), and
// From is removed.
type MergeTopics struct {
	Into, From int64
}

func (c MergeTopics) apply(w *writeTx) (description, error) {
	if c.Into == c.From {
		return description{}, invalid("A topic cannot be merged with itself.")
	}
	into, err := readTopic(w, c.Into)
	if err != nil {
		return description{}, err
	}
	from, err := readTopic(w, c.From)
	if err != nil {
		return description{}, err
	}
	if into.parent == c.From {
		if err := w.update("topics", c.Into, map[string]any{"parent_id": nil}); err != nil {
			return description{}, err
		}
		into.parent = 0
	}
	moved, err := moveLinks(w, c.From, c.Into)
	if err != nil {
		return description{}, err
	}
	if err := moveAll(w, "SELECT id FROM topic_rules WHERE topic_id = ?", c.From, "topic_rules", "topic_id", c.Into); err != nil {
		return description{}, err
	}
	// Suggestions for later documents that would make From again are
	// filed under Into.
	if err := moveAll(w, "SELECT id FROM topic_names WHERE topic_id = ?", c.From, "topic_names", "topic_id", c.Into); err != nil {
		return description{}, err
	}
	if err := forgetName(w, from.name); err != nil {
		return description{}, err
	}
	if _, err := w.insert("topic_names", map[string]any{"name": from.name, "topic_id": c.Into}); err != nil {
		return description{}, err
	}
	newParent := nullID(c.Into)
	if into.parent != 0 {
		newParent = nil
	}
	if err := moveAll(w, "SELECT id FROM topics WHERE parent_id = ?", c.From, "topics", "parent_id", newParent); err != nil {
		return description{}, err
	}
	if from.origin == string(TopicUser) {
		if err := w.update("topics", c.Into, map[string]any{"origin": string(TopicUser)}); err != nil {
			return description{}, err
		}
	}
	if err := w.delete("topics", c.From); err != nil {
		return description{}, err
	}
	return description{kind: "merge-topics",
		summary: fmt.Sprintf("Topic “%s” merged into “%s” (%s).", from.name, into.name, plural(moved, "quote")),
		old:     from.name, new: into.name, target: c.Into}, nil
}

// moveAll sets column to value on every row of table that query selects.
func moveAll(w *writeTx, query string, arg any, table, column string, value any) error {
	ids, err := w.ids(query, arg)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := w.update(table, id, map[string]any{column: value}); err != nil {
			return err
		}
	}
	return nil
}

type linkRow struct {
	id, quote int64
	origin    LinkOrigin
	reason    string
	assigned  bool
}

func topicLinks(w *writeTx, topicID int64) ([]linkRow, error) {
	rows, err := w.query("SELECT id, quote_id, origin, reason, assigned FROM quote_topics WHERE topic_id = ?", topicID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []linkRow
	for rows.Next() {
		var l linkRow
		var origin string
		if err := rows.Scan(&l.id, &l.quote, &origin, &l.reason, &l.assigned); err != nil {
			return nil, err
		}
		l.origin = LinkOrigin(origin)
		out = append(out, l)
	}
	return out, rows.Err()
}

// moveLinks moves every link of topic from to topic to and returns how many
// quotes carried from.
func moveLinks(w *writeTx, from, to int64) (int, error) {
	links, err := topicLinks(w, from)
	if err != nil {
		return 0, err
	}
	carried := 0
	for _, l := range links {
		if l.assigned {
			carried++
		}
		var other int64
		var origin string
		err := w.queryRow("SELECT id, origin FROM quote_topics WHERE quote_id = ? AND topic_id = ?", l.quote, to).Scan(&other, &origin)
		if errors.Is(err, sql.ErrNoRows) {
			if err := w.update("quote_topics", l.id, map[string]any{"topic_id": to}); err != nil {
				return 0, err
			}
			continue
		} else if err != nil {
			return 0, err
		}
		if l.origin.rank() > LinkOrigin(origin).rank() {
			if err := w.update("quote_topics", other, map[string]any{"origin": string(l.origin), "reason": l.reason, "assigned": l.assigned}); err != nil {
				return 0, err
			}
		}
		if err := w.delete("quote_topics", l.id); err != nil {
			return 0, err
		}
	}
	return carried, nil
}

// DeleteTopic removes a topic; its quotes stay in the library. Topics under
// it move to the top level.
type DeleteTopic struct{ TopicID int64 }

func (c DeleteTopic) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	if err := deleteAll(w, "SELECT id FROM quote_topics WHERE topic_id = ?", c.TopicID, "quote_topics"); err != nil {
		return description{}, err
	}
	if err := deleteAll(w, "SELECT id FROM topic_rules WHERE topic_id = ?", c.TopicID, "topic_rules"); err != nil {
		return description{}, err
	}
	if err := moveAll(w, "SELECT id FROM topics WHERE parent_id = ?", c.TopicID, "topics", "parent_id", nil); err != nil {
		return description{}, err
	}
	if err := dismissTopic(w, c.TopicID, t.name); err != nil {
		return description{}, err
	}
	if err := w.delete("topics", c.TopicID); err != nil {
		return description{}, err
	}
	return description{kind: "delete-topic", summary: fmt.Sprintf("Topic “%s” deleted; its quotes are kept.", t.name),
		old: t.name, target: c.TopicID}, nil
}

// SetTopicRules replaces a topic's keyword rules and applies them to every
// quote in the library at once; later imports apply them to new quotes.
type SetTopicRules struct {
	TopicID int64
	Rules   []topics.Rule
}

func (c SetTopicRules) apply(w *writeTx) (description, error) {
	t, err := readTopic(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	old, err := rulesOf(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	if err := deleteAll(w, "SELECT id FROM topic_rules WHERE topic_id = ?", c.TopicID, "topic_rules"); err != nil {
		return description{}, err
	}
	for _, r := range c.Rules {
		terms := cleanTerms(r.Terms)
		if len(terms) == 0 {
			continue
		}
		b, _ := json.Marshal(terms)
		if _, err := w.insert("topic_rules", map[string]any{"topic_id": c.TopicID, "terms": string(b), "match_all": r.All}); err != nil {
			return description{}, err
		}
	}
	rules, err := rulesOf(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	matched, err := applyRulesCollect(w, rules, ruleScopeAll, nil)
	if err != nil {
		return description{}, err
	}
	// Rule links the new rules no longer support go away.
	links, err := topicLinks(w, c.TopicID)
	if err != nil {
		return description{}, err
	}
	for _, l := range links {
		if l.origin == LinkRule && !matched[l.quote] {
			if err := w.delete("quote_topics", l.id); err != nil {
				return description{}, err
			}
		}
	}
	return description{kind: "set-topic-rules", summary: fmt.Sprintf("Keyword rules of “%s” changed.", t.name),
		old: describeRules(old), new: describeRules(rules), target: c.TopicID}, nil
}

// dismissTopic remembers that the researcher deleted topic id, called
// name, so that suggestions never bring it back: its name and the names
// merged into it become dismissed names.
func dismissTopic(w *writeTx, id int64, name string) error {
	names, err := mergedNames(w, id)
	if err != nil {
		return err
	}
	if err := deleteAll(w, "SELECT id FROM topic_names WHERE topic_id = ?", id, "topic_names"); err != nil {
		return err
	}
	for _, n := range append([]string{name}, names...) {
		if err := forgetName(w, n); err != nil {
			return err
		}
		if _, err := w.insert("topic_names", map[string]any{"name": n, "topic_id": nil}); err != nil {
			return err
		}
	}
	return nil
}

// mergedNames are the names of the topics merged into topic id.
func mergedNames(w *writeTx, id int64) ([]string, error) {
	return column[string](w, "SELECT name FROM topic_names WHERE topic_id = ? ORDER BY id", id)
}

// forgetName drops what the library remembers of a name (deleted, or
// merged into a topic): the researcher now gives it a topic of its own.
func forgetName(w *writeTx, name string) error {
	return deleteAll(w, "SELECT id FROM topic_names WHERE name = ?", name, "topic_names")
}

// deleteAll deletes every row of table that query selects.
func deleteAll(w *writeTx, query string, arg any, table string) error {
	ids, err := w.ids(query, arg)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := w.delete(table, id); err != nil {
			return err
		}
	}
	return nil
}

func cleanTerms(terms []string) []string {
	var out []string
	for _, t := range terms {
		if t = cleanName(t); t != "" && len(ftsWords(t)) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// topicRule is one stored keyword rule with the topic it serves.
type topicRule struct {
	topicID int64
	rule    topics.Rule
}

// rulesOf loads the rules of one topic, or of every topic when topicID is 0.
func rulesOf(w *writeTx, topicID int64) ([]topicRule, error) {
	rows, err := w.query("SELECT topic_id, terms, match_all FROM topic_rules WHERE ? = 0 OR topic_id = ? ORDER BY id", topicID, topicID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []topicRule
	for rows.Next() {
		var r topicRule
		var terms string
		if err := rows.Scan(&r.topicID, &terms, &r.rule.All); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(terms), &r.rule.Terms); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func describeRules(rules []topicRule) string {
	var parts []string
	for _, r := range rules {
		parts = append(parts, describeRule(r.rule))
	}
	return strings.Join(parts, "; ")
}

func describeRule(r topics.Rule) string {
	if r.All && len(r.Terms) > 1 {
		return "all of: " + strings.Join(r.Terms, ", ")
	}
	return strings.Join(r.Terms, ", ")
}

// Where rules apply: a condition on quotes q, with one bound argument.
type ruleScope string

const (
	ruleScopeAll   ruleScope = "1"
	ruleScopeQuote ruleScope = "q.id = ?"
	ruleScopeFrom  ruleScope = "q.id >= ?"
	ruleScopeDoc   ruleScope = "q.doc_id = ?"
)

// applyRules applies rules (all stored rules when rules is nil) to the
// quotes in scope.
func applyRules(w *writeTx, rules []topicRule, scope ruleScope, arg any) error {
	if rules == nil {
		var err error
		if rules, err = rulesOf(w, 0); err != nil {
			return err
		}
	}
	_, err := applyRulesCollect(w, rules, scope, arg)
	return err
}

// applyRulesCollect links every quote in scope that a rule matches to the
// rule's topic and returns the quotes matched. The full-text index narrows
// the candidates; topics.Rule decides.
func applyRulesCollect(w *writeTx, rules []topicRule, scope ruleScope, arg any) (map[int64]bool, error) {
	matched := map[int64]bool{}
	for _, r := range rules {
		match := ruleFTSQuery(r.rule)
		if match == "" {
			continue
		}
		args := []any{match}
		if scope != ruleScopeAll {
			args = append(args, arg)
		}
		rows, err := w.query("SELECT q.id, q.text FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid WHERE quote_fts MATCH ? AND "+
			string(scope), args...)
		if err != nil {
			return nil, err
		}
		type hit struct {
			id   int64
			text string
		}
		var hits []hit
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.id, &h.text); err != nil {
				rows.Close()
				return nil, err
			}
			hits = append(hits, h)
		}
		rows.Close()
		reason := "keyword rule: " + describeRule(r.rule)
		for _, h := range hits {
			if !r.rule.Matches(h.text) {
				continue
			}
			matched[h.id] = true
			if _, err := link(w, h.id, r.topicID, LinkRule, reason); err != nil {
				return nil, err
			}
		}
	}
	return matched, nil
}

// ruleFTSQuery turns a rule into a full-text query on quote text that
// matches at least every quote the rule matches.
func ruleFTSQuery(r topics.Rule) string {
	var phrases []string
	for _, t := range r.Terms {
		if words := ftsWords(t); len(words) > 0 {
			phrases = append(phrases, `"`+strings.Join(words, " ")+`"`)
		}
	}
	if len(phrases) == 0 {
		return ""
	}
	op := " OR "
	if r.All {
		op = " AND "
	}
	return "text : (" + strings.Join(phrases, op) + ")"
}

// ftsWords splits s into the words the full-text index sees: runs of letters
// and digits. Nothing else reaches a MATCH expression, so user text can never
// be read as query syntax.
func ftsWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
