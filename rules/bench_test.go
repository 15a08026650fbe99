package rules

import (
	"sync"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/testcorpus"
)

var (
	benchOnce sync.Once
	benchDocs []*article.Document
	benchSize int64
)

// corpusDocs parses the corpus's Markdown (internal/testcorpus) once for
// all benchmarks.
func corpusDocs(b *testing.B) ([]*article.Document, int64) {
	files := testcorpus.Markdown(b)
	benchOnce.Do(func() {
		for _, f := range files {
			if d, err := article.Parse(f.Path, f.Src, article.Options{}); err == nil {
				benchDocs = append(benchDocs, d)
				benchSize += int64(len(f.Src))
			}
		}
	})
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

// BenchmarkBuiltinMatcher builds the one matcher of every built-in table
// as a run's start does: from the saved derivations, and, for the ratio,
// parsing every pattern.
//
//	go test -run=NONE -bench=BuiltinMatcher ./rules/
func BenchmarkBuiltinMatcher(b *testing.B) {
	var tables []*phrase.Table
	for _, r := range All {
		tables = append(tables, r.tables()...)
	}
	for _, c := range []struct {
		name string
		pre  phrase.Derivations
	}{{"saved", allDerivations()}, {"parsed", nil}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				phrase.MustCompileWith(c.pre, tables...)
			}
		})
	}
}
