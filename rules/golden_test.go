package rules_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/rules"
)

var update = flag.Bool("update", false, "rewrite the .golden files from the current output")

// articles lists the articles under dir: every file but goldens and
// configs. A subdirectory holds articles that share its .articlelint.yaml.
func articles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		n := e.Name()
		if e.IsDir() || strings.HasSuffix(n, ".golden") || strings.HasPrefix(n, ".") {
			return nil
		}
		out = append(out, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// render prints findings as the text reporter does, with the file's base
// name, so goldens do not depend on where the tree is checked out.
func render(t *testing.T, l *lint.Linter, path string) string {
	t.Helper()
	res, err := l.LintFile(path)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	var b strings.Builder
	for _, f := range lint.Located(res) {
		fix := ""
		if len(f.Fixes) > 0 {
			fix = " [fix: " + f.Fixes[0].Edits[0].NewText + "]"
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s%s\n", filepath.Base(path), f.Line, f.Column, f.Severity, f.Rule, f.Message, fix)
	}
	return b.String()
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	golden := path + ".golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./rules -update to create it, then review it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: findings differ from %s\n--- got\n%s--- want\n%s", path, golden, got, want)
	}
}

// TestRuleGolden runs each rule alone on its articles under
// testdata/rules/<rule-id>/ and compares with the .golden file beside each.
// Every rule must have articles that fire and articles that must not.
func TestRuleGolden(t *testing.T) {
	for _, r := range rules.All {
		if r.Online {
			continue // needs network results: see TestOnlineGolden
		}
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "rules", r.ID)
			checkRuleGoldens(t, lint.New(lint.Options{Rules: []*rules.Rule{r}}), articles(t, dir))
		})
	}
}

// checkRuleGoldens compares each article's findings by l with its .golden
// file, and wants at least one article with findings and one near miss
// without.
func checkRuleGoldens(t *testing.T, l *lint.Linter, paths []string) {
	t.Helper()
	var hits, quiet int
	for _, path := range paths {
		got := render(t, l, path)
		compareGolden(t, path, got)
		if got == "" {
			quiet++
		} else {
			hits++
		}
	}
	if hits == 0 || quiet == 0 {
		t.Errorf("want at least one article with findings and one without (near misses), have %d and %d", hits, quiet)
	}
}

// TestArticlesGolden runs every rule on the real articles.
func TestArticlesGolden(t *testing.T) {
	l := lint.New(lint.Options{})
	for _, path := range articles(t, filepath.Join("..", "testdata", "articles")) {
		compareGolden(t, path, render(t, l, path))
	}
}

// TestLanguageGoldensAllRules runs every rule on the language articles of
// ai-disclosure: each must find what ai-disclosure alone finds (its
// .golden), so an article whose headings and statement are in its language
// has no finding of any rule, its twin without a statement only the one
// ai-disclosure error, and the French page's comment area ("Laisser un
// commentaire", which residue reports inside <article>) is not linted.
func TestLanguageGoldensAllRules(t *testing.T) {
	l := lint.New(lint.Options{})
	for _, path := range articles(t, filepath.Join("..", "testdata", "rules", "ai-disclosure", "languages")) {
		got := render(t, l, path)
		want, err := os.ReadFile(path + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s: every rule finds\n%s--- but ai-disclosure alone\n%s", path, got, want)
		}
	}
}
