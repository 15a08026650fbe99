package doi

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

type want struct {
	whole string // input[Start:End], for the reader
	m     Match
}

// findCases are real-world ways DOIs are written in research summaries.
var findCases = []struct {
	name, in string
	want     []want
}{
	{"balanced parentheses inside surrounding parentheses", "Data from the Lancet study (see 10.1016/S0140-6736(20)30183-5) were reanalysed.", []want{
		{"10.1016/S0140-6736(20)30183-5", Match{32, 61, 32, 61, "10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5", Bare, "", "", false, ""}},
	}},
	{"SICI plain", "The SICI form 10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G still resolves.", []want{
		{"10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", Match{14, 74, 14, 74, "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", Bare, "", "", false, ""}},
	}},
	{"SICI percent-encoded in doi.org URL", "https://doi.org/10.1002%2F%28SICI%291097-4636%28199706%2935%3A4%3C475%3A%3AAID-JBM8%3E3.0.CO%3B2-G", []want{
		{"https://doi.org/10.1002%2F%28SICI%291097-4636%28199706%2935%3A4%3C475%3A%3AAID-JBM8%3E3.0.CO%3B2-G", Match{0, 98, 16, 98, "10.1002%2F%28SICI%291097-4636%28199706%2935%3A4%3C475%3A%3AAID-JBM8%3E3.0.CO%3B2-G", "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", ResolverURL, "https", "doi.org", true, ""}},
	}},
	{"full stop ending a sentence", "The original paper is 10.1038/nature12373.", []want{
		{"10.1038/nature12373", Match{22, 41, 22, 41, "10.1038/nature12373", "10.1038/nature12373", Bare, "", "", false, ""}},
	}},
	{"https doi.org", "https://doi.org/10.29328/journal.hcem.1001002", []want{
		{"https://doi.org/10.29328/journal.hcem.1001002", Match{0, 45, 16, 45, "10.29328/journal.hcem.1001002", "10.29328/journal.hcem.1001002", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"http dx.doi.org followed by comma", "Old link: http://dx.doi.org/10.1016/j.cell.2020.02.052, still common.", []want{
		{"http://dx.doi.org/10.1016/j.cell.2020.02.052", Match{10, 54, 28, 54, "10.1016/j.cell.2020.02.052", "10.1016/j.cell.2020.02.052", ResolverURL, "http", "dx.doi.org", false, ""}},
	}},
	{"Markdown-escaped bracket after the DOI", `[@doi: 10.1101/2020.05.20.106401\]`, []want{
		{"doi: 10.1101/2020.05.20.106401", Match{2, 32, 7, 32, "10.1101/2020.05.20.106401", "10.1101/2020.05.20.106401", Prefixed, "", "", false, ""}},
	}},
	{"doi: prefix", "Cite as doi:10.1093/nar/gkaa1100.", []want{
		{"doi:10.1093/nar/gkaa1100", Match{8, 32, 12, 32, "10.1093/nar/gkaa1100", "10.1093/nar/gkaa1100", Prefixed, "", "", false, ""}},
	}},
	{"DOI: prefix with space", "DOI: 10.1126/science.aaa8415", []want{
		{"DOI: 10.1126/science.aaa8415", Match{0, 28, 5, 28, "10.1126/science.aaa8415", "10.1126/science.aaa8415", Prefixed, "", "", false, ""}},
	}},
	{"Wiley doi/full", "https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201916000", []want{
		{"https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201916000", Match{0, 63, 41, 63, "10.1002/anie.201916000", "10.1002/anie.201916000", PublisherURL, "https", "onlinelibrary.wiley.com", false, ""}},
	}},
	{"Science doi", "https://www.science.org/doi/10.1126/science.abc1234", []want{
		{"https://www.science.org/doi/10.1126/science.abc1234", Match{0, 51, 28, 51, "10.1126/science.abc1234", "10.1126/science.abc1234", PublisherURL, "https", "www.science.org", false, ""}},
	}},
	{"bioRxiv content full.pdf", "https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full.pdf", []want{
		{"https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3", Match{0, 59, 32, 59, "10.1101/2020.03.22.002386v3", "10.1101/2020.03.22.002386v3", PublisherURL, "https", "www.biorxiv.org", false, ""}},
	}},
	// A DOI in a query parameter belongs to its URL: reported as
	// PublisherURL, not Bare, so doi-format never rewrites it inside the URL.
	{"PLOS query parameter", "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456", []want{
		{"https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456", Match{0, 73, 45, 73, "10.1371/journal.pone.0123456", "10.1371/journal.pone.0123456", PublisherURL, "https", "journals.plos.org", false, ""}},
	}},
	{"arXiv DOI", "Preprint: https://doi.org/10.48550/arXiv.2303.08774", []want{
		{"https://doi.org/10.48550/arXiv.2303.08774", Match{10, 51, 26, 51, "10.48550/arXiv.2303.08774", "10.48550/arXiv.2303.08774", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"Zenodo in parentheses", "Code archived at Zenodo (10.5281/zenodo.1234567).", []want{
		{"10.5281/zenodo.1234567", Match{25, 47, 25, 47, "10.5281/zenodo.1234567", "10.5281/zenodo.1234567", Bare, "", "", false, ""}},
	}},
	{"DataCite figshare", "Dataset (DataCite): 10.6084/m9.figshare.12345678, accessed 2024.", []want{
		{"10.6084/m9.figshare.12345678", Match{20, 48, 20, 48, "10.6084/m9.figshare.12345678", "10.6084/m9.figshare.12345678", Bare, "", "", false, ""}},
	}},
	{"semicolon and colon", "See 10.1000/182; also 10.1000/183: both.", []want{
		{"10.1000/182", Match{4, 15, 4, 15, "10.1000/182", "10.1000/182", Bare, "", "", false, ""}},
		{"10.1000/183", Match{22, 33, 22, 33, "10.1000/183", "10.1000/183", Bare, "", "", false, ""}},
	}},
	{"closing square bracket", "[10.1038/s41586-020-2012-7]", []want{
		{"10.1038/s41586-020-2012-7", Match{1, 26, 1, 26, "10.1038/s41586-020-2012-7", "10.1038/s41586-020-2012-7", Bare, "", "", false, ""}},
	}},
	{"Markdown link to doi.org", "[the trial](https://doi.org/10.1056/NEJMoa2034577)", []want{
		{"https://doi.org/10.1056/NEJMoa2034577", Match{12, 49, 28, 49, "10.1056/NEJMoa2034577", "10.1056/NEJMoa2034577", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"double quotes", "The DOI \"10.1371/journal.pmed.1003322\" is cited.", []want{
		{"10.1371/journal.pmed.1003322", Match{9, 37, 9, 37, "10.1371/journal.pmed.1003322", "10.1371/journal.pmed.1003322", Bare, "", "", false, ""}},
	}},
	{"single and curly quotes", "Both '10.1000/abc' and “10.1000/def” appear.", []want{
		{"10.1000/abc", Match{6, 17, 6, 17, "10.1000/abc", "10.1000/abc", Bare, "", "", false, ""}},
		{"10.1000/def", Match{26, 37, 26, 37, "10.1000/def", "10.1000/def", Bare, "", "", false, ""}},
	}},
	{"two DOIs in one line", "Compare 10.1038/nature12373 and https://doi.org/10.1126/science.1259855.", []want{
		{"10.1038/nature12373", Match{8, 27, 8, 27, "10.1038/nature12373", "10.1038/nature12373", Bare, "", "", false, ""}},
		{"https://doi.org/10.1126/science.1259855", Match{32, 71, 48, 71, "10.1126/science.1259855", "10.1126/science.1259855", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"sub-registrant", "The DOI Handbook is 10.1000.10/123 in one example.", []want{
		{"10.1000.10/123", Match{20, 34, 20, 34, "10.1000.10/123", "10.1000.10/123", Bare, "", "", false, ""}},
	}},
	{"look-alikes", "Version 10.2 scored 10.5/10, ratio 10.12/x, subnet 10.0.0.1/24, 10.12345678901/x.", nil},
	{"invalid registrant after doi:", "See doi:10.12/x for details.", []want{
		{"doi:10.12/x", Match{4, 15, 8, 15, "10.12/x", "10.12/x", Prefixed, "", "", false, reasonRegistrant}},
	}},
	{"invalid empty suffix in doi.org URL", "https://doi.org/10.1234/", []want{
		{"https://doi.org/10.1234/", Match{0, 24, 16, 24, "10.1234/", "10.1234/", ResolverURL, "https", "doi.org", false, reasonEmpty}},
	}},
	{"invalid missing slash after doi:", "doi:10.1234", []want{
		{"doi:10.1234", Match{0, 11, 4, 11, "10.1234", "10.1234", Prefixed, "", "", false, reasonSlash}},
	}},
	{"bare empty suffix", "The DOI was cut off: 10.1234/ in the PDF.", []want{
		{"10.1234/", Match{21, 29, 21, 29, "10.1234/", "10.1234/", Bare, "", "", false, reasonEmpty}},
	}},
	{"upper-case scheme and host", "HTTPS://DOI.ORG/10.1000/ABC", []want{
		{"HTTPS://DOI.ORG/10.1000/ABC", Match{0, 27, 16, 27, "10.1000/ABC", "10.1000/ABC", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"www.doi.org", "https://www.doi.org/10.1000/182", []want{
		{"https://www.doi.org/10.1000/182", Match{0, 31, 20, 31, "10.1000/182", "10.1000/182", ResolverURL, "https", "www.doi.org", false, ""}},
	}},
	{"doi.org URL with query and fragment", "https://doi.org/10.1000/xyz?download=true#top", []want{
		{"https://doi.org/10.1000/xyz", Match{0, 27, 16, 27, "10.1000/xyz", "10.1000/xyz", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"only the slash percent-encoded", "https://doi.org/10.1000%2F182", []want{
		{"https://doi.org/10.1000%2F182", Match{0, 29, 16, 29, "10.1000%2F182", "10.1000/182", ResolverURL, "https", "doi.org", true, ""}},
	}},
	// Written without a scheme: still a resolver link, Scheme "".
	{"scheme-less doi.org", "Available at doi.org/10.1000/abc, free.", []want{
		{"doi.org/10.1000/abc", Match{13, 32, 21, 32, "10.1000/abc", "10.1000/abc", ResolverURL, "", "doi.org", false, ""}},
	}},
	// Any path segment starting "10.NNNN/" counts, not only /doi/ and /content/.
	{"Springer article path", "https://link.springer.com/article/10.1007/s00125-020-05148-x", []want{
		{"https://link.springer.com/article/10.1007/s00125-020-05148-x", Match{0, 60, 34, 60, "10.1007/s00125-020-05148-x", "10.1007/s00125-020-05148-x", PublisherURL, "https", "link.springer.com", false, ""}},
	}},
	{"Springer content pdf", "https://link.springer.com/content/pdf/10.1007/s00125-020-05148-x.pdf", []want{
		{"https://link.springer.com/content/pdf/10.1007/s00125-020-05148-x", Match{0, 64, 38, 64, "10.1007/s00125-020-05148-x", "10.1007/s00125-020-05148-x", PublisherURL, "https", "link.springer.com", false, ""}},
	}},
	{"Frontiers articles full", "https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full", []want{
		{"https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234", Match{0, 61, 37, 61, "10.3389/fpsyg.2020.01234", "10.3389/fpsyg.2020.01234", PublisherURL, "https", "www.frontiersin.org", false, ""}},
	}},
	{"autolink", "<https://doi.org/10.1000/xyz>", []want{
		{"https://doi.org/10.1000/xyz", Match{1, 28, 17, 28, "10.1000/xyz", "10.1000/xyz", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"unclosed angle bracket", "Broken 10.1000/abc<def here.", []want{
		{"10.1000/abc", Match{7, 18, 7, 18, "10.1000/abc", "10.1000/abc", Bare, "", "", false, ""}},
	}},
	{"unopened angle bracket", "10.1000/abc> here", []want{
		{"10.1000/abc", Match{0, 11, 0, 11, "10.1000/abc", "10.1000/abc", Bare, "", "", false, ""}},
	}},
	// Outside /doi/ and /content/ a cut-off "/10.1234/" is just a path.
	{"non-DOI URL paths", "https://example.com/files/10.12/x and https://example.com/v/10.1234/ and file_10.1000/x a10.1000/x", nil},
	{"DOI without colon", "DOI 10.1000/xyz", []want{
		{"10.1000/xyz", Match{4, 15, 4, 15, "10.1000/xyz", "10.1000/xyz", Bare, "", "", false, ""}},
	}},
	{"doi: in parentheses", "(doi:10.1000/xyz)", []want{
		{"doi:10.1000/xyz", Match{1, 16, 5, 16, "10.1000/xyz", "10.1000/xyz", Prefixed, "", "", false, ""}},
	}},
	{"Markdown link text and destination", "[10.1000/xyz](https://doi.org/10.1000/xyz)", []want{
		{"10.1000/xyz", Match{1, 12, 1, 12, "10.1000/xyz", "10.1000/xyz", Bare, "", "", false, ""}},
		{"https://doi.org/10.1000/xyz", Match{14, 41, 30, 41, "10.1000/xyz", "10.1000/xyz", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"German quotes", "siehe „10.1000/xyz“.", []want{
		{"10.1000/xyz", Match{9, 20, 9, 20, "10.1000/xyz", "10.1000/xyz", Bare, "", "", false, ""}},
	}},
	{"invalid percent escape kept", "https://doi.org/10.1000/50%zz", []want{
		{"https://doi.org/10.1000/50%zz", Match{0, 29, 16, 29, "10.1000/50%zz", "10.1000/50%zz", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"ACS abs with query", "https://pubs.acs.org/doi/abs/10.1021/acs.jmedchem.0c00606?ref=pdf", []want{
		{"https://pubs.acs.org/doi/abs/10.1021/acs.jmedchem.0c00606", Match{0, 57, 29, 57, "10.1021/acs.jmedchem.0c00606", "10.1021/acs.jmedchem.0c00606", PublisherURL, "https", "pubs.acs.org", false, ""}},
	}},
	{"encoded DOI in search query", "https://scholar.google.com/scholar?q=10.1038%2Fnature12373&hl=en", []want{
		{"https://scholar.google.com/scholar?q=10.1038%2Fnature12373", Match{0, 58, 37, 58, "10.1038%2Fnature12373", "10.1038/nature12373", PublisherURL, "https", "scholar.google.com", true, ""}},
	}},
	{"publisher doi marker with empty suffix", "https://www.tandfonline.com/doi/abs/10.1080/", []want{
		{"https://www.tandfonline.com/doi/abs/10.1080/", Match{0, 44, 36, 44, "10.1080/", "10.1080/", PublisherURL, "https", "www.tandfonline.com", false, reasonEmpty}},
	}},
	{"doi: inside a search URL", "https://www.google.com/search?q=doi:10.12/x", []want{
		{"https://www.google.com/search?q=doi:10.12/x", Match{0, 43, 36, 43, "10.12/x", "10.12/x", PublisherURL, "https", "www.google.com", false, reasonRegistrant}},
	}},
	{"DOI: with invalid registrant", "DOI: 10.5/10", []want{
		{"DOI: 10.5/10", Match{0, 12, 5, 12, "10.5/10", "10.5/10", Prefixed, "", "", false, reasonRegistrant}},
	}},
	{"SICI plain in doi.org URL", "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", []want{
		{"https://doi.org/10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", Match{0, 76, 16, 76, "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"DOI in the query of a doi.org URL", "https://doi.org/10.1000/a?ref=10.1000/b", []want{
		{"https://doi.org/10.1000/a", Match{0, 25, 16, 25, "10.1000/a", "10.1000/a", ResolverURL, "https", "doi.org", false, ""}},
	}},
	{"doi.org URL archived in another URL", "https://web.archive.org/web/2020/https://doi.org/10.1000/xyz", []want{
		{"https://doi.org/10.1000/xyz", Match{33, 60, 49, 60, "10.1000/xyz", "10.1000/xyz", ResolverURL, "https", "doi.org", false, ""}},
	}},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.in)
			if len(got) != len(c.want) {
				t.Fatalf("Find(%q) = %d matches, want %d: %+v", c.in, len(got), len(c.want), got)
			}
			for i, w := range c.want {
				if got[i] != w.m {
					t.Errorf("match %d:\n got %+v\nwant %+v", i, got[i], w.m)
				}
				if whole := c.in[got[i].Start:got[i].End]; whole != w.whole {
					t.Errorf("match %d: input[Start:End] = %q, want %q", i, whole, w.whole)
				}
			}
		})
	}
}

// TestFindSpans checks the invariants every Match must keep.
func TestFindSpans(t *testing.T) {
	for _, c := range findCases {
		checkMatches(t, c.in, Find(c.in))
	}
}

func checkMatches(t *testing.T, in string, ms []Match) {
	t.Helper()
	validIn := utf8.ValidString(in)
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.Start > m.DOIStart || m.DOIStart > m.DOIEnd || m.DOIEnd > m.End || m.End > len(in) {
			t.Fatalf("Find(%q): bad or overlapping span %+v (previous End %d)", in, m, prevEnd)
		}
		prevEnd = m.End
		if m.Raw != in[m.DOIStart:m.DOIEnd] {
			t.Errorf("Find(%q): Raw %q != input[DOIStart:DOIEnd] %q", in, m.Raw, in[m.DOIStart:m.DOIEnd])
		}
		if !strings.Contains(in[m.Start:m.End], m.Raw) {
			t.Errorf("Find(%q): whole form %q does not contain Raw %q", in, in[m.Start:m.End], m.Raw)
		}
		if !strings.HasPrefix(m.Raw, "10.") {
			t.Errorf("Find(%q): Raw %q does not start with 10.", in, m.Raw)
		}
		if m.Invalid != Validate(m.DOI) {
			t.Errorf("Find(%q): Invalid %q, Validate(%q) = %q", in, m.Invalid, m.DOI, Validate(m.DOI))
		}
		if validIn && !utf8.ValidString(m.DOI) {
			t.Errorf("Find(%q): DOI %q is not valid UTF-8", in, m.DOI)
		}
	}
}

func TestEqualAndKey(t *testing.T) {
	if !Equal("10.1038/NATURE12373", "10.1038/nature12373") {
		t.Error("DOIs differing only in case must be Equal")
	}
	if Equal("10.1038/nature12373", "10.1038/nature12374") {
		t.Error("different DOIs must not be Equal")
	}
	if got := Key("10.48550/arXiv.2303.08774"); got != "10.48550/ARXIV.2303.08774" {
		t.Errorf("Key = %q", got)
	}
	// The same DOI written three ways compares equal once normalised.
	ms := Find("doi:10.1002/ANIE.201916000 and https://doi.org/10.1002%2Fanie.201916000 and https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201916000")
	if len(ms) != 3 {
		t.Fatalf("got %d matches: %+v", len(ms), ms)
	}
	for _, m := range ms[1:] {
		if !Equal(ms[0].DOI, m.DOI) {
			t.Errorf("%q and %q should be Equal", ms[0].DOI, m.DOI)
		}
	}
}

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"10.1038/nature12373", "https://doi.org/10.1038/nature12373"},
		{"10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G",
			"https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C475::AID-JBM8%3E3.0.CO;2-G"},
		{"10.1016/S0140-6736(20)30183-5", "https://doi.org/10.1016/S0140-6736(20)30183-5"},
		{`10.1000/a b%c"d#e?f`, "https://doi.org/10.1000/a%20b%25c%22d%23e%3Ff"},
		{"10.1000/é\x01", "https://doi.org/10.1000/%C3%A9%01"},
	} {
		if got := Canonical(c.in); got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"10.1038/nature12373", ""},
		{"10.1000.10/123", ""},
		{"10.48550/arXiv.2303.08774", ""},
		{"10.123456789/x", ""},
		{"10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-G", ""},
		{"10.1000/ünïcode", ""},
		{"11.1000/x", reasonStart},
		{"", reasonStart},
		{"10.12/x", reasonRegistrant},
		{"10.1234567890/x", reasonRegistrant},
		{"10./x", reasonRegistrant},
		{"10.1234", reasonSlash},
		{"10.1234.", reasonSlash},
		{"10.1234abc/x", reasonPrefix},
		{"10.1234/", reasonEmpty},
		{"10.1234/a b", reasonSpace},
		{"10.1234/a\u200bb", reasonSpace},
		{"10.1234/a\xffb", reasonUTF8},
	} {
		if got := Validate(c.in); got != c.want {
			t.Errorf("Validate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFormString(t *testing.T) {
	for f, want := range map[Form]string{Bare: "bare", Prefixed: "doi-prefix", ResolverURL: "resolver-url", PublisherURL: "publisher-url", Form(9): "Form(9)"} {
		if got := f.String(); got != want {
			t.Errorf("Form(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}

func TestFindDecodingKeepsInvalidUTF8Raw(t *testing.T) {
	// %FF does not decode to UTF-8, so DOI stays as written.
	ms := Find("https://doi.org/10.1000/a%FFb")
	if len(ms) != 1 || ms[0].DOI != "10.1000/a%FFb" || !ms[0].Encoded || ms[0].Invalid != "" {
		t.Fatalf("got %+v", ms)
	}
}

// TestFindLinear feeds inputs that make naive scanners quadratic; each must
// finish in well under a second.
func TestFindLinear(t *testing.T) {
	const n = 1 << 20
	inputs := map[string]string{
		"bare DOIs glued":       strings.Repeat("10.1234/", n/8),
		"unclosed angles":       strings.Repeat("10.1234/a<", n/10),
		"angles after DOI":      "10.1234/" + strings.Repeat("<a", n/2),
		"URL starts":            strings.Repeat("http://", n/7),
		"URL path DOIs":         "https://example.com" + strings.Repeat("/10.1234/", n/9),
		"URL path trimmed away": "https://example.com" + strings.Repeat("/10.1234/.", n/10),
		"doi prefixes":          strings.Repeat("doi:10.1234/(", n/13),
		"open parentheses":      "10.1234/" + strings.Repeat("(", n),
		"trailing dots":         "10.1234/x" + strings.Repeat(".", n),
		"sub-registrants":       "10.1234" + strings.Repeat(".1", n/2) + "/x",
		"percent escapes":       "https://doi.org/10.1234/" + strings.Repeat("%2F", n/3),
		"publisher tails":       "https://example.com/doi/10.1234/x" + strings.Repeat("/full", n/5),
	}
	for name, in := range inputs {
		start := time.Now()
		ms := Find(in)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: Find took %v on %d bytes", name, d, len(in))
		}
		checkMatches(t, in, ms)
	}
}
