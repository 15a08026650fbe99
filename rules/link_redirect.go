package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// LinkRedirect reports links that moved permanently.
var LinkRedirect = &Rule{
	ID:       "link-redirect",
	Doc:      "Link to where a page now lives, not through a permanent redirect (online check).",
	Severity: Info,
	Online:   true,
	Fixable:  true,
	Explain: `A link that answers only through permanent redirects (301, 308) works today,
but the old address is the first to break. Temporary redirects (302, 307) are
left alone.

Fix: articlelint --online --fix rewrites the link to the final address.` + onlineNote,
	Check: func(p *Pass) {
		checkedLinks(p, func(l article.Link, r *online.LinkResult) {
			if r.Status != online.LinkRedirect || !r.Permanent || r.FinalURL == "" || l.DestSpan.Len() == 0 {
				return
			}
			p.Report(Finding{
				Span:    l.DestSpan,
				Message: "link redirects permanently to " + r.FinalURL + ": link there directly",
				Fixes:   []Fix{{Message: "link to " + r.FinalURL, Edits: []Edit{{Span: l.DestSpan, New: r.FinalURL}}}},
			})
		})
	},
}
