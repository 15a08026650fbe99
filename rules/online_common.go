package rules

import (
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/online"
)

// checkedLinks calls fn for each web link with its online result. Links
// that are DOIs (doi.org) are left to the doi-* rules, and a reference
// link is checked at its definition, so nothing is reported twice.
func checkedLinks(p *Pass, fn func(l article.Link, r *online.LinkResult)) {
	if p.Online == nil {
		return
	}
	isDOI := map[int]bool{}
	for _, d := range p.Doc.DOIs {
		if d.Link >= 0 && d.Form == "resolver-url" {
			isDOI[d.Link] = true
		}
	}
	for i, l := range p.Doc.Links {
		if l.Kind == article.ReferenceLink || isDOI[i] {
			continue
		}
		if r := p.Online.Links[l.Dest]; r != nil {
			fn(l, r)
		}
	}
}

// checkedDOIs calls fn for each valid DOI occurrence with its result.
func checkedDOIs(p *Pass, fn func(d article.DOI, r *online.DOIResult)) {
	if p.Online == nil {
		return
	}
	for _, d := range p.Doc.DOIs {
		if d.Invalid != "" {
			continue
		}
		if r := p.Online.DOIs[doi.Key(d.DOI)]; r != nil {
			fn(d, r)
		}
	}
}

func linkSpan(l article.Link) article.Span {
	if l.DestSpan.Len() > 0 {
		return l.DestSpan
	}
	return l.Span
}

// onlineNote marks online rules in `explain`.
const onlineNote = "\n\nThis rule runs only with --online (or online.enabled: true)."

func short(s string) string { return strings.TrimSpace(s) }
