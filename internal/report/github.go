package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// GitHub writes GitHub Actions workflow commands, one a finding, which the
// runner turns into annotations on the pull request's diff:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
type GitHub struct {
	w io.Writer
	// buf gathers one file's commands: one write per file, as in Text.
	buf []byte
}

// File writes one command per finding.
func (g *GitHub) File(path string, fs []Finding) error {
	b := g.buf[:0]
	for _, f := range fs {
		b = fmt.Appendf(b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubCommand(f.Severity), githubProperty(filepath.ToSlash(f.Path)), f.Line, f.Column, f.EndLine, f.EndColumn,
			githubProperty(f.Rule), githubData(f.Message))
	}
	g.buf = b
	if len(b) == 0 {
		return nil
	}
	_, err := g.w.Write(b)
	return err
}

// FileError annotates a file that could not be linted.
func (g *GitHub) FileError(path string, err error) error {
	var werr error
	if path == "" {
		_, werr = fmt.Fprintf(g.w, "::error::%s\n", githubData(err.Error()))
	} else {
		_, werr = fmt.Fprintf(g.w, "::error file=%s::%s\n", githubProperty(filepath.ToSlash(path)), githubData(err.Error()))
	}
	return werr
}

// Close writes nothing: every annotation is out already.
func (g *GitHub) Close(Summary) error { return nil }

func githubCommand(severity string) string {
	switch severity {
	case "error", "warning":
		return severity
	}
	return "notice"
}

// The runner's escaping (actions/toolkit, command.ts): data escapes %, CR
// and LF; property values also ":" and ",", which separate properties.
var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func githubData(s string) string     { return githubDataEscaper.Replace(s) }
func githubProperty(s string) string { return githubPropertyEscaper.Replace(s) }
