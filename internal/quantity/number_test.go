package quantity

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// group writes n's digits in groups of three joined by sep.
func group(n int, sep string) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// A whole number written in any style reads back as itself, as a count
// of people, in every language; as a dose, the way its language reads
// it.
func TestWholeNumberStyles(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		n := r.IntN(1_000_000_000)
		if r.IntN(3) == 0 {
			n = r.IntN(10_000)
		}
		for _, sep := range []string{"", ",", ".", " ", "\u00a0", "\u202f", "\u2009"} {
			s := group(n, sep)
			for _, lang := range []string{"", "en", "de", "fr"} {
				qs := FindLang(s+" participants", lang)
				if len(qs) != 1 || qs[0].Value != float64(n) || qs[0].Kind != Count {
					t.Fatalf("%s %q participants: %v, want %d", lang, s, findAll(s+" participants", lang), n)
				}
			}
			// A dose: English reads "1.250" as 1.25, a decimal-comma
			// language reads "1,250" so.
			for _, lang := range []string{"en", "de"} {
				want := float64(n)
				if strings.Count(s, sep) == 1 && (sep == "." && lang == "en" || sep == "," && lang == "de") {
					want = float64(n) / 1000
				}
				qs := FindLang(s+" mg", lang)
				if len(qs) != 1 || qs[0].Value != want {
					t.Fatalf("%s %q mg: %v, want %g", lang, s, findAll(s+" mg", lang), want)
				}
			}
		}
	}
}

// A decimal written the English way (1,234.56) or the continental way
// (1.234,56) reads back as itself, with the precision of its digits.
func TestDecimalStyles(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		whole := r.IntN(10_000_000)
		dec := 1 + r.IntN(4)
		frac := r.IntN(int(math.Pow10(dec)))
		fs := strconv.Itoa(frac)
		fs = strings.Repeat("0", dec-len(fs)) + fs
		want, _ := strconv.ParseFloat(strconv.Itoa(whole)+"."+fs, 64)
		for _, c := range []struct{ lang, text string }{
			{"en", group(whole, ",") + "." + fs},
			{"de", group(whole, ".") + "," + fs},
			{"fr", group(whole, "\u202f") + "," + fs},
			{"en", group(whole, " ") + "." + fs},
		} {
			if whole < 1000 && dec == 3 {
				// "1,250" and "1.250" are the ambiguous case of the
				// whole-number test.
				continue
			}
			qs := FindLang(c.text+" mg", c.lang)
			if len(qs) != 1 || qs[0].Value != want {
				t.Fatalf("%s %q mg: %v, want %v", c.lang, c.text, findAll(c.text+" mg", c.lang), want)
			}
			if p := 0.5 * math.Pow10(-dec); math.Abs(qs[0].Prec-p) > p*1e-9 {
				t.Fatalf("%q: precision %v, want %v", c.text, qs[0].Prec, p)
			}
		}
	}
}

var (
	enOnes = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	enTens = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
	deOnes = strings.Fields("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn")
	deTens = strings.Fields("_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
)

// english writes 1 <= n < 1e6 in words: "one hundred and twenty-four".
func english(n int, and bool) string {
	var parts []string
	if n >= 1000 {
		parts = append(parts, english(n/1000, and), "thousand")
		n %= 1000
	}
	if n >= 100 {
		parts = append(parts, enOnes[n/100], "hundred")
		n %= 100
		if n > 0 && and {
			parts = append(parts, "and")
		}
	}
	switch {
	case n >= 20 && n%10 != 0:
		parts = append(parts, enTens[n/10]+"-"+enOnes[n%10])
	case n >= 20:
		parts = append(parts, enTens[n/10])
	case n > 0:
		parts = append(parts, enOnes[n])
	}
	return strings.Join(parts, " ")
}

// german writes 1 <= n < 1e6 as one word: zweihundertvierundzwanzig.
func german(n int) string {
	var b strings.Builder
	if n >= 1000 {
		b.WriteString(german(n/1000) + "tausend")
		n %= 1000
	}
	if n >= 100 {
		one := deOnes[n/100]
		if one == "eins" {
			one = "ein"
		}
		b.WriteString(one + "hundert")
		n %= 100
	}
	switch {
	case n >= 20 && n%10 != 0:
		one := deOnes[n%10]
		if one == "eins" {
			one = "ein"
		}
		b.WriteString(one + "und" + deTens[n/10])
	case n >= 20:
		b.WriteString(deTens[n/10])
	case n > 0:
		b.WriteString(deOnes[n])
	}
	return b.String()
}

func women(n int) string {
	if n == 1 {
		return " woman"
	}
	return " women"
}

// A count written in words reads back as its number.
func TestNumberWords(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		n := 1 + r.IntN(999_999)
		if r.IntN(2) == 0 {
			n = 1 + r.IntN(999)
		}
		for _, c := range []struct{ lang, text string }{
			{"en", english(n, true) + women(n)},
			{"en", english(n, false) + women(n)},
			{"de", german(n) + " Frauen"},
			{"", german(n) + " Frauen"},
		} {
			if c.lang == "" && n == 11 {
				// "elf" alone is read only in a text declared German.
				continue
			}
			qs := FindLang(c.text, c.lang)
			if len(qs) != 1 || qs[0].Value != float64(n) || qs[0].Noun != "woman" {
				t.Fatalf("%s %q: %v, want %d", c.lang, c.text, findAll(c.text, c.lang), n)
			}
		}
	}
}
