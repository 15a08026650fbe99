package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
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
