package disclosure

import (
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
)

// Every entry finds its examples and none of its near misses, and every
// pattern names a literal to look for.
func TestExamples(t *testing.T) {
	for _, m := range []*phrase.Matcher{toolMatcher(), phrase.MustCompile(Statements)} {
		for _, err := range m.CheckExamples() {
			t.Error(err)
		}
		if u := m.Unfiltered(); len(u) > 0 {
			t.Errorf("patterns with no required literal:\n%s", strings.Join(u, "\n"))
		}
	}
}

func TestStatement(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"This article was written with AI assistance.", true},
		{"This article was written with AI—and checked by our editors.", true},
		{"This article was written with AI – and checked by our editors.", true},
		{"Edited with Gemini Advanced by our team.", true},
		{"Written with Claude 3 Opus, checked by a nurse.", true},
		{"Written with Jasper AI.", true},
		// A name before a capitalised word is someone or something else.
		{"Written with Claude Martin, a dietitian.", false},
		{"Written with Gemini Observatory data.", false},
		{"We used Claude Martin's notes to draft this article.", false},
		{"This summary was written by Claude Martin with help from ChatGPT.", true},
		{"Rickets is rare.", false},
	} {
		if got := Statement(tc.sentence); got != tc.want {
			t.Errorf("Statement(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// The statements are looked for only in a sentence that names AI: every
// text a statement pattern matches holds one of Tools.
func FuzzStatementsNameAI(f *testing.F) {
	for _, e := range Statements.Entries {
		for _, s := range e.Match {
			f.Add(s)
		}
	}
	f.Add("Disclaimer:Generated with GenAI.")
	f.Add("We used InstructGPT to draft this post.")
	f.Fuzz(func(t *testing.T, s string) {
		n := phrase.Normalize(s)
		for i := range Statements.Entries {
			if matches(Pattern(i), n.Norm) && len(toolMatcher().Scan(nil, &n)) == 0 {
				t.Errorf("%q is a statement (pattern %d) that names no AI tool", s, i)
			}
		}
	})
}

// The usual statement is tried on nearly every article, once per process
// for a pre-commit run: its first match must not take the regexp
// package's large machine (655 KB of fresh memory, about 150 page faults
// at start-up, once the pattern passes 2,048 instructions).
func TestUsualStatementIsSmall(t *testing.T) {
	re := regexp.MustCompile(Statements.Entries[0].Pattern)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if re.FindAllStringIndex("this summary was written with the help of chatgpt and checked by an editor", -1) == nil {
		t.Fatal("the usual statement no longer matches its plainest wording")
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 200<<10 {
		t.Errorf("the first match allocated %d KB, want at most 200 KB: keep the pattern within 2,048 instructions", got>>10)
	}
}
