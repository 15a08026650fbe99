package rules

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/internal/keywords"
)

// aiArtifactSeeds are texts near the edges of aiArtifactMay and of the
// gates.
var aiArtifactSeeds = []string{
	"Certainly! Here is the summary.",
	"Sure,\there’s what I found.",
	"Of course.  Here are the results. I hope this helps!",
	"Absolutely!Here is no space, so no match.",
	"SURE !  HERE IS",
	"Sure! Here  is two spaces; and here is one.",
	"The dose was safe. Here is why.",
	"If you have any more questions, feel free to ask!",
	"Feel free to aſk.",
	"FEEL FREE TO ASK",
	"feel free to contact us. Feel free to ask",
	"As an AI language model, I cannot browse the internet.",
	"[Your Name] Let me know if you would like more.",
	"",
}

// TestAIArtifactMatchesAsGroupMatches checks the chosen patterns against
// running every pattern behind its own gate, as before.
func TestAIArtifactMatchesAsGroupMatches(t *testing.T) {
	for _, s := range aiArtifactSeeds {
		checkAIArtifactMatches(t, s)
	}
}

func FuzzAIArtifactMatches(f *testing.F) {
	for _, s := range aiArtifactSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAIArtifactMatches)
}

func checkAIArtifactMatches(t *testing.T, text string) {
	lower := keywords.Lower(nil, text)
	hits := gateWords.Find(nil, lower)
	want := groupMatches(text, aiArtifacts, aiArtifactGates, hits, aiArtifactRadius, nil)
	var s aiArtifactScratch
	if got := s.matches(text, lower, hits, openMask(aiArtifactMasks(), hits), nil); !reflect.DeepEqual(got, want) {
		t.Errorf("%q: got %v, want %v", text, got, want)
	}
	if len(aiArtifacts) > len(s.patterns) || len(aiArtifactGates) > 32 {
		t.Fatal("aiArtifactScratch or a gate mask is too small for aiArtifacts")
	}
	// aiArtifactMay must let in every text a pattern matches, not only
	// those whose gate is open.
	for i, re := range aiArtifacts {
		if re.MatchString(text) && !aiArtifactMay(i, lower) {
			t.Errorf("%q: pattern %d matches but aiArtifactMay says no", text, i)
		}
	}
}
