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
