package rules

import (
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/quantity"
)

// bound returns "via key" for each sentence of src that is bound, by the
// sentence's first word, and "-" for each that is not.
func bound(t *testing.T, src string) map[string]string {
	t.Helper()
	d, err := article.Parse("a.md", []byte(src), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range d.Sentences {
		got[strings.Fields(s.Text)[0]] = "-"
	}
	for _, b := range Bindings(d, "doi") {
		got[strings.Fields(d.Sentences[b.Sentence].Text)[0]] = b.Via.String() + " " + strings.ToLower(b.DOI)
	}
	return got
}

func TestBindingsChain(t *testing.T) {
	src := `---
doi: 10.9999/front
---
# Title

Alpha has no citation. Bravo cites https://doi.org/10.1000/a here. Charlie follows.

Delta cites https://doi.org/10.1000/a and https://doi.org/10.1000/b. Echo follows them.

## Lists

- Foxtrot cites https://doi.org/10.1000/c.
- Golf cites nothing.

Hotel stands in the same section.

## Reference links

India cites [the trial][t].

[t]: https://doi.org/10.1000/r

## Elsewhere

Juliet cites nothing, and neither does its section.

> Kilo is a block quote.
`
	want := map[string]string{
		"Alpha":   "paragraph 10.1000/a",
		"Bravo":   "sentence 10.1000/a",
		"Charlie": "paragraph 10.1000/a",
		"Delta":   "-", // cites two
		"Echo":    "-", // its paragraph cites two
		"Foxtrot": "sentence 10.1000/c",
		"Golf":    "list 10.1000/c",
		"Hotel":   "section 10.1000/c",
		"India":   "sentence 10.1000/r",
		"Juliet":  "front matter 10.9999/front", // the article cites four
		"Kilo":    "-",                          // someone else's words
	}
	got := bound(t, src)
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: bound %q, want %q", k, got[k], w)
		}
	}
}

func TestBindingsArticleAndNothingElse(t *testing.T) {
	one := "# Title\n\n## Study\n\nAlpha cites https://doi.org/10.1000/a.\n\n## Why it matters\n\nBravo cites nothing.\n"
	if got := bound(t, one)["Bravo"]; got != "article 10.1000/a" {
		t.Errorf("the only study of the article: bound %q", got)
	}
	two := "# Title\n\n## One\n\nAlpha cites https://doi.org/10.1000/a.\n\n## Two\n\nBravo cites https://doi.org/10.1000/b.\n\n## Three\n\nCharlie cites nothing.\n"
	if got := bound(t, two)["Charlie"]; got != "-" {
		t.Errorf("two studies, no front matter: bound %q, want none", got)
	}
	none := "# Title\n\nAlpha cites nothing.\n"
	if got := bound(t, none)["Alpha"]; got != "-" {
		t.Errorf("no study: bound %q", got)
	}
	// A blog post's own DOI (Rogue Scholar) is no study.
	post := "---\ndoi: 10.59350/abcd-1234\n---\n# Title\n\nAlpha cites nothing.\n"
	if got := bound(t, post)["Alpha"]; got != "-" {
		t.Errorf("a post DOI in the front matter: bound %q", got)
	}
}

// Whitespace inside the cue phrases does not matter: normalised text.
func TestStudyCueWhitespace(t *testing.T) {
	for _, sep := range []string{" ", "  ", "\t", "\u00a0", "\n"} {
		src := "# T\n\n## Background\n\nThe" + sep + "researchers counted 72 mothers.\n\n## Source\n\nhttps://doi.org/10.1000/a\n"
		d, err := article.Parse("a.md", []byte(src), article.Options{})
		if err != nil {
			t.Fatal(err)
		}
		bs := Bindings(d, "doi")
		if len(bs) == 0 || !bs[0].Attributed {
			t.Errorf("separator %q: the sentence naming the researchers is not attributed: %+v", sep, bs)
		}
	}
}

// digits tells a number from a year: "2019" alone is a year, "2,000" and
// "2019.5" are numbers.
func TestDigits(t *testing.T) {
	// Each sentence, with whether it holds a number and a year.
	want := map[string][2]bool{
		"In 2019, the trial began.":                  {false, true},
		"It enrolled 2,000 mothers.":                 {true, false},
		"Published in 2020, it followed 72 mothers.": {true, true},
		"No numbers here.":                           {false, false},
		"A dose of 2019.5 mg.":                       {true, false},
		"It cost 1,999 dollars.":                     {true, false},
	}
	for s, w := range want {
		if n, y := digits(s); [2]bool{n, y} != w {
			t.Errorf("digits(%q) = %v, %v; want %v, %v", s, n, y, w[0], w[1])
		}
	}
}

// The source rules' tables are in matchers of their own: their examples
// hold there.
func TestSourceTableExamples(t *testing.T) {
	for _, m := range []func() *phrase.Matcher{laterMatcher, headingMatcher, peopleMatcher} {
		for _, err := range m().CheckExamples() {
			t.Error(err)
		}
	}
}

// A duration is compared only as how long something lasted, not as a
// point in time.
func TestLasting(t *testing.T) {
	lasted := []string{"Mothers took it for 6 months.", "They were followed over two years.", "A 12-week trial.",
		"The study lasted six months.", "A follow-up of 2 years.", "A two-year follow-up."}
	pointsInTime := []string{"At 6 months, 11% were deficient.", "Offspring density at 8 weeks was high.",
		"They slept 3 hours a night.", "IgM rose 7-12 days after onset."}
	check := func(text string, want bool) {
		qs := quantity.Find(text)
		if len(qs) == 0 || qs[0].Kind != quantity.Duration {
			t.Errorf("%q: no duration found: %+v", text, qs)
		} else if got := lasting(text, qs[0]); got != want {
			t.Errorf("lasting(%q) = %v, want %v", text, got, want)
		}
	}
	for _, s := range lasted {
		check(s, true)
	}
	for _, s := range pointsInTime {
		check(s, false)
	}
}

// An entry of a reference list speaks of the work it cites, if any, never
// of another entry's study: a list under "References", under a label
// such as "Other references", or whose entries are written as references
// (authors as "Surname AB", volume(issue):pages). A list of findings still
// binds through the DOI one of its items cites.
func TestReferenceListsBindNoOtherEntry(t *testing.T) {
	src := `# Vitamin D in pregnancy

## Summary

Alpha: the trial enrolled 120 mothers (https://doi.org/10.1000/a).

## Key findings

- Bravo: mothers took 6400 IU a day (https://doi.org/10.1000/b).
- Charlie: their infants' levels rose by 40%.

## References

- Delta AB, Jones CD. A cohort study of 300 mothers. J Nutr 2002;50(6):840-844.
- Echo J. A randomised trial of vitamin D. https://doi.org/10.1000/c

## More reading

Other references

- Foxtrot: a prospective cohort of 500 women in Norway.
- Golf: a trial of vitamin D, https://doi.org/10.1000/d

## Notes

- Hotel HJ, Smith AB, Brown EF. Vitamin D and milk. Gut 2002: 50(6); 840-844.
- India KL, Jones CD, Lee GH. Sunlight and infants. BMJ 2010;340:c1234.
- Juliet cites a trial, https://doi.org/10.1000/e
`
	got := bound(t, src)
	want := map[string]string{
		"Alpha:":   "sentence 10.1000/a",
		"Bravo:":   "sentence 10.1000/b",
		"Charlie:": "list 10.1000/b",
		"Delta":    "-",
		"Echo":     "sentence 10.1000/c",
		"Foxtrot:": "-",
		"Golf:":    "sentence 10.1000/d",
		"Hotel":    "-",
		"India":    "-",
		"Juliet":   "sentence 10.1000/e",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: bound %q, want %q", k, got[k], w)
		}
	}
}
