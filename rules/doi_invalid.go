package rules

// DOIInvalid reports DOI-like strings that break DOI syntax.
var DOIInvalid = &Rule{
	ID:       "doi-invalid",
	Doc:      "A DOI must be \"10.\", a 4-9 digit registrant code, \"/\" and a suffix.",
	Severity: Error,
	Explain: `A DOI is "10." followed by a registrant code of four to nine digits, a slash and
a suffix of at least one character, e.g. 10.1038/nature12373. Text that is
written as a DOI ("doi:", a doi.org link) but breaks that syntax cannot resolve:
usually a digit was lost or the suffix cut off in copy and paste.

Fix: copy the DOI again from the publisher's page or from Crossref.`,
	Check: checkDOIInvalid,
}

func checkDOIInvalid(p *Pass) {
	for _, d := range p.Doc.DOIs {
		if d.Invalid != "" {
			p.Reportf(d.Span, "malformed DOI %q: %s; copy it again from the publisher", d.Raw, d.Invalid)
		}
	}
}
