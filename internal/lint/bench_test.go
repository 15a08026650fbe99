package lint

import (
	"os"
	"sync"
	"testing"
)

// BenchmarkLint runs the full offline rule set (Linter.Lint: parse, every
// rule, suppressions) on every corpus file and on the seed articles, one
// file after another. The corpus is ARTICLELINT_CORPUS, default
// ../shared/corpus from the repository root, collected as the CLI does.
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

type benchFile struct {
	path string
	src  []byte
}

var (
	corpusOnce  sync.Once
	corpusFiles []benchFile
)

func corpus(b *testing.B) []benchFile {
	corpusOnce.Do(func() {
		dir := os.Getenv("ARTICLELINT_CORPUS")
		if dir == "" {
			dir = "../../../shared/corpus"
		}
		if _, err := os.Stat(dir); err != nil {
			return
		}
		paths, _ := Collect([]string{dir})
		corpusFiles = loadFiles(b, paths)
	})
	if len(corpusFiles) == 0 {
		b.Skip("no corpus: set ARTICLELINT_CORPUS to a directory of articles")
	}
	return corpusFiles
}

func loadFiles(b *testing.B, paths []string) []benchFile {
	var out []benchFile
	for _, p := range paths {
		src, err := ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, benchFile{p, src})
	}
	return out
}

func benchLint(b *testing.B, files []benchFile) {
	l := fuzzLinter(b)
	var size int64
	for _, f := range files {
		size += int64(len(f.src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := l.Lint(f.path, f.src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
