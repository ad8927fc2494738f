// Command verbatim-cli is Verbatim's headless command line: batch import,
// extraction, evaluation, library edits, sheets and exports. It must not
// import Fyne.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"verbatim/core"
	"verbatim/core/printing"
)

// Exit statuses shared by every command.
const (
	exitOK       = 0
	exitFailed   = 1 // the command ran, but some input failed
	exitBadUsage = 2
)

// env is what a command may touch, so that tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

// commands lists every subcommand; each lives in its own file.
func commands() []command {
	return []command{
		{"version", "print the version", runVersion},
		{"eval", "score the quote engine on annotated corpora", runEval},
		{"extract", "find the quotes in article files and who said them", runExtract},
		{"import", "add article files or folders to the library", runImport},
		{"quotes", "list the library's quotes (jsonl or csv), filtered", runQuotes},
		{"speaker", "change a quote's speaker, merge, rename or list speakers", runSpeaker},
		{"topic", "add topics, put them on quotes or take them off, list them", runTopic},
		{"reject", "mark quotes as not quotes", runReject},
		{"reextract", "find the quotes of library documents again with this version's quote engine, keeping edits", runReextract},
		{"undo", "take back the library's last edit", runUndo},
		{"redo", "bring back the last edit taken back", runRedo},
		{"text", "print the clean text of article files", runText},
		{"topics", "list the library's topics with origin, quote counts and rules", runTopics},
		{"sheet", "save a quote sheet of the library's quotes as PDF", func(e *env, args []string) int { return runSheet(e, args, libraryQuotes) }},
		{"print", "print a quote sheet of the library's quotes", func(e *env, args []string) int {
			return runPrint(e, args, libraryQuotes, printing.System{})
		}},
		{"export", "export the library's quotes as CSV, JSON or a REFI-QDA project", func(e *env, args []string) int {
			return runExport(e, args, libraryQuotes)
		}},
	}
}

func main() {
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitBadUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(e.stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(e, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "verbatim-cli: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitBadUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Verbatim %s — find who said what in news articles.\n\n", core.Version)
	fmt.Fprintln(w, "Usage: verbatim-cli COMMAND [flags] [args]")
	fmt.Fprintln(w, "\nCommands:")
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name))
	}
	for _, c := range cmds {
		fmt.Fprintf(w, "  %s%s  %s\n", c.name, strings.Repeat(" ", width-len(c.name)), c.summary)
	}
	fmt.Fprintln(w, "\nRun 'verbatim-cli COMMAND -h' for a command's flags.")
}

func runVersion(e *env, _ []string) int {
	fmt.Fprintf(e.stdout, "verbatim-cli %s\n", core.Version)
	return exitOK
}
