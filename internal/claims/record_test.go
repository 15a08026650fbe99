package claims

import (
	"strings"
	"testing"
)

func TestRecordDesign(t *testing.T) {
	for _, c := range []struct {
		name            string
		types, mesh     []string
		title, abstract string
		want            Design
		why             string
	}{
		{"RCT by type", []string{"Randomized Controlled Trial", "Journal Article"}, []string{"Humans", "Vitamin D/administration & dosage"},
			"Vitamin D in pregnancy", "", RCT, "publication type"},
		{"meta-analysis over its trials", []string{"Meta-Analysis", "Systematic Review", "Review", "Randomized Controlled Trial"}, nil, "", "", MetaAnalysis, ""},
		{"systematic review tagged Review too", []string{"Review", "Systematic Review"}, nil, "", "", SystematicReview, ""},
		{"hyphenated JATS types", []string{"research-article", "meta-analysis"}, nil, "", "", MetaAnalysis, ""},
		{"observational made specific by MeSH", []string{"Observational Study"}, []string{"Humans", "Cohort Studies", "Female"}, "", "", Cohort, "MeSH"},
		{"observational made specific by the title", []string{"Observational Study"}, []string{"Humans"}, "Vitamin D and asthma: a case-control study", "", CaseControl, "title"},
		{"observational only", []string{"Observational Study"}, []string{"Humans"}, "Vitamin D and asthma", "", Observational, ""},
		{"animals without humans", []string{"Journal Article"}, []string{"Animals", "Mice", "Vitamin D"}, "Vitamin D in pregnant mice", "", Animal, "Animals"},
		{"animals with humans is no animal study", []string{"Journal Article"}, []string{"Animals", "Humans"}, "", "", Unknown, ""},
		{"review of animal studies is a review", []string{"Review"}, []string{"Animals"}, "", "", Review, ""},
		{"case report", []string{"Case Reports"}, []string{"Humans", "Infant"}, "", "", CaseReport, ""},
		{"a trial not said randomised", []string{"Clinical Trial"}, nil, "", "", Trial, ""},
		{"MeSH design heading", nil, []string{"Humans", "Cross-Sectional Studies"}, "", "", CrossSectional, ""},
		{"as Topic is a subject", nil, []string{"Randomized Controlled Trials as Topic"}, "", "", Unknown, ""},
		{"title", nil, nil, "Maternal vitamin D and offspring asthma: a prospective cohort study", "", Cohort, "title"},
		{"title in cells, record of humans", nil, []string{"Humans"}, "Vitamin D signalling in human cells", "", Unknown, ""},
		{"abstract sentence about this study", nil, nil, "Vitamin D and asthma",
			"Previous randomized trials were small. In this prospective cohort study, we followed 1,240 mothers.", Cohort, "abstract"},
		{"abstract sentence about others only", nil, nil, "Vitamin D and asthma",
			"Previous randomized trials were small. Earlier meta-analyses disagreed.", Unknown, ""},
		{"structured abstract", nil, nil, "",
			"BACKGROUND: Vitamin D may matter.\nDESIGN: Randomized, double-blind, placebo-controlled trial.\nRESULTS: Fewer children had asthma.", RCT, "abstract"},
		{"abstract in mice", nil, nil, "", "Here we show in mice that vitamin D protects against asthma.", Animal, ""},
		{"cell headings only", nil, []string{"Cells, Cultured", "Vitamin D"}, "", "", InVitro, ""},
		{"nothing", []string{"Journal Article"}, nil, "Vitamin D", "Vitamin D matters.", Unknown, ""},
	} {
		got, why := RecordDesignWhy(c.types, c.mesh, c.title, c.abstract)
		if got != c.want || !strings.Contains(why, c.why) {
			t.Errorf("%s: %v (%s), want %v (%s)", c.name, got, why, c.want, c.why)
		}
		if RecordDesign(c.types, c.mesh, c.title, c.abstract) != got {
			t.Errorf("%s: RecordDesign differs from RecordDesignWhy", c.name)
		}
	}
}

func TestDesignClass(t *testing.T) {
	for d, want := range map[Design]Class{
		RCT: ClassExperimental, Trial: ClassExperimental, Cohort: ClassObservational, CaseControl: ClassObservational,
		CrossSectional: ClassObservational, CaseReport: ClassObservational, Observational: ClassObservational,
		Animal: ClassAnimal, InVitro: ClassInVitro, MetaAnalysis: ClassReview, SystematicReview: ClassReview, Review: ClassReview,
		Unknown: ClassUnknown,
	} {
		if d.Class() != want {
			t.Errorf("%v: class %v, want %v", d, d.Class(), want)
		}
	}
}
