package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

func TestClaimUnsupportedPhrases(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Studies show that sleep matters.", []string{"Studies show"}},
		{"Many studies have consistently shown a link.", []string{"Many studies have consistently shown"}},
		{"Scientific research suggests a small effect.", []string{"Scientific research suggests"}},
		{"Health experts agree on the dose.", []string{"Health experts agree"}},
		{"It is widely accepted that sunlight helps.", []string{"It is widely accepted"}},
		{"The Python Software Foundation recommends pinning.", []string{"The Python Software Foundation recommends"}},
		{"The American Academy of Pediatrics recommends drops.", []string{"The American Academy of Pediatrics recommends"}},
		{"The CDC now recommends a booster.", []string{"CDC now recommends"}},
		{"Dietary guidelines recommend 600 IU.", []string{"Dietary guidelines recommend"}},
		// However the words are spaced.
		{"Studies  show that sleep matters.", []string{"Studies  show"}},
		{"Studies\tshow that sleep matters.", []string{"Studies\tshow"}},
		{"Studies\u00a0show that sleep matters.", []string{"Studies\u00a0show"}},
		{"Many studies\nhave shown a link.", []string{"Many studies\nhave shown"}},
		{"The American Heart\u00a0Association\nrecommends drops.", []string{"The American Heart\u00a0Association\nrecommends"}},
		// The phrase starts at a word, not inside one.
		{"Preclinical studies show a benefit.", []string{"studies show"}},
		{"Germany's research suggests otherwise.", []string{"research suggests"}},
		// Two organisations, the first inside what the second's name
		// could take.
		{"The Society states it and the WHO recommends it.", []string{"The Society states", "WHO recommends"}},
		// A determiner names the source.
		{"This study shows a clear effect.", nil},
		{"Our research suggests a mechanism.", nil},
		{"These studies show the same.", nil},
		{"The guidelines recommend 600 IU.", nil},
		// Not an attribution.
		{"The society recommends rest.", nil},
		{"Research funding rose, and the Research Institute opened.", nil},
		{"The Foundation's board met; the institute recommends nothing.", nil},
		{"Who recommends what is unclear.", nil},
		{"Researchers recommended it, and the studies showed nothing.", nil},
		// Cited in the paragraph, in text.
		{"Studies show an effect (Smith et al., 2020).", nil},
		{"Studies show an effect (Smith and Jones 2019a; Lee 2020).", nil},
		{"Studies show an effect [2, 5-7].", nil},
		{"Studies show an effect.[^1]\n\n[^1]: A note.", nil},
		{"Studies show an effect.<sup>1</sup>", nil},
		// Quoted titles.
		{`The review "Studies Show Little" is old.`, nil},
		{"The review “Experts Say Otherwise” is old.", nil},
	}
	for _, tt := range tests {
		got := spansOf(t, rules.ClaimUnsupported, "a.md", tt.text+"\n")
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
