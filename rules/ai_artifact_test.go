package rules_test

import (
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// The built-in cases are in testdata/spans/ai-artifact.txt.
func TestAIArtifactExtraPhrases(t *testing.T) {
	opts := &rules.AIArtifactOptions{Phrases: []string{"delve into", ""}}
	checkSpans(t, rules.AIArtifact, opts, "Let us ⟦delve  into⟧ it. They delved into it.")
}
