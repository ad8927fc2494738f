package ui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

	"verbatim/core/quoteset"
)

func TestCopyQuoteWithCitation(t *testing.T) {
	set := articleSet(testArticles(), 1)
	for _, tc := range []struct {
		name string
		ids  []string
		want string
	}{
		{"one", []string{"wall-0-0"},
			"“We are committed to keeping our border safe. We can do that best when government is open.”\n" +
				"— Nancy Pelosi, in “President Trump says he ‘can’ and ‘may’ put US into state of emergency to build border wall”, Wikinews, 7 Jan 2019, ¶ 2"},
		{"russian", []string{"kremlin-0-0"},
			"«Мы не уйдём из Сирии.»\n— Владимир Путин, in “Путин о Сирии”, ТАСС, 9 Oct 2019, ¶ 2"},
		{"two", []string{"syria-0-1", "wall-0-1"},
			"“This is going to lead to ISIS’ reemergence.”\n" +
				"— Lindsey Graham, in “US President Trump announces troop withdrawal from Syria”, Wikinews, 8 Oct 2019, ¶ 3\n\n" +
				"“So we told the president we needed the government open. He resisted.”\n" +
				"— Chuck Schumer, in “President Trump says he ‘can’ and ‘may’ put US into state of emergency to build border wall”, Wikinews, 7 Jan 2019, ¶ 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clip := test.NewClipboard()
			if err := CopyQuoteWithCitation(clip, set, tc.ids...); err != nil {
				t.Fatal(err)
			}
			if got := clip.Content(); got != tc.want {
				t.Errorf("clipboard:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCopyNothingLeavesTheClipboard(t *testing.T) {
	set := articleSet(testArticles(), 1)
	for name, ids := range map[string][]string{"none": nil, "unknown": {"wall-0-0", "gone"}} {
		clip := test.NewClipboard()
		clip.SetContent("before")
		if err := CopyQuoteWithCitation(clip, set, ids...); err == nil {
			t.Errorf("%s: no error", name)
		}
		if clip.Content() != "before" {
			t.Errorf("%s: clipboard changed to %q", name, clip.Content())
		}
	}
}

func TestCopyQuotesLoadsInTheBackground(t *testing.T) {
	h := newDialogHarness(t)
	clip := h.app.Clipboard()
	set := articleSet(testArticles(), 1)
	copyQuotes(h.win, clip, selectionOf("", set), []string{"syria-0-2"}, h.cfg)
	h.until("the copy", func() bool { return clip.Content() != "" })
	if want := "“We must always have the backs of our allies, if we expect them to have our back.”\n" +
		"— Nikki Haley, in “US President Trump announces troop withdrawal from Syria”, Wikinews, 8 Oct 2019, ¶ 4"; clip.Content() != want {
		t.Errorf("clipboard:\n%s\nwant:\n%s", clip.Content(), want)
	}

	broken := QuoteSelection{Load: func(context.Context) (quoteset.Set, error) { return quoteset.Set{}, errors.New("the disk is gone") }}
	copyQuotes(h.win, clip, broken, []string{"syria-0-2"}, h.cfg)
	h.until("the error", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	wantShown(t, h.win.Canvas(), "The quotes could not be read from your library: the disk is gone")
}
