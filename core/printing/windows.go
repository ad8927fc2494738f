package printing

import (
	"context"
	"strings"
)

// On Windows, printers are listed through WMI and files are printed with
// the shell's "print" action (the "printto" action for a chosen printer),
// which hands the PDF to the program registered for PDF files. Both go
// through PowerShell, present on every supported Windows. The shell action
// knows neither copies nor paper: copies are sent one by one, and the paper
// follows the PDF’s own page size. Start-Process does not wait for the PDF
// program, which may stay open.

// psQuote quotes s as a PowerShell single-quoted string.
func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (s System) powershell(ctx context.Context, script string) (string, error) {
	out, errOut, err := s.run(ctx, nil, "powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
	if err == nil {
		return string(out), nil
	}
	said := strings.TrimSpace(string(errOut) + "\n" + string(out))
	return "", explain(err, said, "", powershellKnows(),
		"Printing needs Windows PowerShell, which was not found on this computer."+saveInstead,
		"Windows could not print the sheet.")
}

// windowsPrinters lists printers as "name<TAB>default<TAB>offline" lines.
func (s System) windowsPrinters(ctx context.Context) ([]Printer, error) {
	out, err := s.powershell(ctx, "Get-CimInstance -ClassName Win32_Printer | ForEach-Object { \"{0}`t{1}`t{2}\" -f $_.Name, $_.Default, $_.WorkOffline }")
	if err != nil {
		return nil, err
	}
	var printers []Printer
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) != 3 || f[0] == "" {
			continue
		}
		printers = append(printers, Printer{Name: f[0], Default: strings.EqualFold(f[1], "True"),
			Enabled: !strings.EqualFold(f[2], "True"), Accepting: true})
		if !printers[len(printers)-1].Enabled {
			printers[len(printers)-1].Reason = "offline"
		}
	}
	return printers, nil
}

func (s System) windowsPrint(ctx context.Context, job Job) (string, error) {
	printers, err := s.windowsPrinters(ctx)
	if err != nil {
		return "", err
	}
	p, err := choose(printers, job.Printer)
	if err != nil {
		return "", err
	}
	script := "Start-Process -FilePath " + psQuote(job.File) + " -Verb PrintTo -ArgumentList " + psQuote(`"`+p.Name+`"`)
	for range job.Copies {
		if _, err := s.powershell(ctx, script); err != nil {
			return "", err
		}
	}
	return "", nil
}
