// Package table reads spreadsheets of articles saved as CSV or TSV: exports
// of news databases and media monitors, and the collections researchers
// keep by hand. Each row is one article; its text is in a column headed
// like "text", "body" or "content" (columns.txt lists the headers), or, in a
// sheet without such a header, in the one column of long paragraphs.
package table

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Article is one row of a spreadsheet of articles.
type Article struct {
	Line                                             int // where the row starts in the file, from 1
	Text, Title, Date, URL, Outlet, Author, Language string
}

// Error says in one sentence, for the researcher, why a spreadsheet could
// not be read.
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

// role is what a column holds.
type role string

const (
	roleText     role = "text"
	roleTitle    role = "title"
	roleDate     role = "date"
	roleURL      role = "url"
	roleOutlet   role = "outlet"
	roleAuthor   role = "author"
	roleLanguage role = "language"
	roleSpeaker  role = "speaker" // a sheet of quotes, not of articles
)

// A column of long paragraphs holds the text in a sheet whose headers do
// not say: its cells average at least minTextRunes, twice any other's.
const minTextRunes = 200

// A first row with a cell this long is an article, not a header row.
const maxHeaderRunes = 100

//go:embed columns.txt
var columnsFile string

// headerRoles maps each known header, squashed (see squash), to its role.
// It is built once from columns.txt and never changed.
var headerRoles = sync.OnceValue(func() map[string]role {
	roles := map[string]role{}
	sc := bufio.NewScanner(strings.NewReader(columnsFile))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, header, ok := strings.Cut(line, " ")
		if !ok {
			panic("table: bad line in columns.txt: " + line) // a build error, not an input error
		}
		key := squash(header)
		if _, dup := roles[key]; !dup {
			roles[key] = role(name)
		}
	}
	return roles
})

// squash folds a header for matching: lower case, without the spaces and
// punctuation that join words ("Full_Text" → "fulltext").
func squash(header string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, header)
}

// Read reads the articles of a spreadsheet. comma separates the cells, or
// is 0 to be guessed from the first line (comma, semicolon or tab). Rows
// with no text are passed over.
func Read(text string, comma rune) ([]Article, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	if comma == 0 {
		first, _, _ := strings.Cut(text, "\n")
		comma = guessComma(first)
	}
	rows, lines, err := readRows(text, comma)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &Error{Message: "This spreadsheet is empty."}
	}
	columns, data, dataLines := map[role]int{}, rows, lines
	header := isHeader(rows[0])
	if header {
		columns = headerColumns(rows[0])
		data, dataLines = rows[1:], lines[1:]
	}
	if _, ok := columns[roleSpeaker]; ok {
		return nil, &Error{Message: "This spreadsheet lists quotes and their speakers, not articles (such as a list exported from Verbatim); please import the articles themselves."}
	}
	if _, ok := columns[roleText]; !ok {
		col, ok := longTextColumn(data)
		if !ok {
			return nil, noTextColumn(rows[0], header)
		}
		if header && len(columns) == 0 && col < len(rows[0]) && readsAsText(rows[0][col]) {
			// Short, but no header: a first article of a sentence or two.
			data, dataLines = rows, lines
		}
		columns[roleText] = col
	}
	articles := make([]Article, 0, len(data))
	for i, row := range data {
		a := article(row, columns)
		a.Line = dataLines[i]
		if strings.TrimSpace(a.Text) != "" {
			articles = append(articles, a)
		}
	}
	if len(articles) == 0 {
		return nil, &Error{Message: "This spreadsheet has a column of article text, but it is empty in every row."}
	}
	return articles, nil
}

// guessComma picks the separator the header line uses most, outside quotes.
func guessComma(line string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// readRows parses every row, with the line each starts on. Quotes are read
// leniently (a stray quote mark inside a cell is kept as text) and rows may
// have any number of cells, as spreadsheets exported by hand often do.
func readRows(text string, comma rune) (rows [][]string, lines []int, err error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, lines, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, &Error{Message: fmt.Sprintf("This spreadsheet is damaged at line %d (%v), so nothing was imported from it.", pe.StartLine, pe.Err)}
			}
			return nil, nil, &Error{Message: "This spreadsheet could not be read."}
		}
		line, _ := r.FieldPos(0)
		rows, lines = append(rows, row), append(lines, line)
	}
}

// isHeader tells a header row from a first article: headers are short.
func isHeader(row []string) bool {
	for _, cell := range row {
		if utf8.RuneCountInString(cell) > maxHeaderRunes {
			return false
		}
	}
	return true
}

// readsAsText tells a short article from the header of its column, in a
// first row that names no column Verbatim knows: a header is a few words
// without a sentence's closing mark.
func readsAsText(cell string) bool {
	cell = strings.TrimSpace(cell)
	if len(strings.Fields(cell)) >= 5 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(cell)
	return strings.ContainsRune(".!?…\"”’»«", last)
}

// headerColumns finds the column of each role the header names; the first
// column named for a role fills it.
func headerColumns(header []string) map[role]int {
	known := headerRoles()
	columns := map[role]int{}
	for i, h := range header {
		if r, ok := known[squash(h)]; ok {
			if _, taken := columns[r]; !taken {
				columns[r] = i
			}
		}
	}
	return columns
}

// longTextColumn finds the column of long paragraphs in a sheet whose
// header does not name the text's column.
func longTextColumn(rows [][]string) (int, bool) {
	var total []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(total) {
				total = append(total, make([]int, i+1-len(total))...)
			}
			total[i] += utf8.RuneCountInString(cell)
		}
	}
	best, second := -1, 0
	for i, n := range total {
		switch {
		case best < 0 || n > total[best]:
			if best >= 0 {
				second = total[best]
			}
			best = i
		case n > second:
			second = n
		}
	}
	if best < 0 || len(rows) == 0 || total[best] < minTextRunes*len(rows) || total[best] < 2*second {
		return 0, false
	}
	return best, true
}

func noTextColumn(first []string, header bool) error {
	if !header || len(first) == 0 {
		return &Error{Message: "This spreadsheet has no column of article text (one headed “text”, “body” or “content”)."}
	}
	names := first[:min(len(first), 8)]
	list := strings.Join(names, ", ")
	if len(first) > len(names) {
		list += ", …"
	}
	return &Error{Message: "This spreadsheet has no column of article text (one headed “text”, “body” or “content”); its columns are: " + list + "."}
}

func article(row []string, columns map[role]int) Article {
	cell := func(r role) string {
		if i, ok := columns[r]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	return Article{
		Text: cell(roleText), Title: cell(roleTitle), Date: cell(roleDate), URL: cell(roleURL),
		Outlet: cell(roleOutlet), Author: cell(roleAuthor), Language: cell(roleLanguage),
	}
}
