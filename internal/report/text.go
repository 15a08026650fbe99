package report

import (
	"fmt"
	"io"
)

// Text writes "path:line:col: severity rule: message", one finding a line,
// the form editors and terminals turn into links.
type Text struct {
	w, errs io.Writer
	color   bool
	// buf gathers one file's lines so that the file costs one write: a
	// write per finding was 10,000 system calls on a large repository.
	buf []byte
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (t *Text) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

// File writes one file's findings.
func (t *Text) File(path string, fs []Finding) error {
	b := t.buf[:0]
	for _, f := range fs {
		sev := f.Severity
		switch sev {
		case "error":
			sev = t.paint(ansiRed+ansiBold, sev)
		case "warning":
			sev = t.paint(ansiYellow, sev)
		default:
			sev = t.paint(ansiCyan, sev)
		}
		fix := ""
		if len(f.Fixes) > 0 {
			fix = t.paint(ansiDim, " [fixable]")
		}
		b = fmt.Appendf(b, "%s:%d:%d: %s %s: %s%s\n", f.Path, f.Line, f.Column, sev, t.paint(ansiDim, f.Rule), f.Message, fix)
	}
	t.buf = b
	if len(b) == 0 {
		return nil
	}
	_, err := t.w.Write(b)
	return err
}

// FileError reports a file that could not be linted.
func (t *Text) FileError(path string, err error) error {
	_, werr := fmt.Fprintf(t.errs, "articlelint: %v\n", err)
	return werr
}

// Close writes the summary to the error stream when there is something to say.
func (t *Text) Close(s Summary) error {
	if s.Errors+s.Warnings+s.Infos == 0 {
		return nil
	}
	msg := fmt.Sprintf("%d %s, %d %s, %d info in %d %s", s.Errors, plural(s.Errors, "error"), s.Warnings, plural(s.Warnings, "warning"), s.Infos, s.Files, plural(s.Files, "file"))
	if s.Fixable > 0 {
		msg += fmt.Sprintf(" (%d fixable with --fix)", s.Fixable)
	}
	_, err := fmt.Fprintln(t.errs, msg)
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
