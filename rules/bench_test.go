package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/articlelint/articlelint/article"
)

var (
	benchOnce sync.Once
	benchDocs []*article.Document
	benchSize int64
)

// corpusDocs parses the Markdown under ARTICLELINT_CORPUS (default
// ../shared/corpus from the repository root) once for all benchmarks.
func corpusDocs(b *testing.B) ([]*article.Document, int64) {
	benchOnce.Do(func() {
		dir := os.Getenv("ARTICLELINT_CORPUS")
		if dir == "" {
			dir = "../../shared/corpus"
		}
		_ = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			if d, err := article.Parse(path, src, article.Options{}); err == nil {
				benchDocs = append(benchDocs, d)
				benchSize += int64(len(src))
			}
			return nil
		})
	})
	if len(benchDocs) == 0 {
		b.Skip("no corpus: set ARTICLELINT_CORPUS to a directory of articles")
	}
	return benchDocs, benchSize
}

// BenchmarkRules runs each rule alone over the parsed corpus, with the
// blocks normalised beforehand as the parser does, so that a rule that
// stands out shows by name.
//
//	go test -run=NONE -bench=Rules ./rules/
func BenchmarkRules(b *testing.B) {
	docs, size := corpusDocs(b)
	for _, d := range docs {
		if len(d.Blocks) > 0 {
			d.Norm(0) // made by the parser's disclosure finder in a real run
		}
	}
	for _, r := range All {
		var opts any
		owner := r
		if r.OptionsOf != "" {
			owner = Lookup(r.OptionsOf)
		}
		if owner.Options != nil {
			opts = owner.Options()
		}
		b.Run(r.ID, func(b *testing.B) {
			caches := make([]*Cache, len(docs))
			for i, d := range docs {
				caches[i] = NewCache(d)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for i, d := range docs {
					p := NewPass(r, d, opts, r.Severity, func(Finding) {})
					p.Cache = caches[i]
					r.Check(p)
				}
			}
		})
	}
}
