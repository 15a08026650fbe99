package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/articlelint/articlelint/article"
)

// spanIndex agrees with checking every span.
func TestSpanIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var spans []article.Span
		for range rng.IntN(8) {
			s := rng.IntN(50)
			spans = append(spans, article.Span{Start: s, End: s + rng.IntN(10)})
		}
		ix := newSpanIndex(append([]article.Span(nil), spans...))
		for range 20 {
			a := rng.IntN(60)
			q := article.Span{Start: a, End: a + rng.IntN(10)}
			want := false
			for _, s := range spans {
				if s.Start < q.End && s.End > q.Start {
					want = true
				}
			}
			if got := ix.overlaps(q); got != want {
				t.Fatalf("spans %v, query %v: overlaps = %v, want %v", spans, q, got, want)
			}
		}
	}
}
