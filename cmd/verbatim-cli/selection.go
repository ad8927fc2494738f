package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// quoteLoader loads the quotes that scope selects from the library in dir
// ("" means the default library) as a plain quoteset.Set: documents, quotes
// with the user's edits applied, topics and speakers. It returns the scope
// as the library names it (canonical speaker, topic as written). The sheet,
// print and export commands get it from their registration in commands()
// (libraryQuotes), so that they stay free of storage details and tests can
// feed them directly.
type quoteLoader func(dir string, scope quoteset.Scope) (quoteset.Set, quoteset.Scope, error)

// selectionFlags are the flags that pick quotes, shared by sheet, print and
// export.
type selectionFlags struct {
	library, topic, speaker, document, search string
}

func addSelectionFlags(fs *flag.FlagSet) *selectionFlags {
	s := &selectionFlags{}
	fs.StringVar(&s.library, "library", "", "library `folder` (default: the usual library)")
	fs.StringVar(&s.topic, "topic", "", "only quotes on this `topic`")
	fs.StringVar(&s.speaker, "speaker", "", "only quotes by this `speaker`")
	fs.StringVar(&s.document, "document", "", "only quotes from the document with this `ID`")
	fs.StringVar(&s.search, "search", "", "only quotes containing these `words`")
	return s
}

func (s *selectionFlags) scope() quoteset.Scope {
	return quoteset.Scope{Topic: s.topic, Speaker: s.speaker, DocumentID: s.document, Search: s.search}
}

// load reads the selected quotes from the library.
func (s *selectionFlags) load(e *env, load quoteLoader) (quoteset.Set, quoteset.Scope, bool) {
	set, scope, err := load(s.library, s.scope())
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return quoteset.Set{}, scope, false
	}
	return set, scope, true
}

// sheetFlags shape a sheet: grouping, order, paper, title.
type sheetFlags struct {
	groupBy, order, paper, title string
}

func addSheetFlags(fs *flag.FlagSet) *sheetFlags {
	f := &sheetFlags{}
	fs.StringVar(&f.groupBy, "group-by", "speaker", "group quotes by `speaker|topic|document|none`")
	fs.StringVar(&f.order, "order", "date", "articles in `date|document` order")
	fs.StringVar(&f.paper, "paper", "", "paper size `a4|letter` (default: from the locale)")
	fs.StringVar(&f.title, "title", "", "the sheet's `title` (default: made from the selection)")
	return f
}

// options checks the flags; the error is a sentence for the user.
func (f *sheetFlags) options() (sheet.Options, sheet.Paper, error) {
	group, err := sheet.ParseGroupBy(f.groupBy)
	if err != nil {
		return sheet.Options{}, 0, err
	}
	order, err := sheet.ParseOrder(f.order)
	if err != nil {
		return sheet.Options{}, 0, err
	}
	paper := sheet.PaperForLocale(os.Getenv)
	if f.paper != "" {
		if paper, err = sheet.ParsePaper(f.paper); err != nil {
			return sheet.Options{}, 0, err
		}
	}
	return sheet.Options{Title: f.title, GroupBy: group, Order: order}, paper, nil
}

// parseFlags parses args, printing errors and help to e.stderr. ok is false
// when the command should exit with code.
func parseFlags(e *env, fs *flag.FlagSet, args []string) (code int, ok bool) {
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK, false
		}
		return exitBadUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "verbatim-cli %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitBadUsage, false
	}
	return 0, true
}

// reportProblems prints the quotes that were left out; it returns the exit
// code for the run.
func reportProblems(w io.Writer, problems []error) int {
	for _, p := range problems {
		fmt.Fprintf(w, "verbatim-cli: %v\n", p)
	}
	if len(problems) > 0 {
		return exitFailed
	}
	return exitOK
}
