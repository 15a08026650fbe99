package doi

import (
	"strings"
	"testing"
)

// DOI references that cannot resolve as written, and their near misses.
func TestParseRef(t *testing.T) {
	for _, c := range []struct {
		in     string
		ok     bool
		doi    string
		form   Form
		faults Fault
		tail   string
		prefix string
	}{
		// Fine as written.
		{"https://doi.org/10.1016/j.jsbmb.2016.02.008", true, "10.1016/j.jsbmb.2016.02.008", ResolverURL, 0, "", ""},
		{"https://doi.org/10.1016/S0140-6736(20)30183-5", true, "10.1016/S0140-6736(20)30183-5", ResolverURL, 0, "", ""},
		{"http://dx.doi.org/10.1000/182", true, "10.1000/182", ResolverURL, 0, "", ""},
		{"https://doi.org/10.1000%2F184", true, "10.1000/184", ResolverURL, 0, "", ""},
		{"https://doi.org/10.1000/182?locatt=mode:legacy", true, "10.1000/182", ResolverURL, 0, "", ""},
		{"doi: 10.1093/nar/gkaa1100", true, "10.1093/nar/gkaa1100", Prefixed, 0, "", ""},
		{" 10.1038/nature12373 ", true, "10.1038/nature12373", Bare, 0, "", ""},
		{"https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C475::AID-JBM8%3E3.0.CO;2-G", true, "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", ResolverURL, 0, "", ""},
		// Trailing punctuation.
		{"https://doi.org/10.1016/j.jsbmb.2016.02.008.", true, "10.1016/j.jsbmb.2016.02.008", ResolverURL, TrailingPunct, ".", ""},
		{"https://doi.org/10.1000/182,", true, "10.1000/182", ResolverURL, TrailingPunct, ",", ""},
		{"https://doi.org/10.1000/182;", true, "10.1000/182", ResolverURL, TrailingPunct, ";", ""},
		{"https://doi.org/10.1000/182:", true, "10.1000/182", ResolverURL, TrailingPunct, ":", ""},
		{"https://doi.org/10.1000/182)", true, "10.1000/182", ResolverURL, TrailingPunct, ")", ""},
		{"https://doi.org/10.1016/S0140-6736(20)30183-5).", true, "10.1016/S0140-6736(20)30183-5", ResolverURL, TrailingPunct, ").", ""},
		{"doi:10.1000/182.", true, "10.1000/182", Prefixed, TrailingPunct, ".", ""},
		// Spaces.
		{"https://doi.org/10.1016/ j.x", true, "10.1016/j.x", ResolverURL, Spaces, "", ""},
		{"https://doi.org/10.1234/ab c", true, "10.1234/abc", ResolverURL, Spaces, "", ""},
		{"https://doi.org/ 10.1234/abc", true, "10.1234/abc", ResolverURL, Spaces, "", ""},
		// Prefixes written twice.
		{"https://doi.org/https://doi.org/10.1234/x", true, "10.1234/x", ResolverURL, DoubledPrefix, "", "https://doi.org/https://doi.org/"},
		{"https://doi.org/doi:10.1234/x", true, "10.1234/x", ResolverURL, 0, "", ""},
		{"https://doi.org/doi:10.1234/x.", true, "10.1234/x", ResolverURL, TrailingPunct, ".", ""},
		{"https://doi.org/ doi:10.1234/x", true, "10.1234/x", ResolverURL, Spaces, "", ""},
		{"doi:doi:10.1234/x", true, "10.1234/x", Prefixed, DoubledPrefix, "", "doi:doi:"},
		{"http://dx.doi.org/doi.org/10.1234/x", true, "10.1234/x", ResolverURL, DoubledPrefix, "", "http://dx.doi.org/doi.org/"},
		{"https://doi.org/DOI: 10.1234/x.", true, "10.1234/x", ResolverURL, Spaces | TrailingPunct, ".", ""},
		{"https://doi.org/https://doi.org/10.1234/x).", true, "10.1234/x", ResolverURL, DoubledPrefix | TrailingPunct, ").", "https://doi.org/https://doi.org/"},
		{"doi:https://doi.org/10.1234/x", true, "10.1234/x", Prefixed, DoubledPrefix, "", "doi:https://doi.org/"},
		// Not a DOI reference, or not one that can be repaired for sure.
		{"https://example.org/10.1234/x.", false, "", 0, 0, "", ""},
		{"https://www.science.org/doi/10.1126/science.abc1234", false, "", 0, 0, "", ""},
		{"https://doi.org/", false, "", 0, 0, "", ""},
		{"https://doi.org/10.1/x.", false, "", 0, 0, "", ""},
		{"https://doi.org/10.1234/x.?utm=1", false, "", 0, 0, "", ""},
		{"https://doi.org/10.1234/x`", false, "", 0, 0, "", ""},
		{"see 10.1234/x", false, "", 0, 0, "", ""},
		{"the study", false, "", 0, 0, "", ""},
		{"10.5 points", false, "", 0, 0, "", ""},
	} {
		r, ok := ParseRef(c.in)
		if ok != c.ok {
			t.Errorf("ParseRef(%q) ok = %v, want %v (%+v)", c.in, ok, c.ok, r)
			continue
		}
		if !ok {
			continue
		}
		if r.DOI != c.doi || r.Form != c.form || r.Faults != c.faults || r.Tail != c.tail || r.Prefix != c.prefix {
			t.Errorf("ParseRef(%q) = %+v, want DOI %q form %v faults %b tail %q prefix %q", c.in, r, c.doi, c.form, c.faults, c.tail, c.prefix)
		}
	}
}

// Canonical escapes what Find would not read back as the DOI.
func TestCanonicalRoundTrip(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"10.1234/x.", "https://doi.org/10.1234/x%2E"},
		{"10.1234/x)", "https://doi.org/10.1234/x%29"},
		{"10.1234/a)b", "https://doi.org/10.1234/a%29b"},
		{"10.1234/a`b'", "https://doi.org/10.1234/a%60b%27"},
		{"10.1016/S0140-6736(20)30183-5", "https://doi.org/10.1016/S0140-6736(20)30183-5"},
	} {
		got := Canonical(c.in)
		if got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.want)
		}
		if ms := Find(got); len(ms) != 1 || ms[0].DOI != c.in || ms[0].End != len(got) {
			t.Errorf("Find(%q) = %+v, want the whole of it naming %q", got, ms, c.in)
		}
	}
}

// FuzzParseRef checks that ParseRef never panics, that what it repairs is
// a valid DOI, and that the repair, https://doi.org/<doi>, reads back as
// the same DOI with nothing wrong: a fix to it never needs another.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{
		"https://doi.org/10.1016/j.jsbmb.2016.02.008.", "https://doi.org/https://doi.org/10.1234/x",
		"http://dx.doi.org/doi.org/10.1234/x", "https://doi.org/10.1234/ab c", "doi:10.1234/x%2E",
		"https://doi.org/10.1234/a%29b)", "https://doi.org/10.1234/x#frag", "10.1234/(a))]",
	} {
		f.Add(s)
	}
	for _, c := range findCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, ok := ParseRef(s)
		if !ok {
			return
		}
		if Validate(r.DOI) != "" {
			t.Fatalf("ParseRef(%q) = %q, not a valid DOI", s, r.DOI)
		}
		if r.Faults&TrailingPunct != 0 && (r.Tail == "" || !strings.HasSuffix(strings.TrimSpace(s), r.Tail)) {
			t.Fatalf("ParseRef(%q): tail %q", s, r.Tail)
		}
		want := Canonical(r.DOI)
		again, ok := ParseRef(want)
		if !ok || again.Faults != 0 || again.DOI != r.DOI || again.Form != ResolverURL || again.Scheme != "https" {
			t.Fatalf("ParseRef(%q) = %+v; its repair %q reads back as %+v, %v", s, r, want, again, ok)
		}
	})
}
