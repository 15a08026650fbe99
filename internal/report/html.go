package report

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The page's template, style and script are embedded: the report is one
// file that opens anywhere, offline, with nothing fetched.
//
//go:embed html/report.html.tmpl html/report.css html/report.js
var htmlFiles embed.FS

// htmlTemplate is parsed on first use, not at start-up: most runs write
// no HTML.
var htmlTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.ParseFS(htmlFiles, "html/report.html.tmpl")
})

// htmlContext is how many characters of a long source line are shown
// around a finding.
const htmlContext = 60

// HTML writes one self-contained page for people: a summary by severity
// and by rule, each rule's explanation, and the findings grouped by file
// with their source line and a caret under the column, filtered by
// severity and rule in the page. The summary comes first, so the files'
// sections are rendered as each file finishes into a spool and the page
// is written at Close.
type HTML struct {
	w       io.Writer
	version string
	rules   []RuleInfo
	body    spool
	tmpl    *template.Template
	err     error
	n       int // findings so far, for their ids
	files   int // files with findings
	bySev   map[string]int
	byRule  map[string]*htmlRule
	errors  []FileErr
	scratch htmlFile
}

type htmlRule struct {
	ID, Doc, Explain string
	N                int
	// Severity is the most severe the rule's findings were.
	Severity string
}

type htmlFile struct {
	ID, Path, Count string
	Findings        []htmlFinding
}

type htmlFinding struct {
	ID                  string
	Line, Column        int
	Severity, Rule, Msg string
	Fixable             bool
	Src                 *htmlSource
}

// htmlSource is a finding's line: the text before the finding, the
// finding, the text after, and the caret line's "^~~~" under the finding.
type htmlSource struct {
	Line                int
	Before, Mark, After string
	CutStart, CutEnd    bool
	Caret               string
}

type htmlPage struct {
	Version                  string
	Files, FilesWithFindings int
	Failed, Total, Fixable   int
	Severities               []htmlCount
	Rules                    []*htmlRule
	Errors                   []FileErr
	CSS                      template.CSS
	JS                       template.JS
	Summary                  string
}

type htmlCount struct {
	Name string
	N    int
}

func newHTML(w io.Writer, o Options) *HTML {
	return &HTML{w: w, version: o.Version, rules: o.Rules, bySev: map[string]int{}, byRule: map[string]*htmlRule{}}
}

// File adds a file's findings without their source lines.
func (h *HTML) File(path string, fs []Finding) error { return h.FileSource(path, nil, fs) }

// FileSource adds a file's findings with the lines they are on.
func (h *HTML) FileSource(path string, src []byte, fs []Finding) error {
	if len(fs) == 0 {
		return nil
	}
	if h.tmpl == nil {
		if h.tmpl, h.err = htmlTemplate(); h.err != nil {
			return h.err
		}
	}
	h.files++
	lines := lineStarts(src)
	f := &h.scratch
	f.ID, f.Path, f.Findings = fmt.Sprintf("file-%d", h.files), path, f.Findings[:0]
	f.Count = fmt.Sprintf("%d %s", len(fs), plural(len(fs), "finding"))
	for _, x := range fs {
		h.n++
		h.bySev[x.Severity]++
		r := h.byRule[x.Rule]
		if r == nil {
			r = &htmlRule{ID: x.Rule}
			h.byRule[x.Rule] = r
		}
		r.N++
		if severityRank(x.Severity) > severityRank(r.Severity) {
			r.Severity = x.Severity
		}
		hf := htmlFinding{ID: fmt.Sprintf("f-%d", h.n), Line: x.Line, Column: x.Column, Severity: x.Severity, Rule: x.Rule, Msg: x.Message, Fixable: len(x.Fixes) > 0}
		if line, ok := lines.line(src, x.Line); ok {
			hf.Src = sourceLine(line, x)
		}
		f.Findings = append(f.Findings, hf)
	}
	return h.tmpl.ExecuteTemplate(&h.body, "file", f)
}

// FileError lists a file that could not be linted.
func (h *HTML) FileError(path string, err error) error {
	h.errors = append(h.errors, FileErr{Path: path, Message: err.Error()})
	return nil
}

// Close writes the page.
func (h *HTML) Close(s Summary) error {
	defer h.body.release()
	if h.err != nil {
		return h.err
	}
	if h.tmpl == nil {
		if h.tmpl, h.err = htmlTemplate(); h.err != nil {
			return h.err
		}
	}
	css, err := htmlFiles.ReadFile("html/report.css")
	if err != nil {
		return err
	}
	js, err := htmlFiles.ReadFile("html/report.js")
	if err != nil {
		return err
	}
	p := htmlPage{
		Version: h.version, Files: s.Files, FilesWithFindings: h.files, Failed: s.Failed,
		Total: h.n, Fixable: s.Fixable, Errors: h.errors,
		CSS: template.CSS(css), JS: template.JS(js),
	}
	for _, sev := range []string{"error", "warning", "info"} {
		p.Severities = append(p.Severities, htmlCount{sev, h.bySev[sev]})
	}
	// Rules the run had but that are not in the registry (none today)
	// still get a row, after the known ones.
	for _, r := range h.rules {
		if hr := h.byRule[r.ID]; hr != nil {
			hr.Doc, hr.Explain = r.Doc, r.Explain
		}
	}
	for _, r := range h.byRule {
		p.Rules = append(p.Rules, r)
	}
	slices.SortFunc(p.Rules, func(a, b *htmlRule) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.ID, b.ID))
	})
	p.Summary = fmt.Sprintf("%d %s, %d %s, %d info in %d %s", h.bySev["error"], plural(h.bySev["error"], "error"),
		h.bySev["warning"], plural(h.bySev["warning"], "warning"), h.bySev["info"], s.Files, plural(s.Files, "file"))
	var head bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&head, "head", p); err != nil {
		return err
	}
	if _, err := head.WriteTo(h.w); err != nil {
		return err
	}
	if _, err := h.body.WriteTo(h.w); err != nil {
		return err
	}
	return h.tmpl.ExecuteTemplate(h.w, "foot", p)
}

// abort drops the spooled sections of a run that stopped.
func (h *HTML) abort() { h.body.release() }

// lineIndex holds the byte offset of each line's start.
type lineIndex []int

func lineStarts(src []byte) lineIndex {
	if src == nil {
		return nil
	}
	starts := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line is line n (1-based) without its line ending, and without a
// leading byte order mark, which takes no column.
func (li lineIndex) line(src []byte, n int) (string, bool) {
	if n < 1 || n > len(li) {
		return "", false
	}
	end := len(src)
	if n < len(li) {
		end = li[n] - 1
	}
	s := string(src[li[n-1]:end])
	s = strings.TrimSuffix(s, "\r")
	if n == 1 {
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	return s, true
}

// sourceLine splits a finding's line into the text before the finding,
// the finding (to its end, or the end of the line when it runs on) and
// the text after, keeping htmlContext characters on either side.
func sourceLine(line string, f Finding) *htmlSource {
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	runes := []rune(line)
	start := min(max(f.Column-1, 0), len(runes))
	end := len(runes)
	if f.EndLine == f.Line {
		end = min(max(f.EndColumn-1, start), len(runes))
	}
	s := &htmlSource{Line: f.Line}
	from, to := max(start-htmlContext, 0), min(end+htmlContext, len(runes))
	if end-start > 2*htmlContext {
		end = start + 2*htmlContext
		to = end
	}
	s.CutStart, s.CutEnd = from > 0, to < len(runes)
	s.Before, s.Mark, s.After = string(runes[from:start]), string(runes[start:end]), string(runes[end:to])
	s.Caret = "^" + strings.Repeat("~", max(utf8.RuneCountInString(s.Mark)-1, 0))
	return s
}
