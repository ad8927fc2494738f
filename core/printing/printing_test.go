package printing

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Outputs recorded from CUPS 2.4 (Debian 12) with three queues: VerbatimPDF
// (idle), Stopped (cupsdisable -r "paper jam") and Rejecting (cupsreject -r
// "maintenance").
const (
	lpstatLP = "printer Rejecting is idle.  enabled since Fri Nov 27 00:22:41 2026\n\tmaintenance\n\tForm mounted:\n\tContent types: any\n\tDescription: Rejecting\n\tAlerts: none\n" +
		"printer Stopped disabled since Fri Nov 27 00:22:41 2026 -\n\tpaper jam\n\tForm mounted:\n\tDescription: Stopped\n\tAlerts: paused\n" +
		"printer VerbatimPDF is idle.  enabled since Fri Nov 27 00:22:41 2026\n\tForm mounted:\n\tContent types: any\n\tDescription: Verbatim test PDF printer\n\tAlerts: none\n\tUsers allowed:\n\t\t(all)\n"
	lpstatA = "Rejecting not accepting requests since Fri Nov 27 00:22:41 2026 -\n\tmaintenance\n" +
		"Stopped accepting requests since Fri Nov 27 00:22:41 2026\n" +
		"VerbatimPDF accepting requests since Fri Nov 27 00:22:41 2026\n"
	lpstatD = "system default destination: VerbatimPDF\n"
)

// call is one expected program run and its recorded answer.
type call struct {
	name, args     string
	stdout, stderr string
	err            error
}

// fake answers runs from a script and records them.
type fake struct {
	t     *testing.T
	calls []call
	ran   []string
}

func (f *fake) run(_ context.Context, env []string, name string, args ...string) ([]byte, []byte, error) {
	line := name + " " + strings.Join(args, " ")
	f.ran = append(f.ran, line)
	for _, c := range f.calls {
		if c.name == name && (c.args == "*" || c.args == strings.Join(args, " ")) {
			return []byte(c.stdout), []byte(c.stderr), c.err
		}
	}
	f.t.Fatalf("unexpected run: %s", line)
	return nil, nil, nil
}

var exitFailure = errors.New("exit status 1")

func cupsCalls(extra ...call) []call {
	return append(extra,
		call{name: "lpstat", args: "-l -p", stdout: lpstatLP},
		call{name: "lpstat", args: "-a", stdout: lpstatA},
		call{name: "lpstat", args: "-d", stdout: lpstatD},
	)
}

func TestCUPSPrinters(t *testing.T) {
	f := &fake{t: t, calls: cupsCalls()}
	got, err := System{GOOS: "linux", Run: f.run}.Printers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []Printer{
		{Name: "VerbatimPDF", Description: "Verbatim test PDF printer", Default: true, Enabled: true, Accepting: true},
		{Name: "Rejecting", Enabled: true, Accepting: false, Reason: "maintenance"},
		{Name: "Stopped", Enabled: false, Accepting: true, Reason: "paper jam"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("printers\n got %+v\nwant %+v", got, want)
	}
}

func sheetFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(p, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCUPSPrintErrors(t *testing.T) {
	file := sheetFile(t)
	notFound := &exec.Error{Name: "lpstat", Err: exec.ErrNotFound}
	tests := []struct {
		name    string
		calls   []call
		job     Job
		kind    Kind
		message string // a phrase the sentence must hold
	}{
		{"lp not installed", []call{{name: "lpstat", args: "*", err: notFound}}, Job{Printer: "X"},
			NoPrintService, "not installed"},
		{"scheduler down", []call{{name: "lpstat", args: "*", stderr: "lpstat: Scheduler is not running.\n", err: exitFailure}}, Job{Printer: "X"},
			ServiceNotRunning, "not running"},
		{"no printers at all", []call{{name: "lpstat", args: "*", stderr: "lpstat: No destinations added.\n", err: exitFailure}}, Job{},
			NoPrinters, "No printer is set up"},
		{"unknown printer", cupsCalls(), Job{Printer: "Office"}, UnknownPrinter, "no printer called “Office”"},
		{"queue stopped", cupsCalls(), Job{Printer: "Stopped"}, PrinterStopped, "“Stopped” is paused (it reports: paper jam)"},
		{"queue rejecting", cupsCalls(), Job{Printer: "Rejecting"}, NotAccepting, "not accepting print jobs right now (it reports: maintenance)"},
		{"no default printer", []call{
			{name: "lpstat", args: "-l -p", stdout: lpstatLP}, {name: "lpstat", args: "-a", stdout: lpstatA},
			{name: "lpstat", args: "-d", stdout: "no system default destination\n"}}, Job{}, NoDefaultPrinter, "no default printer"},
		{"lp refuses", cupsCalls(call{name: "lp", args: "*", stderr: `lp: Destination "VerbatimPDF" is not accepting jobs.`, err: exitFailure}),
			Job{Printer: "VerbatimPDF"}, NotAccepting, "not accepting"},
		{"queue removed meanwhile", cupsCalls(call{name: "lp", args: "*", stderr: "lp: Error - The printer or class does not exist.", err: exitFailure}),
			Job{Printer: "VerbatimPDF"}, UnknownPrinter, "(any more)"},
		{"lp says something new", cupsCalls(call{name: "lp", args: "*", stderr: "lp: Error - out of toner\nmore", err: exitFailure}),
			Job{Printer: "VerbatimPDF"}, Failed, "The system said: “lp: Error - out of toner”."},
		{"too many copies", nil, Job{Printer: "VerbatimPDF", Copies: 5000}, BadJob, "between 1 and 999"},
		{"file gone", nil, Job{Printer: "VerbatimPDF", File: "/nonexistent/sheet.pdf"}, BadJob, "could not be found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{t: t, calls: tt.calls}
			if tt.job.File == "" {
				tt.job.File = file
			}
			_, err := System{GOOS: "linux", Run: f.run}.Print(context.Background(), tt.job)
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if pe.Kind != tt.kind || !strings.Contains(pe.Message, tt.message) {
				t.Errorf("got kind %d %q, want kind %d with %q", pe.Kind, pe.Message, tt.kind, tt.message)
			}
			if !strings.HasSuffix(pe.Message, ".") {
				t.Errorf("message is not a sentence: %q", pe.Message)
			}
		})
	}
}

func TestCUPSPrintCommand(t *testing.T) {
	file := sheetFile(t)
	f := &fake{t: t, calls: cupsCalls(call{name: "lp", args: "*", stdout: "request id is VerbatimPDF-7 (1 file(s))\n"})}
	id, err := System{GOOS: "linux", Run: f.run}.Print(context.Background(),
		Job{File: file, Copies: 2, Paper: "Letter", Title: "Quotes on: Syria"})
	if err != nil {
		t.Fatal(err)
	}
	if id != "VerbatimPDF-7" {
		t.Errorf("job id %q", id)
	}
	want := "lp -d VerbatimPDF -n 2 -o media=Letter -t Quotes on: Syria " + file
	if last := f.ran[len(f.ran)-1]; last != want {
		t.Errorf("ran %q\nwant %q", last, want)
	}
}

func TestWindowsPrinting(t *testing.T) {
	file := sheetFile(t)
	list := call{name: "powershell.exe", args: "*", stdout: "Microsoft Print to PDF\tFalse\tFalse\r\nOffice's laser\tTrue\tFalse\r\nOld one\tFalse\tTrue\r\n"}
	f := &fake{t: t, calls: []call{list}}
	sys := System{GOOS: "windows", Run: f.run}
	printers, err := sys.Printers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(printers) != 3 || !printers[1].Default || printers[2].Enabled {
		t.Errorf("printers %+v", printers)
	}
	f.ran = nil
	if _, err := sys.Print(context.Background(), Job{File: file, Copies: 2}); err != nil {
		t.Fatal(err)
	}
	wantPrint := "powershell.exe -NoProfile -NonInteractive -Command Start-Process -FilePath '" + file + "' -Verb PrintTo -ArgumentList '\"Office''s laser\"'"
	if len(f.ran) != 3 || f.ran[1] != wantPrint || f.ran[2] != wantPrint {
		t.Errorf("runs %q\nwant the list, then twice %q", f.ran, wantPrint)
	}
	_, err = sys.Print(context.Background(), Job{File: file, Printer: "Old one"})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != PrinterStopped {
		t.Errorf("offline printer: %v", err)
	}
	f.calls = []call{{name: "powershell.exe", args: "*", stderr: "Start-Process : This command cannot be run due to the error: No application is associated with the specified file for this operation.", err: exitFailure}}
	if _, err := sys.Printers(context.Background()); !errors.As(err, &pe) || !strings.Contains(pe.Message, "no program that can print PDF") {
		t.Errorf("no PDF program: %v", err)
	}
}
