package rules_test

import (
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// A house phrase is whole words in every script, across any white space.
func TestForbidPhraseWordEdges(t *testing.T) {
	opts := &rules.ForbidOptions{Items: []rules.ForbidItem{{Phrase: "cure"}, {Phrase: "click here"}}}
	checkSpans(t, rules.Forbid, opts,
		"On écure le puits. Un accès sécure.",
		"Le curé a parlé; the cured ham.",
		"It is not a ⟦cure⟧.",
		"A ⟦Cure⟧, at last.",
		"⟦Click\u00a0here⟧ or ⟦click\n here⟧.",
	)
}

func TestSubstituteAcrossWhiteSpace(t *testing.T) {
	opts := &rules.SubstituteOptions{Items: []rules.SubstituteItem{{Prefer: "randomised", Over: []string{"randomized"}}, {Prefer: "data set", Over: []string{"dataset", "data-set"}}}}
	checkSpans(t, rules.Substitute, opts, "A ⟦randomized⟧ trial; the ⟦data–set⟧ and a ⟦dataset⟧. Randomizedly.")
}
