package rules

import (
	"sort"
	"strings"

	"github.com/articlelint/articlelint/article"
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
rewrites the link's destination and text together. Left alone too: a DOI shown
as the text of a link that goes to https://doi.org/ that DOI (the reader
follows the link), a DOI whose canonical URL the same paragraph also gives
("DOI: 10.1/x. URL: https://doi.org/10.1/x"), a Pandoc or Manubot citation
("[@doi:10...]"), which the site turns into a reference, and the front matter.

Fix: articlelint --fix rewrites the DOI to https://doi.org/<doi>; a link text
that is the DOI with a stray full stop or a doubled prefix is rewritten whole.`,
	Check: checkDOIFormat,
}

func checkDOIFormat(p *Pass) {
	broken := brokenDOILinkEdits(p.Doc)
	texts := damagedDOITexts(p.Doc)
	shown := linkedDOITexts(p.Doc)
	beside := newBesideIndex(p.Doc)
	for _, d := range p.Doc.DOIs {
		if d.Invalid != "" || overlapsAny(d.Span, broken) || (d.Form == "publisher-url" && !prefixedOnResolver(p.Doc, d)) {
			continue
		}
		if inFrontMatter(p.Doc, d.Span) || citekey(p.Doc, d.Span) || shownFor(shown, d) || beside.canonicalBeside(d) {
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

// linkedDOITexts returns the link texts that show a DOI whose link goes to
// https://doi.org/ with the same DOI, in order.
func linkedDOITexts(d *article.Document) []doiText {
	var out []doiText
	for _, l := range d.Links {
		if !mayBeDOIText(l.Text) || !strings.HasPrefix(l.Dest, "https://doi.org/") {
			continue
		}
		r, ok := doi.ParseRef(l.Dest)
		if !ok || r.Faults != 0 || doi.Canonical(r.DOI) != l.Dest {
			continue
		}
		// Only a clean display, "10.1/x" or "doi:10.1/x", not a damaged one.
		t := strings.TrimSpace(l.Text)
		if !doi.Equal(t, r.DOI) && !(len(t) > 4 && strings.EqualFold(t[:4], "doi:") && doi.Equal(strings.TrimSpace(t[4:]), r.DOI)) {
			continue
		}
		if ts, ok := linkTextSpan(d, l); ok {
			out = append(out, doiText{ts, r.DOI})
		}
	}
	return out
}

// shownFor reports whether DOI x is written in the text of one of shown
// and names its destination's DOI.
func shownFor(shown []doiText, x article.DOI) bool {
	// The DOI itself, not its "DOI: [" prefix, which may start before the
	// link: "DOI: [10.1/x](https://doi.org/10.1/x)".
	for _, t := range shown {
		if t.span.Start <= x.DOISpan.Start && x.DOISpan.End <= t.span.End && doi.Equal(t.doi, x.DOI) {
			return true
		}
	}
	return false
}

// inFrontMatter reports whether s lies in the front matter.
func inFrontMatter(d *article.Document, s article.Span) bool {
	return d.FrontMatter != nil && d.FrontMatter.Span.Contains(s.Start)
}

// citekey reports whether the DOI at s is a Pandoc or Manubot citation
// key, "[@doi:10...]": "@" stands before its "doi:".
func citekey(d *article.Document, s article.Span) bool {
	return s.Start > 0 && d.Source[s.Start-1] == '@'
}

// besideIndex answers canonicalBeside for every DOI of a document in
// O(log n) each: asking every link and DOI for each DOI was quadratic
// (a 1 MB line of links and DOIs took seconds).
type besideIndex struct {
	d *article.Document
	// linkStarts are the links' starts, sorted, and linkEnds[i] the
	// largest end of links[0..i].
	linkStarts, linkEnds []int
	// canonical holds, by block and DOI key, the spans where the DOI is
	// written in its canonical form.
	canonical map[besideKey][]article.Span
}

type besideKey struct {
	block int
	key   string
}

func newBesideIndex(d *article.Document) *besideIndex {
	ix := &besideIndex{d: d, canonical: map[besideKey][]article.Span{}}
	spans := make([]article.Span, len(d.Links))
	for i, l := range d.Links {
		spans[i] = l.Span
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	end := -1
	for _, sp := range spans {
		end = max(end, sp.End)
		ix.linkStarts = append(ix.linkStarts, sp.Start)
		ix.linkEnds = append(ix.linkEnds, end)
	}
	for _, y := range d.DOIs {
		if y.Block >= 0 && d.Text(y.Span) == doi.Canonical(y.DOI) {
			k := besideKey{y.Block, doi.Key(y.DOI)}
			ix.canonical[k] = append(ix.canonical[k], y.Span)
		}
	}
	return ix
}

// canonicalBeside reports whether the block of DOI x also writes it in the
// canonical form: a reference that gives "DOI: 10.1/x" and then its URL.
func (ix *besideIndex) canonicalBeside(x article.DOI) bool {
	if x.Block < 0 {
		return false
	}
	// A link's own text: its destination is no second citation.
	if k := sort.SearchInts(ix.linkStarts, x.Span.Start+1); k > 0 && ix.linkEnds[k-1] > x.Span.Start {
		return false
	}
	for _, sp := range ix.canonical[besideKey{x.Block, doi.Key(x.DOI)}] {
		if sp != x.Span {
			return true
		}
	}
	return false
}
