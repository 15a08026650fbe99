package article

import (
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
)

func TestCreditExamples(t *testing.T) {
	for _, err := range creditMatcher().CheckExamples() {
		t.Error(err)
	}
	m := phrase.MustCompile(creditPhrases)
	if u := m.Unfiltered(); len(u) > 0 {
		t.Errorf("credit patterns without a literal: %q", u)
	}
}

// An AI credit is a disclosure; a person's byline and a mention of AI in
// the body are not.
func TestCreditsDisclose(t *testing.T) {
	body := "\n\nA trial followed 120 mothers for six months and measured vitamin D in their infants.\n\n## Results\n\nLevels rose.\n"
	for _, c := range []struct {
		src  string
		want string
	}{
		{"# Vitamin D and breastfeeding\n\nBy Perplexity AI, June 2024" + body, "By Perplexity AI, June 2024"},
		{"# Vitamin D\n\n*Written by ChatGPT*" + body, "Written by ChatGPT"},
		{"# Vitamin D" + body + "\nGenerated with Claude.\n", "Generated with Claude."},
		{"# Vitamin D\n\n## AI Summary" + body, "AI Summary"},
		{"# La vitamine D\n\nAuteur : ChatGPT" + body, "Auteur : ChatGPT"},
		{"# Vitamin D\n\nBy Maria Jones, June 2024" + body, ""},
		{"# Vitamin D\n\nBy Ai Weiwei" + body, ""},
		{"# Vitamin D" + body + "\nThe team plans to use AI to read the scans, written by hand before.\n", ""},
	} {
		d, err := Parse("a.md", []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if d.Disclosure != nil {
			got = strings.Trim(d.Text(d.Disclosure.Span), "*# ")
		}
		if got != c.want {
			t.Errorf("%.40q: disclosure %q, want %q", c.src, got, c.want)
		}
	}
}

// moreWords counts words as strings.Fields splits them.
func FuzzMoreWords(f *testing.F) {
	f.Add("By Perplexity AI, June 2024", 3)
	f.Add("  a\u00a0b\tc\n d  ", 4)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 50 {
			return
		}
		if got, want := moreWords(s, n), len(strings.Fields(s)) > n; got != want {
			t.Fatalf("moreWords(%q, %d) = %v, %d fields", s, n, got, len(strings.Fields(s)))
		}
	})
}
