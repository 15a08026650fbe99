package quantity

import (
	"math"
	"strings"
	"testing"
)

// FuzzFind checks, for any text: Find does not panic; every span lies in
// the text; values are numbers; and the text of a span, read alone,
// holds a quantity of the same kind and value.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The trial enrolled more than 1,200 pregnant women and 72 of 120 mothers took 6,400 IU of vitamin D3 per day for two years.",
		"p < 0.05, P=.03, OR 1.5 (95% CI 1.2–3.4), HR 0.77; 95% CI, −0.5 to 1.2; 23.7% of mothers; 3 percentage points",
		"aged 65 years; 65-year-old women; a 12-week trial; 6–12 months; between 6 and 12 months; mothers (n = 72)",
		"a dozen mice; one hundred and twenty children; 1.2 million people; COVID-19 patients; 10 mg/kg/day; 2,5 mg",
		"etwa 100 Mütter erhielten 6.400 IE täglich; zweihundertvierundzwanzig Teilnehmer; 95 %-KI 1,2–3,4",
		"plus de 1 200 femmes; quatre-vingt-dix-neuf enfants; entre 6 y 12 meses; treinta y dos pacientes",
		"1,2,3.4.5 6 400 000,5 .5 0·05 1.234.567,89 mg",
		"over 2 years; nearly 300 patients; up to 4,000 IU daily; 400 mg twice daily",
		"half a dozen mice; half a million people; half an hour; half of 40 mothers",
		"", "-", "9", "p", "n =", "OR", "95% CI", "a dozen", "twenty-", "1 - - 2 months",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Find(text) {
			if q.Span.Start < 0 || q.Span.Start > q.Span.End || q.Span.End > len(text) {
				t.Fatalf("span %v outside text of %d bytes", q.Span, len(text))
			}
			if math.IsNaN(q.Value) || math.IsNaN(q.Hi) || q.Hi < q.Value {
				t.Fatalf("%q: value %v..%v", text, q.Value, q.Hi)
			}
			sub := text[q.Span.Start:q.Span.End]
			found := false
			for _, r := range Find(sub) {
				if r.Kind == q.Kind && r.Value == q.Value && r.Hi == q.Hi {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("%q: %s %v..%v from %q is not found in its span alone: %v", text, q.Kind, q.Value, q.Hi, sub, findAll(sub, ""))
			}
		}
	})
}

// Find's time grows linearly with the text: compare ns/op of the sizes
// (go test -bench Find): 64x the text should take about 64x the time.
func BenchmarkFind(b *testing.B) {
	para := "In the trial, more than 1,200 pregnant women took 6,400 IU of vitamin D3 a day for two years " +
		"(OR 1.5, 95% CI 1.2–3.4; p < 0.05); about 23% of the 72 mothers aged 30 years had infants. "
	for _, n := range []int{1, 64} {
		text := strings.Repeat(para, n)
		b.Run(strings.Repeat("x", 0)+map[int]string{1: "1x", 64: "64x"}[n], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Find(text)
			}
		})
	}
}
