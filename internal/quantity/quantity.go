// Package quantity finds the quantities a research summary states (120
// mothers, 6,400 IU a day, two years, 23%, p < 0.05, 95% CI 1.2–3.4) and
// normalises them, so that a summary can be compared with its study's
// abstract: "more than 1,200" agrees with 1,240, "two years" with 24
// months, "about 100" with 98; "120 mothers" does not with 72 mothers.
//
// Find reads a text once, left to right, looking at most a few tokens
// either way from each number: its time is linear in the text's length.
// Numbers are written with any of the usual separators (see lexNumber
// for the rules), in digits or in words (English, and German, French,
// Spanish, Italian, Dutch, Polish and Portuguese).
//
// A count is a whole number before a counted noun (see Family), with at
// most three words between them. It is not a count when the number is
// glued to a word ("COVID-19 patients", "a two-sample test"), when an
// English noun disagrees with it in number ("equation 17 of the paper"),
// or when it reads as a year ("in 2019 mothers were", "a 2025 study").
// Bare numbers are no quantity.
package quantity

import (
	"math"
	"slices"
	"strings"
)

// Kind is what a quantity measures.
type Kind uint8

const (
	// Count is a number of people or things: 120 mothers, 12 trials.
	Count Kind = iota + 1
	// Dose is an amount of a substance: 6,400 IU a day, 10 mg/kg.
	Dose
	// Duration is a length of time: 24 months, 12-week.
	Duration
	// Age is a duration that is someone's age: aged 65 years.
	Age
	// Percent is a percentage, or a difference of percentages
	// (percentage points, Unit "pp").
	Percent
	// PValue is a p-value: p < 0.05.
	PValue
	// CI is a confidence interval: 95% CI 1.2–3.4 (Value and Hi).
	CI
	// Ratio is an odds, hazard or risk ratio: OR 1.5.
	Ratio
)

var kindNames = [...]string{"", "count", "dose", "duration", "age", "percent", "p-value", "CI", "ratio"}

func (k Kind) String() string { return enumName(kindNames[:], k, "kind?") }

// Approx is how a quantity is approximated: the words before it.
type Approx uint8

const (
	// Exact: the value as written (to the precision written).
	Exact Approx = iota
	// About: about, around, approximately, roughly, ~; within 10% either
	// way.
	About
	// Nearly: nearly, almost; the value or up to 10% below it.
	Nearly
	// Over: more than, over, above, >; above the value, by up to 10%.
	Over
	// AtLeast: at least, no fewer than, ≥; the value or up to 10% above.
	AtLeast
	// Under: fewer than, less than, under, below, <; below the value, by
	// up to 10%.
	Under
	// AtMost: up to, at most, no more than, ≤; the value or up to 10%
	// below.
	AtMost
)

var approxNames = [...]string{"exact", "about", "nearly", "over", "at least", "under", "at most"}

func (a Approx) String() string { return enumName(approxNames[:], a, "approx?") }

// Direction is where the true value lies from the one written: -1 below
// (or at), +1 above (or at), 0 either way or exact.
func (a Approx) Direction() int {
	switch a {
	case Nearly, Under, AtMost:
		return -1
	case Over, AtLeast:
		return 1
	}
	return 0
}

// Span is a quantity's byte range in the text: Start <= End.
type Span struct{ Start, End int }

// Quantity is a quantity found in a text.
type Quantity struct {
	Kind Kind
	// Value is the quantity in its base unit: the lower end of a range
	// or interval. Hi is its upper end, equal to Value for one value.
	Value, Hi float64
	// Unit is the base unit: "" for a count; "mg", "IU" or "ml" for a
	// dose, followed by a denominator if written ("mg/kg", "mg/l");
	// "day" for a duration or age; "%" or "pp" for a percentage; "p"
	// for a p-value; "OR", "HR", "RR", "IRR" or "PR" for a ratio; for a
	// confidence interval, "%" if its bounds are percentages, else "".
	Unit string
	// Given is the unit as written, canonical: "month", "week", "µg"
	// (for µg, mcg, ug), "IU" (for IU, UI, IE).
	Given string
	// Per is how often a dose is taken: "day", "week", "month", "2/day",
	// "3/day", or "" when the text does not say.
	Per string
	// Noun is what a count counts, as an English singular ("mother" for
	// mothers, Mütter, mères); for a percentage, the noun after "of" (40%
	// of mothers), if any; for a confidence interval, the ratio it
	// belongs to ("OR"), if any.
	Noun   string
	Approx Approx
	// Level is a confidence interval's level in percent (95), or 0 if
	// not written.
	Level float64
	// Prec is half the place value of the last digit written, in the
	// base unit: 0.05 for 1.2 mg, 0.5 for 24%; 0 for a whole number other
	// than a percentage, which is exact.
	Prec float64
	// Part marks a count of part of a group, written "72 of 120
	// mothers" or "72 of the mothers": the group's total, if written,
	// is a count of its own.
	Part bool
	Span Span
}

// IsRange reports whether q is a range or interval rather than one value.
func (q Quantity) IsRange() bool { return q.Hi != q.Value }

// Find returns the quantities in text, in order of their start, reading
// number words of every supported language and separators the English
// way.
func Find(text string) []Quantity { return FindLang(text, "") }

// FindLang is Find for a text in language lang (ISO 639-1, "" if
// unknown). It reads the text's number words, units and approximations
// as well as English ones, and, in a language that writes a decimal
// comma, reads "1,250 mg" as 1.25 mg and "1.250 mg" as 1250 mg.
func FindLang(text, lang string) []Quantity {
	load()
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	p := &parser{text: text, lang: lang, toks: lex(text)}
	for i := 0; i < len(p.toks); {
		i = p.step(i)
	}
	slices.SortStableFunc(p.out, func(a, b Quantity) int { return a.Span.Start - b.Span.Start })
	return p.out
}

// Family is the group of nouns a count's noun belongs to: "mother" and
// "woman" are "woman", "baby" and "newborn" are "infant", "person",
// "subject" and "volunteer" are "participant", "trial" is "study". A
// noun of no group is its own family.
func Family(noun string) string {
	load()
	if f, ok := families[noun]; ok {
		return f
	}
	return noun
}

// roundSig rounds x to 12 significant digits, so that a value converted
// between units (1000 µg) equals the same value written in the base
// unit (1 mg).
func roundSig(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	e := math.Floor(math.Log10(math.Abs(x)))
	s := math.Pow(10, 11-e)
	if math.IsInf(s, 0) || s == 0 {
		return x
	}
	r := math.Round(x*s) / s
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return x
	}
	return r
}

// enumName is names[v], or unknown past the list.
func enumName[T ~uint8](names []string, v T, unknown string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return unknown
}
