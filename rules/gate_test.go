package rules

import (
	"math/rand/v2"
	"regexp/syntax"
	"testing"

	"github.com/articlelint/articlelint/internal/article"
)

// A gate never hides a match: every phrase a pattern matches contains one
// of its gate words.
func TestHasAnchors(t *testing.T) {
	for src, want := range map[string]bool{
		`(?i)\bregenerate response\b`:   false,
		`feel free to ask\s*(?:[.!]|$)`: true,
		`(?:^|[^\pL\pN_])(TKTK)`:        true,
		`[^\]]{0,80}\]`:                 false,
	} {
		if got := hasAnchors(src); got != want {
			t.Errorf("hasAnchors(%q) = %v, want %v", src, got, want)
		}
	}
}

// Reading a pattern's text for anchors agrees with parsing it, on every
// built-in pattern and on class and escape edge cases.
func TestScanAnchorsAgreesWithParse(t *testing.T) {
	srcs := []string{
		`[]^]x`, `[^]$]`, `[[:alpha:]^]`, `[\]^]`, `a\^b`, `a\$`, `\Aab`, `ab\z`, `[a-z]+$`,
		`(?m)^x`, `[^^]`, `\Q^\E`, `x[`, `\b`, `[[:^space:]]`, `[a\]]$`, `\p{^Greek}x`, `[\P{^L}]`, `\pLx$`,
	}
	for _, l := range lazyPatterns {
		srcs = append(srcs, l.src)
	}
	for _, src := range srcs {
		if _, err := syntax.Parse(src, syntax.Perl); err != nil {
			continue
		}
		if got, want := hasAnchors(src), parseAnchors(src); got != want {
			t.Errorf("hasAnchors(%q) = %v, parsing says %v", src, got, want)
		}
	}
}

func FuzzScanAnchors(f *testing.F) {
	for _, l := range lazyPatterns {
		f.Add(l.src)
	}
	f.Add(`[]^]x`)
	f.Add(`[[:alpha:]]$`)
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := syntax.Parse(src, syntax.Perl); err != nil {
			return
		}
		if got, want := hasAnchors(src), parseAnchors(src); got != want {
			t.Errorf("hasAnchors(%q) = %v, parsing says %v", src, got, want)
		}
	})
}

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
