package shareddata

import "testing"

func TestArticlesReadsTheCorpus(t *testing.T) {
	docs := Articles(t, "polnear", "dev.jsonl")
	if len(docs) == 0 {
		t.Fatal("no articles read")
	}
	for i, d := range docs {
		if d.Text == "" || d.Meta.Title == "" || d.Meta.Outlet == "" || d.Meta.Format != "txt" {
			t.Fatalf("article %d lacks its text or metadata: %+v", i, d.Meta)
		}
	}
}
