package printing

import "strings"

// known is something a print program writes when it fails, and what it
// means for the researcher. message may hold {printer} for the printer's name.
type known struct {
	says    []string // any of these in the program's output
	kind    Kind
	message string
}

const (
	cupsMissing    = "Printing needs the system’s print service (CUPS), which is not installed on this computer." + saveInstead
	cupsNotRunning = "The print service (CUPS) is not running, so no printer can be reached. Restarting the computer usually starts it." + saveInstead
)

// lpstatKnows lists lpstat's failures (CUPS 2.x, English).
func lpstatKnows() []known {
	return []known{
		{[]string{"Scheduler is not running", "Unable to connect"}, ServiceNotRunning, cupsNotRunning},
	}
}

// lpKnows lists lp's failures (CUPS 2.x, English).
func lpKnows() []known {
	return []known{
		{[]string{"not accepting jobs"}, NotAccepting, "The printer “{printer}” is not accepting print jobs right now. Choose another printer or try again later."},
		{[]string{"does not exist"}, UnknownPrinter, "There is no printer called “{printer}” on this computer (any more). Choose one from the list."},
		{[]string{"No default destination"}, NoDefaultPrinter, "This computer has no default printer. Choose a printer from the list."},
		{[]string{"unable to access"}, BadJob, "The print service could not read the sheet’s file. Save the sheet as PDF and print that file instead."},
		{[]string{"Scheduler is not running", "Unable to connect"}, ServiceNotRunning, cupsNotRunning},
	}
}

// powershellKnows lists the Windows shell's failures.
func powershellKnows() []known {
	return []known{
		{[]string{"No application is associated", "no application associated"}, NoPrintService, "Windows has no program that can print PDF files." + saveInstead},
	}
}

// explain words a failed run of a print program. notInstalled is the
// message for a missing program; fallback starts the message for output no
// entry knows, which then quotes the program's first line.
func explain(err error, said, printer string, knows []known, notInstalled, fallback string) *Error {
	e := &Error{Kind: Failed, Printer: printer, Detail: said, Err: err}
	if missingProgram(err) {
		e.Kind, e.Message = NoPrintService, notInstalled
		return e
	}
	for _, k := range knows {
		for _, s := range k.says {
			if strings.Contains(said, s) {
				e.Kind, e.Message = k.kind, strings.ReplaceAll(k.message, "{printer}", printer)
				return e
			}
		}
	}
	e.Message = strings.ReplaceAll(fallback, "{printer}", printer) + " The system said: " + quoteFirstLine(said)
	return e
}

// quoteFirstLine quotes the first line of what a program said, as the end
// of a sentence.
func quoteFirstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if line == "" {
		return "nothing."
	}
	return "“" + strings.TrimSpace(line) + "”."
}
