package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// The built-in cases are in testdata/spans/residue.txt.
func TestResidueExtraPhrases(t *testing.T) {
	opts := &rules.ResidueOptions{Phrases: []string{"Download PDF"}}
	got := spansOf(t, rules.Residue, "a.txt", "Intro\nText here.\nDownload PDF.\nYou can download PDF files.\n", opts)
	if want := []string{"Download PDF."}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Configured lines match a whole paragraph or heading, ignoring case,
// white space and the punctuation around them.
func TestResidueExtraLines(t *testing.T) {
	opts := &rules.ResidueOptions{Phrases: []string{"Thanks for reading!", "Download PDF."}}
	checkSpans(t, rules.Residue, opts,
		"⟦Thanks for reading⟧",
		"⟦THANKS  for\u00a0reading!!⟧",
		"⟦Download PDF⟧",
		"Thanks for reading the whole study.",
		"We wrote it. Thanks for reading!",
	)
}
