// Package report writes findings in articlelint's output formats. It knows
// positions and messages, never rules.
package report

import (
	"fmt"
	"io"
	"sort"
)

// Finding is one problem, located in a file. Lines are 1-based; columns
// count characters. EndLine:EndColumn is exclusive.
type Finding struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	// UTF-16 columns for SARIF and LSP.
	Column16    int    `json:"-"`
	EndColumn16 int    `json:"-"`
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Fixes       []Fix  `json:"fixes"`
}

// Fix is a suggested change.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces [Start, End) (byte offsets) with NewText.
type Edit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	NewText   string `json:"newText"`
}

// Summary counts what a run found.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Fixable  int `json:"fixable"`
	// Failed counts files that could not be linted.
	Failed int `json:"failed"`
}

// Add counts findings.
func (s *Summary) Add(fs []Finding) {
	for _, f := range fs {
		switch f.Severity {
		case "error":
			s.Errors++
		case "warning":
			s.Warnings++
		case "info":
			s.Infos++
		}
		if len(f.Fixes) > 0 {
			s.Fixable++
		}
	}
}

// Reporter receives each file's findings in path order, then the summary.
type Reporter interface {
	File(path string, findings []Finding) error
	FileError(path string, err error) error
	Close(s Summary) error
}

// Sort orders findings by position, then rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Formats are the names accepted by New.
var Formats = []string{"text", "json"}

// Options are what reporters need of the terminal.
type Options struct {
	Color bool
	// Errs gets file errors and the summary in text format.
	Errs io.Writer
}

// New returns the reporter for a format name.
func New(format string, w io.Writer, o Options) (Reporter, error) {
	switch format {
	case "text", "":
		return &Text{w: w, errs: o.Errs, color: o.Color}, nil
	case "json":
		return &JSON{w: w}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %v)", format, Formats)
}
