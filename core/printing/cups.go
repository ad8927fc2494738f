package printing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// cupsEnv makes lp and lpstat answer in English, the language the parsers
// read, while keeping UTF-8 for printer descriptions.
func (s System) cupsEnv() []string {
	if s.goos() == "darwin" {
		return []string{"LC_ALL=en_US.UTF-8", "LANG=en_US.UTF-8"}
	}
	return []string{"LC_ALL=C.UTF-8", "LANG=C.UTF-8"}
}

// lpstat runs lpstat with args and turns its failures into *Error.
func (s System) lpstat(ctx context.Context, args ...string) (string, error) {
	out, errOut, err := s.run(ctx, s.cupsEnv(), "lpstat", args...)
	said := strings.TrimSpace(string(errOut) + "\n" + string(out))
	switch {
	case err == nil:
		return string(out), nil
	case missingProgram(err):
		return "", &Error{Kind: NoPrintService, Err: err,
			Message: "Printing needs the system’s print service (CUPS), which is not installed on this computer." + saveInstead}
	case strings.Contains(said, "No destinations added"):
		return "", nil
	case strings.Contains(said, "Scheduler is not running"), strings.Contains(said, "Unable to connect"):
		return "", &Error{Kind: ServiceNotRunning, Detail: said, Err: err,
			Message: "The print service (CUPS) is not running, so no printer can be reached. Restarting the computer usually starts it." + saveInstead}
	}
	return "", &Error{Kind: Failed, Detail: said, Err: err,
		Message: "The list of printers could not be read. The system said: " + saying(said)}
}

func (s System) cupsPrinters(ctx context.Context) ([]Printer, error) {
	states, err := s.lpstat(ctx, "-l", "-p")
	if err != nil || strings.TrimSpace(states) == "" {
		return nil, err
	}
	printers := parsePrinterStates(states)
	accepting, err := s.lpstat(ctx, "-a")
	if err != nil {
		return nil, err
	}
	applyAccepting(printers, accepting)
	// "no system default destination" is not a failure.
	def, _ := s.lpstat(ctx, "-d")
	if name, ok := strings.CutPrefix(strings.TrimSpace(def), "system default destination: "); ok {
		for i := range printers {
			printers[i].Default = printers[i].Name == name
		}
	}
	slices.SortStableFunc(printers, func(a, b Printer) int { return boolRank(b.Default) - boolRank(a.Default) })
	return printers, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// parsePrinterStates reads `lpstat -l -p`:
//
//	printer NAME is idle.  enabled since …
//	printer NAME disabled since … -
//		paper jam                      (state message, before "Form mounted:")
//		Description: Office laser
func parsePrinterStates(out string) []Printer {
	var printers []Printer
	inReason := false
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "printer "); ok {
			name, state, _ := strings.Cut(rest, " ")
			printers = append(printers, Printer{Name: name, Enabled: !strings.HasPrefix(state, "disabled"), Accepting: true})
			inReason = true
			continue
		}
		if len(printers) == 0 || !strings.HasPrefix(line, "\t") {
			continue
		}
		p := &printers[len(printers)-1]
		text := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(text, "Form mounted:"):
			inReason = false
		case inReason && text != "":
			p.Reason = joinReason(p.Reason, text)
		case strings.HasPrefix(text, "Description: "):
			if d := strings.TrimPrefix(text, "Description: "); d != p.Name {
				p.Description = d
			}
		}
	}
	return printers
}

// applyAccepting reads `lpstat -a`:
//
//	NAME accepting requests since …
//	NAME not accepting requests since … -
//		reason
func applyAccepting(printers []Printer, out string) {
	var current *Printer
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "\t") {
			if current != nil && !current.Accepting {
				current.Reason = joinReason(current.Reason, strings.TrimSpace(line))
			}
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		current = nil
		for i := range printers {
			if printers[i].Name == name {
				current = &printers[i]
				current.Accepting = !strings.HasPrefix(rest, "not accepting")
			}
		}
	}
}

func joinReason(have, more string) string {
	if have == "" || strings.Contains(have, more) {
		return cmp.Or(have, more)
	}
	return have + "; " + more
}

func (s System) cupsPrint(ctx context.Context, job Job) (string, error) {
	printers, err := s.cupsPrinters(ctx)
	if err != nil {
		return "", err
	}
	p, err := choose(printers, job.Printer)
	if err != nil {
		return "", err
	}
	args := []string{"-d", p.Name, "-n", strconv.Itoa(job.Copies)}
	if job.Paper != "" {
		args = append(args, "-o", "media="+job.Paper)
	}
	if job.Title != "" {
		args = append(args, "-t", job.Title)
	}
	out, errOut, err := s.run(ctx, s.cupsEnv(), "lp", append(args, job.File)...)
	if err != nil {
		return "", lpError(p.Name, strings.TrimSpace(string(errOut)+"\n"+string(out)), err)
	}
	// "request id is Office-42 (1 file(s))"
	if rest, ok := strings.CutPrefix(strings.TrimSpace(string(out)), "request id is "); ok {
		id, _, _ := strings.Cut(rest, " ")
		return id, nil
	}
	return "", nil
}

// choose finds the printer to use and refuses one that cannot print now.
func choose(printers []Printer, name string) (Printer, error) {
	if len(printers) == 0 {
		return Printer{}, &Error{Kind: NoPrinters,
			Message: "No printer is set up on this computer. Add one in the system’s printer settings." + saveInstead}
	}
	for _, p := range printers {
		if p.Name != name && (name != "" || !p.Default) {
			continue
		}
		switch {
		case !p.Accepting:
			return p, &Error{Kind: NotAccepting, Printer: p.Name, Detail: p.Reason,
				Message: fmt.Sprintf("The printer “%s” is not accepting print jobs right now%s. Choose another printer or try again later.", p.Name, because(p.Reason))}
		case !p.Enabled:
			return p, &Error{Kind: PrinterStopped, Printer: p.Name, Detail: p.Reason,
				Message: fmt.Sprintf("The printer “%s” is paused%s, so the sheet would only wait in its queue. Resume it in the system’s printer settings, or choose another printer.", p.Name, because(p.Reason))}
		}
		return p, nil
	}
	if name == "" {
		return Printer{}, &Error{Kind: NoDefaultPrinter,
			Message: "This computer has no default printer. Choose a printer from the list."}
	}
	return Printer{}, &Error{Kind: UnknownPrinter, Printer: name,
		Message: fmt.Sprintf("There is no printer called “%s” on this computer. Choose one from the list.", name)}
}

func because(reason string) string {
	if reason == "" {
		return ""
	}
	return " (it reports: " + reason + ")"
}

// lpError words a failure of lp.
func lpError(printer, said string, err error) error {
	e := &Error{Kind: Failed, Printer: printer, Detail: said, Err: err}
	switch {
	case missingProgram(err):
		e.Kind, e.Message = NoPrintService, "Printing needs the system’s print service (CUPS), which is not installed on this computer."+saveInstead
	case strings.Contains(said, "not accepting jobs"):
		e.Kind, e.Message = NotAccepting, fmt.Sprintf("The printer “%s” is not accepting print jobs right now. Choose another printer or try again later.", printer)
	case strings.Contains(said, "does not exist"):
		e.Kind, e.Message = UnknownPrinter, fmt.Sprintf("There is no printer called “%s” on this computer (any more). Choose one from the list.", printer)
	case strings.Contains(said, "No default destination"):
		e.Kind, e.Message = NoDefaultPrinter, "This computer has no default printer. Choose a printer from the list."
	case strings.Contains(said, "unable to access"):
		e.Kind, e.Message = BadJob, "The print service could not read the sheet’s file. Save the sheet as PDF and print that file instead."
	case strings.Contains(said, "Scheduler is not running"), strings.Contains(said, "Unable to connect"):
		e.Kind, e.Message = ServiceNotRunning, "The print service (CUPS) is not running, so no printer can be reached."+saveInstead
	default:
		e.Message = fmt.Sprintf("The printer “%s” did not take the sheet. The system said: %s", printer, saying(said))
	}
	return e
}

// saying quotes the first line of what a program said, as the end of a
// sentence.
func saying(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if line == "" {
		return "nothing."
	}
	return "“" + strings.TrimSpace(line) + "”."
}
