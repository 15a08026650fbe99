package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

// TestSentenceEnds runs sentence-incomplete and sentence-unterminated
// together: each case names what either finds.
func TestSentenceEnds(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The analysis forms part of the research hosted\n\nNext paragraph here.", []string{"hosted"}},
		{"Levels rose in all of the infants who took the\n", []string{"the"}},
		{"Levels rose in the infants who took the supplement\n", []string{"unterminated supplement"}},
		{"Levels rose in the infants who took the supplement,\n\n## Next\n", []string{"supplement,"}},
		{"The study concluded: vitamin D helps infants grow in the\n", []string{"the"}},
		{"Supplementation is effective for the\n", []string{"the"}},
		{"Levels rose in the infants who took it.\n", nil},
		{"Levels rose in the infants who took it?\n", nil},
		{"Levels rose in the infants (Smith et al., 2020)\n", nil},
		{"He said \"levels rose in the infants.\"\n", nil},
		{"Read the full study at https://doi.org/10.1234/abc\n", nil},
		{"The DOI of the full study is 10.1234/abc\n", nil},
		{"Leave a comment\n", nil},
		{"We loved running this trial with you 🎉\n", nil},
		{"Participants: 72 mothers and their infants\n", nil},
		{"- a list item with no full stop at the end\n", nil},
		{"*A caption for the figure above it*\n", nil},
		{"**A bold line that serves as a heading**\n", nil},
		{"{{< figure src=\"a.png\" caption=\"The levels of vitamin D\" >}}\n", nil},
		{"Run the analysis with this code\n\n```r\nx <- 1\n```\n", nil},
		{"The trial had three arms\n\n- placebo\n- 400 IU\n", nil},
		{"University of Illinois at Urbana-Champaign\n", nil},
		// Captions and credit lines, however their words are spaced.
		{"Photo by the author at the clinic in spring\n", nil},
		{"Photo\u00a0by the author at the clinic in spring\n", nil},
		{"The photo  credit goes to the team at the clinic\n", nil},
		{"Illustration of the levels in the infants at each visit\n", nil},
		{"Fig. 2 shows the levels in the infants at each visit\n", nil},
		{"The photographer took the picture at the clinic in spring\n", []string{"unterminated spring"}},
		{"We thank the source of the data at the clinic in spring\n", []string{"unterminated spring"}},
		{"The trial, which ran for six weeks in\n\nthree hospitals, found an effect.\n", nil},
		// Wide spaces (U+2004) end the sentence or part its words; the
		// span neither cuts one nor includes it (found by FuzzLint).
		{"Levels rose in the infants who took the supplement,\u2004\n", []string{"supplement,"}},
		{"Levels rose in the infants who took the\u2004supplement\n", []string{"unterminated supplement"}},
		// Lines that are not sentences, from real posts' shapes.
		{"Jane Roe, MSc, PhDa, and\n\nJohn Doe, MD\n", nil},
		{"Department of Medicine, Example University, Leeds; and\n", nil},
		{"We measured three outcomes:\n\nthe weight of each infant,\n\ntheir length\n", nil},
		{"**Better sleep, fewer colds, and**\n\nThe trial ran for a year.\n", nil},
		// A list as paragraphs is entries; a long paragraph is prose.
		{"The first entry of a list\n\nThe second entry of the list, and\n", nil},
		{"Levels rose in the infants who took the supplement for six weeks, and the effect on their bone density was measured at the end of the trial by the team who ran it at two hospitals in the north of the country over the winter with the\n\nThe next paragraph ends without a stop\n",
			[]string{"the", "unterminated stop"}},
	}
	for _, tt := range tests {
		got := spansOf(t, rules.SentenceIncomplete, "a.md", tt.text, nil)
		for _, s := range spansOf(t, rules.SentenceUnterminated, "a.md", tt.text, nil) {
			got = append(got, "unterminated "+s)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzEditorialRules runs the editorial rules on any input: they must not
// panic, and every span must lie in the source.
func FuzzEditorialRules(f *testing.F) {
	for _, s := range []string{
		"Introduction\nA detailed analysis can be found in our main journal article hosted\n\n\nLeave a comment",
		"# T\n\n[Insert DOI] TODO: XX% ??? {{x}} <add link>\n\n- Share this:\n\n> As an AI language model,\n",
		"![a](b) *c*\n\n```\nd\n```\n\ne [f](g) h\n\n| Share this |\n|---|\n",
		"x\r\n\r\n**a**\r\n", "", "\uFEFF", "a \u200d", "[^1]\n\n[^1]: x",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	editorial := []*rules.Rule{rules.SentenceIncomplete, rules.LinkPromise, rules.Residue, rules.Placeholder, rules.AIArtifact}
	f.Fuzz(func(t *testing.T, src string, text bool) {
		path := "a.md"
		if text {
			path = "a.txt"
		}
		doc, err := article.Parse(path, []byte(src), article.Options{})
		if err != nil {
			return
		}
		for _, r := range editorial {
			var opts any
			if r.Options != nil {
				opts = r.Options()
			}
			r.Check(rules.NewPass(r, doc, opts, r.Severity, func(fd rules.Finding) {
				if fd.Span.Start < 0 || fd.Span.End > len(doc.Source) || fd.Span.Start > fd.Span.End {
					t.Errorf("%s: span %v outside the source (%d bytes)", r.ID, fd.Span, len(doc.Source))
				}
				for _, fx := range fd.Fixes {
					for _, e := range fx.Edits {
						if e.Span.Start < 0 || e.Span.End > len(doc.Source) || e.Span.Start > e.Span.End {
							t.Errorf("%s: edit %v outside the source", r.ID, e.Span)
						}
					}
				}
			}))
		}
	})
}
