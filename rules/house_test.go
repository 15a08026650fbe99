package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// A house phrase is whole words in every script, across any white space.
func TestForbidPhraseWordEdges(t *testing.T) {
	opts := &rules.ForbidOptions{Items: []rules.ForbidItem{{Phrase: "cure"}, {Phrase: "click here"}}}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"On écure le puits. Un accès sécure.", nil},
		{"Le curé a parlé; the cured ham.", nil},
		{"It is not a cure.", []string{"cure"}},
		{"A Cure, at last.", []string{"Cure"}},
		{"Click\u00a0here or click\n here.", []string{"Click\u00a0here", "click\n here"}},
	} {
		if got := editorialSpans(t, rules.Forbid, "a.md", "# T\n\n"+tt.text+"\n", opts); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSubstituteAcrossWhiteSpace(t *testing.T) {
	opts := &rules.SubstituteOptions{Items: []rules.SubstituteItem{{Prefer: "randomised", Over: []string{"randomized"}}, {Prefer: "data set", Over: []string{"dataset", "data-set"}}}}
	got := editorialSpans(t, rules.Substitute, "a.md", "# T\n\nA randomized trial; the data–set and a dataset. Randomizedly.\n", opts)
	if want := []string{"randomized", "data–set", "dataset"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
