package quantity

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// one returns the only quantity in text.
func one(t *testing.T, text string) Quantity {
	t.Helper()
	qs := Find(text)
	if len(qs) != 1 {
		t.Fatalf("%q: found %d quantities, want 1: %v", text, len(qs), findAll(text, ""))
	}
	return qs[0]
}

func TestAgree(t *testing.T) {
	for _, c := range []struct {
		article, source    string
		comparable, agrees bool
	}{
		// The cases of issue 19.
		{"more than 1,200 women", "1,240 women", true, true},
		{"two years", "24 months", true, true},
		{"about 100 mothers", "98 mothers", true, true},
		{"120 mothers", "72 mothers", true, false},
		// Approximations keep their direction and their 10%.
		{"more than 1,200 women", "1,100 women", true, false},
		{"more than 1,200 women", "1,200 women", true, false},
		{"more than 1,200 women", "1,400 women", true, false},
		{"at least 1,200 women", "1,200 women", true, true},
		{"nearly 300 patients", "290 patients", true, true},
		{"nearly 300 patients", "310 patients", true, false},
		{"almost 300 patients", "250 patients", true, false},
		{"fewer than 100 infants", "95 infants", true, true},
		{"fewer than 100 infants", "100 infants", true, false},
		{"up to 4,000 IU a day", "4000 IU/day", true, true},
		{"about 100 mothers", "120 mothers", true, false},
		{"about 100 mothers", "about 112 mothers", true, true},
		// Number words and separators.
		{"six thousand four hundred participants", "6,400 participants", true, true},
		{"6.400 participants", "6 400 participants", true, true},
		{"twelve trials", "12 RCTs", true, true},
		// Whole counts are exact; nouns compare within a family.
		{"1,200 women", "1,240 women", true, false},
		{"120 mothers", "120 women", true, true},
		{"120 babies", "120 infants", true, true},
		{"120 participants", "72 patients", false, false},
		{"120 mice", "120 rats", false, false},
		// Doses: units convert; IU, UI and IE are one unit.
		{"10 µg", "10 mcg", true, true},
		{"10 µg", "0.01 mg", true, true},
		{"1000 µg", "1 mg", true, true},
		{"400 IU", "400 UI", true, true},
		{"6,400 IU daily", "6400 IU per day", true, true},
		{"6,400 IU", "6400 IU/day", true, true},
		{"6,400 IU daily", "4,000 IU/day", true, false},
		{"50,000 IU weekly", "7,000 IU/day", false, false},
		{"10 mg", "10 ml", false, false},
		{"10 mg/kg", "10 mg", false, false},
		{"1.2 mg", "1.24 mg", true, true},
		{"1.2 mg", "1.3 mg", true, false},
		// Durations convert loosely between units, exactly within one.
		{"12 weeks", "3 months", true, true},
		{"one month", "4 weeks", true, true},
		{"26 weeks", "6 months", true, true},
		{"one year", "12 months", true, true},
		{"one year", "11 months", true, false},
		{"2 years", "20 months", true, false},
		{"12 months", "13 months", true, false},
		{"6–12 months", "6 to 12 months", true, true},
		{"6–12 months", "6–24 months", true, false},
		{"6–12 months", "9 months", true, true},
		{"aged 65 years", "65 years", false, false},
		// Percentages round to the digits written.
		{"24%", "23.7%", true, true},
		{"24%", "23%", true, false},
		{"24%", "24.6%", true, false},
		{"3 percentage points", "3%", false, false},
		{"40% of mothers", "40% of women", true, true},
		{"40% of mothers", "40%", false, false},
		// p-values, intervals and ratios.
		{"p < 0.05", "p = 0.03", true, true},
		{"p < 0.05", "p = 0.06", true, false},
		{"p < 0.05", "p < 0.001", true, true},
		{"p > 0.05", "p = 0.2", true, true},
		{"p = 0.03", "p = 0.031", true, true},
		{"p = 0.03", "p = 0.04", true, false},
		{"95% CI 1.2–3.4", "95% CI 1.2 to 3.4", true, true},
		{"95% CI 1.2–3.4", "95% CI 1.2 to 3.8", true, false},
		{"95% CI 1.2–3.4", "99% CI 1.2 to 3.4", false, false},
		{"OR 1.5", "odds ratio 1.52", true, true},
		{"OR 1.5", "HR 1.5", false, false},
	} {
		a, b := one(t, c.article), one(t, c.source)
		comp, agree := Agree(a, b)
		if comp != c.comparable || agree != c.agrees {
			t.Errorf("Agree(%q, %q) = %v, %v; want %v, %v", c.article, c.source, comp, agree, c.comparable, c.agrees)
		}
		// Agreement is symmetric.
		if comp2, agree2 := Agree(b, a); comp2 != comp || agree2 != agree {
			t.Errorf("Agree(%q, %q) = %v, %v but the other way round %v, %v", c.article, c.source, comp, agree, comp2, agree2)
		}
	}
}

// Properties over random quantities: agreement is symmetric, a quantity
// agrees with itself, and an exact quantity agrees with any
// approximation of itself.
func TestAgreeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	nouns := []string{"mothers", "women", "patients", "trials"}
	unitsW := []string{"IU", "mg", "µg", "mcg", "months", "weeks", "years", "%"}
	approxW := []string{"", "about ", "nearly ", "more than ", "at least ", "fewer than ", "up to "}
	gen := func() (string, Quantity, bool) {
		n := r.IntN(5000) + 2
		if n >= 1900 && n < 2040 {
			// A year: "a 2019 study" counts no study.
			n += 200
		}
		var text string
		if r.IntN(2) == 0 {
			text = approxW[r.IntN(len(approxW))] + strconv.Itoa(n) + " " + nouns[r.IntN(len(nouns))]
		} else {
			text = approxW[r.IntN(len(approxW))] + strconv.Itoa(n) + " " + unitsW[r.IntN(len(unitsW))]
		}
		qs := Find(text)
		if len(qs) != 1 {
			return text, Quantity{}, false
		}
		return text, qs[0], true
	}
	for range 5000 {
		ta, a, ok1 := gen()
		tb, b, ok2 := gen()
		if !ok1 || !ok2 {
			t.Fatalf("%q or %q: not one quantity", ta, tb)
		}
		c1, g1 := Agree(a, b)
		c2, g2 := Agree(b, a)
		if c1 != c2 || g1 != g2 {
			t.Fatalf("Agree(%q, %q) = %v, %v; reversed %v, %v", ta, tb, c1, g1, c2, g2)
		}
		if c, g := Agree(a, a); !c || !g {
			t.Fatalf("%q does not agree with itself (%v, %v)", ta, c, g)
		}
		exact := a
		exact.Approx = Exact
		if a.Approx == About || a.Approx == AtLeast || a.Approx == AtMost || a.Approx == Nearly {
			if c, g := Agree(a, exact); !c || !g {
				t.Fatalf("%q does not agree with its exact value", ta)
			}
		}
	}
}
