package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// DOIUpdated reports cited works with corrections or concerns.
var DOIUpdated = &Rule{
	ID:       "doi-updated",
	Doc:      "Check the summary against corrections and expressions of concern on the cited work (online check).",
	Severity: Warning,
	Online:   true,
	Explain: `Crossref records corrections, errata and expressions of concern as updates to a
work. A correction may change the very numbers a summary quotes; an expression
of concern says the editors doubt the work.

Fix: read the notice and update the summary; mention it where it matters.` + onlineNote,
	Check: func(p *Pass) {
		checkedDOIs(p, func(d article.DOI, r *online.DOIResult) {
			for _, u := range r.Updates {
				if retractions[u.Type] {
					return // doi-retracted says more
				}
			}
			for _, u := range r.Updates {
				p.Reportf(d.DOISpan, "the cited work was %s: notice %s%s; check the summary against it", updateWord(u.Type), u.DOI, dated(u.Date))
			}
		})
	},
}
