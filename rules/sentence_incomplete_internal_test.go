package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/articlelint/articlelint/article"
)

func checkSentenceEnd(t *testing.T, s string) {
	if got, want := lastSpace(s), strings.LastIndexFunc(s, unicode.IsSpace); got != want {
		t.Errorf("lastSpace(%q) = %d, want %d", s, got, want)
	}
	src := []byte(s)
	li := article.NewLineIndex(src)
	for off := -1; off <= len(src)+1; off++ {
		if got, want := lineStartOf(src, off), li.LineStart(li.Position(off).Line); got != want {
			t.Errorf("lineStartOf(%q, %d) = %d, want %d", s, off, got, want)
		}
	}
	if got, want := stripEndTags(s), endTags().ReplaceAllString(s, ""); got != want {
		t.Errorf("stripEndTags(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimRightSpace(s), strings.TrimRightFunc(s, unicode.IsSpace); got != want {
		t.Errorf("trimRightSpace(%q) = %q, want %q", s, got, want)
	}
	checkLacksTerminal(t, s)
	words := len(strings.Fields(s))
	for _, n := range []int{0, 1, 3, 25} {
		if got, want := moreWords(s, n), words > n; got != want {
			t.Errorf("moreWords(%q, %d) = %v, but it has %d words", s, n, got, words)
		}
	}
}

// checkLacksTerminal checks what lacksTerminal must say of s with any
// ending: white space after it changes nothing; a stop, with closing
// quotes, brackets or emphasis after it, ends it; a plain word does not;
// a link, domain or DOI as the last word is not cut off.
func checkLacksTerminal(t *testing.T, s string) {
	got := lacksTerminal(s)
	for _, sp := range []string{" ", "\t\n", "\u00a0", "\u2004\r\n"} {
		if lacksTerminal(s+sp) != got {
			t.Errorf("lacksTerminal(%q) = %v, but %v with %q after it", s, got, !got, sp)
		}
	}
	for _, end := range []string{".", "!", "?", "…", ":", ";", "\u3002", ".\"", "?”", ".)", "!*", ".**", "._", ")", "]"} {
		if lacksTerminal(s + end) {
			t.Errorf("lacksTerminal(%q) is true", s+end)
		}
	}
	for _, end := range []string{" then", " the", "\u00a0und", " 2019", " 3.5"} {
		if !lacksTerminal(s + end) {
			t.Errorf("lacksTerminal(%q) is false", s+end)
		}
	}
	for _, end := range []string{" https://example.org/a", " mailto:a@b.org", " example.com", " www.example.org/x", " doi:10.1234/abc", " 10.1234/abc"} {
		if lacksTerminal(s + end) {
			t.Errorf("lacksTerminal(%q) is true", s+end)
		}
	}
}

func TestLacksTerminal(t *testing.T) {
	for s, want := range map[string]bool{
		"":                 false,
		" \t\n":            false,
		"Done.":            false,
		"cut at the":       true,
		"See (Smith 2020)": false,
		"x:":               false,
		"x…":               false,
		"x\u3002":          false,
		"\"Quoted.\"":      false,
		"x.*":              false,
		"bold **x**":       true,
		"x\x00":            true,
		"emoji 🎉":          false,
		"see https://a.b":  false,
		"see example.com":  false,
		"doi:10.1234/x":    false,
		"ends in 3.5":      true,
		"the end.</p>":     false,
	} {
		if got := lacksTerminal(s); got != want {
			t.Errorf("lacksTerminal(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSentenceEnd(t *testing.T) {
	for _, s := range []string{
		"", " ", "\t\n\v\f\r ", "Done.", "Done. ", "Done.\u00a0", "Done.\u0085", "Done \u2004", "cut at the",
		"See (Smith 2020)", "x.)", "x.]", "x>", "x:", "x;", "x!", "x?", "x…", "x\u3002", "x\x00", "\x00a\x01b",
		"a\x1fb", "emoji 🎉", "see https://a.b", "doi:10.1234/x", "x\xff", "\xff\xfe", "one two  three\tfour\nfive",
		"a\u3000b\u2028c", "bold **x**", "x.*", "\"Quoted.\"", "x</p>", "</EM >y", "<b>x</b>", "see example.com",
		"\ufeffBOM line\nnext", "\ufeff", "\ufeff\n", "a\r\nb\n\nc", "\n", "end \u2004x", "x\u2004",
		"see www.example.org/x", "see doi:10.1234/abc", "10.1234/abc", "Doi:10.12345/x", "ends in 3.5",
	} {
		checkSentenceEnd(t, s)
	}
}

func FuzzSentenceEnd(f *testing.F) {
	for _, s := range []string{"Done.", "cut at the ", "x\u00a0", "a b\u2004c", "see (x)", "Photo by A", "The image credits", "\ufeffa\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(checkSentenceEnd)
}
