package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/fix"
	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/report"
	"github.com/articlelint/articlelint/rules"
	"github.com/aymanbagabas/go-udiff"
	"github.com/aymanbagabas/go-udiff/myers"
)

type lintCmd struct {
	Paths         []string     `arg:"" optional:"" name:"path" help:"Files or directories to lint; - reads standard input."`
	Format        string       `short:"f" enum:"text,json,sarif,github,junit,html,markdown" default:"text" help:"Output format: text, json, sarif (GitHub code scanning), github (Actions annotations), junit (CI test reports), html (one page for people) or markdown (a summary for CI job pages and comments)."`
	Output        string       `short:"o" placeholder:"FILE" help:"Write the report to FILE (replaced whole, only when the run finishes) and a one-line summary to stderr."`
	StepSummary   string       `placeholder:"FILE" help:"Also append a Markdown summary of the run to FILE, such as $$GITHUB_STEP_SUMMARY."`
	FailOn        severityFlag `default:"error" placeholder:"SEVERITY" help:"Exit 1 when a finding is at least this severe: error, warning (or warn) or info, in any case, as in the config; off never does (default ${default})."`
	Config        string       `short:"c" placeholder:"FILE" help:"Config file to use for every article, instead of the nearest .articlelint.yaml."`
	InputFormat   string       `enum:",markdown,text,html" default:"" help:"Read articles as markdown, text or html, whatever their extension."`
	StdinFilename string       `placeholder:"NAME" help:"File name to report, and to pick the format and config by, when reading standard input."`
	CPUProfile    string       `hidden:"" help:"Write a CPU profile to this file."`

	ReportUnusedSuppressions bool `help:"Report suppression comments that silence nothing (rule suppression-unused)."`

	MaxFileSize byteSize `default:"10MiB" placeholder:"SIZE" help:"Do not lint files larger than SIZE (such as 500KB or 100MiB; 0 for no limit): report each as file-too-large."`

	Fix  bool `help:"Apply suggested fixes to the files (atomically, keeping file modes), then report what remains."`
	Diff bool `help:"Print the fixes as a unified diff and change nothing; exit 1 if there is anything to fix."`

	Since string `placeholder:"REV" help:"Lint only articles changed since this git revision (committed, staged, unstaged or untracked)."`

	Online   bool   `help:"Also check that links answer and DOIs exist and were not retracted (network; see online: in the config)."`
	NoCache  bool   `help:"With --online, neither read nor write the cache of online results."`
	Progress string `enum:"auto,always,never" default:"auto" help:"With --online, a live progress line on stderr: auto shows it when stderr is a terminal (default ${default})."`

	Exclude []string  `placeholder:"GLOB" help:"Leave out of directory walks what this gitignore pattern matches, relative to the working directory (repeatable)."`
	Shard   shardFlag `placeholder:"K/N" help:"Lint only the K-th of N parts of the articles, chosen by a hash of each path: N runs lint every file once."`
}

func (c *lintCmd) Run(e *env) error {
	if len(c.Paths) == 0 {
		return fmt.Errorf("no paths given: articlelint PATH... (a file, a directory, or - for standard input)")
	}
	if c.Fix && c.Diff {
		return fmt.Errorf("--fix and --diff exclude each other: --diff shows what --fix would write")
	}
	for _, p := range c.Paths {
		if p == "-" && c.Fix {
			return fmt.Errorf("--fix cannot write to standard input; use --diff to see the fixes")
		}
		if p == "-" && c.Shard.N > 1 {
			return fmt.Errorf("--shard splits files and directories, not standard input")
		}
	}
	exclude, err := lint.ParseExclude(c.Exclude)
	if err != nil {
		return err
	}
	opts := lint.Options{ConfigPath: c.Config, ReportUnused: c.ReportUnusedSuppressions, MaxFileSize: int64(c.MaxFileSize), Warn: e.warn}
	if c.InputFormat != "" {
		f, err := article.ParseFormat(c.InputFormat)
		if err != nil {
			return err
		}
		opts.Format = &f
	}
	failOn := rules.Severity(c.FailOn)
	ropts := report.Options{Color: e.color, Errs: e.stderr, Version: versionString(), LinkBase: githubBlobURL()}
	for _, id := range lint.IDs() {
		r := lint.Lookup(id)
		ropts.Rules = append(ropts.Rules, report.RuleInfo{ID: r.ID, Doc: r.Doc, Explain: r.Explain, Severity: r.Severity.String()})
	}
	var rep report.Reporter
	if c.Output != "" {
		ropts.Color = false
		rep, err = report.NewFile(c.Format, c.Output, ropts)
	} else {
		rep, err = report.New(c.Format, e.stdout, ropts)
	}
	if err != nil {
		return err
	}
	if c.StepSummary != "" {
		md, err := report.AppendFile("markdown", c.StepSummary, ropts)
		if err != nil {
			return err
		}
		rep = report.Tee(rep, md)
	}
	// A run that stops early leaves no temporary file or half report.
	defer report.Abort(rep)
	linter := lint.New(opts)
	if c.CPUProfile != "" {
		f, err := os.Create(c.CPUProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	var jobs []job
	var failed int
	stdinName := c.StdinFilename
	if stdinName == "" {
		stdinName = "<stdin>"
	}
	var fileArgs []string
	for _, p := range c.Paths {
		if p == "-" {
			jobs = append(jobs, job{path: stdinName, stdin: e.stdin})
		} else {
			fileArgs = append(fileArgs, p)
		}
	}
	files, errs := linter.Collect(fileArgs, exclude)
	if c.Since != "" {
		changed, err := lint.ChangedSince(c.Since)
		if err != nil {
			return err
		}
		files = lint.FilterChanged(files, changed)
		if len(files) == 0 {
			fmt.Fprintf(e.stderr, "articlelint: no articles changed since %s\n", c.Since)
		}
	}
	files = c.Shard.pick(files)
	for _, err := range errs {
		failed++
		if werr := rep.FileError("", err); werr != nil {
			return werr
		}
	}
	for _, f := range files {
		jobs = append(jobs, job{path: f})
	}

	// A broken config is reported per file below; it stops the run here
	// only when --online needs it.
	cfg, cerr := linter.Config(onlineConfigPath(c.Config, files))
	if c.Online && cerr != nil {
		return cerr
	}
	if cerr == nil && (c.Online || cfg.Online.Enabled) {
		if err := checkOnline(e, linter, cfg, jobs, c.NoCache, c.Progress); err != nil {
			return err
		}
	}

	var sum report.Summary
	worst := rules.Off
	shown := map[string]bool{} // a broken config is reported once, not per file
	pending := false
	var repErr error // the first report write that failed
	lintAll(linter, jobs, c.Fix || c.Diff, func(j job, d done) {
		res, err := d.res, d.err
		if err == nil && d.applied > 0 {
			switch {
			case c.Diff:
				pending = true
				fmt.Fprint(e.stdout, unifiedDiff(j.path, string(d.src), string(d.fixed)))
			case c.Fix:
				if err = fix.WriteFile(j.path, d.fixed); err == nil {
					fmt.Fprintf(e.stderr, "articlelint: %s: applied %d %s\n", j.path, d.applied, plural(d.applied, "fix", "fixes"))
				}
			}
		}
		if err != nil {
			failed++
			var ce *config.Error
			if errors.As(err, &ce) {
				if shown[ce.Error()] {
					return
				}
				shown[ce.Error()] = true
			}
			_ = rep.FileError(j.path, err)
			return
		}
		sum.Files++
		fs := lint.Located(res)
		sum.Add(fs)
		for _, f := range res.Findings {
			worst = max(worst, f.Severity)
		}
		if !c.Diff {
			var src []byte
			if res.Doc != nil {
				src = res.Doc.Source
			}
			if err := report.FileSource(rep, res.Path, src, fs); err != nil && repErr == nil {
				repErr = err
			}
		}
	})
	sum.Failed = failed
	if err := errors.Join(repErr, rep.Close(sum)); err != nil {
		return err
	}
	switch {
	case failed > 0:
		return exitCode(exitError)
	case c.Diff:
		if pending {
			return exitCode(exitFindings)
		}
		return nil
	case failOn != rules.Off && worst >= failOn:
		return exitCode(exitFindings)
	}
	return nil
}

type job struct {
	path  string
	stdin io.Reader
}

// done is one finished job: the result, and with fixing, the source
// before and after.
type done struct {
	res        *lint.Result
	err        error
	src, fixed []byte
	applied    int
}

// lintAll lints jobs on a bounded pool of workers and calls emit in job
// order, holding only results that finished ahead of their turn: at most
// window jobs are started past the one emit waits for, so a slow file
// holds back a bounded number of parsed articles, not the rest of the run.
func lintAll(l *lint.Linter, jobs []job, fixing bool, emit func(job, done)) {
	workers := min(runtime.GOMAXPROCS(0), max(len(jobs), 1))
	size := workers * windowPerWorker
	window := make(chan struct{}, size)
	// Job i's result goes to slot i%size: job i starts only once job
	// i-size is out, so the slots are as many as the window, not as the
	// files (memory flat in the number of files).
	results := make([]chan done, min(size, max(len(jobs), 1)))
	for i := range results {
		results[i] = make(chan done, 1)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i%len(results)] <- runJob(l, jobs[i], fixing)
			}
		}()
	}
	go func() {
		for i := range jobs {
			window <- struct{}{}
			work <- i
		}
		close(work)
	}()
	for i, j := range jobs {
		emit(j, <-results[i%len(results)])
		<-window
	}
	wg.Wait()
}

// windowPerWorker bounds how far lintAll runs ahead of its output. On ten
// copies of the corpus up to about 100 finished results waited on a slow
// file; a window of 32 a worker changed neither time nor peak memory there,
// and bounds what one very slow file can hold back.
const windowPerWorker = 32

func runJob(l *lint.Linter, j job, fixing bool) done {
	var d done
	if j.stdin != nil {
		if d.src, d.err = io.ReadAll(j.stdin); d.err != nil {
			d.err = fmt.Errorf("%s: cannot read standard input: %v", j.path, d.err)
			return d
		}
	} else if d.src, d.res, d.err = l.Read(j.path); d.err != nil || d.res != nil {
		return d // unreadable, or too large to lint
	}
	if fixing {
		d.res, d.fixed, d.applied, d.err = l.Fix(j.path, d.src)
	} else {
		d.res, d.err = l.Lint(j.path, d.src)
	}
	return d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// onlineConfigPath names the file whose config sets the online options for
// the whole run: --config, or the nearest config above the first article.
// Network settings belong to the run, not to each article.
func onlineConfigPath(explicit string, files []string) string {
	if explicit != "" || len(files) == 0 {
		return "article.md" // the working directory's config
	}
	return files[0]
}

// severityFlag is a --fail-on: the words config files take for a
// severity, in any case.
type severityFlag rules.Severity

func (s *severityFlag) UnmarshalText(text []byte) error {
	v, err := rules.ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = severityFlag(v)
	return nil
}

// byteSize is a --max-file-size: bytes, or a number with a unit.
type byteSize int64

var byteUnits = map[string]float64{"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}

func (b *byteSize) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(s)
	}
	n, err := strconv.ParseFloat(s[:i], 64)
	unit, ok := byteUnits[strings.ToLower(strings.TrimSpace(s[i:]))]
	if err != nil || !ok || n*unit > math.MaxInt64 {
		return fmt.Errorf("size %q: want bytes, or a number with KB, MB, GB, KiB, MiB or GiB", s)
	}
	*b = byteSize(n * unit)
	return nil
}

// unifiedDiff is a unified diff by whole lines: udiff.Unified diffs by
// character and then widens to lines, which can show an unchanged line
// removed and added again in a hunk.
func unifiedDiff(path, before, after string) string {
	//lint:ignore SA1019 myers is go-udiff's only line-based diff, which is what a reader wants here.
	out, err := udiff.ToUnified("a/"+path, "b/"+path, before, myers.ComputeEdits(before, after), 3)
	if err != nil {
		return udiff.Unified("a/"+path, "b/"+path, before, after)
	}
	return out
}
