// Package printing prints files through the operating system: CUPS (lp and
// lpstat) on Linux and macOS, the shell's print action on Windows. Every
// failure becomes an *Error whose message a researcher can act on.
package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
)

// Printer is one print queue.
type Printer struct {
	Name        string // the queue's name, passed back in Job.Printer
	Description string // the name people know it by, "" when none
	Default     bool
	Enabled     bool   // false: the queue is paused (stopped)
	Accepting   bool   // false: the queue refuses new jobs
	Reason      string // why it is paused or refusing, as the system says it
}

// Job is one thing to print.
type Job struct {
	File    string // the PDF to print
	Printer string // queue name; "" prints on the default printer
	Copies  int    // 0 means 1
	Paper   string // "A4" or "Letter"; "" leaves the printer's setting
	Title   string // the job's name in the printer's queue
}

// Kind tells what went wrong.
type Kind int

const (
	Failed            Kind = iota // anything else; Error.Detail has the system's words
	NoPrintService                // no lp/lpstat (or no PowerShell on Windows)
	ServiceNotRunning             // the CUPS scheduler is down
	NoPrinters                    // no printer is set up
	NoDefaultPrinter              // no printer chosen and none is the default
	UnknownPrinter                // no printer by that name
	PrinterStopped                // the queue is paused
	NotAccepting                  // the queue refuses jobs
	BadJob                        // the file is missing, or the copies are out of range
)

// Error is a printing problem worded for the researcher.
type Error struct {
	Kind    Kind
	Printer string
	Message string // one or two sentences to show as they are
	Detail  string // the system's own words, for logs
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// saveInstead ends messages for problems the researcher cannot fix here.
const saveInstead = " You can still save the sheet as PDF and print it from another program."

// Runner runs a program and returns what it printed. Tests replace it.
type Runner func(ctx context.Context, env []string, name string, args ...string) (stdout, stderr []byte, err error)

// System prints through the operating system. The zero value uses the
// running system; tests set GOOS and Run.
type System struct {
	GOOS string
	Run  Runner
}

func (s System) goos() string {
	if s.GOOS != "" {
		return s.GOOS
	}
	return runtime.GOOS
}

func (s System) run(ctx context.Context, env []string, name string, args ...string) (stdout, stderr []byte, err error) {
	if s.Run != nil {
		return s.Run(ctx, env, name, args...)
	}
	return execRun(ctx, env, name, args...)
}

func execRun(ctx context.Context, env []string, name string, args ...string) ([]byte, []byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	return out.Bytes(), errOut.Bytes(), err
}

// Printers lists the print queues, the default first.
func (s System) Printers(ctx context.Context) ([]Printer, error) {
	if s.goos() == "windows" {
		return s.windowsPrinters(ctx)
	}
	return s.cupsPrinters(ctx)
}

// Print sends job to the printer and returns the system's job ID ("" when
// the system gives none). It checks the printer first so that a paused or
// missing printer gets a clear message instead of a silent wait.
func (s System) Print(ctx context.Context, job Job) (string, error) {
	if job.Copies == 0 {
		job.Copies = 1
	}
	if job.Copies < 1 || job.Copies > 999 {
		return "", &Error{Kind: BadJob, Message: fmt.Sprintf("The number of copies must be between 1 and 999, not %d.", job.Copies)}
	}
	if _, err := os.Stat(job.File); err != nil {
		return "", &Error{Kind: BadJob, Message: fmt.Sprintf("The sheet to print (%s) could not be found.", job.File), Err: err}
	}
	if s.goos() == "windows" {
		return s.windowsPrint(ctx, job)
	}
	return s.cupsPrint(ctx, job)
}

// missingProgram reports whether err means the program is not installed.
func missingProgram(err error) bool {
	return errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist)
}
