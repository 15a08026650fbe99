package rules

import (
	"github.com/articlelint/articlelint/internal/claims"
)

// SourceCausal reports causal wording about a study that cannot show
// cause: an observational study, or one in animals or cells.
var SourceCausal = &Rule{
	ID:        "source-causal",
	Doc:       "Say \"is linked to\", not \"causes\" or \"prevents\", of a cited study that is observational or in animals or cells (online check, Europe PMC).",
	Severity:  Warning,
	Online:    true,
	Languages: sourceLanguages,
	OptionsOf: "doi-mismatch",
	Explain: `A cohort, case-control or cross-sectional study observes people; it can find
that those who sleep less lose more memory, not that short sleep causes the
loss. Sumner et al. (BMJ 2014) found causal claims drawn from correlational
work in a third of press releases, and the news copied them. With --online,
articlelint reads each cited study's design from its Europe PMC (PubMed)
record (see source-design) and reports causal wording (causes, prevents,
cures, protects against, leads to, proves, reduces the risk) in a sentence
about an observational study, or about a study in animals or cells that
the article never says was one.

Hedged or negated wording is fine: "is associated with", "is linked to",
"may prevent", "suggests", "whether", "did not prevent", "no evidence
that". So are sentences about studies to come ("trials are needed to show
whether it prevents") and a causal finding the article places in animals
("in mice, vitamin D prevented bone loss"). Which sentences speak of a
study is explained under source-design.

Fix: word the finding as an association ("was linked to", "people who …
had …"), or say the study was in mice.` + onlineNote,
	Check: checkSourceCausal,
}

func checkSourceCausal(p *Pass) {
	v := p.sourceView()
	if v == nil {
		return
	}
	for i, rec := range v.attributed(p) {
		b := &v.binds[i]
		if !v.info[i].triggers[forCausal] {
			continue
		}
		rd, why := v.designOf(rec)
		var shows string
		switch rd.Class() {
		case claims.ClassObservational:
			shows = "it can show an association, not a cause: say \"is linked to\" or \"is associated with\""
		case claims.ClassAnimal, claims.ClassInVitro:
			if v.modelNamed() {
				continue // a cause found in mice, and said to be
			}
			shows = "what it shows in animals or cells may not hold in people: say where it was found"
		default:
			continue
		}
		text, _ := sentenceText(p.Doc, b)
		for _, c := range v.claim(i, forCausal).Causal {
			if c.Negated || c.Hedged || v.marks(i).ahead || !v.about(i, rec) {
				continue
			}
			p.Reportf(sentenceSpan(p.Doc, b, c.Span.Start, c.Span.End), "%q states a cause, but the study (%s) is %s (%s); %s",
				text[c.Span.Start:c.Span.End], b.DOI, withArticle(rd.String()), why, shows)
			break
		}
	}
}
