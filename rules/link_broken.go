package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// LinkBroken reports links that do not answer.
var LinkBroken = &Rule{
	ID:       "link-broken",
	Doc:      "Links must answer (online check).",
	Severity: Error,
	Online:   true,
	Explain: `With --online, every web link is fetched once per run (GET, a small body read,
redirects followed, retries on 408/429/5xx). A 404, 410, a server error that
persists, an unknown host or a redirect loop is a broken link: readers hit a
dead end where the article promised a source.

Fix: find the page's new address (the Wayback Machine helps), or remove the link.` + onlineNote,
	Check: func(p *Pass) {
		checkedLinks(p, func(l article.Link, r *online.LinkResult) {
			if r.Status == online.LinkBroken {
				p.Reportf(linkSpan(l), "link is broken (%s): find its new address or remove it", short(r.Reason))
			}
		})
	},
}
