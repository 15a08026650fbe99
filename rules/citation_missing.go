package rules

// CitationMissing reports an article that cites no DOI.
var CitationMissing = &Rule{
	ID:       "citation-missing",
	Doc:      "The article must cite the study it summarises by its DOI.",
	Severity: Warning,
	Explain: `A research summary stands on one study. A DOI is the citation that does not
rot: it survives a publisher's move, and readers and tools can resolve it.

Fix: link the study as https://doi.org/<DOI>.`,
	Check: checkCitationMissing,
}

func checkCitationMissing(p *Pass) {
	for _, d := range p.Doc.DOIs {
		if d.Invalid == "" {
			return
		}
	}
	p.Reportf(p.Doc.End(), "the article cites no DOI: link the study it summarises as https://doi.org/<DOI>")
}
