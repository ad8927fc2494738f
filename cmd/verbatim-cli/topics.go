package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"verbatim/storage"
)

// topicRecord is one topic in `topics --format jsonl`.
type topicRecord struct {
	ID        int64        `json:"id"`
	Name      string       `json:"name"`
	Origin    string       `json:"origin"` // "suggested" or "user"
	Color     string       `json:"color"`
	Parent    string       `json:"parent,omitempty"`
	Quotes    int          `json:"quotes"`
	Documents int          `json:"documents"`
	Rules     []ruleRecord `json:"rules"`
}

// ruleRecord is a keyword rule: any (or, with all, every) of the terms.
type ruleRecord struct {
	Terms []string `json:"terms"`
	All   bool     `json:"all"`
}

// runTopics lists the library's topics: what the app's sidebar shows, or
// with --all every suggestion too.
func runTopics(e *env, args []string) int {
	flags, dir := newFlags(e, "topics", "topics [--library DIR] [--format jsonl|text] [--all]")
	format := flags.String("format", "text", "output format: `text` or jsonl")
	all := flags.Bool("all", false, "also list suggestions the sidebar leaves out (those about a single article)")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "verbatim-cli topics: unexpected argument %q\n", rest[0])
		return exitBadUsage
	}
	if *format != "text" && *format != "jsonl" {
		fmt.Fprintf(e.stderr, "verbatim-cli topics: unknown format %q (use text or jsonl)\n", *format)
		return exitBadUsage
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	return listTopics(e, l, *format, *all)
}

// listTopics prints the topics in format "text" or "jsonl".
func listTopics(e *env, l *storage.Library, format string, all bool) int {
	list := l.Topics
	if all {
		list = l.AllTopics
	}
	found, err := list(context.Background())
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	names := map[int64]string{}
	for _, t := range found {
		names[t.ID] = t.Name
	}
	write := writeTopicText
	if format == "jsonl" {
		write = writeTopicJSON
	}
	for _, t := range found {
		r := topicRecord{ID: t.ID, Name: t.Name, Origin: string(t.Origin), Color: t.Color, Parent: names[t.ParentID],
			Quotes: t.Count, Documents: t.Documents, Rules: []ruleRecord{}}
		for _, rule := range t.Rules {
			r.Rules = append(r.Rules, ruleRecord{Terms: rule.Terms, All: rule.All})
		}
		if err := write(e.stdout, r); err != nil {
			fmt.Fprintf(e.stderr, "verbatim-cli: cannot write the output: %v\n", err)
			return exitFailed
		}
	}
	return exitOK
}

func writeTopicJSON(w io.Writer, r topicRecord) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// writeTopicText writes one line per topic; sub-topics are indented.
func writeTopicText(w io.Writer, r topicRecord) error {
	indent := ""
	if r.Parent != "" {
		indent = "  "
	}
	var rules []string
	for _, rule := range r.Rules {
		join := " or "
		if rule.All {
			join = " and "
		}
		rules = append(rules, strings.Join(rule.Terms, join))
	}
	line := fmt.Sprintf("%s%s\t%s\t%s\t%s in %s", indent, r.Name, r.Origin, r.Color, plural(r.Quotes, "quote"), plural(r.Documents, "document"))
	if len(rules) > 0 {
		line += "\trules: " + strings.Join(rules, "; ")
	}
	_, err := fmt.Fprintln(w, line)
	return err
}
