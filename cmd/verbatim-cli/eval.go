package main

import (
	"flag"
	"fmt"
	"strings"

	"verbatim/core"
	"verbatim/core/eval"
	"verbatim/core/extract"
)

// runEval scores the engine on gold corpora in the ../shared/eval format.
func runEval(e *env, args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	show := fs.String("show", "", "also list differences of these kinds, comma-separated: missed, spurious, mention, speaker")
	all := fs.Bool("all", false, "score quoted strings flagged as titles or scare quotes too")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: verbatim-cli eval [-show KINDS] [-all] GOLD.jsonl...")
		fmt.Fprintln(e.stderr, "Scores the quote engine on annotated corpora (quote P/R/F1, speaker accuracy).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitBadUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitBadUsage
	}
	kinds := map[string]bool{}
	for _, k := range strings.Split(*show, ",") {
		if k = strings.TrimSpace(k); k != "" {
			kinds[k] = true
		}
	}
	engine := extract.New()
	status := exitOK
	for _, path := range fs.Args() {
		docs, err := eval.ReadCorpusFile(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "verbatim-cli eval: %v\n", err)
			status = exitFailed
			if len(docs) == 0 {
				continue
			}
		}
		report := eval.NewReport()
		byID := map[string]*eval.GoldDoc{}
		for i := range docs {
			d := &docs[i]
			byID[d.ID] = d
			quotes := engine.Quotes(core.Document{Text: d.Text, Meta: core.Meta{Title: d.Title}})
			report.Add(d, eval.FromQuotes(d.Text, quotes, *all), eval.Options{Findings: len(kinds) > 0})
		}
		eval.WriteTable(e.stdout, path, report)
		for _, f := range report.Findings {
			if kinds[f.Kind] {
				printFinding(e, byID[f.DocID], f)
			}
		}
	}
	return status
}

func printFinding(e *env, doc *eval.GoldDoc, f eval.Finding) {
	text := []rune(doc.Text)
	const context = 80
	a, b := max(0, f.Start-context), min(len(text), f.End+context)
	snippet := strings.ReplaceAll(string(text[a:f.Start])+"⟦"+string(text[f.Start:f.End])+"⟧"+string(text[f.End:b]), "\n", "¶")
	fmt.Fprintf(e.stdout, "%s\t%s\t%d\tgold=%q\tgot=%q\t%s\n", f.Kind, doc.ID, f.Start, f.Gold, f.Got, snippet)
}
