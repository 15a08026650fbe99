package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// retractions are the Crossref update types that withdraw a work.
var retractions = map[string]bool{"retraction": true, "withdrawal": true, "removal": true, "partial_retraction": true}

// DOIRetracted reports citations of retracted works.
var DOIRetracted = &Rule{
	ID:       "doi-retracted",
	Doc:      "The cited work must not be retracted, withdrawn or removed (online check, Crossref).",
	Severity: Error,
	Online:   true,
	Explain: `Crossref records retractions, withdrawals and removals as updates to the work
("updated-by"). A summary that presents a retracted study as evidence misleads
its readers, and retractions often come years after publication.

Fix: remove the claim, or say plainly that the study was retracted and why.` + onlineNote,
	Check: func(p *Pass) {
		checkedDOIs(p, func(d article.DOI, r *online.DOIResult) {
			for _, u := range r.Updates {
				if retractions[u.Type] {
					p.Reportf(d.DOISpan, "the cited work was %s: notice %s%s; do not cite it as evidence", updateWord(u.Type), u.DOI, dated(u.Date))
					return
				}
			}
		})
	},
}

func updateWord(t string) string {
	switch t {
	case "retraction":
		return "retracted"
	case "partial_retraction":
		return "partly retracted"
	case "withdrawal":
		return "withdrawn"
	case "removal":
		return "removed"
	case "expression_of_concern":
		return "given an expression of concern"
	case "correction", "erratum":
		return "corrected"
	}
	return "updated (" + t + ")"
}

func dated(d string) string {
	if d == "" {
		return ""
	}
	return " (" + d + ")"
}
