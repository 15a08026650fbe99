package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/config"
)

const smallArticle = "# T\n\n## Introduction\n\nThis article was written without AI.\n"

// A file over Options.MaxFileSize is not read or linted: it gets one
// file-too-large error at 1:1, and so does the same source given to Lint.
func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, []byte(smallArticle+strings.Repeat("x", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	l := New(Options{ConfigPath: emptyConfig(t), MaxFileSize: 1 << 20})
	src, res, err := l.Read(big)
	if err != nil || src != nil || res == nil {
		t.Fatalf("Read = %d bytes, %v, %v; want a result and no source", len(src), res, err)
	}
	fs := Located(res)
	if len(fs) != 1 || fs[0].Rule != FileTooLarge || fs[0].Severity != "error" || fs[0].Line != 1 || fs[0].Column != 1 {
		t.Fatalf("findings = %+v, want one file-too-large error at 1:1", fs)
	}
	if want := "file is 2 MiB, over the 1 MiB limit"; !strings.HasPrefix(fs[0].Message, want) {
		t.Errorf("message %q, want %q...", fs[0].Message, want)
	}
	res, err = l.Lint("stdin.md", make([]byte, 1<<20+1))
	if err != nil || len(res.Findings) != 1 || res.Findings[0].Rule != FileTooLarge {
		t.Errorf("Lint over the limit = %v, %v", res, err)
	}
	// At the limit, and with no limit, a file is linted.
	small := filepath.Join(dir, "small.md")
	if err := os.WriteFile(small, []byte(smallArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, max := range []int64{0, int64(len(smallArticle))} {
		l := New(Options{ConfigPath: emptyConfig(t), MaxFileSize: max})
		res, err := l.LintFile(small)
		if err != nil || len(res.Findings) == 0 || res.Findings[0].Rule == FileTooLarge {
			t.Errorf("MaxFileSize %d: %v, %v; want it linted", max, res, err)
		}
	}
}

// Read opens without blocking and reads only regular files.
func TestReadNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	l := New(Options{})
	for path, want := range map[string]string{
		fifo:                          "pipe.md: not a regular file",
		dir:                           ": not a regular file",
		filepath.Join(dir, "gone.md"): "gone.md: no such file or directory",
	} {
		if _, _, err := l.Read(path); err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("Read(%s) = %v, want ...%s", path, err, want)
		}
	}
}

func emptyConfig(t *testing.T) string {
	cfg := filepath.Join(t.TempDir(), "empty.yaml")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Warm, running while files are linted on other goroutines (as the CLI
// starts it), changes no finding; run with -race it also shows that the
// patterns compiled on first use are shared safely.
func TestWarmWhileLinting(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/articles/*.*")
	more, _ := filepath.Glob("../../testdata/rules/*/*.md")
	paths = append(paths, more...)
	var files [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, src)
	}
	lintAll := func(l *Linter) []string {
		out := make([]string, len(paths))
		var wg sync.WaitGroup
		for i := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := l.Lint(paths[i], files[i])
				if err != nil {
					out[i] = err.Error()
					return
				}
				for _, f := range res.Findings {
					out[i] += fmt.Sprintf("%d:%s;", f.Span.Start, f.Rule)
				}
			}()
		}
		wg.Wait()
		return out
	}
	go Warm()
	during := lintAll(New(Options{}))
	after := lintAll(New(Options{}))
	if len(paths) < 20 {
		t.Fatalf("only %d articles", len(paths))
	}
	for i := range paths {
		if during[i] != after[i] {
			t.Errorf("%s: findings while warming %q, after %q", paths[i], during[i], after[i])
		}
	}
}

// WarmArgs reads regular files only: a FIFO named on the command line
// (linted on purpose, as the CLI allows) must not be read by the warm-up,
// which would take its data or block forever.
func TestWarmArgsNeverReadsAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "draft.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	article := filepath.Join(dir, "a.md")
	if err := os.WriteFile(article, []byte(smallArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		WarmArgs([]string{"lint", "--format", "json", "-", fifo, article, filepath.Join(dir, "missing.md")})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("WarmArgs is still running after 10 s: it read the FIFO")
	}
}

// Findings about the whole article (a missing section or disclosure, a
// house phrase the article lacks) are shown at its title, or at 1:1 when
// it has none: never after its last line. A suppression above the title
// silences them, and so does one at the old place.
func TestDocumentLevelFindingsAtTop(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  require:\n    items:\n      - phrase: consult your doctor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "Some text about the study.\n\nMore text follows here.\n\nThe last paragraph ends the article.\n"
	for _, tc := range []struct {
		name, src string
		line, col int
	}{
		{"heading title", "# Vitamin D in pregnancy\n\n" + body, 1, 1},
		{"front matter title", "---\ntitle: Vitamin D\n---\n\n" + body, 2, 8},
		{"no title", body, 1, 1},
	} {
		res, err := New(Options{ConfigPath: cfg}).Lint("a.md", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, f := range Located(res) {
			switch f.Rule {
			case "required-section", "ai-disclosure", "require":
				seen[f.Rule] = true
				if f.Line != tc.line || f.Column != tc.col {
					t.Errorf("%s: %s at %d:%d, want %d:%d", tc.name, f.Rule, f.Line, f.Column, tc.line, tc.col)
				}
			}
		}
		if len(seen) != 3 {
			t.Errorf("%s: document-level findings %v, want required-section, ai-disclosure and require", tc.name, seen)
		}
	}
	for _, sup := range []string{
		"<!-- articlelint-disable-next-line required-section -->\n# Title\n\n" + body,
		"# Title\n\n" + strings.Replace(body, "The last", "<!-- articlelint-disable required-section -->\n\nThe last", 1),
	} {
		res, err := New(Options{ConfigPath: cfg}).Lint("a.md", []byte(sup))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Rule == "required-section" {
				t.Errorf("suppressed, yet reported: %+v in\n%s", f, sup)
			}
		}
	}
}

// Every id a finding can carry, the driver's included, has an explanation.
func TestEveryFindingIDExplained(t *testing.T) {
	ids := IDs()
	for _, want := range []string{UnusedSuppression, FileTooLarge, "required-section"} {
		if !slices.Contains(ids, want) {
			t.Errorf("IDs() lacks %s", want)
		}
	}
	for _, id := range ids {
		r := Lookup(id)
		if r == nil || r.ID != id || r.Doc == "" || r.Explain == "" || r.Severity == 0 {
			t.Errorf("Lookup(%q) = %+v, want its doc, explanation and severity", id, r)
		}
	}
	if Lookup("no-such-rule") != nil {
		t.Error("Lookup found a rule that does not exist")
	}
}

// A config file's warnings reach Options.Warn once, however many
// directories it serves.
func TestConfigWarningsOnce(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".articlelint.yaml"), []byte("online:\n  allow_private: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []string
	l := New(Options{Warn: func(e *config.Error) { mu.Lock(); got = append(got, e.Error()); mu.Unlock() }})
	for _, d := range []string{"a", "b", "a/c"} {
		if _, err := l.Config(filepath.Join(root, d, "x.md")); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], `.articlelint.yaml:2:3: key "allow_private" is deprecated: write "allow-private"`) {
		t.Errorf("warnings = %q, want the one deprecation once", got)
	}
}

// A house rule and a built-in rule on the same words: one finding, the
// house rule's.
func TestHouseRuleWinsSamePlace(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	conf := "rules:\n  overclaim:\n    severity: warning\n  forbid:\n    items:\n      - phrase: breakthrough\n        message: our style guide bans it\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "# T\n\nThe trial was a breakthrough for mothers. A miracle cure for rickets.\n"
	res, err := New(Options{ConfigPath: cfg}).Lint("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "forbid" || f.Rule == "overclaim" {
			got = append(got, f.Rule+" "+src[f.Span.Start:f.Span.End])
		}
	}
	// The overclaim finding elsewhere stays.
	if want := "[forbid breakthrough overclaim miracle overclaim cure]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// Rules that read English wording stay silent on an article in another
// language, and run on the same shape in English.
func TestEnglishRulesSilentInOtherLanguages(t *testing.T) {
	de := "---\nlang: de\n---\n# Vitamin D\n\nDie Studie wurde von einer Klinik durchgeführt, und die Ergebnisse kamen aus der\n\nEs ist ein Durchbruch, sagen die Autoren.\n"
	en := "---\nlang: en\n---\n# Vitamin D\n\nThe study was run by a clinic, and the results came from the\n\nIt is a breakthrough, the authors say.\n"
	rulesOf := func(src string) map[string]bool {
		res, err := New(Options{ConfigPath: emptyConfig(t)}).Lint("a.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, f := range res.Findings {
			got[f.Rule] = true
		}
		return got
	}
	if got := rulesOf(en); !got["sentence-incomplete"] || !got["overclaim"] {
		t.Fatalf("English: %v, want sentence-incomplete and overclaim", got)
	}
	if got := rulesOf(strings.Replace(de, "Durchbruch", "breakthrough", 1)); got["sentence-incomplete"] || got["overclaim"] {
		t.Errorf("German: %v, want neither", got)
	}
}
