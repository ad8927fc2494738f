package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"verbatim/core/quoteset"
	"verbatim/storage"
)

// libraryQuotes is the quoteLoader of the sheet, print and export
// commands: it opens the library in dir ("" for the usual one), finds the
// named topic, speaker and document there, and lets the library select the
// quotes (rejected ones left out, search as in the app). The scope it
// returns names the selection as the library knows it (canonical speaker,
// topic as written), for the sheet's title.
func libraryQuotes(dir string, sc quoteset.Scope) (quoteset.Set, quoteset.Scope, error) {
	ctx := context.Background()
	if dir == "" {
		var err error
		if dir, err = storage.DefaultDir(); err != nil {
			return quoteset.Set{}, sc, err
		}
	}
	l, err := storage.Open(ctx, dir)
	if err != nil {
		return quoteset.Set{}, sc, err
	}
	defer l.Close()
	f := storage.QuoteFilter{Search: sc.Search}
	if sc.Topic != "" {
		t, err := l.FindTopic(ctx, sc.Topic)
		if err != nil {
			return quoteset.Set{}, sc, err
		}
		f.TopicID, sc.Topic = t.ID, t.Name
	}
	if sc.Speaker != "" {
		s, err := l.FindSpeaker(ctx, sc.Speaker)
		if err != nil {
			return quoteset.Set{}, sc, err
		}
		f.SpeakerID, sc.Speaker = s.ID, s.Name
	}
	if sc.DocumentID != "" {
		id, err := strconv.ParseInt(strings.TrimSpace(sc.DocumentID), 10, 64)
		if err != nil || id <= 0 {
			return quoteset.Set{}, sc, fmt.Errorf("“%s” is not a document number (see the document field of 'verbatim-cli quotes').", sc.DocumentID)
		}
		if _, err := l.Document(ctx, id); storage.HasCode(err, storage.CodeNotFound) {
			return quoteset.Set{}, sc, fmt.Errorf("There is no document number %d in the library.", id)
		} else if err != nil {
			return quoteset.Set{}, sc, err
		}
		f.DocumentID, sc.DocumentID = id, strconv.FormatInt(id, 10)
	}
	set, err := l.QuoteSet(ctx, f, storage.SortDocumentOrder)
	return set, sc, err
}
