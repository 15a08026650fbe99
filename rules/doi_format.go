package rules

import (
	"strings"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/doi"
)

// DOIFormat reports DOIs not written as https://doi.org/<doi>.
var DOIFormat = &Rule{
	ID:       "doi-format",
	Doc:      "Write DOIs as https://doi.org/<doi>, as Crossref's display guidelines ask.",
	Severity: Warning,
	Fixable:  true,
	Explain: `Crossref's DOI display guidelines ask for DOIs to be shown as full https URLs
on doi.org: not "doi:10...", not a bare "10...", not dx.doi.org, not http, not
percent-encoded. Readers can follow the link, and tools recognise it.
A DOI inside a publisher's URL (".../doi/10..." or ".../content/10...") is left
alone: that link may rightly point at a supplement or a PDF. A "doi:" left in a
doi.org link ("https://doi.org/doi:10...") is reported. A DOI link that cannot
resolve ("https://doi.org/10.1016/j.x.") is left to link-malformed, whose fix
rewrites the link's destination and text together.

Fix: articlelint --fix rewrites the DOI to https://doi.org/<doi>; a link text
that is the DOI with a stray full stop or a doubled prefix is rewritten whole.`,
	Check: checkDOIFormat,
}

func checkDOIFormat(p *Pass) {
	broken := brokenDOILinkEdits(p.Doc)
	texts := damagedDOITexts(p.Doc)
	for _, d := range p.Doc.DOIs {
		if d.Invalid != "" || overlapsAny(d.Span, broken) || (d.Form == "publisher-url" && !prefixedOnResolver(p.Doc, d)) {
			continue
		}
		// A link text that is this DOI with a stray full stop or a
		// doubled prefix is rewritten whole, not around the damage.
		span := d.Span
		for len(texts) > 0 && texts[0].span.End <= d.Span.Start {
			texts = texts[1:]
		}
		if len(texts) > 0 && texts[0].span.Start <= d.Span.Start && d.Span.End <= texts[0].span.End && doi.Equal(texts[0].doi, d.DOI) {
			span = texts[0].span
		}
		want := doi.Canonical(d.DOI)
		got := p.Doc.Text(span)
		if got == want {
			continue
		}
		p.Report(Finding{
			Span:    span,
			Message: "write the DOI as " + want + " (Crossref display guidelines), not " + quoteShort(got),
			Fixes:   []Fix{{Message: "rewrite as " + want, Edits: []Edit{{Span: span, New: want}}}},
		})
	}
}

// doiText is a link text that names one DOI.
type doiText struct {
	span article.Span
	doi  string
}

// damagedDOITexts returns, in order, the link texts that are a DOI written
// so that it would not resolve: "doi:10.1/x.",
// "https://doi.org/https://doi.org/10.1/x".
func damagedDOITexts(d *article.Document) []doiText {
	var out []doiText
	for _, l := range d.Links {
		if !mayBeDOIText(l.Text) {
			continue
		}
		ts, ok := linkTextSpan(d, l)
		if !ok {
			continue
		}
		if r, ok := doi.ParseRef(l.Text); ok && r.Faults != 0 {
			out = append(out, doiText{ts, r.DOI})
		}
	}
	return out
}

// mayBeDOIText is a quick test that a link text may be a DOI.
func mayBeDOIText(s string) bool { return strings.Contains(s, "10.") }

// prefixedOnResolver reports a DOI written after "doi:" on a resolver,
// "https://doi.org/doi:10...": the DOI proxy reads it, but it is not the
// canonical form. doi.Find calls it a publisher URL, as it does every DOI
// that does not start a URL's path.
func prefixedOnResolver(doc *article.Document, d article.DOI) bool {
	switch d.Host {
	case "doi.org", "dx.doi.org", "www.doi.org":
	default:
		return false
	}
	r, ok := doi.ParseRef(doc.Text(d.Span))
	return ok && r.Form == doi.ResolverURL && doi.Equal(r.DOI, d.DOI)
}

// quoteShort quotes s, shortened to fit a message line.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return `"` + s + `"`
}

// overlapsAny reports whether s overlaps one of spans.
func overlapsAny(s article.Span, spans []article.Span) bool {
	for _, o := range spans {
		if s.Start < o.End && o.Start < s.End {
			return true
		}
	}
	return false
}
