// Package report writes findings in articlelint's output formats. It knows
// positions and messages, never rules.
package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
	// UTF-16 columns for SARIF and LSP.
	Column16    int    `json:"-"`
	EndColumn16 int    `json:"-"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	NewText     string `json:"newText"`
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
var Formats = []string{"text", "json", "sarif", "github", "junit", "html", "markdown"}

// SourceReporter is a Reporter that shows the lines findings are on.
type SourceReporter interface {
	Reporter
	// FileSource is File with the file's text, which the findings'
	// lines and columns index.
	FileSource(path string, src []byte, findings []Finding) error
}

// FileSource gives r a file's findings, and their text when r shows it.
func FileSource(r Reporter, path string, src []byte, fs []Finding) error {
	if sr, ok := r.(SourceReporter); ok && src != nil {
		return sr.FileSource(path, src, fs)
	}
	return r.File(path, fs)
}

// Options are what reporters need of the terminal and of the tool.
type Options struct {
	Color bool
	// Errs gets file errors and the summary in text format.
	Errs io.Writer
	// Version is the tool's version, for SARIF.
	Version string
	// Rules describes every rule, for SARIF, which lists them all whether
	// or not they found anything.
	Rules []RuleInfo
	// LinkBase is the URL that relative paths are links under in
	// Markdown, such as https://github.com/OWNER/REPO/blob/SHA.
	LinkBase string
}

// RuleInfo is what a reporter may know of a rule: reporters never import
// the rules package.
type RuleInfo struct {
	ID  string
	Doc string
	// Explain is the long text of `articlelint explain`.
	Explain string
	// Severity is the default severity: "error", "warning" or "info".
	Severity string
	HelpURI  string
}

// New returns the reporter for a format name.
func New(format string, w io.Writer, o Options) (Reporter, error) {
	switch format {
	case "text", "":
		return &Text{w: w, errs: o.Errs, color: o.Color}, nil
	case "json":
		return newJSON(w), nil
	case "sarif":
		return &SARIF{w: w, version: o.Version, rules: o.Rules}, nil
	case "github":
		return &GitHub{w: w}, nil
	case "junit":
		return &JUnit{w: w}, nil
	case "html":
		return newHTML(w, o), nil
	case "markdown":
		return newMarkdown(w, o), nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %v)", format, Formats)
}

// NewFile returns the reporter for a format that writes to the file at
// path. The file appears, whole, only when Close succeeds: the report is
// written as the run goes to a temporary file beside path and renamed at
// Close, so a CI step never reads half a report and an aborted run (see
// Abort) leaves nothing behind. Close then writes one summary line to
// o.Errs.
func NewFile(format, path string, o Options) (Reporter, error) {
	// Fail before linting, not after, when the file cannot be made.
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: cannot write report: no such directory", path)
	}
	fr := &fileReporter{path: path, format: format, errs: o.Errs}
	if fr.format == "" {
		fr.format = "text"
	}
	if !slices.Contains(Formats, fr.format) {
		_, err := New(format, io.Discard, o)
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write report: %w", path, err)
	}
	fr.tmp = f
	fr.bw = bufio.NewWriterSize(f, 64<<10)
	r, err := New(format, fr.bw, o)
	if err != nil {
		fr.abort()
		return nil, err
	}
	fr.Reporter = r
	return fr, nil
}

type fileReporter struct {
	Reporter
	tmp          *os.File
	bw           *bufio.Writer
	path, format string
	errs         io.Writer
}

// FileSource passes the text on to a reporter that shows it.
func (r *fileReporter) FileSource(path string, src []byte, fs []Finding) error {
	return FileSource(r.Reporter, path, src, fs)
}

// Close finishes the report, moves it into place and says so.
func (r *fileReporter) Close(s Summary) error {
	if r.tmp == nil {
		return fmt.Errorf("%s: report already closed", r.path)
	}
	// Text's Close only writes its summary to Errs, which the line below
	// replaces.
	if _, text := r.Reporter.(*Text); !text {
		if err := r.Reporter.Close(s); err != nil {
			r.abort()
			return err
		}
	}
	if err := r.finish(); err != nil {
		r.abort()
		return fmt.Errorf("%s: cannot write report: %w", r.path, err)
	}
	msg := fmt.Sprintf("articlelint: wrote %s report to %s: %d %s, %d %s in %d %s", r.format, r.path,
		s.Errors, plural(s.Errors, "error"), s.Warnings, plural(s.Warnings, "warning"), s.Files, plural(s.Files, "file"))
	if s.Failed > 0 {
		msg += fmt.Sprintf(" (%d could not be linted)", s.Failed)
	}
	_, err := fmt.Fprintln(r.errs, msg)
	return err
}

// finish flushes, syncs and renames the temporary file over path (in the
// same directory, so rename does not cross file systems).
func (r *fileReporter) finish() error {
	if err := r.bw.Flush(); err != nil {
		return err
	}
	// CreateTemp makes the file private; a report is for sharing.
	if err := r.tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := r.tmp.Sync(); err != nil {
		return err
	}
	if err := r.tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(r.tmp.Name(), r.path); err != nil {
		return err
	}
	r.tmp = nil
	return nil
}

// abort removes the temporary file, leaving any old report in place.
func (r *fileReporter) abort() {
	if r.Reporter != nil {
		Abort(r.Reporter)
	}
	if r.tmp != nil {
		r.tmp.Close()
		os.Remove(r.tmp.Name())
		r.tmp = nil
	}
}

// Abort releases what a reporter holds for a report that will not be
// closed: temporary files, and with NewFile the unfinished report. After
// Close it does nothing, so `defer report.Abort(r)` is safe.
func Abort(r Reporter) {
	if a, ok := r.(interface{ abort() }); ok {
		a.abort()
	}
}
