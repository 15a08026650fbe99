// Package testcorpus finds the real articles that benchmarks read: the
// directory ARTICLELINT_CORPUS names, or shared/corpus beside the
// repository. Only tests import it.
package testcorpus

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// File is one article of the corpus.
type File struct {
	Path string
	Src  []byte
}

// Dir returns the corpus directory, and skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("ARTICLELINT_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "..", "shared", "corpus")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Skip("no corpus: set ARTICLELINT_CORPUS to a directory of articles")
	}
	return dir
}

// repoRoot is the nearest directory at or above the working directory
// (a package's, under go test) that holds go.mod.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

var (
	markdownOnce sync.Once
	markdown     []File
)

// Markdown returns every Markdown file of the corpus, walked as
// articlelint walks a directory argument (hidden directories,
// node_modules and vendor skipped), in path order. The files are read
// once per test binary.
func Markdown(tb testing.TB) []File {
	tb.Helper()
	dir := Dir(tb)
	markdownOnce.Do(func() {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != dir && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(name)); (ext == ".md" || ext == ".markdown") && !strings.HasPrefix(name, ".") {
				if src, err := os.ReadFile(path); err == nil {
					markdown = append(markdown, File{path, src})
				}
			}
			return nil
		})
	})
	if len(markdown) == 0 {
		tb.Skipf("no Markdown files under %s", dir)
	}
	return markdown
}

// Size is the files' total length in bytes, for b.SetBytes.
func Size(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Src))
	}
	return n
}
