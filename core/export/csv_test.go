package export

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

func TestCSVReadsBackFieldByField(t *testing.T) {
	var buf bytes.Buffer
	problems, err := CSV(&buf, fixture())
	if err != nil || len(problems) > 0 {
		t.Fatalf("CSV: %v %v", problems, err)
	}
	data := buf.String()
	if !strings.HasPrefix(data, "\ufeff") {
		t.Fatal("no UTF-8 byte-order mark: Excel would misread the accents and Cyrillic")
	}
	if !strings.Contains(data, "\r\n") || strings.Count(data, "\r\n") != strings.Count(data, "\n") {
		t.Error("lines must end with CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CSVColumns(),
		{"«Мы не уйдём из Сирии»", "Vladimir Putin", "Путин", "Syria withdrawal", "Путин о Сирии", "ТАСС", "2019-10-08", "0.93", "accepted", "speech", "Проверить перевод"},
		{"«Посмотрим»", "Recep Tayyip Erdoğan", "Эрдоган", "Syria withdrawal", "Путин о Сирии", "ТАСС", "2019-10-08", "0.58", "needs review", "speech", ""},
		{"“We are committed to keeping our border safe.”", "Nancy Pelosi", "Pelosi", "Border wall & shutdown", `Shutdown, "day 17"`, "Wikinews", "January 2019", "0.90", "accepted", "speech", `Use in chapter 2, "as is"`},
		// Cells that Excel would run as formulas get a leading apostrophe.
		{`"=2+2 is not a plan."`, "", "He", "", `Shutdown, "day 17"`, "Wikinews", "January 2019", "0.31", "", "term", "'-check who"},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(rows), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d, %s: got %q, want %q", i, want[0][j], rows[i][j], want[i][j])
			}
		}
	}
}

func TestCSVTopicsJoined(t *testing.T) {
	set := fixture()
	set.Quotes = set.Quotes[:1]
	set.Quotes[0].Topics = []string{"A", "B; C", "Д"}
	var buf bytes.Buffer
	if _, err := CSV(&buf, set); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][3]; got != "A; B; C; Д" {
		t.Errorf("topics cell %q", got)
	}
}

func TestSpreadsheetSafe(t *testing.T) {
	got := []string{}
	for _, s := range []string{"=SUM(A1)", "+1", "-x", "@home", "\tx", "plain", "", "“quoted”"} {
		got = append(got, spreadsheetSafe(s))
	}
	want := []string{"'=SUM(A1)", "'+1", "'-x", "'@home", "'\tx", "plain", "", "“quoted”"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
