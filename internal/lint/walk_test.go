package lint

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// writeTree writes files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// chdir moves into dir for the test: walks report paths as given.
func chdir(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
}

func slashed(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.ToSlash(p)
	}
	return out
}

// A walk finds every article format, and leaves out the folders that the
// config's ignore:, --exclude and (outside git) nothing else name.
func TestWalkFormatsAndExcludes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"site/.articlelint.yaml":    "ignore:\n  - drafts/\n  - '*.tmp.md'\n  - '!keep.tmp.md'\n",
		"site/a.md":                 "x",
		"site/b.markdown":           "x",
		"site/b2.markdown":          "x",
		"site/c.mdx":                "x",
		"site/d.qmd":                "x",
		"site/e.Rmd":                "x",
		"site/e2.rmd":               "x",
		"site/f.txt":                "x",
		"site/g.html":               "x",
		"site/h.htm":                "x",
		"site/i.json":               "x",
		"site/x.tmp.md":             "x",
		"site/keep.tmp.md":          "x",
		"site/drafts/wip.md":        "x",
		"site/posts/drafts/wip.mdx": "x",
		"site/posts/p.md":           "x",
		"site/old/2019.md":          "x",
		"site/old/2020/z.md":        "x",
		"site/.hidden/h.md":         "x",
		"site/node_modules/m.md":    "x",
	})
	chdir(t, dir)
	ex, err := ParseExclude([]string{"site/old/2020", "**/b.*"})
	if err != nil {
		t.Fatal(err)
	}
	files, errs := New(Options{}).Collect([]string{"site"}, ex)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"site/a.md", "site/b2.markdown", "site/c.mdx", "site/d.qmd", "site/e.Rmd", "site/e2.rmd", "site/f.txt", "site/g.html", "site/h.htm", "site/keep.tmp.md", "site/old/2019.md", "site/posts/p.md"}
	if got := slashed(files); !slices.Equal(got, want) {
		t.Errorf("walk found\n%v\nwant\n%v", got, want)
	}
	// Named on the command line, an ignored file is linted all the same.
	files, _ = New(Options{}).Collect([]string{"site/drafts/wip.md"}, ex)
	if len(files) != 1 {
		t.Errorf("an ignored file named as an argument was dropped: %v", files)
	}
	// A directory whose every article is ignored says so.
	_, errs = New(Options{}).Collect([]string{"site/old/2020"}, &Exclude{Base: dir, Patterns: ex.Patterns})
	if len(errs) != 0 {
		t.Errorf("the walk root itself is never ignored: %v", errs)
	}
	ex2, _ := ParseExclude([]string{"*.md"})
	_, errs = New(Options{}).Collect([]string{"site/old"}, ex2)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no articles found") || !strings.Contains(errs[0].Error(), "2 ignored") {
		t.Errorf("errors = %v, want no articles found with 2 ignored", errs)
	}
}

// A directory named as "./site", "site/" or "site//" is walked as "site"
// (WalkDir cleans the names it joins): it panicked before.
func TestWalkUncleanRoot(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"site/a.md": "x", "site/posts/p.md": "x"})
	chdir(t, dir)
	for _, root := range []string{"./site", "site/", "site//", "./site/"} {
		files, errs := New(Options{}).Collect([]string{root}, nil)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", root, errs)
		}
		if got, want := slashed(files), []string{"site/a.md", "site/posts/p.md"}; !slices.Equal(got, want) {
			t.Errorf("%s: walk found %v, want %v", root, got, want)
		}
	}
}

func TestExcludeErrors(t *testing.T) {
	for _, g := range []string{"drafts/[", "", "#x"} {
		if _, err := ParseExclude([]string{g}); err == nil || !strings.Contains(err.Error(), "--exclude") {
			t.Errorf("ParseExclude(%q) = %v, want an error naming --exclude", g, err)
		}
	}
	_, err := ParseExclude([]string{"ok/", "posts/[a-"})
	if err == nil || !strings.Contains(err.Error(), `--exclude "posts/[a-": at character 7`) {
		t.Errorf("got %v", err)
	}
}

// Inside a git work tree, a walk leaves out exactly what git leaves out
// of its untracked files (.gitignore at every level, negations,
// .git/info/exclude), whether it starts at the top or in a subdirectory;
// gitignore: false in the config turns that off.
func TestWalkHonoursGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	tree := map[string]string{
		".gitignore":                   "build/\n*.gen.md\n/top-only.md\ndocs/**/scratch/\n",
		"docs/.gitignore":              "!keep.gen.md\nprivate*\n",
		"docs/a.md":                    "x",
		"docs/x.gen.md":                "x",
		"docs/keep.gen.md":             "x",
		"docs/private-notes.md":        "x",
		"docs/sub/private/p.md":        "x",
		"docs/sub/q.md":                "x",
		"docs/sub/deeper/scratch/s.md": "x",
		"docs/sub/.gitignore":          "!private-ok.md\n",
		"docs/sub/private-ok.md":       "x",
		"build/out.md":                 "x",
		"docs/build/out.md":            "x",
		"top-only.md":                  "x",
		"docs/top-only.md":             "x",
		"info-excluded.md":             "x",
		"readme.md":                    "x",
	}
	writeTree(t, dir, tree)
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	writeTree(t, dir, map[string]string{".git/info/exclude": "info-excluded.md\n"})
	chdir(t, dir)
	out, err := exec.Command("git", "ls-files", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	var git []string
	for _, f := range strings.Fields(string(out)) {
		if strings.HasSuffix(f, ".md") {
			git = append(git, f)
		}
	}
	sort.Strings(git)
	if len(git) < 5 {
		t.Fatalf("git lists only %v", git)
	}
	files, errs := New(Options{}).Collect([]string{"."}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := slashed(files)
	sort.Strings(got)
	if !slices.Equal(got, git) {
		t.Errorf("walk from the top found\n%v\ngit lists\n%v", got, git)
	}
	// From a subdirectory, the .gitignore files above still apply.
	files, _ = New(Options{}).Collect([]string{"docs"}, nil)
	var sub []string
	for _, f := range git {
		if strings.HasPrefix(f, "docs/") {
			sub = append(sub, f)
		}
	}
	got = slashed(files)
	sort.Strings(got)
	if !slices.Equal(got, sub) {
		t.Errorf("walk of docs found\n%v\ngit lists\n%v", got, sub)
	}
	// gitignore: false: every article.
	writeTree(t, dir, map[string]string{".articlelint.yaml": "gitignore: false\n"})
	files, _ = New(Options{}).Collect([]string{"."}, nil)
	if n := len(tree) - 3; len(files) != n { // less the three .gitignore files
		t.Errorf("with gitignore: false the walk found %d articles, want %d: %v", len(files), n, files)
	}
}
