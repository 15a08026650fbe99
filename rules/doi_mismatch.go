package rules

import (
	"github.com/articlelint/articlelint/internal/doi"
)

// DOIMismatchOptions configure doi-mismatch.
type DOIMismatchOptions struct {
	// Key is the front matter key that holds the summarised study's DOI.
	Key string `yaml:"key"`
}

// DOIMismatch reports a front matter DOI that the text does not cite.
var DOIMismatch = &Rule{
	ID:       "doi-mismatch",
	Doc:      "The DOI in the front matter must be the one the text cites.",
	Severity: Warning,
	Explain: `The front matter "doi:" names the study the article summarises; indexes and
feeds read it from there, and readers follow the DOI in the text. When the
text never cites that DOI, or cites only other DOIs, one of them is wrong:
often a copied template, or a link to a related paper instead of the study.
DOIs are compared ignoring case and percent-encoding, in any form
(10.1234/x, doi:10.1234/x, https://doi.org/10.1234/x, dx.doi.org).
Articles without a "doi:" key are not checked, nor a "doi:" from a
registrar of blog posts' own DOIs (Rogue Scholar, 10.59350). Where "doi:" holds the
article's own DOI (blogs registered with Rogue Scholar, for one), name the
key that holds the study's DOI under rules.doi-mismatch.key.

Fix: cite the study in the text as https://doi.org/<doi>, or correct the
front matter.`,
	Options: func() any { return &DOIMismatchOptions{Key: "doi"} },
	Check:   checkDOIMismatch,
}

func checkDOIMismatch(p *Pass) {
	d := p.Doc
	key := p.Options.(*DOIMismatchOptions).Key
	val, span, ok := d.FrontMatter.Lookup(d, key)
	if !ok || key == "" {
		return
	}
	var want string
	for _, m := range doi.Find(val) {
		if m.Invalid == "" {
			want = m.DOI
			break
		}
	}
	if want == "" {
		return // not a DOI: doi-invalid and front matter checks speak to that
	}
	if key == "doi" && postDOIPrefix(want) {
		return // the post's own DOI, from a blog registrar, not the study's
	}
	first := -1
	for i, x := range d.DOIs {
		if x.Invalid != "" {
			continue
		}
		if doi.Equal(x.DOI, want) {
			return
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		p.Reportf(span, "the front matter %s %s is never cited in the text: link the study as %s", key, want, doi.Canonical(want))
		return
	}
	got := d.DOIs[first]
	p.Reportf(got.Span, "the text cites %s but never the front matter %s %s: cite the study the article summarises (%s), or correct the front matter",
		got.DOI, key, want, doi.Canonical(want))
}

// postDOIPrefixes register DOIs for blog posts: under "doi:" such a DOI
// names the post itself, not the study it summarises.
var postDOIPrefixes = []string{"10.59350/"}

func postDOIPrefix(d string) bool {
	for _, p := range postDOIPrefixes {
		if len(d) > len(p) && d[:len(p)] == p {
			return true
		}
	}
	return false
}
