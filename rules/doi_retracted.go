package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/online"
)

// retractions are the Crossref update types that withdraw a work.
var retractions = map[string]bool{"retraction": true, "withdrawal": true, "removal": true, "partial_retraction": true}

// DOIRetracted reports citations of retracted works.
var DOIRetracted = &Rule{
	ID:       "doi-retracted",
	Doc:      "The cited work must not be retracted, withdrawn or removed (online check, Crossref and Europe PMC).",
	Severity: Error,
	Online:   true,
	Explain: `Crossref records retractions, withdrawals and removals as updates to the work
("updated-by"). A summary that presents a retracted study as evidence misleads
its readers, and retractions often come years after publication. PubMed
marks a retracted paper with the publication type "Retracted Publication",
which Europe PMC returns when the source records are fetched
(online.sources); a work so marked is reported even when Crossref has no
notice.

Fix: remove the claim, or say plainly that the study was retracted and why.` + onlineNote,
	Check: func(p *Pass) {
		checkedDOIs(p, func(d article.DOI, r *online.DOIResult) {
			for _, u := range r.Updates {
				if retractions[u.Type] {
					p.Reportf(d.DOISpan, "the cited work was %s: notice %s%s; do not cite it as evidence", updateWord(u.Type), u.DOI, dated(u.Date))
					return
				}
			}
			if s := p.Online.Sources[doi.Key(d.DOI)]; s != nil && s.Retracted {
				p.Reportf(d.DOISpan, "the cited work was retracted: PubMed (Europe PMC) lists it as a \"Retracted Publication\"; do not cite it as evidence")
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
