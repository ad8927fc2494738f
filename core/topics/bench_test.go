package topics

import (
	"path/filepath"
	"testing"
)

// libraryOf10000Quotes returns PolNeAR train and dev documents, repeated until
// their gold quotes number at least 10,000.
func libraryOf10000Quotes(b *testing.B) []evalDoc {
	dir := evalDir(b)
	docs := append(readCorpus(b, filepath.Join(dir, "polnear", "train.jsonl")), readCorpus(b, filepath.Join(dir, "polnear", "dev.jsonl"))...)
	var library []evalDoc
	for quotes := 0; quotes < 10000; {
		for _, d := range docs {
			library = append(library, d)
			quotes += len(d.quotes)
		}
	}
	return library
}

// BenchmarkLibrary10000Quotes suggests topics for every document of a
// 10,000-quote library and merges them, as an import of the whole library
// would.
func BenchmarkLibrary10000Quotes(b *testing.B) {
	s := suggester(b)
	library := libraryOf10000Quotes(b)
	quotes, bytes := 0, 0
	for _, d := range library {
		quotes += len(d.quotes)
		bytes += len(d.doc.Text)
	}
	b.Logf("%d documents, %d quotes, %.1f MB of text", len(library), quotes, float64(bytes)/1e6)
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		suggestions := make([]DocumentTopics, len(library))
		for i, d := range library {
			suggestions[i], _ = s.Document(d.doc, d.quotes)
		}
		s.Merge(nil, suggestions)
	}
}

// BenchmarkMerge10000Quotes measures the merge alone, with existing topics.
func BenchmarkMerge10000Quotes(b *testing.B) {
	s := suggester(b)
	library := libraryOf10000Quotes(b)
	suggestions := make([]DocumentTopics, len(library))
	for i, d := range library {
		suggestions[i], _ = s.Document(d.doc, d.quotes)
	}
	existing := labelsOf(s.Merge(nil, suggestions[:200]))
	b.ResetTimer()
	for b.Loop() {
		s.Merge(existing, suggestions)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
