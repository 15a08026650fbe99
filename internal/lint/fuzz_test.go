package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

// fuzzLinter lints with the built-in config (an empty config file, so no
// .articlelint.yaml above the test can change it) and every lint-level
// finding on.
func fuzzLinter(tb testing.TB) *Linter {
	cfg := filepath.Join(tb.TempDir(), "empty.yaml")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	return New(Options{ConfigPath: cfg, ReportUnused: true})
}

// FuzzLint lints any document in each format: Lint must not panic, every
// finding and edit must lie inside the file on a character boundary, and
// each finding's line:col must turn back into its offset.
func FuzzLint(f *testing.F) {
	_ = filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for i, ext := range fuzzExts {
			if strings.HasSuffix(path, ext) {
				if src, err := os.ReadFile(path); err == nil {
					f.Add(string(src), uint8(i))
				}
			}
		}
		return nil
	})
	for _, s := range []string{
		"# T\n\n## Introduction\n\nSee [here](http://doi.org/10.1000/x).[^1]\n\n[^1]: note\n",
		"<!-- articlelint-disable-next-line -->\n\nx doi:10.1000/1\n", "\uFEFF# T\r\n\r\nThé doi:10.1000/é\r\n",
		"---\ntitle: [\n---\ntext\n", "<h1>T</h1><p>AI was used. <a href=\"doi:10.1/x\">x</a>",
		"Introduction\nText TODO [insert link].\n", "x", "é", "\r\n\r\nx\r",
	} {
		for i := range fuzzExts {
			f.Add(s, uint8(i))
		}
	}
	l := fuzzLinter(f)
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		path := "f" + fuzzExts[int(format)%len(fuzzExts)]
		res, err := l.Lint(path, []byte(src))
		if err != nil {
			if article.CheckInput([]byte(src)) == nil {
				t.Fatalf("Lint(%q): %v, but the input is an article", src, err)
			}
			return
		}
		checkResult(t, src, res)
	})
}

var fuzzExts = []string{".md", ".txt", ".html"}

// checkResult checks a result's spans against src.
func checkResult(t *testing.T, src string, res *Result) {
	t.Helper()
	inside := func(what string, s article.Span) {
		if s.Start < 0 || s.End > len(src) || s.Start > s.End {
			t.Fatalf("%s span %v outside [0, %d]", what, s, len(src))
		}
		for _, off := range []int{s.Start, s.End} {
			if off < len(src) && !utf8.RuneStart(src[off]) {
				t.Fatalf("%s span %v cuts a character at %d", what, s, off)
			}
		}
	}
	li := res.Doc.Lines
	for _, fd := range res.Findings {
		inside(fd.Rule, fd.Span)
		for _, off := range []int{fd.Span.Start, fd.Span.End} {
			p := li.Position(off)
			back := li.Offset(p.Line, p.Column)
			// A BOM takes no column: 1:1 is after it.
			if back != off && !(off < 3 && strings.HasPrefix(src, "\uFEFF") && back == 3) {
				t.Fatalf("%s at %d: %d:%d maps back to %d", fd.Rule, off, p.Line, p.Column, back)
			}
		}
		for _, fx := range fd.Fixes {
			for _, e := range fx.Edits {
				inside(fd.Rule+" edit", e.Span)
			}
		}
	}
	if fs := Located(res); len(fs) != len(res.Findings) {
		t.Fatalf("Located: %d findings from %d", len(fs), len(res.Findings))
	}
}
