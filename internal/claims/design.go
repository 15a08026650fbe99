// Package claims reads what a sentence of a research summary claims
// about its study: the design it names (a randomised trial, a cohort
// study, a study in mice), whether it words a finding as cause or as
// association, whether it states the finding about people, and the year
// and journal it gives for the study. RecordDesign reads the design of
// the study itself from its Europe PMC record.
//
// The words are data: phrase tables (Tables) with examples that must and
// must not match, run by the project's phrase matcher.
package claims

// Design is a study design.
type Design uint8

const (
	Unknown Design = iota
	// RCT is a randomised controlled trial.
	RCT
	// Trial is a clinical trial not said to be randomised.
	Trial
	MetaAnalysis
	SystematicReview
	// Review is a review that is not said to be systematic.
	Review
	Cohort
	CaseControl
	CrossSectional
	// CaseReport is a case report or case series.
	CaseReport
	// Observational is an observational study of no named design.
	Observational
	// Animal is a study in animals.
	Animal
	// InVitro is a study in cells or tissue.
	InVitro
)

var designNames = [...]string{
	"", "randomized controlled trial", "clinical trial", "meta-analysis", "systematic review", "review",
	"cohort study", "case-control study", "cross-sectional study", "case report", "observational study",
	"animal study", "in vitro study",
}

// String is the design's name as a message quotes it.
func (d Design) String() string { return enumName(designNames[:], d, "design?") }

// Class is the kind of evidence a design gives.
type Class uint8

const (
	ClassUnknown Class = iota
	// ClassExperimental: the researchers assigned the exposure (trials).
	ClassExperimental
	// ClassObservational: they observed it (cohort, case-control,
	// cross-sectional studies, case reports).
	ClassObservational
	ClassAnimal
	ClassInVitro
	// ClassReview: a review or meta-analysis of other studies.
	ClassReview
)

var classNames = [...]string{"", "experimental", "observational", "animal", "in vitro", "review"}

func (c Class) String() string { return enumName(classNames[:], c, "class?") }

// Class is the design's class.
func (d Design) Class() Class {
	switch d {
	case RCT, Trial:
		return ClassExperimental
	case Cohort, CaseControl, CrossSectional, CaseReport, Observational:
		return ClassObservational
	case Animal:
		return ClassAnimal
	case InVitro:
		return ClassInVitro
	case MetaAnalysis, SystematicReview, Review:
		return ClassReview
	}
	return ClassUnknown
}

// Compatible reports whether an article that names design said can be
// right about a study whose record gives design record. A less specific
// name fits a more specific design and the other way round: a trial
// fits a randomised one, an observational study a cohort study, a
// review a systematic review; a systematic review and a meta-analysis
// fit each other (most meta-analyses are both). Unknown fits anything.
func Compatible(said, record Design) bool {
	if said == Unknown || record == Unknown || said == record {
		return true
	}
	pair := func(a, b Design) bool { return said == a && record == b || said == b && record == a }
	switch {
	case pair(RCT, Trial):
		return true
	case said == Observational && record.Class() == ClassObservational,
		record == Observational && said.Class() == ClassObservational:
		return true
	case said.Class() == ClassReview && record.Class() == ClassReview:
		// A narrative review is no meta-analysis, but records tag
		// systematic reviews "Review" too: only a review the record
		// calls narrative could contradict, and none does.
		return true
	}
	return false
}

// enumName is names[v], or unknown past the list.
func enumName[T ~uint8](names []string, v T, unknown string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return unknown
}
