package rules

import (
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
alone: that link may rightly point at a supplement or a PDF.

Fix: articlelint --fix rewrites the DOI to https://doi.org/<doi>.`,
	Check: checkDOIFormat,
}

func checkDOIFormat(p *Pass) {
	for _, d := range p.Doc.DOIs {
		if d.Invalid != "" || d.Form == "publisher-url" {
			continue
		}
		want := doi.Canonical(d.DOI)
		got := p.Doc.Text(d.Span)
		if got == want {
			continue
		}
		p.Report(Finding{
			Span:    d.Span,
			Message: "write the DOI as " + want + " (Crossref display guidelines), not " + quoteShort(got),
			Fixes:   []Fix{{Message: "rewrite as " + want, Edits: []Edit{{Span: d.Span, New: want}}}},
		})
	}
}

// quoteShort quotes s, shortened to fit a message line.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return `"` + s + `"`
}
