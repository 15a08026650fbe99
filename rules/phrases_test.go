package rules

import (
	"strings"
	"testing"
)

// Every phrase table's examples hold: each entry finds what it must and
// none of its near-misses.
func TestPhraseExamples(t *testing.T) {
	m := builtinMatcher()
	for _, err := range m.CheckExamples() {
		t.Error(err)
	}
	// A pattern without a literal to look for runs on every block.
	if u := m.Unfiltered(); len(u) > 0 {
		t.Errorf("patterns with no required literal (make them name a word):\n%s", strings.Join(u, "\n"))
	}
}
