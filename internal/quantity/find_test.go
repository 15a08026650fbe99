package quantity

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// describe is a quantity as the tests write it: kind, value (or range),
// unit or noun, approximation and extras, and the text of its span.
func describe(text string, q Quantity) string {
	v := strconv.FormatFloat(q.Value, 'f', -1, 64)
	if q.IsRange() {
		v += ".." + strconv.FormatFloat(q.Hi, 'f', -1, 64)
	}
	parts := []string{q.Kind.String(), v}
	for _, s := range []string{q.Unit, q.Noun} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if q.Per != "" {
		parts = append(parts, "per "+q.Per)
	}
	if q.Approx != Exact {
		parts = append(parts, q.Approx.String())
	}
	if q.Level != 0 {
		parts = append(parts, fmt.Sprintf("level %g", q.Level))
	}
	if q.Part {
		parts = append(parts, "part")
	}
	return strings.Join(parts, " ") + " [" + text[q.Span.Start:q.Span.End] + "]"
}

func findAll(text, lang string) []string {
	var out []string
	for _, q := range FindLang(text, lang) {
		out = append(out, describe(text, q))
	}
	return out
}

func TestFind(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		// Counts, and the separators of 6,400.
		{"", "The trial enrolled more than 1,200 pregnant women.", []string{"count 1200 woman over [more than 1,200 pregnant women]"}},
		{"", "6,400 participants", []string{"count 6400 participant [6,400 participants]"}},
		{"", "6.400 participants", []string{"count 6400 participant [6.400 participants]"}},
		{"", "6 400 participants", []string{"count 6400 participant [6 400 participants]"}},
		{"", "6\u00a0400 participants", []string{"count 6400 participant [6\u00a0400 participants]"}},
		{"", "6\u202f400 participants", []string{"count 6400 participant [6\u202f400 participants]"}},
		{"", "6400 participants", []string{"count 6400 participant [6400 participants]"}},
		{"", "1,234,567 people", []string{"count 1234567 person [1,234,567 people]"}},
		{"", "1.2 million people", []string{"count 1200000 person [1.2 million people]"}},
		{"", "120 mothers and 72 infants", []string{"count 120 mother [120 mothers]", "count 72 infant [72 infants]"}},
		{"", "72 of 120 mothers were deficient", []string{"count 72 mother part [72 of 120 mothers]", "count 120 mother [120 mothers]"}},
		{"", "72 of the mothers", []string{"count 72 mother part [72 of the mothers]"}},
		{"", "6400 mother–infant pairs", []string{"count 6400 pair [6400 mother–infant pairs]"}},
		{"", "12 randomized controlled trials and 8 RCTs", []string{"count 12 trial [12 randomized controlled trials]", "count 8 trial [8 RCTs]"}},
		{"", "a cohort of 1,240 newly diagnosed patients", []string{"count 1240 patient [1,240 newly diagnosed patients]"}},
		{"", "mothers (n = 72) and infants (N=70)", []string{"count 72 mother [n = 72]", "count 70 infant [N=70]"}},
		{"", "40 lab mice", []string{"count 40 mouse [40 lab mice]"}},
		// Number words.
		{"", "Twelve mothers", []string{"count 12 mother [Twelve mothers]"}},
		{"", "twenty-four infants", []string{"count 24 infant [twenty-four infants]"}},
		{"", "one hundred and twenty children", []string{"count 120 child [one hundred and twenty children]"}},
		{"", "a dozen mice", []string{"count 12 mouse [a dozen mice]"}},
		{"", "only half a dozen students", []string{"count 6 student [half a dozen students]"}},
		{"", "half a million adults", []string{"count 500000 adult [half a million adults]"}},
		{"", "half of the 120 mothers", []string{"count 120 mother [120 mothers]"}},
		{"", "two thousand women", []string{"count 2000 woman [two thousand women]"}},
		// Doses.
		{"", "6,400 IU of vitamin D3 per day", []string{"dose 6400 IU per day [6,400 IU of vitamin D3 per day]"}},
		{"", "6400 IU/day", []string{"dose 6400 IU per day [6400 IU/day]"}},
		{"", "400 UI par jour", []string{"dose 400 IU per day [400 UI par jour]"}},
		{"", "50,000 IU weekly", []string{"dose 50000 IU per week [50,000 IU weekly]"}},
		{"", "a daily dose of 2000 IU", []string{"dose 2000 IU per day [2000 IU]"}},
		{"", "10 µg, 10 μg, 10 mcg and 10 ug", []string{"dose 0.01 mg [10 µg]", "dose 0.01 mg [10 μg]", "dose 0.01 mg [10 mcg]", "dose 0.01 mg [10 ug]"}},
		{"", "1 g", []string{"dose 1000 mg [1 g]"}},
		{"", "10 mg/kg/day", []string{"dose 10 mg/kg per day [10 mg/kg/day]"}},
		{"", "400 mg twice daily", []string{"dose 400 mg per 2/day [400 mg twice daily]"}},
		{"", "2,5 mg", []string{"dose 2.5 mg [2,5 mg]"}},
		{"", "1,250 mg", []string{"dose 1250 mg [1,250 mg]"}},
		{"", "1.250 mg", []string{"dose 1.25 mg [1.250 mg]"}},
		{"", "1,234.5 mg", []string{"dose 1234.5 mg [1,234.5 mg]"}},
		{"", "1.234,5 mg", []string{"dose 1234.5 mg [1.234,5 mg]"}},
		{"", "up to 4,000 IU daily", []string{"dose 4000 IU per day at most [up to 4,000 IU daily]"}},
		// Durations and ages.
		{"", "for two years", []string{"duration 730.5 day [two years]"}},
		{"", "24 months", []string{"duration 730.5 day [24 months]"}},
		{"", "a 12-week trial", []string{"duration 84 day [12-week]"}},
		{"", "6–12 months", []string{"duration 182.625..365.25 day [6–12 months]"}},
		{"", "between 6 and 12 months", []string{"duration 182.625..365.25 day [between 6 and 12 months]"}},
		{"", "6 months to 2 years", []string{"duration 182.625..730.5 day [6 months to 2 years]"}},
		{"", "followed over 2 years", []string{"duration 730.5 day about [over 2 years]"}},
		{"", "aged 65 years", []string{"age 23741.25 day [aged 65 years]"}},
		{"", "65-year-old women", []string{"age 23741.25 day [65-year-old]"}},
		{"", "women 30 years of age", []string{"age 10957.5 day [30 years of age]"}},
		{"", "28 d", []string{"duration 28 day [28 d]"}},
		// Percentages, p-values, intervals, ratios.
		{"", "23.7% of mothers", []string{"percent 23.7 % mother [23.7%]"}},
		{"", "10%–20%", []string{"percent 10..20 % [10%–20%]"}},
		{"", "45 per cent", []string{"percent 45 % [45 per cent]"}},
		{"", "3 percentage points", []string{"percent 3 pp [3 percentage points]"}},
		{"", "p < 0.05", []string{"p-value 0.05 p under [p < 0.05]"}},
		{"", "P=.03", []string{"p-value 0.03 p [P=.03]"}},
		{"", "p ≤ 0·001", []string{"p-value 0.001 p at most [p ≤ 0·001]"}},
		{"", "p-value of 0.2", []string{"p-value 0.2 p [p-value of 0.2]"}},
		{"", "OR 1.5 (95% CI 1.2–3.4)", []string{"ratio 1.5 OR [OR 1.5]", "CI 1.2..3.4 OR level 95 [95% CI 1.2–3.4]"}},
		{"", "hazard ratio of 0.77 (95% confidence interval, 0.61 to 0.97)",
			[]string{"ratio 0.77 HR [hazard ratio of 0.77]", "CI 0.61..0.97 HR level 95 [95% confidence interval, 0.61 to 0.97]"}},
		{"", "mean difference 0.3 (95% CI −0.5 to 1.2)", []string{"CI -0.5..1.2 level 95 [95% CI −0.5 to 1.2]"}},
		// Other languages.
		{"de", "etwa 100 Mütter erhielten 6.400 IE täglich", []string{"count 100 mother about [etwa 100 Mütter]", "dose 6400 IU per day [6.400 IE täglich]"}},
		{"de", "1,250 mg", []string{"dose 1.25 mg [1,250 mg]"}},
		{"de", "zweihundertvierundzwanzig Teilnehmer", []string{"count 224 participant [zweihundertvierundzwanzig Teilnehmer]"}},
		{"de", "95 %-KI 1,2–3,4", []string{"CI 1.2..3.4 level 95 [95 %-KI 1,2–3,4]"}},
		{"fr", "plus de 1 200 femmes pendant deux ans", []string{"count 1200 woman over [plus de 1 200 femmes]", "duration 730.5 day [deux ans]"}},
		{"fr", "quatre-vingt-dix-neuf enfants", []string{"count 99 child [quatre-vingt-dix-neuf enfants]"}},
		{"fr", "IC 95 % 1,2-3,4", []string{"CI 1.2..3.4 level 95 [IC 95 % 1,2-3,4]"}},
		{"es", "entre 6 y 12 meses", []string{"duration 182.625..365.25 day [entre 6 y 12 meses]"}},
		{"es", "treinta y dos pacientes", []string{"count 32 patient [treinta y dos pacientes]"}},
		{"es", "más de 1.200 mujeres", []string{"count 1200 woman over [más de 1.200 mujeres]"}},
		{"it", "ventotto giorni", []string{"duration 28 day [ventotto giorni]"}},
		{"nl", "vierentwintig maanden", []string{"duration 730.5 day [vierentwintig maanden]"}},
		{"pl", "około 100 matek", []string{"count 100 mother about [około 100 matek]"}},
		{"pt", "cerca de 100 mães", []string{"count 100 mother about [cerca de 100 mães]"}},
		// Near misses: no quantity.
		{"", "In 2019 mothers were asked", nil},
		{"", "COVID-19 patients", nil},
		{"", "one of the mothers said", nil},
		{"", "vitamin D3 and B12", nil},
		{"", "Table 2 shows", nil},
		{"", "the trial was due to end", nil},
		{"", "seize control", nil},
		{"", "It is fast: 12 of them", nil},
		{"", "p. 23", nil},
		{"", "or 1.5 times", nil},
		{"", "3 times more women", nil},
		{"es", "6 y 12 pacientes", []string{"count 12 patient [12 pacientes]"}},
		{"", "A 2025 study of 2019 mothers", []string{"count 2019 mother [2019 mothers]"}},
		{"", "the 2020 Financial Report", nil},
		{"", "2019-nCoV patients and a two-sample test", nil},
		{"", "the 2020-2021 cohort", nil},
		{"", "equation 17 of the paper; round one participants", nil},
		{"", "msg=rstudio%3A%3Aglobal+%282021%29 and doi 10.1371%2Fjournal", nil},
		{"", "3D shapes, 5G phones, 3d rendering, 85 y más", nil},
		{"", "file 0020138-L.pdf", nil},
		{"", "roughly 21K students", []string{"count 21000 student about [roughly 21K students]"}},
		{"", "tPA at 2 mg/hour", []string{"dose 2 mg per hour [2 mg/hour]"}},
		{"", "3h and 28 d and aged 65 y", []string{"duration 0.125 day [3h]", "duration 28 day [28 d]", "age 23741.25 day [aged 65 y]"}},
	} {
		got := findAll(c.text, c.lang)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.text, got, c.want)
		}
	}
}

// A quantity's span holds all it was read from: its approximation, its
// unit and noun.
func TestSpanQuotesTheClaim(t *testing.T) {
	text := "Researchers gave about 100 mothers 6,400 IU a day for nearly two years."
	var got []string
	for _, q := range Find(text) {
		got = append(got, text[q.Span.Start:q.Span.End])
	}
	want := []string{"about 100 mothers", "6,400 IU a day", "nearly two years"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans %q, want %q", got, want)
	}
}
