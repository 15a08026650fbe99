package rules

import (
	"strings"

	"github.com/articlelint/articlelint/internal/claims"
)

// SourceDesign reports a design the article gives a study that its
// record contradicts, and an animal or cell study told as a finding in
// people.
var SourceDesign = &Rule{
	ID:        "source-design",
	Doc:       "The design the article gives a cited study (trial, cohort, meta-analysis, in mice) must be the one its record gives (online check, Europe PMC).",
	Severity:  Warning,
	Online:    true,
	Languages: sourceLanguages,
	OptionsOf: "doi-mismatch",
	Explain: `Readers weigh a finding by the kind of study behind it: a randomised trial
can show cause, a cohort study only association; a result in mice or in a
dish may never hold in people. With --online, articlelint reads each cited
study's design from its Europe PMC (PubMed) record: publication types
(Randomized Controlled Trial, Observational Study, Meta-Analysis, Review),
MeSH headings (Cohort Studies, Case-Control Studies; Animals without
Humans), then its title and abstract. It reports
  - a sentence that calls the study what its record says it is not: a
    randomised trial when the record says cohort study, a meta-analysis
    when it says trial. A less specific name is fine (a trial for a
    randomised trial, an observational study for a cohort study, a review
    for a systematic review), as is a design named for other studies
    ("previous trials"), for studies to come ("trials are needed") or in
    comparison ("unlike a trial");
  - a study in animals or cells that the article tells as a finding about
    people ("mothers", "babies", "patients", "you") and never says was in
    animals or cells: once per study, at the first such sentence. An
    article that says "in mice" anywhere, title and headings included, is
    not reported.

Which study a sentence speaks of: the DOI cited in the sentence; else the
one its paragraph or list cites; else the only one its section cites;
else the only one the article cites; else the front matter's doi (the
doi-mismatch key). A sentence, paragraph or section that cites two
studies is not checked. Nor is a sentence that neither cites the study
nor names it ("the trial", "the researchers", "participants"), unless its
heading or label does ("Key Findings", "Study design:").

Fix: name the design the study's record gives, or say plainly that the
study was in mice (or cells).` + onlineNote,
	Check: checkSourceDesign,
}

func checkSourceDesign(p *Pass) {
	v := p.sourceView()
	if v == nil {
		return
	}
	toldAsPeople := map[string]bool{}
	for i := range v.binds {
		b := &v.binds[i]
		rec := p.Online.Sources[b.Key]
		if !b.Attributed || rec == nil {
			continue
		}
		rd, why := v.designOf(rec)
		if rd == claims.Unknown {
			continue
		}
		// The design named.
		if m, ok := v.contradicted(i, rd); ok && v.about(i, rec) {
			p.Reportf(sentenceSpan(p.Doc, b, m.Span.Start, m.Span.End), "the article calls the study %s; its record (%s) says %s: %s",
				withArticle(m.Design.String()), b.DOI, withArticle(rd.String()), why)
		}
		// An animal or cell study told about people.
		cls := rd.Class()
		if (cls == claims.ClassAnimal || cls == claims.ClassInVitro) && !toldAsPeople[b.Key] && !v.modelNamed() {
			c := v.claim(i, forPeople)
			if !c.AboutPeople() || !v.about(i, rec) {
				continue
			}
			toldAsPeople[b.Key] = true
			pe := c.People[0]
			text, _ := sentenceText(p.Doc, b)
			where := "in animals"
			if cls == claims.ClassInVitro {
				where = "in cells"
			}
			p.Reportf(sentenceSpan(p.Doc, b, pe.Start, pe.End), "the study (%s) was %s (%s), but the article tells its finding about %q and never says so",
				b.DOI, where, why, text[pe.Start:pe.End])
		}
	}
}

// contradicted returns the design mention of binding i that the record's design
// rd contradicts: b names no design compatible with rd, and its first
// mention is of this study (singular, not about work to come).
func (v *sourceView) contradicted(i int, rd claims.Design) (claims.Mention, bool) {
	text, _ := sentenceText(v.doc, &v.binds[i])
	c := v.claim(i, forDesign)
	var first *claims.Mention
	for i := range c.Designs {
		m := &c.Designs[i]
		if m.Negated {
			continue
		}
		if m.Design == claims.Animal || m.Design == claims.InVitro {
			if rd.Class() == claims.ClassAnimal || rd.Class() == claims.ClassInVitro || rd.Class() == claims.ClassReview {
				return claims.Mention{}, false
			}
			continue // "in mice" of a study in people: earlier work, told in passing
		}
		if claims.Compatible(m.Design, rd) {
			return claims.Mention{}, false
		}
		if first == nil && !pluralDesign(text[m.Span.Start:m.Span.End]) {
			first = m
		}
	}
	if first == nil || v.marks(i).ahead {
		return claims.Mention{}, false
	}
	return *first, true
}

// withArticle puts "a" or "an" before a design's name.
func withArticle(name string) string {
	if name == "" {
		return name
	}
	switch strings.ToLower(name[:1]) {
	case "a", "e", "i", "o", "u":
		return "an " + name
	}
	return "a " + name
}
