package article

import (
	"strings"
	"testing"
)

// isAbbreviationWord is abbreviations[strings.ToLower(w)] without the
// allocation: the same answer on ASCII, mixed case, non-ASCII (the Kelvin
// sign lower-cases to "k") and long words.
func TestIsAbbreviationWord(t *testing.T) {
	words := []string{"", "e.g", "E.G", "Dr", "dR", "APPROX", "approxi", "Sept", "\u212Ag", "Fıg", "Écrit",
		"abcdefghé", "al", "AL", "mg", "etc", "z"}
	for k := range abbreviations {
		if len(k) > maxAbbreviation || strings.ToLower(k) != k {
			t.Errorf("key %q: longer than %d bytes or not lower-case", k, maxAbbreviation)
		}
		words = append(words, k, strings.ToUpper(k))
	}
	for _, w := range words {
		if got, want := isAbbreviationWord(w), abbreviations[strings.ToLower(w)]; got != want {
			t.Errorf("isAbbreviationWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// Trailing white space is trimmed by character: NBSP (C2 A0) and a letter
// whose last byte looks like a space byte are never cut in half.
func TestSplitSentencesTrimsWholeCharacters(t *testing.T) {
	for _, c := range []struct {
		s    string
		want string
	}{
		{"0\u00a0", "0"},
		{"Dawka wynosiła ą", "Dawka wynosiła ą"},
		{"Done. Next one\u00a0\u00a0 ", "Next one"},
	} {
		got := SplitSentences(c.s)
		last := got[len(got)-1]
		if c.s[last[0]:last[1]] != c.want {
			t.Errorf("%q: last sentence %q, want %q", c.s, c.s[last[0]:last[1]], c.want)
		}
	}
}
