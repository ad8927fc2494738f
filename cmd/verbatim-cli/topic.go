package main

import (
	"context"
	"fmt"
	"strings"

	"verbatim/core/topics"
	"verbatim/storage"
)

const topicUsage = `topic add NAME [--color #RRGGBB] [--parent TOPIC] [--rule "word, phrase"] [--all]
       verbatim-cli topic assign TOPIC QUOTE_ID...     put a topic on quotes
       verbatim-cli topic unassign TOPIC QUOTE_ID...   take it off (rules and suggestions will not put it back)
       verbatim-cli topic list                         topics with origin, quote counts and rules
       (every form takes --library DIR)`

// runTopic creates, applies and lists topics.
func runTopic(e *env, args []string) int {
	flags, dir := newFlags(e, "topic", topicUsage)
	colour := flags.String("color", "", "topic colour as `#RRGGBB` (default: the next colour of the palette)")
	parent := flags.String("parent", "", "put the new topic under this `topic`")
	rule := flags.String("rule", "", "keyword rule: comma-separated `words or phrases`; quotes containing any are assigned")
	all := flags.Bool("all", false, "the rule needs every word or phrase, not any")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	if len(rest) == 0 || !validTopicArgs(rest) {
		flags.Usage()
		return exitBadUsage
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	switch rest[0] {
	case "add":
		return addTopic(e, l, rest[1], *colour, *parent, *rule, *all)
	case "assign", "unassign":
		t, ok := findTopic(e, l, rest[1])
		if !ok {
			return exitFailed
		}
		var ids []int64
		for _, s := range rest[2:] {
			id, ok := quoteID(e, s)
			if !ok {
				return exitBadUsage
			}
			ids = append(ids, id)
		}
		if rest[0] == "assign" {
			return doEdit(e, l, storage.AssignTopic{TopicID: t.ID, QuoteIDs: ids})
		}
		return doEdit(e, l, storage.UnassignTopic{TopicID: t.ID, QuoteIDs: ids})
	}
	return listTopics(e, l, "text", false)
}

func validTopicArgs(rest []string) bool {
	switch rest[0] {
	case "add":
		return len(rest) == 2
	case "assign", "unassign":
		return len(rest) >= 3
	case "list":
		return len(rest) == 1
	}
	return false
}

func addTopic(e *env, l *storage.Library, name, colour, parent, rule string, all bool) int {
	var parentID int64
	if parent != "" {
		p, ok := findTopic(e, l, parent)
		if !ok {
			return exitFailed
		}
		parentID = p.ID
	}
	edit, err := l.Do(context.Background(), storage.CreateTopic{Name: name, Color: colour, ParentID: parentID})
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(e.stdout, edit.Summary)
	if rule == "" {
		return exitOK
	}
	return doEdit(e, l, storage.SetTopicRules{TopicID: edit.Target,
		Rules: []topics.Rule{{Terms: strings.Split(rule, ","), All: all}}})
}
