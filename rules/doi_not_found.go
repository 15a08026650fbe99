package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// DOINotFound reports DOIs the DOI system does not know.
var DOINotFound = &Rule{
	ID:       "doi-not-found",
	Doc:      "A cited DOI must exist (online check, asked of the DOI system's handle API).",
	Severity: Error,
	Online:   true,
	Explain: `With --online each DOI is looked up in the DOI system's handle API
({doi_resolver}/api/handles/{doi}), never by fetching the publisher's page
(publishers answer bots with 403). A DOI that does not exist was mistyped or
cut short.

Fix: copy the DOI again from the publisher's page or from Crossref.` + onlineNote,
	Check: func(p *Pass) {
		checkedDOIs(p, func(d article.DOI, r *online.DOIResult) {
			if r.Status == online.DOINotFound {
				p.Reportf(d.DOISpan, "DOI %s does not exist (%s): copy it again from the publisher", d.DOI, short(r.Reason))
			}
		})
	},
}
