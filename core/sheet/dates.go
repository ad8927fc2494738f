package sheet

import (
	"strings"
	"time"
)

const nbsp = "\u00a0"

// dateLayouts are the forms core.Meta.Date may take, most precise first,
// each with how to print it (short and long). Spaces inside a printed date
// are non-breaking so that a date never splits across lines.
var dateLayouts = []struct{ parse, short, long string }{
	{time.RFC3339, "2 Jan 2006", "2 January 2006"},
	{"2006-01-02T15:04:05", "2 Jan 2006", "2 January 2006"},
	{"2006-01-02", "2 Jan 2006", "2 January 2006"},
	{"2006-01", "Jan 2006", "January 2006"},
	{"2006", "2006", "2006"},
}

// formatDate prints an ISO 8601 date as "7 Jan 2019" (or "7 January 2019"
// when long). A date in any other form is printed as it is.
func formatDate(iso string, long bool) string {
	iso = strings.TrimSpace(iso)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.parse, iso); err == nil {
			layout := l.short
			if long {
				layout = l.long
			}
			return strings.ReplaceAll(t.Format(layout), " ", nbsp)
		}
	}
	return iso
}
