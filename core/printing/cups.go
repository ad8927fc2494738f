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
	case strings.Contains(said, "No destinations added"): // no printers: not a failure
		return "", nil
	}
	return "", explain(err, said, "", lpstatKnows(), cupsMissing, "The list of printers could not be read.")
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
		said := strings.TrimSpace(string(errOut) + "\n" + string(out))
		return "", explain(err, said, p.Name, lpKnows(), cupsMissing, "The printer “{printer}” did not take the sheet.")
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
