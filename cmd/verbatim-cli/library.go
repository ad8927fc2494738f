package main

// Helpers shared by the library commands (import, quotes, speaker, topic,
// reject, undo, redo).

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"verbatim/storage"
)

// newFlags makes a flag set that reports to e.stderr and carries --library.
func newFlags(e *env, name, usage string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: verbatim-cli %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	dir := fs.String("library", "", "library `folder` (default: $"+storage.LibraryEnv+" or the user's data folder)")
	return fs, dir
}

// parseNoArgs parses the flags of a command that takes no other
// arguments; on anything else it shows the usage and reports false.
func parseNoArgs(fs *flag.FlagSet, args []string) bool {
	rest, err := parseArgs(fs, args)
	if err == nil && len(rest) > 0 {
		fs.Usage()
	}
	return err == nil && len(rest) == 0
}

// parseArgs parses flags placed anywhere among the arguments and returns the
// others, so that "speaker set 12 'Mike Pence' --library x" works.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// openLibrary opens the library named by --library, or the default one.
func openLibrary(e *env, dir string) (*storage.Library, bool) {
	if dir == "" {
		var err error
		if dir, err = storage.DefaultDir(); err != nil {
			fmt.Fprintf(e.stderr, "verbatim-cli: no library folder is known: %v\n", err)
			return nil, false
		}
	}
	l, err := storage.Open(context.Background(), dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return nil, false
	}
	return l, true
}

// engine is the engine the library runs on imported documents: quotes and
// topic suggestions, as in the app.
func engine(e *env) (storage.Engine, bool) {
	eng, err := storage.StandardEngine()
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: the quote engine could not start: %v\n", err)
		return eng, false
	}
	return eng, true
}

// quoteID parses a quote number given on the command line.
func quoteID(e *env, s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintf(e.stderr, "verbatim-cli: %q is not a quote number (see the id column of 'verbatim-cli quotes')\n", s)
		return 0, false
	}
	return id, true
}

// doEdit applies one edit and reports it; it returns the exit status.
func doEdit(e *env, l *storage.Library, cmd storage.Command) int {
	edit, err := l.Do(context.Background(), cmd)
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	if edit.ID == 0 {
		fmt.Fprintln(e.stdout, "Nothing to change.")
		return exitOK
	}
	fmt.Fprintln(e.stdout, edit.Summary)
	return exitOK
}

// findSpeaker finds a speaker by name, alias or number.
func findSpeaker(e *env, l *storage.Library, s string) (storage.Speaker, bool) {
	ctx := context.Background()
	sp, err := l.FindSpeaker(ctx, s)
	if err == nil {
		return sp, true
	}
	if id, perr := strconv.ParseInt(s, 10, 64); perr == nil && storage.HasCode(err, storage.CodeNotFound) {
		all, lerr := l.Speakers(ctx, storage.SpeakerFilter{})
		for _, sp := range all {
			if sp.ID == id {
				return sp, true
			}
		}
		err = errors.Join(err, lerr)
	}
	fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
	return storage.Speaker{}, false
}

// findTopic finds a topic by name.
func findTopic(e *env, l *storage.Library, name string) (storage.Topic, bool) {
	t, err := l.FindTopic(context.Background(), name)
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return t, false
	}
	return t, true
}
