package claims

import (
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/phrase"
)

// pubTypes maps Europe PMC publication types (pubTypeList.pubType,
// normalised: lower case, hyphens as spaces) to designs. Types that say
// nothing of design (Journal Article, Comparative Study, Multicenter
// Study) are absent.
var pubTypes = map[string]Design{
	"meta analysis":                           MetaAnalysis,
	"systematic review":                       SystematicReview,
	"randomized controlled trial":             RCT,
	"randomised controlled trial":             RCT,
	"clinical trial":                          Trial,
	"controlled clinical trial":               Trial,
	"clinical trial, phase i":                 Trial,
	"clinical trial, phase ii":                Trial,
	"clinical trial, phase iii":               Trial,
	"clinical trial, phase iv":                Trial,
	"pragmatic clinical trial":                Trial,
	"equivalence trial":                       Trial,
	"adaptive clinical trial":                 Trial,
	"case reports":                            CaseReport,
	"case report":                             CaseReport,
	"observational study":                     Observational,
	"twin study":                              Observational,
	"review":                                  Review,
	"review article":                          Review,
	"scoping review":                          Review,
	"randomized controlled trial, veterinary": Animal,
	"clinical trial, veterinary":              Animal,
	"observational study, veterinary":         Animal,
}

// typeRank orders designs from record types when several are given: a
// meta-analysis of trials is tagged both; every systematic review is
// tagged Review too.
var typeRank = []Design{MetaAnalysis, SystematicReview, Animal, RCT, Trial, CaseReport, Observational, Review}

// meshDesigns are MeSH headings that name the design of the study
// itself (a heading ending "as Topic" names a subject, not the design).
var meshDesigns = map[string]Design{
	"cohort studies":          Cohort,
	"prospective studies":     Cohort,
	"longitudinal studies":    Cohort,
	"follow-up studies":       Cohort,
	"retrospective studies":   Observational,
	"case-control studies":    CaseControl,
	"cross-sectional studies": CrossSectional,
}

// meshCells are MeSH headings of work in cells.
var meshCells = map[string]bool{
	"cells, cultured": true, "cell line": true, "cell line, tumor": true, "in vitro techniques": true,
	"cell culture techniques": true, "organoids": true,
}

// textRank orders designs the title or abstract names, most specific
// first.
var textRank = []Design{MetaAnalysis, SystematicReview, RCT, Trial, CaseControl, Cohort, CrossSectional, CaseReport, Observational, Review, Animal, InVitro}

// RecordDesign is the design of a study from its record: its Europe PMC
// publication types, MeSH headings (descriptor names; a "/qualifier" is
// ignored), title and abstract. See RecordDesignWhy.
func RecordDesign(pubTypes []string, mesh []string, title, abstract string) Design {
	d, _ := RecordDesignWhy(pubTypes, mesh, title, abstract)
	return d
}

// RecordDesignWhy is RecordDesign and the evidence for it, for a
// message. In order:
//  1. a publication type of review (meta-analysis, systematic review,
//     review) wins: a review of animal studies is a review;
//  2. MeSH "Animals" without "Humans" makes an animal study;
//  3. a trial or case report publication type;
//  4. "Observational Study", made specific by a MeSH design heading
//     (Cohort Studies, Case-Control Studies, ...) or the title;
//  5. a MeSH design heading;
//  6. the design the title names;
//  7. the design the abstract names in a sentence about this study ("In
//     this cohort study", "We conducted a meta-analysis"), not in one
//     about others ("Previous trials ...");
//  8. MeSH cell headings without Humans or Animals: an in vitro study.
//
// Unknown when none says.
func RecordDesignWhy(types []string, mesh []string, title, abstract string) (Design, string) {
	var typeD Design
	typeName := ""
	for _, pt := range types {
		k := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(pt, "-", " "), "_", " ")))
		if d, ok := pubTypes[k]; ok && rank(typeRank, d) < rank(typeRank, typeD) {
			typeD, typeName = d, pt
		}
	}
	var humans, animals, cells bool
	var meshD Design
	meshName := ""
	for _, h := range mesh {
		name, _, _ := strings.Cut(h, "/")
		k := strings.ToLower(strings.TrimSpace(name))
		switch {
		case k == "humans":
			humans = true
		case k == "animals":
			animals = true
		case meshCells[k]:
			cells = true
		}
		if d, ok := meshDesigns[k]; ok && rank(textRank, d) < rank(textRank, meshD) {
			meshD, meshName = d, strings.TrimSpace(name)
		}
	}
	titleD, titleSaid := textDesign(title, false)
	switch {
	case typeD.Class() == ClassReview:
		return typeD, "publication type " + quote(typeName)
	case animals && !humans:
		return Animal, "MeSH Animals without Humans"
	case typeD != Unknown && typeD != Observational:
		return typeD, "publication type " + quote(typeName)
	case typeD == Observational:
		if meshD != Unknown && meshD != Observational {
			return meshD, "publication type " + quote(typeName) + " and MeSH " + quote(meshName)
		}
		if titleD.Class() == ClassObservational {
			return titleD, "publication type " + quote(typeName) + " and the title: " + quote(titleSaid)
		}
		return Observational, "publication type " + quote(typeName)
	case meshD != Unknown:
		return meshD, "MeSH " + quote(meshName)
	case titleD != Unknown && !(humans && (titleD == Animal || titleD == InVitro)):
		return titleD, "the title: " + quote(titleSaid)
	}
	if d, said := textDesign(abstract, true); d != Unknown && !(humans && d == Animal) {
		return d, "the abstract: " + quote(said)
	}
	if cells && !humans && !animals {
		return InVitro, "MeSH cell headings without Humans or Animals"
	}
	return Unknown, ""
}

func quote(s string) string { return "\u201c" + s + "\u201d" }

func rank(order []Design, d Design) int {
	for i, x := range order {
		if x == d {
			return i
		}
	}
	return len(order)
}

var designMatcher = sync.OnceValue(func() *phrase.Matcher { return phrase.MustCompileWith(Derivations, DesignTable, selfTable) })

// selfTable is wording that makes a sentence of an abstract speak of its
// own study, and wording that makes it speak of others.
var selfTable = &phrase.Table{Name: "claims: this study", Entries: []phrase.Entry{
	{Pattern: `we|our|this|the present|the current|here|design|methods?|setting`, Note: "self",
		Match: []string{"We conducted", "In this cohort study", "DESIGN: Prospective cohort"}, NoMatch: []string{"weekly"}},
	{Pattern: `previous|prior|earlier|other|existing|past`, Note: "others",
		Match: []string{"Previous trials", "earlier studies", "other observational studies"}},
}}

// textDesign is the most specific design text names; with self, only in
// a sentence about the study itself. It returns the words that name it.
func textDesign(text string, self bool) (Design, string) {
	if text == "" {
		return Unknown, ""
	}
	best, said := Unknown, ""
	for _, sent := range sentences(text) {
		t := phrase.Normalize(sent)
		ms := designMatcher().Scan(nil, &t)
		if self {
			own, others := false, false
			for _, m := range ms {
				if m.Table == selfTable {
					if m.Of().Note == "self" {
						own = true
					} else {
						others = true
					}
				}
			}
			if !own || others {
				continue
			}
		}
		var ds []phrase.Match
		for _, m := range ms {
			if m.Table == DesignTable {
				ds = append(ds, m)
			}
		}
		for _, m := range longest(ds) {
			d := designEntries[m.Entry].design
			if d != Unknown && rank(textRank, d) < rank(textRank, best) {
				a, b := t.Source(m.Start, m.End)
				best, said = d, sent[a:b]
			}
		}
	}
	return best, said
}

// sentences splits an abstract at ". ", "? ", "! " and line breaks: the
// structured labels of an abstract ("METHODS:") stay with their text.
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		end := c == '\n' || (c == '.' || c == '?' || c == '!') && i+1 < len(s) && s[i+1] == ' '
		if end {
			if i+1 > start {
				out = append(out, s[start:i+1])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
