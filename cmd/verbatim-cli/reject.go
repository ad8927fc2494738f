package main

import "verbatim/storage"

// runReject marks quotes as not quotes; 'verbatim-cli undo' takes it back.
func runReject(e *env, args []string) int {
	flags, dir := newFlags(e, "reject", "reject [--library DIR] QUOTE_ID...")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	if len(rest) == 0 {
		flags.Usage()
		return exitBadUsage
	}
	var ids []int64
	for _, s := range rest {
		id, ok := quoteID(e, s)
		if !ok {
			return exitBadUsage
		}
		ids = append(ids, id)
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	status := exitOK
	for _, id := range ids {
		status = max(status, doEdit(e, l, storage.RejectQuote{QuoteID: id}))
	}
	return status
}
