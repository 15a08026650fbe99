package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"articlelint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		// articlelint-unprivileged drops root, so that a file with mode 000
		// is unreadable even when the tests run as root (as in CI).
		"articlelint-unprivileged": func() {
			if os.Geteuid() == 0 {
				if err := syscall.Setgid(65534); err != nil {
					panic(err)
				}
				if err := syscall.Setuid(65534); err != nil {
					panic(err)
				}
			}
			os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI as a user does: testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/articles/vitamin-d-lactation.txt")
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Abs("../../testdata/sources")
	if err != nil {
		t.Fatal(err)
	}
	// A world-readable root, so the unprivileged command can reach $WORK.
	root := t.TempDir()
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		WorkdirRoot:   root,
		UpdateScripts: *updateScripts,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"serve-sources":    serveSources,
			"sources-requests": sourceRequests,
		},
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			e.Setenv("SOURCE_FIXTURES", fixtures)
			if err := os.Chmod(e.WorkDir, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(e.WorkDir, "seed.txt"), seed, 0o644)
		},
	})
}

// Paths alone run `lint PATHS` with every default without kong: the
// result must be what kong would have parsed, and every command name must
// still reach kong.
var updateScripts = flag.Bool("update-scripts", false, "rewrite the files that cmp compares in testdata/script")

func TestPathsOnlyIsLintWithDefaults(t *testing.T) {
	var c cli
	parser, err := newParser(&c, &env{stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, n := range parser.Model.Children {
		names[n.Name] = true
	}
	if !reflect.DeepEqual(names, commands) {
		t.Errorf("commands = %v, kong has %v", commands, names)
	}
	for _, args := range [][]string{{"a.md"}, {"a.md", "dir", "b.txt"}, {"explain.md"}} {
		if !pathsOnly(args) {
			t.Errorf("pathsOnly(%q) = false", args)
			continue
		}
		c = cli{}
		ctx, err := parser.Parse(args)
		if err != nil {
			t.Fatal(err)
		}
		if ctx.Command() != "lint <path>" {
			t.Errorf("kong runs %q for %q", ctx.Command(), args)
		}
		if got := defaultLint(args); !reflect.DeepEqual(*got, c.Lint) {
			t.Errorf("for %q: fast path %+v, kong %+v", args, *got, c.Lint)
		}
	}
	for _, args := range [][]string{nil, {"-"}, {"a.md", "--format", "json"}, {"rules"}, {"lint", "a.md"}, {"a.md", "-f", "json"}, {""}} {
		if pathsOnly(args) {
			t.Errorf("pathsOnly(%q) = true", args)
		}
	}
}
