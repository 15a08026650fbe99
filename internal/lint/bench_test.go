package lint

import (
	"sync"
	"testing"

	"github.com/articlelint/articlelint/internal/testcorpus"
)

// BenchmarkLint runs the full offline rule set (Linter.Lint: parse, every
// rule, suppressions) on every corpus file and on the seed articles, one
// file after another. The corpus (internal/testcorpus) is collected as the
// CLI does.
//
//	go test -run=NONE -bench=Lint -cpuprofile=cpu.out ./internal/lint/
func BenchmarkLint(b *testing.B) {
	b.Run("corpus", func(b *testing.B) { benchLint(b, corpus(b)) })
	b.Run("seed", func(b *testing.B) {
		benchLint(b, loadFiles(b, []string{
			"../../testdata/articles/vitamin-d-lactation.txt",
			"../../testdata/articles/vitamin-d-lactation.html",
		}))
	})
}

var (
	corpusOnce  sync.Once
	corpusFiles []testcorpus.File
)

func corpus(b *testing.B) []testcorpus.File {
	dir := testcorpus.Dir(b)
	corpusOnce.Do(func() {
		paths, _ := Collect([]string{dir})
		corpusFiles = loadFiles(b, paths)
	})
	if len(corpusFiles) == 0 {
		b.Skipf("no articles under %s", dir)
	}
	return corpusFiles
}

func loadFiles(b *testing.B, paths []string) []testcorpus.File {
	var out []testcorpus.File
	for _, p := range paths {
		src, err := ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, testcorpus.File{Path: p, Src: src})
	}
	return out
}

func benchLint(b *testing.B, files []testcorpus.File) {
	l := fuzzLinter(b)
	b.SetBytes(testcorpus.Size(files))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := l.Lint(f.Path, f.Src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
