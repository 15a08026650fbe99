package ignore

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitignore is a .gitignore with each kind of pattern git knows.
const gitignore = `# comment
*.tmp
!keep.tmp
drafts/
/root.md
a/**/b/c
doc/**/x.md
**/gen
vendored/**
\#hash.md
\!bang.md
sub/*.md
x?z.md
[abc]1.md
[!abc]2.md
[a-c]3.md
[[:digit:]]4.md
deep/**/
lit\*.md
space\ 
**/also/*.txt
a**b.md
`

// paths are probed as files, and as directories where they end in "/"
// (not "vendored/": git check-ignore matches "vendored/**" against the
// slash itself, where a real directory vendored is not ignored).
var paths = []string{
	"f.tmp", "d/f.tmp", "keep.tmp", "d/keep.tmp",
	"drafts/", "drafts", "x/drafts/", "drafts/a.md", "x/drafts/a.md",
	"root.md", "x/root.md",
	"a/b/c", "a/x/b/c", "a/b/x/b/c", "a/b/x/b/c/", "a/c",
	"doc/x.md", "doc/a/b/x.md", "docs/x.md",
	"gen", "gen/", "z/gen/", "z/gen/f.md",
	"vendored/a.md", "vendored/x/y.md", "vendored",
	"#hash.md", "!bang.md", "bang.md",
	"sub/a.md", "sub/b/a.md", "x/sub/a.md",
	"xyz.md", "x/z.md", "xz.md",
	"a1.md", "d1.md", "a2.md", "d2.md", "b3.md", "e3.md", "74.md", "x4.md",
	"deep/", "deep/x/", "deep/x", "deep/f.md", "deep/x/f.md",
	"lit*.md", "litx.md", "space ", "space",
	"also/f.txt", "q/also/f.txt", "q/also/r/f.txt",
	"ab.md", "axxb.md", "a/b.md",
}

// The matcher agrees with git check-ignore on every path.
func TestMatchesGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "check-ignore", "--no-index", "--stdin", "-z", "-v", "-n")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\x00") + "\x00")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git check-ignore: %v", err)
	}
	// -v -n -z: source, line, pattern, path for every path; a negated
	// pattern that matched means included.
	f := bytes.Split(out, []byte{0})
	gitIgnored := map[string]bool{}
	for i := 0; i+3 < len(f); i += 4 {
		pat, path := string(f[i+2]), string(f[i+3])
		gitIgnored[path] = pat != "" && !strings.HasPrefix(pat, "!")
	}
	m := ParseLines(gitignore)
	for _, p := range paths {
		want, ok := gitIgnored[p]
		if !ok {
			t.Fatalf("git said nothing of %q", p)
		}
		isDir := strings.HasSuffix(p, "/")
		if got := m.Excludes(strings.TrimSuffix(p, "/"), isDir); got != want {
			t.Errorf("%q: ignored = %v, git says %v", p, got, want)
		}
	}
}

// Malformed patterns are errors in strict mode, at the byte that is wrong,
// and match nothing (as in git) otherwise.
func TestBadPatterns(t *testing.T) {
	for _, c := range []struct {
		line string
		off  int
		msg  string
	}{
		{"drafts/[abc", 7, `no "]" closes`},
		{`notes\`, 5, "escapes nothing"},
		{"!", 0, "none follows"},
		{"/", 0, `"/" alone`},
		{"x[[:word:]]", 2, "unknown character class [:word:]"},
		{"x[[:alpha", 2, `no ":]" ends it`},
	} {
		p, err := Parse(c.line, true)
		e, ok := err.(*Error)
		if !ok || p != nil {
			t.Errorf("Parse(%q) = %v, %v; want an error", c.line, p, err)
			continue
		}
		if e.Offset != c.off || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("Parse(%q): offset %d %q; want offset %d and %q", c.line, e.Offset, e.Msg, c.off, c.msg)
		}
		if p, err := Parse(c.line, false); p != nil || err != nil {
			t.Errorf("lenient Parse(%q) = %v, %v; want nothing", c.line, p, err)
		}
	}
}
