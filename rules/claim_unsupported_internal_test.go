package rules

import (
	"testing"

	"github.com/articlelint/articlelint/internal/keywords"
)

// claimOpen skips a built-in phrase only when its gate words leave it no
// window to match in ("show studies" passes claimOpen and has none).
func FuzzClaimOpen(f *testing.F) {
	for _, s := range []string{
		"", "Studies show it works.", "Research has consistently shown benefits.",
		"Experts say so.", "Doctors now agree.", "Guidelines recommend it.", "The guideline states",
		"It is well known.", "It has long been established.", "The WHO recommends vitamin D.",
		"The American Heart Association strongly endorses it.", "show studies", "studies " + string(make([]byte, 60)) + " show",
		"A task force; the agency warns", "known", "understudy shows", "ſtudies ſhow",
	} {
		f.Add(s)
	}
	masks := claimMasks()
	f.Fuzz(func(t *testing.T, text string) {
		hits := gateWords.Find(nil, keywords.Lower(nil, text))
		var seen uint32
		for _, h := range hits {
			seen |= masks[h.Word]
		}
		for k, ph := range claimBuiltin {
			if wins := ph.near.windows(text, hits); !claimOpen(seen, k) && len(wins) > 0 {
				t.Errorf("%q: phrase %d: claimOpen skips it, but it has windows %v", text, k, wins)
			}
		}
	})
}
