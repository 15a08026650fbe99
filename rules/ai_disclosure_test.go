package rules

import (
	"testing"

	"github.com/articlelint/articlelint/article"
)

// The statement ai-disclosure suggests in each language is one it
// recognises, so that pasting the suggestion silences the finding.
func TestSuggestedDisclosuresAreRecognised(t *testing.T) {
	for lang, s := range suggestedDisclosures {
		d, err := article.Parse("a.md", []byte("---\nlang: "+lang+"\n---\n# T\n\nText.\n\n"+s+"\n"), article.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Disclosure == nil {
			t.Errorf("%s: %q is not recognised as a disclosure", lang, s)
		}
	}
}
