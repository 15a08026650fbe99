package rules

import (
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/quantity"
)

// SourceUnavailable says, once per study, that its numbers could not be
// checked: neither service had its abstract.
var SourceUnavailable = &Rule{
	ID:        "source-unavailable",
	Doc:       "Says when a cited study's numbers could not be checked: neither Crossref nor Europe PMC had its abstract (online check).",
	Severity:  Info,
	Online:    true,
	OptionsOf: "doi-mismatch",
	Explain: `source-number checks the numbers an article gives for a study against the
study's abstract. Only about half of journal articles deposit an abstract
with Crossref, and Europe PMC holds PubMed's abstracts, not every
journal's; a service may also be down or rate-limit the check (it is
retried politely first). When neither had an abstract, this rule says so
once per study, at its first citation, with each service's answer, so
that silence is not read as agreement. It speaks only of studies the
article gives numbers for.

Fix: nothing to fix in the article. Check the numbers by hand against the
paper, or run again later if a service was unavailable (failures are never
cached; records are kept for days).` + onlineNote,
	Check: checkSourceUnavailable,
}

func checkSourceUnavailable(p *Pass) {
	v := p.sourceView()
	if v == nil {
		return
	}
	for _, key := range v.keys {
		rec := p.Online.Sources[key]
		if rec == nil || rec.Abstract != "" {
			continue
		}
		numbers := false
		for _, i := range v.byKey[key] {
			if !v.binds[i].Attributed {
				continue
			}
			for _, q := range v.quantitiesOf(i) {
				if (q.Kind != quantity.Count || q.Noun != "" && !q.Part) && v.about(i, rec) {
					numbers = true
					break
				}
			}
			if numbers {
				break
			}
		}
		if !numbers {
			continue
		}
		span, ok := v.cited[key]
		if !ok {
			span = p.Doc.Sentences[v.binds[v.byKey[key][0]].Sentence].Span
		}
		p.Reportf(span, "the numbers the article gives for %s were not checked: neither service has its abstract (%s; %s)",
			v.binds[v.byKey[key][0]].DOI, answer("Crossref", rec.Crossref), answer("Europe PMC", rec.EuropePMC))
	}
}

// answer says what a service answered, for a message.
func answer(service string, a online.ServiceAnswer) string {
	if a.Status == online.SourceFound {
		return service + ": no abstract"
	}
	if a.Reason != "" {
		return a.Reason
	}
	return service + ": " + a.Status.String()
}
