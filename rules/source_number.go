package rules

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/quantity"
)

// SourceNumber reports a number the article gives for a study that the
// study's abstract or title gives otherwise.
var SourceNumber = &Rule{
	ID:        "source-number",
	Doc:       "A number the article gives for a cited study must agree with the study's abstract (online check, Crossref and Europe PMC).",
	Severity:  Warning,
	Online:    true,
	Languages: sourceLanguages,
	OptionsOf: "doi-mismatch",
	Explain: `A wrong sample size, dose or duration is the commonest error in a summary
of research, and the hardest for a reader to catch. With --online,
articlelint fetches each cited study's record (Crossref, and Europe PMC,
which holds PubMed's abstracts) and compares the quantities a sentence
gives for the study with those of the abstract and title: counts of
people or trials (120 mothers, 25 trials), doses (4,000 IU a day, 10 mg),
durations (six months), percentages, p-values, confidence intervals and
odds, hazard and risk ratios.

A sentence speaks of a study when it cites its DOI, or when it names the
study ("the trial", "the researchers", "participants") or stands under a
heading or label that does ("Key Findings", "Participants:"), and the
study is the one its paragraph, list, section or article cites (see
source-design). Sentences about other studies ("previous trials") or the
world ("worldwide", "guidelines") are not checked.

Numbers are compared after normalising them: 6,400 = 6.400 = 6 400 = 6400,
number words (six, twelve), units (two years = 24 months, µg = mcg,
IU = UI = IE) and approximations (about, nearly, more than, over, almost:
within 10% and in the direction stated). A finding needs the abstract to
give the same kind of quantity with another value; a number the abstract
does not mention is never a finding. A percentage is compared only when
it says of what ("40% of mothers"), and a duration only when it says how
long something lasted ("for six months", "a 12-week trial"), not when (at
8 weeks). It stays silent for a round number
within 5% (1,200 for 1,240), a count the abstract also writes (an arm,
"n = 36"), a smaller count in a sentence about a group (placebo, each
arm, completers), a percentage the abstract's ratio or percentages imply
(HR 0.60 is 40% lower), and for any value the abstract gives among
others (a baseline and a follow-up).

Fix: correct the number from the study's abstract, or say which group or
time point it belongs to.` + onlineNote,
	Check:       checkSourceNumber,
	lazyPhrases: sourcePhrases,
}

func checkSourceNumber(p *Pass) {
	v := p.sourceView()
	if v == nil {
		return
	}
	for i, rec := range v.attributed(p) {
		b := &v.binds[i]
		if rec.Abstract == "" && rec.Title == "" {
			continue
		}
		src := v.recordQuantities(rec)
		if len(src) == 0 {
			continue
		}
		text, _ := sentenceText(p.Doc, b)
		for _, q := range v.quantitiesOf(i) {
			said := text[q.Span.Start:q.Span.End]
			comps := misreported(q, text, src, func() bool { return v.marks(i).arm }, rec)
			// Whether the sentence speaks of this study is read last:
			// most numbers agree.
			if comps == nil || !v.about(i, rec) {
				continue
			}
			p.Reportf(sentenceSpan(p.Doc, b, q.Span.Start, q.Span.End), "the article says %q; %s of %s %s %s",
				said, whereFrom(comps), b.DOI, reportWord(comps), quoteList(comps))
		}
	}
}

// misreported returns the record's quantities that q contradicts, or nil
// when it agrees with one, when none is comparable, or when the
// difference has an innocent reading.
func misreported(q quantity.Quantity, text string, src []sourceQuantity, arm func() bool, rec *online.SourceRecord) []sourceQuantity {
	said := text[q.Span.Start:q.Span.End]
	if q.Kind == quantity.Count && (q.Part || q.Noun == "") {
		return nil
	}
	// A duration is compared only as how long the study or its
	// treatment lasted: "at 8 weeks" and "one year later" are points in
	// time, "3 hours a night" a dose of sleep.
	span := q.Kind != quantity.Duration || lasting(text, q)
	var comps []sourceQuantity
	for _, s := range src {
		comparable, agree := quantity.Agree(q, s.Quantity)
		if comparable && (q.Kind == quantity.Duration || q.Kind == quantity.Age) && !sameScale(q.Value, s.Value) {
			continue // six hours of sleep a night is no follow-up of three years
		}
		if !comparable {
			// A value the record gives for something named otherwise
			// ("1,240 adults" for "1,200 participants", "11% of
			// infants" for "11%") still makes the article's right.
			if loose, ok := looselyComparable(q, s.Quantity); ok {
				if _, agree := quantity.Agree(q, loose); agree || rounded(q, said, loose) {
					return nil
				}
			}
			continue
		}
		if agree || rounded(q, said, s.Quantity) {
			return nil
		}
		if span && (q.Kind != quantity.Duration || s.lasting) {
			comps = append(comps, s)
		}
	}
	if len(comps) == 0 {
		return nil
	}
	switch q.Kind {
	case quantity.Count:
		if q.Value == math.Trunc(q.Value) && (writes(rec.Abstract, q.Value) || writes(rec.Title, q.Value)) {
			return nil // the abstract gives it, for a group or a time point
		}
		if arm() {
			for _, s := range comps {
				if q.Value < s.Value {
					return nil
				}
			}
		}
	case quantity.Percent:
		// "58%" alone may be of anything; "58% of infants" is of infants.
		if q.Noun == "" || implied(q, src) {
			return nil
		}
	}
	return comps
}

// looselyComparable returns s made comparable with q when it measures the
// same kind in the same unit under another noun, frequency or level.
func looselyComparable(q, s quantity.Quantity) (quantity.Quantity, bool) {
	if q.Kind != s.Kind {
		return s, false
	}
	switch q.Kind {
	case quantity.Count:
		if s.Noun == "" {
			return s, false // "n = 36": see writes
		}
		s.Noun = q.Noun
	case quantity.Dose:
		s.Per = q.Per
	case quantity.Percent:
		s.Noun = q.Noun
	case quantity.CI:
		s.Level, s.Noun = q.Level, q.Noun
	default:
		return s, false
	}
	return s, quantity.Comparable(q, s)
}

// lasting reports whether duration q of text says how long something
// lasted: "for 24 months", "over two years", "a 12-week trial", "a
// follow-up of 2 years", "lasted six months".
func lasting(text string, q quantity.Quantity) bool {
	if q.Kind != quantity.Duration {
		return false
	}
	said := strings.ToLower(text[q.Span.Start:q.Span.End])
	if compoundUnit(said) || strings.HasPrefix(said, "over ") {
		return true // "12-week", "two-year", "over two years" (its approximation is its own)
	}
	before := strings.ToLower(strings.TrimRight(text[max(0, q.Span.Start-24):q.Span.Start], " \u00a0"))
	for _, w := range []string{"for", "over", "during", "lasting", "lasted", "spanning", "across", "of", "throughout",
		"für", "über", "während", "pendant", "durante"} {
		if strings.HasSuffix(before, " "+w) || before == w {
			return true
		}
	}
	return false
}

// sameScale reports whether two durations are within a factor of 20 of
// each other: weeks and months may be confused, hours and years are not
// the same thing.
// compoundUnit reports whether a duration is written as an adjective, its
// unit joined by a hyphen ("12-week"): not a range ("7-12 days" after
// onset is when, not how long).
func compoundUnit(said string) bool {
	for i := strings.IndexByte(said, '-'); i >= 0; {
		if r, _ := utf8.DecodeRuneInString(said[i+1:]); unicode.IsLetter(r) {
			return true
		}
		j := strings.IndexByte(said[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func sameScale(a, b float64) bool {
	a, b = math.Abs(a), math.Abs(b)
	return a > 0 && b > 0 && math.Max(a, b) <= 20*math.Min(a, b)
}

// rounded reports whether q is a round number as written ("1,200", "10
// years") within 5% of s: a writer rounds, and "1,200 adults" for 1,240
// is no error worth a warning.
func rounded(q quantity.Quantity, said string, s quantity.Quantity) bool {
	switch q.Kind {
	case quantity.Count, quantity.Dose, quantity.Duration, quantity.Age, quantity.Percent:
	default:
		return false
	}
	if q.IsRange() || s.IsRange() || q.Approx != quantity.Exact || !roundWritten(said) {
		return false
	}
	return math.Abs(q.Value-s.Value) <= 0.05*math.Max(math.Abs(q.Value), math.Abs(s.Value))
}

// roundWritten reports whether the first number written in s, in digits,
// is a whole number ending in 0.
func roundWritten(s string) bool {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return false
	}
	last := byte(0)
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			last = c
			continue
		case c == ',' || c == ' ':
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				continue // a thousands separator
			}
		case c == '.':
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				return false // a decimal
			}
		}
		break
	}
	return last == '0'
}

// writes reports whether text writes the whole number v as a number of
// its own, in any usual grouping: "36", "1,240", "1 240", "11 321".
func writes(text string, v float64) bool {
	if v < 0 || v > 1e12 || text == "" {
		return false
	}
	plain := strconv.FormatInt(int64(v), 10)
	forms := []string{plain}
	if len(plain) > 3 {
		for _, sep := range []string{",", ".", " ", "\u2009", "\u00a0", "\u202f"} {
			forms = append(forms, group(plain, sep))
		}
	}
	for _, f := range forms {
		for i := 0; ; {
			j := strings.Index(text[i:], f)
			if j < 0 {
				break
			}
			j += i
			if numberEdge(text, j, j+len(f)) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// group writes digits in groups of three separated by sep.
func group(digits, sep string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// numberEdge reports whether text[i:j] is a whole number: no digit, and
// no separator followed by a digit, on either side.
func numberEdge(text string, i, j int) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	if i > 0 {
		c := text[i-1]
		if digit(c) || (c == ',' || c == '.') && i > 1 && digit(text[i-2]) {
			return false
		}
	}
	if j < len(text) {
		c := text[j]
		if digit(c) || (c == ',' || c == '.') && j+1 < len(text) && digit(text[j+1]) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); (r == '\u2009' || r == '\u00a0' || r == '\u202f' || r == ' ') && j+utf8.RuneLen(r)+2 < len(text) &&
			digit(text[j+utf8.RuneLen(r)]) && digit(text[j+utf8.RuneLen(r)+1]) && digit(text[j+utf8.RuneLen(r)+2]) {
			return false // "36" of "36 210"
		}
	}
	return true
}

// implied reports whether percentage q follows from the record's
// numbers: a ratio's relative change (HR 0.60: 40% lower) or the
// difference of two percentages, in points or relative (47% and 11%: 36
// points, 77% lower).
func implied(q quantity.Quantity, src []sourceQuantity) bool {
	if q.Unit != "%" && q.Unit != "pp" {
		return false
	}
	near := func(x float64) bool { return math.Abs(q.Value-x) <= math.Max(1, q.Prec) }
	var pcts []float64
	for _, s := range src {
		switch {
		case s.Kind == quantity.Ratio && q.Unit == "%":
			if near(100*math.Abs(1-s.Value)) || s.Value != 0 && near(100*math.Abs(1-1/s.Value)) {
				return true
			}
		case s.Kind == quantity.Percent && s.Unit == "%" && !s.IsRange():
			pcts = append(pcts, s.Value)
		}
	}
	for i, a := range pcts {
		for _, b := range pcts[i+1:] {
			hi, lo := math.Max(a, b), math.Min(a, b)
			if near(hi-lo) || hi > 0 && q.Unit == "%" && near(100*(hi-lo)/hi) || lo > 0 && q.Unit == "%" && near(100*(hi-lo)/lo) {
				return true
			}
		}
	}
	return false
}

// whereFrom names where the contradicting quantities are written.
func whereFrom(qs []sourceQuantity) string {
	title, abstract := false, false
	for _, q := range qs {
		title = title || q.from == "title"
		abstract = abstract || q.from == "abstract"
	}
	switch {
	case title && abstract:
		return "the title and abstract"
	case title:
		return "the title"
	}
	return "the abstract"
}

func reportWord(qs []sourceQuantity) string {
	if whereFrom(qs) == "the title and abstract" {
		return "report"
	}
	return "reports"
}

// quoteList quotes up to three of the record's quantities as written.
func quoteList(qs []sourceQuantity) string {
	var out []string
	for _, q := range qs {
		s := fmt.Sprintf("%q", strings.Join(strings.Fields(q.text), " "))
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	more := ""
	if len(out) > 3 {
		more = fmt.Sprintf(" and %d more", len(out)-3)
		out = out[:3]
	}
	switch len(out) {
	case 1:
		return out[0] + more
	case 2:
		if more == "" {
			return out[0] + " and " + out[1]
		}
	}
	if more != "" {
		return strings.Join(out, ", ") + more
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}
