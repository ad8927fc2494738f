package ingest

import (
	"bufio"
	"embed"
	"path"
	"strings"
	"sync"
	"unicode"
)

//go:embed data/stopwords-*.txt
var dataFiles embed.FS

// stopwords maps a function word to the one language it is evidence for.
// It is built once from the embedded lists and never changed.
var stopwords = sync.OnceValue(func() map[string]string {
	owners := map[string]string{}
	files, _ := dataFiles.ReadDir("data")
	for _, f := range files {
		lang, ok := strings.CutPrefix(strings.TrimSuffix(f.Name(), ".txt"), "stopwords-")
		if !ok {
			continue
		}
		for _, w := range dataLines(path.Join("data", f.Name())) {
			if owner, seen := owners[w]; seen && owner != lang {
				owners[w] = "" // shared by two languages: no evidence
				continue
			}
			owners[w] = lang
		}
	}
	return owners
})

func dataLines(name string) []string {
	f, err := dataFiles.Open(name)
	if err != nil {
		panic("ingest: missing embedded data file " + name) // a build error, not an input error
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines
}

// DetectLanguage guesses the language of text from its commonest function
// words and returns its ISO 639-1 code ("en", "de", …), or "" when the text
// is too short or no language clearly wins. It reads at most the first few
// thousand words.
func DetectLanguage(text string) string {
	const maxWords, minWords = 3000, 8
	owners := stopwords()
	counts := map[string]int{}
	words := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if words > maxWords {
			break
		}
		if lang := owners[strings.ToLower(w)]; lang != "" {
			counts[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range counts {
		switch {
		case best == "" || n > counts[best] || n == counts[best] && lang < best:
			if best != "" {
				second = max(second, counts[best])
			}
			best = lang
		default:
			second = max(second, n)
		}
	}
	hits := counts[best]
	if words < minWords || hits*100 < min(words, maxWords)*15 || hits < 2*second {
		return ""
	}
	return best
}
