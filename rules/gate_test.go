package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
)

// Each gated pattern list has one gate per pattern: a missing gate would
// skip a pattern's neighbour, and the golden tests would not notice every
// case.
func TestGatesMatchPatterns(t *testing.T) {
	for _, tc := range []struct {
		name           string
		gates, pattern int
	}{
		{"link-promise", len(promiseGates), len(promisePatterns)},
		{"placeholder", len(placeholderGates), len(placeholderPatterns) + 1},
	} {
		if tc.gates != tc.pattern {
			t.Errorf("%s: %d gates for %d patterns", tc.name, tc.gates, tc.pattern)
		}
	}
}

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

// Matching near the gate words finds what matching the whole text finds.
func TestWindowsMatchLikeWholeText(t *testing.T) {
	pad := strings.Repeat("Plain words about vitamin D and infants. ", 20)
	for _, text := range []string{
		pad + "[Insert DOI here] and [TODO: check] and lorem ipsum " + pad + "XX% of TKTK {{study_title}} ???",
	} {
		lower := keywords.Lower(nil, text)
		hits := gateWords.Find(nil, lower)
		total := 0
		for _, tc := range []struct {
			patterns []*lazyRegexp
			gates    []gate
			radius   int
		}{
			{append(placeholderPatterns, rawPlaceholder), placeholderGates, placeholderRadius},
		} {
			whole := groupMatches(text, tc.patterns, tc.gates, hits, 0, nil)
			near := groupMatches(text, tc.patterns, tc.gates, hits, tc.radius, nil)
			if fmt.Sprint(whole) != fmt.Sprint(near) {
				t.Errorf("%.40q: near the gate words %v, whole text %v", text, near, whole)
			}
			total += len(whole)
		}
		if total < 3 {
			t.Errorf("%.40q: %d matches, the test tests little", text, total)
		}
	}
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

// No gate hides a match: on every test article (hits and near misses
// of every rule), wherever a gated pattern matches a block, its gate
// words are there.
// WarmFor compiles, for an article, every pattern that linting it then
// uses: otherwise a one-file run compiles it on the critical path.
func TestWarmForCoversWhatLintingUses(t *testing.T) {
	used := map[*lazyRegexp]bool{}
	compileHook = func(l *lazyRegexp) { used[l] = true }
	defer func() { compileHook = nil }()
	checked, skipped := 0, 0
	for _, a := range testArticles(t) {
		path, src, d := a.path, a.src, a.doc
		clear(used)
		cache := NewCache(d)
		for _, r := range All {
			if r.Online || r.Options == nil && r.OptionsOf != "" {
				continue
			}
			var opts any
			if r.Options != nil {
				opts = r.Options()
			}
			pass := NewPass(r, d, opts, r.Severity, func(Finding) {})
			pass.Cache = cache
			r.Check(pass)
		}
		warm := map[*lazyRegexp]bool{}
		for _, l := range warmSet(src) {
			warm[l] = true
		}
		for l := range used {
			if l.gate != nil && !warm[l] {
				t.Errorf("%s: linting used %.60q, which WarmFor left out", path, l.src)
			}
		}
		checked++
		skipped += len(lazyPatterns) - len(warm)
	}
	if checked < 50 {
		t.Fatalf("checked only %d articles", checked)
	}
	if skipped == 0 {
		t.Error("WarmFor compiled every pattern for every article")
	}
}

// testArticle is an article under testdata that parses.
type testArticle struct {
	path string
	src  []byte
	doc  *article.Document
}

// testArticles returns the rule, seed and clean test articles that parse
// (the bad-input cases do not).
func testArticles(t *testing.T) []testArticle {
	t.Helper()
	var out []testArticle
	for _, glob := range []string{"../testdata/rules/*/*.*", "../testdata/rules/*/*/*.*", "../testdata/articles/*.*", "../testdata/clean/*.*"} {
		paths, _ := filepath.Glob(glob)
		for _, path := range paths {
			if strings.HasSuffix(path, ".golden") || strings.HasSuffix(path, ".yaml") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if d, err := article.Parse(path, src, article.Options{}); err == nil {
				out = append(out, testArticle{path, src, d})
			}
		}
	}
	return out
}

func TestGatesNeverHideMatches(t *testing.T) {
	type family struct {
		name     string
		patterns []*lazyRegexp
		gates    []gate
	}
	families := []family{
		{"placeholder", append(placeholderPatterns, rawPlaceholder), placeholderGates},
		{"link-promise", promisePatterns, promiseGates},
	}
	checked, matched := 0, 0
	for _, a := range testArticles(t) {
		path, d := a.path, a.doc
		checked++
		for _, b := range d.Blocks {
			text := b.Prose.Text
			hits := gateWords.Find(nil, keywords.Lower(nil, text))
			for _, f := range families {
				for i, re := range f.patterns {
					if re.MatchString(text) {
						matched++
						if !f.gates[i].open(hits) {
							t.Errorf("%s: %s pattern %d matches %.60q but its gate %q is closed", path, f.name, i, text, f.gates[i].words)
						}
					}
				}
			}
		}
	}
	if checked < 30 || matched < 30 {
		t.Fatalf("checked %d articles with %d matches: the test tests little", checked, matched)
	}
	t.Logf("%d articles, %d matches", checked, matched)
}

// firstPromise, matching near the gate words, finds what matching each
// whole sentence finds.
func TestFirstPromiseNearGates(t *testing.T) {
	pad := strings.Repeat("plain words about vitamin D and infants ", 6)
	for _, s := range []string{
		"The full study can be found in full at our open-access research journal website " + pad,
		pad + "Read the full original study here, or visit our website.",
		pad + "It is now freely available online " + pad + " and the link below has it.",
		"Learn more at the link below " + pad + "click here",
		pad + "Hosted on the university data repository " + pad,
	} {
		hits := gateWords.Find(nil, keywords.Lower(nil, s))
		var want []int
		for i, re := range promisePatterns {
			if !promiseGates[i].open(hits) {
				continue
			}
			if m := re.FindStringIndex(s); m != nil && (want == nil || m[0] < want[0]) {
				want = m
			}
		}
		if want == nil {
			t.Fatalf("%.40q: no promise at all; the test tests nothing", s)
		}
		if got := firstPromise(s, hits); !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q: firstPromise = %v, whole sentence %v", s, got, want)
		}
	}
}
