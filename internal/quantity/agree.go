package quantity

import (
	"math"
	"strings"
)

// Comparable reports whether a and b measure the same thing: the same
// kind, and
//   - counts: nouns of one family (see Family), neither empty;
//   - doses: the same base unit and denominator, taken as often ("" is
//     taken for "day": a summary often leaves out "a day");
//   - percentages: both percentages or both percentage points, of nouns
//     of one family or neither of a noun;
//   - ratios: the same ratio (OR, HR, ...);
//   - confidence intervals: the same level and ratio where both are
//     written, and both or neither in percent.
//
// Durations compare with durations and ages with ages, p-values with
// p-values.
func Comparable(a, b Quantity) bool {
	load()
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Count:
		return a.Noun != "" && b.Noun != "" && Family(a.Noun) == Family(b.Noun)
	case Dose:
		return a.Unit == b.Unit && (a.Per == b.Per || a.Per == "" && b.Per == "day" || a.Per == "day" && b.Per == "")
	case Percent:
		return a.Unit == b.Unit && Family(a.Noun) == Family(b.Noun)
	case Ratio:
		return a.Unit == b.Unit
	case CI:
		return (a.Level == b.Level || a.Level == 0 || b.Level == 0) && (a.Noun == b.Noun || a.Noun == "" || b.Noun == "") &&
			a.Unit == b.Unit
	}
	return true
}

// Agree reports whether a and b are comparable (see Comparable) and, if
// so, whether they agree: whether a value exists that both texts
// describe truthfully. Each is widened by its precision (24% covers
// 23.5% to 24.5%; a whole count is exact) and by its approximation
// (about: 10% either way; more than: above, by up to 10%; nearly: the
// value or up to 10% below; for p-values, "< 0.05" is anything below).
// A duration converted between units may be loose: a month is four
// weeks to 31 days, a year 52 weeks to 366 days. Two ranges or
// intervals agree when their ends agree; a value agrees with a range it
// falls in.
func Agree(a, b Quantity) (comparable, agree bool) {
	load()
	if !Comparable(a, b) {
		return false, false
	}
	loose := (a.Kind == Duration || a.Kind == Age) && a.Given != b.Given
	if a.Kind == CI || a.IsRange() && b.IsRange() {
		return true, overlaps(interval(a, a.Value, a.Value, 0, loose), interval(b, b.Value, b.Value, 0, loose)) &&
			overlaps(interval(a, a.Hi, a.Hi, 1, loose), interval(b, b.Hi, b.Hi, 1, loose))
	}
	return true, overlaps(interval(a, a.Value, a.Hi, -1, loose), interval(b, b.Value, b.Hi, -1, loose))
}

// ival is an interval of values; an open end excludes its bound.
type ival struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func overlaps(a, b ival) bool {
	if a.hi < b.lo || b.hi < a.lo {
		return false
	}
	if a.hi == b.lo && (a.hiOpen || b.loOpen) || b.hi == a.lo && (b.hiOpen || a.loOpen) {
		return false
	}
	return true
}

// interval is the values q describes from lo to hi (its whole range, or
// one end: end 0 the lower, 1 the upper, -1 both).
func interval(q Quantity, lo, hi float64, end int, loose bool) ival {
	prec := q.Prec
	if loose {
		// Convert back to the unit written, then out again at the
		// loosest factors.
		g0, g1 := givenEnds(q.Given)
		if end == 1 {
			g0 = g1
		} else if end == 0 {
			g1 = g0
		}
		f0, f1 := units[g0].factor, units[g1].factor
		if f0 > 0 && f1 > 0 {
			l0, _ := looseFactor(g0)
			_, h1 := looseFactor(g1)
			prec = prec / f0 * l0
			lo, hi = lo/f0*l0, hi/f1*h1
		}
	}
	r := ival{lo: lo, hi: hi}
	if prec > 0 {
		r.lo -= prec
		r.hi += prec
		r.hiOpen = true
	}
	tol := func(x float64) float64 { return 0.1 * math.Abs(x) }
	pv := q.Kind == PValue
	switch q.Approx {
	case About:
		r = ival{lo: r.lo - tol(lo), hi: r.hi + tol(hi)}
	case Nearly:
		r.lo -= tol(lo)
	case Over, AtLeast:
		r = ival{lo: lo, hi: r.hi + tol(hi), loOpen: q.Approx == Over}
		if pv {
			r.hi = math.Inf(1)
		}
	case Under, AtMost:
		r = ival{lo: r.lo - tol(lo), hi: hi, hiOpen: q.Approx == Under}
		if pv {
			r.lo = math.Inf(-1)
		}
	}
	return r
}

// givenEnds splits a range's unit as written ("month-year") into its
// ends' units.
func givenEnds(g string) (string, string) {
	if a, b, ok := strings.Cut(g, "-"); ok {
		return a, b
	}
	return g, g
}
