package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/lint"
)

// --fix with every rule never leaves a link's text and destination naming
// different DOIs, and leaves no DOI link that cannot resolve: each way of
// writing the text against each way of breaking the destination. Where the
// destination was broken, the text is repaired to the canonical form too.
func TestFixKeepsDOILinkTextAndDestination(t *testing.T) {
	const d = "10.5555/sleep.2016.02.008"
	texts := []string{
		"the study", "doi:" + d, d, "https://doi.org/" + d, "doi:" + d + ".", "https://doi.org/" + d + ".",
		"http://dx.doi.org/" + d + ",", "https://doi.org/https://doi.org/" + d, "https://doi.org/doi:" + d,
	}
	dests := []string{
		"https://doi.org/" + d, "https://doi.org/" + d + ".", "http://dx.doi.org/" + d + ";",
		"https://doi.org/https://doi.org/" + d, "<https://doi.org/10.5555/ sleep.2016.02.008>",
		"https://doi.org/doi:" + d, "<https://doi.org/" + d + ")>", "https://doi.org/" + d + ".)",
	}
	l := lint.New(lint.Options{})
	path := filepath.Join(t.TempDir(), "a.md")
	for _, text := range texts {
		for _, dest := range dests {
			src := "# Sleep\n\nRead [" + text + "](" + dest + ") today.\n"
			_, fixed, _, err := l.Fix(path, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := article.Parse(path, fixed, article.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Links) != 1 {
				t.Errorf("%q: fixed to %q, which has %d links", src, fixed, len(doc.Links))
				continue
			}
			link := doc.Links[0]
			if r, ok := doi.ParseRef(link.Dest); !ok || r.Faults != 0 || !doi.Equal(r.DOI, d) {
				t.Errorf("%q: fixed to %q, whose destination is %+v, %v", src, fixed, r, ok)
			}
			for _, x := range doc.DOIs {
				if x.DOISpan.Start < link.DestSpan.Start && !doi.Equal(x.DOI, d) {
					t.Errorf("%q: fixed to %q, whose text names %s", src, fixed, x.DOI)
				}
			}
			// A clean display of the DOI ("10.1/x", "doi:10.1/x") on a link
			// that already goes to its canonical URL is the writer's choice;
			// any other text that holds the DOI ends canonical.
			clean := (text == d || text == "doi:"+d) && dest == doi.Canonical(d)
			if strings.Contains(text, d) && !strings.Contains(string(fixed), "["+doi.Canonical(d)+"]") && !(clean && strings.Contains(string(fixed), "["+text+"]")) {
				t.Errorf("%q: fixed to %q, whose text is not the canonical DOI", src, fixed)
			}
		}
	}
}
