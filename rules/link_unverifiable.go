package rules

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// LinkUnverifiable reports links the online check could not decide.
var LinkUnverifiable = &Rule{
	ID:       "link-unverifiable",
	Doc:      "Links the online check could not verify (bot walls, logins, timeouts, private addresses).",
	Severity: Warning,
	Online:   true,
	Explain: `Some sites answer automated checks with 401, 403, 999 or a challenge page, some
time out, and links to private or loopback addresses are never fetched unless
online.allow-private is true. These links may work for readers; check them by
hand once, then exclude them with online.exclude.` + onlineNote,
	Check: func(p *Pass) {
		checkedLinks(p, func(l article.Link, r *online.LinkResult) {
			if r.Status == online.LinkUnverifiable {
				p.Reportf(linkSpan(l), "link could not be verified (%s): check it by hand, or add it to online.exclude", short(r.Reason))
			}
		})
	},
}
