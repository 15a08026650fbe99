package claims

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
)

// Every entry finds its examples and none of its near-misses, and every
// pattern has a literal the matcher can filter on.
func TestTableExamples(t *testing.T) {
	m, err := phrase.Compile(append(Tables(), selfTable)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range m.CheckExamples() {
		t.Error(err)
	}
	if free := m.Unfiltered(); len(free) > 0 {
		t.Errorf("patterns without a literal run on every text: %q", free)
	}
	for _, tab := range append(Tables(), selfTable) {
		for _, e := range tab.Entries {
			if len(e.Match) == 0 {
				t.Errorf("%s: %q has no example", tab.Name, e.Phrase+e.Pattern)
			}
		}
	}
}

// summary is what a test expects of a sentence.
func summary(s string) string {
	c := Extract(s)
	var parts []string
	for _, d := range c.Designs {
		p := "design " + d.Design.String()
		if d.Negated {
			p += " (negated)"
		}
		parts = append(parts, p)
	}
	if len(c.Causal) > 0 {
		switch {
		case c.Asserts():
			parts = append(parts, "asserts cause")
		case c.Causal[0].Negated:
			parts = append(parts, "negated cause")
		default:
			parts = append(parts, "hedged cause")
		}
	} else if len(c.Hedges) > 0 {
		parts = append(parts, "hedged")
	}
	if c.AboutPeople() {
		parts = append(parts, "people")
	}
	for _, y := range c.Years {
		parts = append(parts, fmt.Sprintf("year %d (%s)", y.Year, y.Cue))
	}
	for _, j := range c.Journals {
		parts = append(parts, "journal "+j.Name)
	}
	return strings.Join(parts, "; ")
}

func TestExtract(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"A randomised controlled trial published in The Lancet in 2019 found that vitamin D prevents asthma in children.",
			"design randomized controlled trial; asserts cause; people; year 2019 (published); journal The Lancet"},
		{"The cohort study (Smith et al., 2020) showed that vitamin D is associated with a lower risk of asthma.",
			"design cohort study; hedged; year 2020 (author)"},
		{"Vitamin D does not cause asthma, according to a 2021 meta-analysis in the New England Journal of Medicine.",
			"design meta-analysis; negated cause; year 2021 (study); journal New England Journal of Medicine"},
		{"In mice, vitamin D cured the disease.", "design animal study; asserts cause"},
		{"Mothers who took vitamin D had children with less asthma.", "people"},
		{"Vitamin D may prevent asthma in children.", "hedged cause; people"},
		{"Vitamin D is linked to fewer infections.", "hedged"},
		{"There is no evidence that vitamin D prevents asthma.", "negated cause"},
		{"Vitamin D didn't significantly reduce the risk of asthma.", "negated cause"},
		{"The trial was designed to prevent asthma.", "hedged cause"},
		{"Does vitamin D prevent asthma?", "hedged cause"},
		{"Researchers studied vitamin D in human cells.", "design in vitro study"},
		{"IVF (in vitro fertilisation) is common.", ""},
		{"The main cause of asthma is unknown, and there is no cure.", ""},
		// "Cured", "cause-effect" and "proved" where they state no cause.
		{"Two of the ten patients were cured by the new drug.", "asserts cause; people"},
		{"Serum from recently cured donors went to ten patients.", "people"},
		{"Of the 40 patients, 22 were cured and 3 died.", "people"},
		{"Groups: severe (n = 4) and cured (n = 6).", ""},
		{"The tool proved useful, and the team proved itself to be quick.", ""},
		{"The paper maps cause-effect chains in failures.", ""},
		{"Press offices call every finding a \"cure\".", ""},
		{"We will post the result in our newsletter.", ""},
		{"This results in fewer emails.", "asserts cause"},
		{"Researchers now prove or disprove such folklore with data.", ""},
		{"I hope the workshop leads to better tools.", "hedged cause"},
		{"Women with a reduced risk of asthma ate more fish.", "people"},
		{"This was not a randomized trial but an observational study.", "design randomized controlled trial (negated); design observational study"},
		{"A double-blind, placebo-controlled trial of 120 mothers", "design clinical trial; people"},
		{"In a non-randomized controlled trial", "design clinical trial"},
		{"A case-control study and a cross-sectional survey", "design case-control study; design cross-sectional study"},
		{"A systematic review and meta-analysis of 12 RCTs", "design systematic review; design meta-analysis; design randomized controlled trial"},
		{"Published in 2019 in BMJ Open (Hollis and Wagner, 2004)", "year 2019 (published); year 2004 (author); journal BMJ Open"},
		{"A study in Denmark found that (in 2020), (May 2020).", ""},
		// Other languages.
		{"Eine randomisierte kontrollierte Studie zeigt: Vitamin D senkt das Risiko bei Frauen.", "design randomized controlled trial; asserts cause; people"},
		{"Une étude de cohorte chez les femmes suggère que la vitamine D réduit le risque.", "design cohort study; hedged cause; people"},
		{"Un estudio en ratones: la vitamina D no previene el asma.", "design animal study; negated cause"},
	} {
		if got := summary(c.text); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

// Any white space between words matches, and spans map back to the
// original bytes.
func TestWhiteSpaceVariants(t *testing.T) {
	for _, sp := range []string{" ", "  ", "\t", "\u00a0", "\n"} {
		s := "A randomised" + sp + "controlled trial" + sp + "in mothers found it" + sp + "protects against asthma," + sp + "published in" + sp + "The Lancet."
		c := Extract(s)
		if c.Design() != RCT || !c.Asserts() || !c.AboutPeople() || len(c.Journals) != 1 {
			t.Errorf("%q: %s", s, summary(s))
			continue
		}
		if got := s[c.Designs[0].Span.Start:c.Designs[0].Span.End]; got != "randomised"+sp+"controlled trial" {
			t.Errorf("%q: design span %q", s, got)
		}
		if got := s[c.Causal[0].Span.Start:c.Causal[0].Span.End]; got != "protects against" {
			t.Errorf("%q: causal span %q", s, got)
		}
		if c.Journals[0].Name != "The Lancet" {
			t.Errorf("%q: journal %q", s, c.Journals[0].Name)
		}
	}
}

// Read gives the same claim from a caller's own matcher, whatever else
// that matcher holds.
func TestReadWithOwnMatcher(t *testing.T) {
	other := &phrase.Table{Name: "other", Entries: []phrase.Entry{{Phrase: "vitamin d"}}}
	m := phrase.MustCompile(append([]*phrase.Table{other}, Tables()...)...)
	s := "A 2019 cohort study in mothers found that vitamin D prevents asthma."
	n := phrase.Normalize(s)
	got := Read(s, &n, m.Scan(nil, &n))
	want := Extract(s)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Read = %+v\nExtract = %+v", got, want)
	}
}

func TestCompatible(t *testing.T) {
	for _, c := range []struct {
		said, record Design
		want         bool
	}{
		{RCT, RCT, true},
		{RCT, Trial, true},
		{Trial, RCT, true},
		{RCT, Cohort, false},
		{Cohort, RCT, false},
		{Cohort, Observational, true},
		{Observational, CaseControl, true},
		{Cohort, CaseControl, false},
		{MetaAnalysis, SystematicReview, true},
		{SystematicReview, Review, true},
		{MetaAnalysis, RCT, false},
		{RCT, Animal, false},
		{Animal, Animal, true},
		{Unknown, Cohort, true},
		{CrossSectional, Unknown, true},
	} {
		if got := Compatible(c.said, c.record); got != c.want {
			t.Errorf("Compatible(%v, %v) = %v", c.said, c.record, got)
		}
	}
}

func TestSameJournal(t *testing.T) {
	for _, c := range []struct {
		said  string
		names []string
		want  bool
	}{
		{"The Lancet", []string{"Lancet"}, true},
		{"the Lancet", []string{"The Lancet (London, England)"}, true},
		{"NEJM", []string{"The New England journal of medicine", "N Engl J Med"}, true},
		{"New England Journal of Medicine", []string{"N Engl J Med"}, true},
		{"BMJ", []string{"BMJ (Clinical research ed.)"}, true},
		{"JAMA Pediatrics", []string{"JAMA pediatrics"}, true},
		{"The Lancet", []string{"The Lancet Diabetes & Endocrinology"}, true},
		{"Lancet Diabetes and Endocrinology", []string{"The Lancet Diabetes & Endocrinology"}, true},
		{"Nature", []string{"Nutrients"}, false},
		{"JAMA", []string{"The New England journal of medicine", "N Engl J Med"}, false},
		{"Nature", []string{"Nature communications"}, true},
		{"Pediatrics", []string{"JAMA pediatrics"}, false},
	} {
		if got := SameJournal(c.said, c.names...); got != c.want {
			t.Errorf("SameJournal(%q, %q) = %v", c.said, c.names, got)
		}
	}
}
