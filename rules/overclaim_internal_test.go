package rules

import (
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/keywords"
)

// overclaimOpenSeeds are headings that would tell the in-place gate from
// lower-casing a copy: case, non-ASCII runes that lower-case to ASCII,
// phrases cut short and configured words.
var overclaimOpenSeeds = []string{
	"", "  \t\r", "\"A Miracle Cure\" \t\r \r", "A Miracle Cure", "MIRACLE", "miracl", "No Side Effects", "no side  effects",
	"100% SAFE", "Game-Changer", "GAME CHANGER", "Proof That", "proof tha",
	"\u212aelvin", "Breakthrough\u212a", "İ", "DEFINITIVELY ünïcode", "Strong Evidence?",
	"Zinc and Vitamin D", "cur", "cure", "xcurex", "Guaranteed", "Gold Standard",
}

func FuzzOverclaimOpen(f *testing.F) {
	for _, s := range overclaimOpenSeeds {
		f.Add(s)
	}
	cfgs := []*overclaimConfig{
		overclaimConfigOf(&OverclaimOptions{}),
		overclaimConfigOf(&OverclaimOptions{Phrases: []string{"Gold Standard", "Kelvin scale", "Ünique"}}),
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := trimTitleSpace(text), strings.TrimRight(text, " \t\r"); got != want {
			t.Errorf("trimTitleSpace(%q) = %q, want %q", text, got, want)
		}
		for _, c := range cfgs {
			if got, want := c.open(text), mayMatch(strings.ToLower(text), c.words); got != want {
				t.Errorf("open(%q) = %v, lower-cased copy says %v (words %q)", text, got, want, c.extra)
			}
		}
	})
}

// isOverclaimWord holds the words of overclaimGate and no others.
func TestIsOverclaimWord(t *testing.T) {
	n := 0
	for id := range gateWords.Len() + 1 {
		h := keywords.Hit{Word: int32(id)}
		got := id < len(isOverclaimWord) && isOverclaimWord[id]
		if want := overclaimGate.has(h); got != want {
			t.Errorf("word %d: isOverclaimWord = %v, overclaimGate.has = %v", id, got, want)
		}
		if got {
			n++
		}
	}
	if n != len(overclaimAdvice) {
		t.Errorf("%d overclaim words, want %d", n, len(overclaimAdvice))
	}
}
