// Command articlelint lints research-summary articles: structure, DOIs,
// links and the AI-use disclosure. Run `articlelint --help`.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/alecthomas/kong"

	// Imported for its init: see the package.
	_ "github.com/articlelint/articlelint/cmd/articlelint/internal/early"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/rules"
)

// Exit codes are a contract with CI.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// version is set by -ldflags "-X main.version=v1.2.3" in releases
// (.goreleaser.yaml); otherwise it comes from the build info.
var version = ""

// exitAtMain, set by bench/startup.sh (-ldflags "-X main.exitAtMain=1"),
// makes a build that exits as main starts: it times the process up to
// main (loading, runtime and package initialisation), the floor under
// every run.
var exitAtMain string

func main() {
	if exitAtMain != "" {
		os.Exit(0)
	}
	// Linting allocates much short-lived garbage and keeps little: collect
	// a quarter as often as Go's default (about 48 MiB peak on 2,000
	// articles instead of 28 MiB, for a sixth less CPU; 200 was 35 MiB
	// and 6% slower). GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// A soft limit caps what that headroom costs on large trees: on
	// 21,220 articles (16 MiB live) the heap grew to 84 MiB and peak RSS
	// to 110-140 MiB; at 88 MiB every format peaks at about 91 MiB for
	// the same CPU. A larger live heap makes the GC run oftener, never
	// fail. GOMEMLIMIT still overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(88 << 20)
	}
	go lint.WarmArgs(os.Args[1:])
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what commands need of the process, so tests can run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// color is whether stdout is a terminal that wants colour.
	color bool
	// mu serialises warnings, which lint workers may print at once.
	mu sync.Mutex
}

// warn prints a config warning, which does not change the exit code.
func (e *env) warn(w *config.Error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	fmt.Fprintf(e.stderr, "articlelint: warning: %v\n", w)
}

type cli struct {
	Version kong.VersionFlag `help:"Print the version and exit."`

	Lint    lintCmd    `cmd:"" default:"withargs" help:"Lint articles (the default command)."`
	Inspect inspectCmd `cmd:"" help:"Print the parsed model of an article: sections, links, DOIs, disclosure."`
	Rules   rulesCmd   `cmd:"" help:"List every rule with its default severity."`
	Explain explainCmd `cmd:"" help:"Explain a rule: why it exists and how to fix its findings."`
	Init    initCmd    `cmd:"" help:"Write a commented starter .articlelint.yaml."`
	Lsp     lspCmd     `cmd:"" name:"lsp" help:"Run the language server on stdin/stdout (LSP), for editors."`
	Merge   mergeCmd   `cmd:"" help:"Join the reports of sharded runs (--shard K/N) into one report of the same kind."`
}

// exitPanic carries kong's exit requests (--help, --version) out of Parse.
type exitPanic int

// commands are the names of cli's commands: an argument list that starts
// with none of them and has no flags is paths to lint.
var commands = map[string]bool{"lint": true, "inspect": true, "rules": true, "explain": true, "init": true, "lsp": true, "merge": true}

// pathsOnly reports whether args are paths and nothing else: no flag, no
// command, no "-" for standard input. That is how pre-commit runs the
// hook, and such a run skips building the command-line parser (about a
// millisecond of the ten a one-file run takes): it is `lint PATHS` with
// every default, as TestPathsOnlyIsLintWithDefaults checks against kong.
func pathsOnly(args []string) bool {
	if len(args) == 0 || commands[args[0]] {
		return false
	}
	for _, a := range args {
		if a == "" || strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// defaultLint is the lint command with the defaults of its flags.
func defaultLint(paths []string) *lintCmd {
	return &lintCmd{Paths: paths, Format: "text", FailOn: severityFlag(rules.Error), MaxFileSize: 10 << 20, Progress: "auto"}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, color: wantColor(stdout)}
	if pathsOnly(args) {
		return exitFor(defaultLint(args).Run(e), stderr)
	}
	var c cli
	parser, err := newParser(&c, e)
	if err != nil {
		fmt.Fprintf(stderr, "articlelint: %v\n", err)
		return exitError
	}
	defer func() {
		if r := recover(); r != nil {
			p, ok := r.(exitPanic)
			if !ok {
				panic(r)
			}
			code = int(p)
			if code != 0 {
				code = exitError
			}
		}
	}()
	ctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(stderr, "articlelint: %v\n", err)
		fmt.Fprintln(stderr, "Run 'articlelint --help' for usage.")
		return exitError
	}
	return exitFor(ctx.Run(e), stderr)
}

// newParser builds the command-line parser that fills c.
func newParser(c *cli, e *env) (*kong.Kong, error) {
	return kong.New(c,
		kong.Name("articlelint"),
		kong.Description("A fast linter for research-summary articles: structure, DOIs, links and the AI-use disclosure."),
		kong.Writers(e.stdout, e.stderr),
		kong.Exit(func(code int) { panic(exitPanic(code)) }),
		kong.Vars{"version": versionLine()},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.BindTo(e, (*env)(nil)),
	)
}

// exitFor prints a command's error and returns the process's exit code.
func exitFor(err error, stderr io.Writer) int {
	var ec exitCode
	switch {
	case errors.As(err, &ec):
		return int(ec)
	case err != nil:
		fmt.Fprintf(stderr, "articlelint: %v\n", err)
		return exitError
	}
	return exitClean
}

// exitCode is returned by commands that finish with a code but no message.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// versionString is the version as one word, for --version, SARIF and the
// language server.
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionFrom(bi)
}

// versionFrom reads a version from build info: the module's version
// (go install ...@v1.2.3, or the pseudo-version go build stamps in a git
// checkout), else the commit, with +dirty for uncommitted changes as Go
// writes it, else "devel".
func versionFrom(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	v := "devel-" + rev[:min(12, len(rev))]
	if dirty {
		v += "+dirty"
	}
	return v
}

// versionLine is what --version prints.
func versionLine() string {
	v := versionString()
	line := fmt.Sprintf("articlelint %s (%s, %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if v == "devel" {
		line += "\nno version or commit was recorded in this build: build with -buildvcs=true in a git checkout, or -ldflags \"-X main.version=vX.Y.Z\""
	}
	return line
}

// wantColor: colour only on a terminal, never with NO_COLOR set.
func wantColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
