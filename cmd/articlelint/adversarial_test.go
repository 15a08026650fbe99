package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/lint"
)

// Adversarial inputs: each must end in a clear error or a normal report,
// never a panic or a hang. Hangs are caught by a generous deadline per
// run, not by timing assertions; times are logged (and benchmarked at 1×
// and 2× in BenchmarkAdversarial) to show that they grow linearly.

// sampleArticle is one realistic Markdown article; big inputs repeat it.
const sampleArticle = `# Vitamin D in lactation

## Introduction

Breastfed infants get little vitamin D from milk alone. This summary explains a
[randomised trial](https://doi.org/10.1542/peds.2015-1669) of maternal doses and
what it means for families (see also doi:10.1210/jc.2011-0385).

## Key Findings

- Mothers who took 6,400 IU a day had infants with *sufficient* levels.
- The effect matched direct infant drops[^1], at http://example.org/drops.
- Few side effects were seen: ` + "`hypercalcemia`" + ` was rare.

> "The results support maternal supplementation," the authors wrote.

| Group | n | Sufficient |
| --- | --- | --- |
| 6,400 IU | 95 | 98% |

## Conclusion

Talk to a doctor before changing doses; read the full study at
<https://pubmed.ncbi.nlm.nih.gov/26100945/>.

[^1]: Drops of 400 IU a day, the usual advice.

This summary was written without AI assistance.

`

// repeatTo returns unit repeated to at least n bytes.
func repeatTo(unit string, n int) []byte {
	return bytes.Repeat([]byte(unit), (n+len(unit)-1)/len(unit))
}

type cliResult struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// runCLI runs articlelint in-process and fails the test if it has not
// finished by the deadline.
func runCLI(t testing.TB, deadline time.Duration, args ...string) cliResult {
	t.Helper()
	done := make(chan cliResult, 1)
	start := time.Now()
	go func() {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		done <- cliResult{code, stdout.String(), stderr.String(), time.Since(start)}
	}()
	timer := time.NewTimer(deadline)
	defer timer.Stop()
	select {
	case r := <-done:
		return r
	case <-timer.C:
		t.Fatalf("articlelint %s: no result after %v: it hangs", strings.Join(args, " "), deadline)
		return cliResult{}
	}
}

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantExit checks the exit code and that stderr holds want (a report ends
// with a summary on stderr; an error names the file).
func (r cliResult) want(t *testing.T, code int, stream, want string) {
	t.Helper()
	out := r.stderr
	if stream == "stdout" {
		out = r.stdout
	}
	if r.code != code || !strings.Contains(out, want) {
		t.Fatalf("exit %d, want %d with %s containing %q\nstdout: %.500s\nstderr: %.500s", r.code, code, stream, want, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("panic:\n%.2000s", r.stderr)
	}
}

func TestAdversarialLargeFile(t *testing.T) {
	const size = 50 << 20
	path := writeFile(t, filepath.Join(t.TempDir(), "big.md"), repeatTo(sampleArticle, size))

	// Over the default --max-file-size: one finding, not read, not linted.
	r := runCLI(t, time.Minute, path)
	r.want(t, 1, "stdout", ":1:1: error file-too-large: file is 50 MiB, over the 10 MiB limit")
	if n := strings.Count(r.stdout, "\n"); n != 1 {
		t.Errorf("%d lines of output, want the one file-too-large finding:\n%.1000s", n, r.stdout)
	}
	t.Logf("50 MiB, default limit: %v", r.took)

	// Under a raised limit it is linted, in time linear in its size
	// (about 8 s and 1.8 GB here).
	r = runCLI(t, 10*time.Minute, "--max-file-size", "100MiB", path)
	r.want(t, 0, "stderr", "0 errors, ") // warnings only
	if strings.Contains(r.stdout, "file-too-large") {
		t.Errorf("file-too-large under a 100 MiB limit")
	}
	t.Logf("50 MiB, --max-file-size 100MiB: %v (%.1f MB/s)", r.took, float64(size)/1e6/r.took.Seconds())
}

// adversarialCases are inputs that are large or deep in one dimension;
// each is generated at a scale (1 is the size the test uses).
var adversarialCases = []struct {
	name, file string
	gen        func(scale int) []byte
	// outcome: the exit code and what stderr holds.
	code int
	want string
}{
	{"single 5 MB line", "line.md", func(s int) []byte {
		return repeatTo("The trial (doi:10.1000/182) found https://example.org/a more, as [x](https://b.org) says. ", s*5<<20)
	}, 1, "in 1 file"},
	{"10,000 nested lists", "lists.md", func(s int) []byte {
		return []byte(strings.Repeat("- ", s*10000) + "deep\n" + strings.Repeat("  ", 100) + "lazy line\n\nafter\n")
	}, 1, "in 1 file"},
	{"10,000 nested block quotes", "quotes.md", func(s int) []byte {
		return []byte(strings.Repeat("> ", s*10000) + "deep\n" + strings.Repeat(">", s*10000) + " more\n\nafter\n")
	}, 1, "in 1 file"},
	{"10,000 nested HTML lists and quotes", "nested.html", func(s int) []byte {
		return []byte(strings.Repeat("<ul><li>", s*10000) + strings.Repeat("<blockquote>", s*10000) + "deep<p>text")
	}, 1, "in 1 file"},
	{"100,000 unclosed brackets", "brackets.md", func(s int) []byte {
		return []byte("# T\n\n" + strings.Repeat("[", s*100000) + "\n")
	}, 1, "in 1 file"},
	{"100,000 unclosed link openers", "openers.md", func(s int) []byte {
		return []byte("# T\n\n" + strings.Repeat("[x](", s*100000) + "\n")
	}, 1, "in 1 file"},
	{"100,000 unclosed link openers in text", "openers.txt", func(s int) []byte {
		return []byte(strings.Repeat("[x](https://doi.org/10.1000/", s*100000) + "\n")
	}, 1, "in 1 file"},
	{"a file of NUL bytes", "nul.md", func(s int) []byte {
		return make([]byte, s<<20)
	}, 2, "nul.md: file is binary (it contains NUL bytes), not an article"},
	{"invalid UTF-8 in a DOI", "utf8.md", func(s int) []byte {
		return []byte(strings.Repeat("Fine text.\n", s*1000) + "See doi:10.1000/ab\xffcd for more.\n")
	}, 2, "utf8.md: file is not valid UTF-8 (invalid byte 0xFF at line"},
}

func TestAdversarialInputs(t *testing.T) {
	for _, tc := range adversarialCases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(t.TempDir(), tc.file), tc.gen(1))
			r := runCLI(t, 2*time.Minute, path)
			r.want(t, tc.code, "stderr", tc.want)
			t.Logf("%s: exit %d in %v", tc.name, r.code, r.took)
		})
	}
}

// BenchmarkAdversarial lints each adversarial case at 1× and 2× its
// test size: the time per op should double, not quadruple.
func BenchmarkAdversarial(b *testing.B) {
	for _, tc := range adversarialCases {
		for _, scale := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/x%d", strings.ReplaceAll(tc.name, " ", "_"), scale), func(b *testing.B) {
				src := tc.gen(scale)
				path := writeFile(b, filepath.Join(b.TempDir(), tc.file), src)
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if code := run([]string{"--max-file-size", "0", path}, nil, io.Discard, io.Discard); code != tc.code {
						b.Fatalf("exit %d, want %d", code, tc.code)
					}
				}
			})
		}
	}
}

func TestAdversarialSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.md"), []byte(sampleArticle))
	for _, l := range []struct{ name, target string }{
		{"loop", "."},              // a directory that contains itself
		{"up", ".."},               // and one that contains its parent
		{"self.md", "self.md"},     // a link to itself
		{"a.md", "b.md"},           // two links to each other
		{"b.md", "a.md"},           //
		{"dir.md", "loop"},         // an article name on a directory
		{"dangling.md", "gone.md"}, // a link to nothing
	} {
		if err := os.Symlink(l.target, filepath.Join(dir, l.name)); err != nil {
			t.Skipf("no symlinks: %v", err)
		}
	}
	r := runCLI(t, time.Minute, dir)
	r.want(t, 2, "stdout", "good.md")
	for _, want := range []string{
		"self.md: cannot read: too many levels of symbolic links",
		"a.md: cannot read: too many levels of symbolic links",
		"b.md: cannot read: too many levels of symbolic links",
		"dir.md: not a regular file",
		"dangling.md: no such file or directory",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, filepath.Join(dir, "loop")+"/") || strings.Contains(r.stderr, filepath.Join(dir, "up")+"/") {
		t.Errorf("the walk followed a directory link:\n%s", r.stderr)
	}
}

func TestAdversarialFIFO(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.md"), []byte(sampleArticle))
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	// Named, and found by a walk: no writer ever opens it, so a blocking
	// open would hang.
	for _, args := range [][]string{{fifo}, {dir}} {
		r := runCLI(t, time.Minute, args...)
		r.want(t, 2, "stderr", "pipe.md: not a regular file")
	}
	// A FIFO the lint driver meets without a directory walk checking it.
	l := lint.New(lint.Options{})
	done := make(chan error, 1)
	go func() { _, err := l.LintFile(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("LintFile(fifo) = %v, want not a regular file", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("LintFile(fifo) blocks")
	}
}

// A file deleted after the walk found it and before a worker read it.
func TestAdversarialDeletedFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		writeFile(t, filepath.Join(dir, name), []byte(sampleArticle))
	}
	files, errs := lint.Collect([]string{dir})
	if len(errs) > 0 || len(files) != 3 {
		t.Fatalf("Collect = %v, %v", files, errs)
	}
	if err := os.Remove(files[1]); err != nil {
		t.Fatal(err)
	}
	var jobs []job
	for _, f := range files {
		jobs = append(jobs, job{path: f})
	}
	var got []string
	lintAll(lint.New(lint.Options{MaxFileSize: 10 << 20}), jobs, false, func(j job, d done) {
		if d.err != nil {
			got = append(got, d.err.Error())
		} else {
			got = append(got, fmt.Sprintf("%s: %d findings", filepath.Base(j.path), len(d.res.Findings)))
		}
	})
	if len(got) != 3 || got[1] != files[1]+": no such file or directory" || !strings.HasPrefix(got[2], "c.md: ") {
		t.Errorf("results = %q, want b.md's error between a.md and c.md", got)
	}
}

// scalingBase is the 1× input of BenchmarkScaling: the first corpus files
// (ARTICLELINT_CORPUS, default ../shared/corpus from the repository root)
// up to 1 MiB, or the sample article repeated to 1 MiB without a corpus.
func scalingBase(b *testing.B) [][]byte {
	dir := os.Getenv("ARTICLELINT_CORPUS")
	if dir == "" {
		dir = "../../../shared/corpus"
	}
	var base [][]byte
	size := 0
	if _, err := os.Stat(dir); err == nil {
		files, _ := lint.Collect([]string{dir})
		for _, f := range files {
			src, err := lint.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if base = append(base, src); size+len(src) >= 1<<20 {
				break
			}
			size += len(src)
		}
	}
	if len(base) == 0 {
		for range (1 << 20) / len(sampleArticle) {
			base = append(base, []byte(sampleArticle))
		}
	}
	return base
}

// BenchmarkScaling lints 1×, 2×, 4×, 8× and 16× the same input through the
// CLI in-process: as one growing file, and as a growing number of files
// through the worker pool. bench/scaling.sh prints the table.
func BenchmarkScaling(b *testing.B) {
	base := scalingBase(b)
	for _, mode := range []string{"file", "files"} {
		for _, k := range []int{1, 2, 4, 8, 16} {
			b.Run(fmt.Sprintf("%s/x%d", mode, k), func(b *testing.B) {
				dir := b.TempDir()
				var size int64
				arg := dir
				if mode == "file" {
					var all []byte
					for range k {
						for _, src := range base {
							all = append(append(all, src...), "\n\n"...)
						}
					}
					arg = writeFile(b, filepath.Join(dir, "all.md"), all)
					size = int64(len(all))
				} else {
					for i := range k {
						for j, src := range base {
							writeFile(b, filepath.Join(dir, fmt.Sprint(i), fmt.Sprintf("%04d.md", j)), src)
							size += int64(len(src))
						}
					}
				}
				b.SetBytes(size)
				b.ResetTimer()
				for b.Loop() {
					if code := run([]string{"--max-file-size", "0", arg}, nil, io.Discard, io.Discard); code == exitError {
						b.Fatalf("exit %d", code)
					}
				}
			})
		}
	}
}
