// Package lint drives a run: it finds articles, loads the config that
// applies to each, parses it once, runs every rule on the document and
// hands located findings to a reporter.
package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/fix"
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/report"
	"github.com/articlelint/articlelint/internal/suppress"
	"github.com/articlelint/articlelint/rules"
)

// Options configure a Linter.
type Options struct {
	// ConfigPath overrides config discovery for every file.
	ConfigPath string
	// Format overrides format detection.
	Format *article.Format
	// Rules to run; nil means rules.All.
	Rules []*rules.Rule
	// ReportUnused reports suppression comments that silenced nothing.
	ReportUnused bool
	// Online holds the results of the network checks, or nil offline.
	Online *online.Results
	// MaxFileSize is the size in bytes above which an article is not
	// linted but gets one FileTooLarge finding; 0 means no limit.
	MaxFileSize int64
	// Warn, if set, receives each config file's warnings (deprecated keys)
	// once, when the file is loaded. It may be called from any goroutine.
	Warn func(*config.Error)
}

// UnusedSuppression is the rule id of findings about suppression comments
// that silenced nothing (with Options.ReportUnused).
const UnusedSuppression = "suppression-unused"

// FileTooLarge is the rule id of the one finding reported for a file over
// Options.MaxFileSize, which is skipped so that it cannot slow the run.
const FileTooLarge = "file-too-large"

// Linter lints articles. It is safe for concurrent use.
type Linter struct {
	opts    Options
	mu      sync.Mutex
	configs map[string]configResult // by directory, or "" for --config
	// found caches config.FindCached; def is the one default config of
	// every directory without a config file.
	found map[string]string
	def   *config.Config
	// files are the config files loaded, by absolute path.
	files map[string]configResult
}

type configResult struct {
	cfg *config.Config
	err error
}

// New returns a Linter.
func New(opts Options) *Linter {
	if opts.Rules == nil {
		opts.Rules = rules.All
	}
	return &Linter{opts: opts, configs: map[string]configResult{}, found: map[string]string{}, files: map[string]configResult{}}
}

// Config returns the configuration that applies to an article at path:
// --config if given, else the nearest .articlelint.yaml above the file.
func (l *Linter) Config(path string) (*config.Config, error) {
	key := ""
	if l.opts.ConfigPath == "" {
		key = filepath.Dir(path)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.configs[key]; ok {
		return r.cfg, r.err
	}
	var r configResult
	cfgPath := l.opts.ConfigPath
	if cfgPath == "" {
		cfgPath, r.err = config.FindCached(key, l.found)
	}
	switch {
	case r.err != nil:
	case cfgPath == "":
		if l.def == nil {
			l.def = config.Default()
		}
		r.cfg = l.def
	default:
		r.cfg, r.err = l.load(cfgPath)
	}
	l.configs[key] = r
	return r.cfg, r.err
}

// load loads a config file once however many directories share it, and
// passes its warnings to Options.Warn the first time. l.mu must be held.
func (l *Linter) load(path string) (*config.Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if r, ok := l.files[abs]; ok {
		return r.cfg, r.err
	}
	cfg, err := config.Load(path)
	l.files[abs] = configResult{cfg, err}
	if err == nil && l.opts.Warn != nil {
		for _, w := range cfg.Warnings {
			l.opts.Warn(w)
		}
	}
	return cfg, err
}

// Result is one linted file.
type Result struct {
	Path     string
	Doc      *article.Document
	Findings []rules.Finding
}

// Lint parses src as the article at path and runs every enabled rule.
func (l *Linter) Lint(path string, src []byte) (*Result, error) {
	if l.overLimit(int64(len(src))) {
		return l.tooLarge(path, int64(len(src))), nil
	}
	cfg, err := l.Config(path)
	if err != nil {
		return nil, err
	}
	doc, err := l.parse(path, src, cfg)
	if err != nil {
		return nil, err
	}
	res := &Result{Path: path, Doc: doc}
	sup := suppress.NewSet(doc)
	known := func(id string) bool { return rules.Lookup(id) != nil || id == UnusedSuppression }
	end := doc.End()
	// One pass serves every rule in turn: a pass and a closure for each
	// rule and file were 2% of a corpus run.
	pass := rules.NewPass(nil, doc, nil, rules.Off, func(f rules.Finding) {
		if f.Span.Start == f.Span.End && f.Span == end {
			// About the whole article: shown at its top. A suppression
			// at either place silences it.
			if sup.Suppressed(f.Rule, end.Start) {
				return
			}
			f.Span = top(doc)
		}
		if !sup.Suppressed(f.Rule, f.Span.Start) {
			res.Findings = append(res.Findings, f)
		}
	})
	pass.Known = known
	pass.Online = l.opts.Online
	pass.Cache = rules.NewCache(doc)
	for _, r := range l.opts.Rules {
		rc := cfg.Rules[r.ID]
		if rc == nil || rc.Severity == rules.Off || !r.Reads(doc.Lang) {
			continue
		}
		pass.Rule, pass.Options, pass.Severity = r, rc.Options, rc.Severity
		r.Check(pass)
	}
	if l.opts.ReportUnused {
		for _, d := range sup.Unused() {
			res.Findings = append(res.Findings, rules.Finding{
				Rule: UnusedSuppression, Severity: rules.Warning, Span: d.Span,
				Message: "this suppression comment silences nothing: remove it",
			})
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool {
		a, b := res.Findings[i], res.Findings[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule < b.Rule
	})
	res.Findings = houseWins(res.Findings)
	return res, nil
}

// houseWins drops a built-in rule's finding on the very words a house
// rule (forbid, substitute) reports: one finding per place, with the
// house's message. findings are sorted by start.
func houseWins(findings []rules.Finding) []rules.Finding {
	house := func(id string) bool { return id == rules.Forbid.ID || id == rules.Substitute.ID }
	out := make([]rules.Finding, 0, len(findings))
	for i, f := range findings {
		dup := false
		for k := i - 1; k >= 0 && findings[k].Span.Start == f.Span.Start && !dup; k-- {
			dup = !house(f.Rule) && house(findings[k].Rule) && findings[k].Span == f.Span
		}
		for k := i + 1; k < len(findings) && findings[k].Span.Start == f.Span.Start && !dup; k++ {
			dup = !house(f.Rule) && house(findings[k].Rule) && findings[k].Span == f.Span
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

func (l *Linter) parse(path string, src []byte, cfg *config.Config) (*article.Document, error) {
	doc, err := article.Parse(path, src, article.Options{Format: l.opts.Format, Disclosure: cfg.Disclosure})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// Parse parses src as the article at path with the config that applies to
// it, without running rules.
func (l *Linter) Parse(path string, src []byte) (*article.Document, error) {
	cfg, err := l.Config(path)
	if err != nil {
		return nil, err
	}
	return l.parse(path, src, cfg)
}

// SetOnline gives the rules the results of the network checks.
func (l *Linter) SetOnline(r *online.Results) { l.opts.Online = r }

// maxFixPasses bounds --fix: a fix may expose another (a DOI rewritten,
// then its link checked again), but never loop for ever.
const maxFixPasses = 5

// Fix lints src, applies every non-overlapping suggested edit, and lints
// again until nothing more applies. It returns the final result (the
// findings that remain), the fixed source and how many fixes went in.
func (l *Linter) Fix(path string, src []byte) (*Result, []byte, int, error) {
	total := 0
	for pass := 0; ; pass++ {
		res, err := l.Lint(path, src)
		if err != nil || pass == maxFixPasses {
			return res, src, total, err
		}
		out, n := fix.Apply(src, res.Findings)
		if n == 0 {
			return res, src, total, nil
		}
		src, total = out, total+n
	}
}

// LintFile reads and lints one file.
func (l *Linter) LintFile(path string) (*Result, error) {
	src, res, err := l.Read(path)
	if err != nil || res != nil {
		return res, err
	}
	return l.Lint(path, src)
}

// Read reads the article at path for Lint. A file over
// Options.MaxFileSize is not read: Read returns its result instead, with
// the one FileTooLarge finding.
func (l *Linter) Read(path string) (src []byte, tooLarge *Result, err error) {
	src, err = readFile(path, l.opts.MaxFileSize)
	if tl, ok := err.(tooLargeError); ok {
		return nil, l.tooLarge(path, int64(tl)), nil
	}
	return src, nil, err
}

func (l *Linter) overLimit(size int64) bool {
	return l.opts.MaxFileSize > 0 && size > l.opts.MaxFileSize
}

func (l *Linter) tooLarge(path string, size int64) *Result {
	return &Result{
		Path: path,
		Doc:  &article.Document{Path: path, Lines: article.NewLineIndex(nil)},
		Findings: []rules.Finding{{
			Rule: FileTooLarge, Severity: rules.Error,
			Message: fmt.Sprintf("file is %s, over the %s limit, and was not linted: split it, or raise --max-file-size",
				mebibytes(size), mebibytes(l.opts.MaxFileSize)),
		}},
	}
}

func mebibytes(n int64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MiB"
}

// ReadFile reads an article, naming the file in every error.
func ReadFile(path string) ([]byte, error) {
	return readFile(path, 0)
}

// tooLargeError is the size of a file over the limit given to readFile.
type tooLargeError int64

func (e tooLargeError) Error() string { return "file too large: " + mebibytes(int64(e)) }

// readFile reads a regular file of at most limit bytes (0: any size).
func readFile(path string, limit int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO must not wait for a writer. What was
	// opened is checked before anything is read.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if limit > 0 && st.Size() > limit {
		return nil, tooLargeError(st.Size())
	}
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1) // it may grow while we read
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fileError(path, err)
	}
	if limit > 0 && int64(buf.Len()) > limit {
		return nil, tooLargeError(buf.Len())
	}
	return buf.Bytes(), nil
}

func fileError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or directory", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: cannot read: permission denied", path)
	}
	return fmt.Errorf("%s: cannot read: %v", path, err)
}

// Located converts a result's findings to report findings.
func Located(r *Result) []report.Finding {
	out := make([]report.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		s, e := r.Doc.Position(f.Span.Start), r.Doc.Position(f.Span.End)
		rf := report.Finding{
			Path: r.Path, Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column,
			Column16: s.Column16, EndColumn16: e.Column16,
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Fixes: []report.Fix{},
		}
		for _, fx := range f.Fixes {
			rfx := report.Fix{Message: fx.Message}
			for _, ed := range fx.Edits {
				es, ee := r.Doc.Position(ed.Span.Start), r.Doc.Position(ed.Span.End)
				rfx.Edits = append(rfx.Edits, report.Edit{
					Line: es.Line, Column: es.Column, EndLine: ee.Line, EndColumn: ee.Column,
					Column16: es.Column16, EndColumn16: ee.Column16,
					Start: ed.Span.Start, End: ed.Span.End, NewText: ed.New,
				})
			}
			rf.Fixes = append(rf.Fixes, rfx)
		}
		out = append(out, rf)
	}
	return out
}

// Warm compiles what a first article needs: the URL matcher, the first
// disclosure pattern (the others rarely run) and every rule's patterns.
// The CLI calls it (through WarmArgs) in the background as it starts, so
// that compiling runs alongside reading and parsing on the other core
// instead of after them; each pattern is compiled once, whoever asks
// first.
func Warm() {
	article.Warm()
	rules.Warm()
}

// Limits of WarmArgs: past them, a run lints enough to use most patterns.
const (
	warmFiles = 8
	warmBytes = 1 << 20
)

// WarmArgs is Warm for a command line. When the arguments that name
// files are a few small regular files (a pre-commit hook), it reads them
// and compiles only the patterns their words call for (rules.WarmFor):
// compiling every pattern on the other core slowed a one-file run down.
// Other arguments (flags, commands, missing files) are skipped; a
// directory, or more or larger files, warms everything.
func WarmArgs(args []string) {
	var paths []string
	var size int64
	for _, a := range args {
		if a == "" || a[0] == '-' {
			continue
		}
		st, err := os.Stat(a)
		switch {
		case err != nil || !st.Mode().IsRegular() && !st.IsDir():
			continue // a command, a flag's value, a FIFO: never read here
		case st.IsDir():
			Warm()
			return
		}
		size += st.Size()
		paths = append(paths, a)
		if len(paths) > warmFiles || size > warmBytes {
			Warm()
			return
		}
	}
	article.Warm()
	var all []byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err == nil {
			all = append(append(all, src...), '\n')
		}
	}
	if len(all) > 0 {
		rules.WarmFor(all)
	}
}
