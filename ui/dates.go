package ui

import "time"

// shortDate shows an ISO date as "8 Oct 2019"; other text is shown as is.
func shortDate(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("2 Jan 2006")
	}
	return iso
}

// longDate shows an ISO date as "Tuesday, 8 October 2019".
func longDate(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("Monday, 2 January 2006")
	}
	return iso
}
