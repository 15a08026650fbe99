package rules

import (
	"strings"
	"testing"
)

// overclaimOpenSeeds are headings that would tell the in-place gate from
// lower-casing a copy: case, non-ASCII runes that lower-case to ASCII,
// phrases cut short and configured words.
var overclaimOpenSeeds = []string{
	"", "A Miracle Cure", "MIRACLE", "miracl", "No Side Effects", "no side  effects",
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
		for _, c := range cfgs {
			if got, want := c.open(text), mayMatch(strings.ToLower(text), c.words); got != want {
				t.Errorf("open(%q) = %v, lower-cased copy says %v (words %q)", text, got, want, c.extra)
			}
		}
	})
}
