package claims

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks, for any sentence: no panic; every span lies in the
// sentence; a journal's name is the text at its span; a year is a
// four-digit year the text holds.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"A randomised controlled trial published in The Lancet in 2019 found that vitamin D prevents asthma in children.",
		"The cohort study (Smith et al., 2020) showed that vitamin D is associated with a lower risk of asthma.",
		"Vitamin D does not cause asthma, according to a 2021 meta-analysis in the New England Journal of Medicine.",
		"In mice, vitamin D cured the disease. IVF (in vitro fertilisation) is common.",
		"Published in 2019 in BMJ Open (Hollis and Wagner, 2004)", "published in Journal ", "published in ",
		"Eine randomisierte kontrollierte Studie zeigt: Vitamin D senkt das Risiko bei Frauen.",
		"", "(", "published in The\u00a0Lancet\u00ad (2019", "a 2019 study",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Extract(s)
		check := func(sp Span) {
			if sp.Start < 0 || sp.Start > sp.End || sp.End > len(s) {
				t.Fatalf("%q: span %v outside %d bytes", s, sp, len(s))
			}
		}
		for _, d := range c.Designs {
			check(d.Span)
		}
		for _, x := range c.Causal {
			check(x.Span)
		}
		for _, x := range c.Hedges {
			check(x)
		}
		for _, x := range c.People {
			check(x)
		}
		for _, y := range c.Years {
			check(y.Span)
			if y.Year < 1900 || y.Year > 2099 {
				t.Fatalf("%q: year %d", s, y.Year)
			}
		}
		for _, j := range c.Journals {
			check(j.Span)
			if s[j.Span.Start:j.Span.End] != j.Name || j.Name == "" {
				t.Fatalf("%q: journal %q at %v", s, j.Name, j.Span)
			}
			if utf8.ValidString(s) && !utf8.ValidString(j.Name) {
				t.Fatalf("%q: journal name %q cuts a character", s, j.Name)
			}
		}
	})
}

// FuzzRecordDesign checks that no abstract or title makes RecordDesign
// panic, and that a publication type of meta-analysis always wins.
func FuzzRecordDesign(f *testing.F) {
	f.Add("Vitamin D in pregnancy: a randomized controlled trial", "In this cohort study we followed mothers.\nDESIGN: case-control")
	f.Add("", "")
	f.Add("in mice", "Here we show in vitro")
	f.Fuzz(func(t *testing.T, title, abstract string) {
		if d := RecordDesign([]string{"Meta-Analysis", "Review"}, []string{"Humans"}, title, abstract); d != MetaAnalysis {
			t.Fatalf("meta-analysis record read as %v", d)
		}
		RecordDesign(nil, nil, title, abstract)
		RecordDesign(nil, []string{"Animals"}, title, abstract)
	})
}
