package main

import (
	"context"
	"fmt"
	"strings"

	"verbatim/storage"
)

const speakerUsage = `speaker set QUOTE_ID NAME [--same-mention]   attribute a quote to NAME (found or created)
       verbatim-cli speaker merge A B                           fold speaker B into speaker A (quotes and aliases kept)
       verbatim-cli speaker rename A NAME                       rename speaker A (the old name stays an alias)
       verbatim-cli speaker list [--match TEXT]                 list speakers with their quote counts
       (every form takes --library DIR)`

// runSpeaker changes who said what: set, merge, rename, list.
func runSpeaker(e *env, args []string) int {
	flags, dir := newFlags(e, "speaker", speakerUsage)
	sameMention := flags.Bool("same-mention", false, "also change every quote in the document attributed through the same mention (\"He\")")
	match := flags.String("match", "", "list only speakers with a name or alias starting with this `text`")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	want := map[string]int{"set": 3, "merge": 3, "rename": 3, "list": 1}
	if len(rest) == 0 || want[rest[0]] != len(rest) {
		flags.Usage()
		return exitBadUsage
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	switch rest[0] {
	case "set":
		id, ok := quoteID(e, rest[1])
		if !ok {
			return exitBadUsage
		}
		return doEdit(e, l, storage.SetSpeaker{QuoteID: id, NewName: rest[2], SameMention: *sameMention})
	case "merge":
		into, ok1 := findSpeaker(e, l, rest[1])
		from, ok2 := findSpeaker(e, l, rest[2])
		if !ok1 || !ok2 {
			return exitFailed
		}
		return doEdit(e, l, storage.MergeSpeakers{Into: into.ID, From: from.ID})
	case "rename":
		s, ok := findSpeaker(e, l, rest[1])
		if !ok {
			return exitFailed
		}
		return doEdit(e, l, storage.RenameSpeaker{SpeakerID: s.ID, Name: rest[2]})
	}
	all, err := l.Speakers(context.Background(), storage.SpeakerFilter{Match: *match})
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	for _, s := range all {
		aliases := ""
		if len(s.Aliases) > 0 {
			aliases = " (also: " + strings.Join(s.Aliases, ", ") + ")"
		}
		fmt.Fprintf(e.stdout, "%d\t%s%s\t%s\n", s.ID, s.Name, aliases, plural(s.Count, "quote"))
	}
	return exitOK
}
