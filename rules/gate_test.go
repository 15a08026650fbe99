package rules

import (
	"regexp"
	"testing"

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
		{"ai-artifact", len(aiArtifactGates), len(aiArtifacts)},
		{"link-promise", len(promiseGates), len(promisePatterns)},
		{"claim-unsupported", len(claimGates), len(claimPhrases)},
		{"placeholder", len(placeholderGates), len(placeholderPatterns) + 1},
	} {
		if tc.gates != tc.pattern {
			t.Errorf("%s: %d gates for %d patterns", tc.name, tc.gates, tc.pattern)
		}
	}
}

// A gate never hides a match: every phrase a pattern matches contains one
// of its gate words.
func TestGatesCoverMatches(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"Certainly! Here's the summary.", true},
		{"As an AI language model, I cannot.", true},
		{"Plain prose about vitamin D.", false},
	} {
		got := false
		for i, re := range aiArtifacts {
			if re.MatchString(tc.text) {
				if !aiArtifactGates[i].open(gateWords.Find(nil, keywords.Lower(nil, tc.text))) {
					t.Errorf("%q matches pattern %d but its gate is closed", tc.text, i)
				}
				got = true
			}
		}
		if got != tc.ok {
			t.Errorf("%q: matched %v, want %v", tc.text, got, tc.ok)
		}
	}
}

// Built-in patterns compile on first use; a typo must fail here, not in
// a user's run.
func TestLazyPatternsCompile(t *testing.T) {
	if len(lazyPatterns) < 30 {
		t.Fatalf("only %d lazy patterns registered", len(lazyPatterns))
	}
	for _, l := range lazyPatterns {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("pattern %q: %v", l.src, err)
		}
	}
}
