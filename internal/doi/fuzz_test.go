package doi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics and that its matches always keep
// their invariants: spans in bounds, ordered and disjoint, Raw equal to the
// DOI span, Invalid equal to Validate(DOI), and valid UTF-8 in, valid UTF-8 out.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"", "10.", "10.1234/", "doi:", "doi: 10.", "https://doi.org/", "http://", "%",
		"10.1234/a%", "10.1234/a%F", "10.1234%2", "https://x.org/doi/10.1234/a.full.pdf/",
		"10.1234/a<b<c>d>", "10.1234/((]])", "https://doi.org/10.1234/\xff\xfe",
		"DOI:\u00a010.1234/x", "10.1234/x\u200b", "https://a.b/?q=10.1234%2Fx&y=10.1234/z#10.1234/w",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms := Find(s)
		validIn := utf8.ValidString(s)
		prevEnd := 0
		for _, m := range ms {
			if m.Start < prevEnd || m.Start > m.DOIStart || m.DOIStart > m.DOIEnd || m.DOIEnd > m.End || m.End > len(s) {
				t.Fatalf("Find(%q): bad or overlapping span %+v (previous End %d)", s, m, prevEnd)
			}
			prevEnd = m.End
			if m.Raw != s[m.DOIStart:m.DOIEnd] {
				t.Fatalf("Find(%q): Raw %q != input[DOIStart:DOIEnd] %q", s, m.Raw, s[m.DOIStart:m.DOIEnd])
			}
			if !strings.HasPrefix(m.Raw, "10.") {
				t.Fatalf("Find(%q): Raw %q does not start with 10.", s, m.Raw)
			}
			if m.Invalid != Validate(m.DOI) {
				t.Fatalf("Find(%q): Invalid %q but Validate(%q) = %q", s, m.Invalid, m.DOI, Validate(m.DOI))
			}
			if m.Form < Bare || m.Form > PublisherURL {
				t.Fatalf("Find(%q): unknown form %d", s, int(m.Form))
			}
			if validIn && !utf8.ValidString(m.DOI) {
				t.Fatalf("Find(%q): DOI %q is not valid UTF-8", s, m.DOI)
			}
			// The canonical URL names the same DOI when read again, so a
			// fix to it never needs another.
			if c := Canonical(m.DOI); m.Invalid == "" && validIn {
				if again := Find(c); len(again) != 1 || again[0].DOI != m.DOI || again[0].End != len(c) {
					t.Fatalf("Find(%q): %q reads back as %+v", s, c, again)
				}
			}
		}
	})
}
