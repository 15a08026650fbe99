package rules

import (
	"reflect"
	"slices"
	"testing"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
)

// placeholderSeeds are texts near the edges of placeholderMay,
// markerColon and rawPlaceholderStarts.
var placeholderSeeds = []string{
	"See [Insert DOI here] for details.", "[ \tadd link]", "[Enter]", "[placeholder x]", "[1]",
	"TODO: check.", "FIXME\t: later.", "TBD : x.", "TK: y.", "XXX: z.", "TKTK: w.", "todo: no.", "ToDo:", "xTODO:",
	"[TBD]", "[ todo soon]", "(TK)", "( FIXME )", "[tbd]", "[TODO", "(tk)",
	"{{study_title}}", "{{ x }}", "{{< figure >}}", "{{{x}}", "{{ _a }}", "{{é}}", "{ {x}}",
	"[citation needed]", "[link]", "[ url ]", "[DOI]", "[ſource]", "[Source]", "[ref]",
	"[Author name]", "[journal title]", "[ſtudy date]", "[Paper  link]",
	"<add link>", "< insert DOI here>", "<Add>", "<a href>", "<\tINSERT x>", "<inſert link>", "<in",
	"XX%", "xx", "XXX", "???", "??", "lorem ipsum", "Lorem", "TKTK", "tbd", "Tk", "FixMe", "a_tbd", "é tbd",
	"[[add to your calendar](https://example.org)]",
	"[Insert name] (https://example.org)",
	"",
}

func TestPlaceholderMatchesAsGroupMatches(t *testing.T) {
	for _, s := range placeholderSeeds {
		checkPlaceholderMatches(t, s)
	}
}

func FuzzPlaceholderMatches(f *testing.F) {
	for _, s := range placeholderSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPlaceholderMatches)
}

// checkPlaceholderMatches compares the patterns scan runs with
// groupMatches over every pattern behind its gate, as before.
func checkPlaceholderMatches(t *testing.T, text string) {
	if len(placeholderPatterns)+1 > len(placeholderScratch{}.patterns) || len(placeholderGates)+1 > 32 {
		t.Fatal("placeholderScratch or a gate mask is too small")
	}
	hits := gateWords.Find(nil, keywords.Lower(nil, text))
	open := openMask(placeholderMasks(), hits)
	if g := placeholderGate.open(hits); g != (open&placeholderAny != 0) || g != placeholderGateIn(text) {
		t.Errorf("%q: placeholderAny or placeholderGateIn disagrees with placeholderGate", text)
	}
	keep := func(s, e int) bool { return !brokenLink(text, s, e) }
	for _, raw := range []bool{false, true} {
		patterns := placeholderPatterns
		if raw {
			patterns = append(patterns[:len(patterns):len(patterns)], rawPlaceholder)
		}
		want := groupMatches(text, patterns, placeholderGates, hits, placeholderRadius, keep)
		var s placeholderScratch
		if got := s.matches(text, raw, nil, hits, open); !reflect.DeepEqual(got, want) {
			t.Errorf("%q (raw %v): got %v, want %v", text, raw, got, want)
		}
	}
	for i, re := range placeholderPatterns {
		if re.MatchString(text) && !placeholderMay(i, text) {
			t.Errorf("%q: pattern %d matches but placeholderMay says no", text, i)
		}
	}
	starts := rawPlaceholderStarts([]byte(text))
	for _, m := range rawPlaceholder.FindAllStringIndex(text, -1) {
		if !slices.Contains(starts, m[0]) || !anyIn(starts, article.Span{Start: m[0], End: m[1]}) {
			t.Errorf("%q: rawPlaceholder matches at %d, not in %v", text, m[0], starts)
		}
	}
}
