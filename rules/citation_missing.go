package rules

import (
	"net/url"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/phrase"
)

// CitationMissing reports an article that reports a study but cites none.
var CitationMissing = &Rule{
	ID:       "citation-missing",
	Doc:      "An article that reports a study must cite it: by DOI, PubMed or PMC id, or the journal's page.",
	Severity: Warning,
	Explain: `A research summary stands on its study, and readers want to check it. A DOI
is the citation that does not rot: it survives a publisher's move, and
readers and tools can resolve it.

The rule asks only where the text reports a study, with two different signs
of one: a trial or its participants, a meta-analysis or cohort study, a
journal, "researchers found that", "the study showed" (one alone is as common
in opinion and software posts). Opinion pieces, link lists, FAQs and announcements are left alone.
A DOI in any form counts as a citation, and so does a PubMed or PMC link,
"PMID: 12345678", an arXiv, bioRxiv or medRxiv link, or a link to the
article on a journal's or publisher's site (a reference definition too).

Fix: link the study as https://doi.org/<DOI>. When the front matter names
the study's DOI, the message gives it.`,
	Languages: []string{"en"},
	Check:     checkCitationMissing,
	phrases:   []*phrase.Table{studyReportPhrases, studyIDPhrases},
}

// studyReportPhrases are text that reports a study's findings: what a
// reader would want to check against the study. Each names a study or
// its design, or says what researchers found "that": "participants" and
// "researchers find" alone are as common in workshop reports.
var studyReportPhrases = &phrase.Table{Name: "citation-missing", Entries: []phrase.Entry{
	{Pattern: `(?:randomi[sz]ed|placebo-controlled|double-blind) (?:controlled )?(?:clinical )?trials?`,
		Match: []string{"a randomized controlled trial", "Double-blind\u00a0clinical  trials"}},
	{Pattern: `clinical trials? (?:of|in|found|showed)`,
		Match: []string{"clinical trials of vitamin D", "the clinical trial found"}, NoMatch: []string{"clinical trials involving"}},
	{Pattern: `(?:trial|study) participants`, Match: []string{"Study participants were"}},
	{Pattern: `meta-analys[ie]s`, Match: []string{"a meta-analysis", "two meta–analyses"}},
	{Pattern: `systematic reviews?`, Match: []string{"a systematic review", "Systematic reviews"}},
	{Pattern: `(?:cohort|case-control|cross-sectional|observational|longitudinal) study`,
		Match: []string{"a cohort study", "this cross-sectional\nstudy"}, NoMatch: []string{"cohort studying"}},
	{Pattern: `(?:researchers|scientists|investigators|the authors|the team) (?:[\w-]+ ){0,4}?(?:found|reported|showed|observed|discovered|concluded|estimated|demonstrated) that`,
		Match:   []string{"Researchers at two hospitals found that", "the team found that"},
		NoMatch: []string{"researchers found it", "the teams found that"}},
	{Pattern: `(?:the|this|a|new|recent) (?:new )?(?:study|paper|trial|preprint) (?:[\w-]+ )?(?:found|finds|showed|shows|reported|reports|suggests|concluded|concludes|demonstrates|demonstrated)`,
		Match: []string{"The study found", "a new preprint also suggests"}, NoMatch: []string{"the study foundation"}},
	{Pattern: `(?:study|paper|trial|research) (?:was )?published (?:online )?(?:today |this week |recently )?in (?:the )?(?:journal|[a-z]+ (?:journals?|medicine|lancet|nature|sciences?))`,
		Match: []string{"The study was published in the journal", "research published online in PLOS Medicine"}},
	{Phrase: "published in the journal", Match: []string{"Published in the Journal of Nutrition"}},
}}

// studyIDPhrases are citations written as an identifier: PMID, PMCID,
// arXiv.
var studyIDPhrases = &phrase.Table{Name: "citation-missing ids", Entries: []phrase.Entry{
	{Pattern: `pmid:? ?\d{5,9}`, Match: []string{"PMID: 12345678", "PMID 1234567"}, NoMatch: []string{"PMID: 1234"}},
	{Pattern: `pmcid:? ?pmc\d{4,9}`, Match: []string{"PMCID: PMC1234567"}},
	{Pattern: `pmc\d{5,9}`, Match: []string{"PMC1234567"}},
	{Pattern: `arxiv: ?\d{4}\.\d{4,5}(?:v\d+)?`, Match: []string{"arXiv:2101.12345", "arXiv: 2101.1234v2"}},
}}

// citationHosts publish studies: a link to one of their pages cites the
// study as well as a DOI does for a reader, if not for a tool.
var citationHosts = []string{
	// Indexes and preprint servers.
	"pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "europepmc.org",
	"arxiv.org", "biorxiv.org", "medrxiv.org", "psyarxiv.com", "osf.io", "ssrn.com", "papers.ssrn.com",
	"researchsquare.com", "preprints.org", "semanticscholar.org", "scholar.archive.org",
	// Publishers and journals.
	"nature.com", "thelancet.com", "nejm.org", "jamanetwork.com", "bmj.com", "sciencedirect.com",
	"springer.com", "link.springer.com", "wiley.com", "onlinelibrary.wiley.com", "academic.oup.com",
	"cell.com", "plos.org", "journals.plos.org", "science.org", "pnas.org", "frontiersin.org",
	"mdpi.com", "tandfonline.com", "sagepub.com", "journals.sagepub.com", "biomedcentral.com",
	"ahajournals.org", "acpjournals.org", "annals.org", "cochranelibrary.com", "elifesciences.org",
	"jstor.org", "ieeexplore.ieee.org", "dl.acm.org", "aclanthology.org", "openreview.net",
	"proceedings.neurips.cc", "proceedings.mlr.press", "karger.com", "thieme-connect.com",
	"liebertpub.com", "jci.org", "jneurosci.org", "physiology.org", "aacrjournals.org",
	"ascopubs.org", "diabetesjournals.org", "atsjournals.org", "apa.org", "psycnet.apa.org",
	"journals.lww.com", "wolterskluwer.com", "cambridge.org", "royalsocietypublishing.org",
	"iop.org", "iopscience.iop.org", "aps.org", "journals.aps.org", "acs.org", "pubs.acs.org",
	"rsc.org", "pubs.rsc.org", "peerj.com", "f1000research.com", "hindawi.com", "emerald.com",
	"jmir.org", "bmjopen.bmj.com", "endocrine.org", "journals.asm.org", "embopress.org",
	"annualreviews.org", "degruyter.com", "ajcn.nutrition.org", "journals.humankinetics.com",
}

// citationHostSet holds citationHosts, for one lookup per domain level.
var citationHostSet = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(citationHosts))
	for _, h := range citationHosts {
		m[h] = true
	}
	return m
})

func checkCitationMissing(p *Pass) {
	d := p.Doc
	for _, x := range d.DOIs {
		if x.Invalid == "" {
			return
		}
	}
	for _, l := range d.Links {
		if citesStudy(l.Dest) {
			return
		}
	}
	report := article.Span{Start: -1}
	var said string
	// Two different signs of a study: one "meta-analysis" or "published
	// in the journal" in passing is as common in opinion and software posts.
	signs := map[string]bool{}
	for bi := range d.Blocks {
		if len(p.phraseMatches(studyIDPhrases, bi)) > 0 {
			return
		}
		if len(signs) >= 2 {
			continue
		}
		// Phrases may overlap ("a randomized trial" and "trial
		// participants"): the first to start counts.
		last := -1
		for _, m := range p.phraseMatches(studyReportPhrases, bi) {
			if m.Start < last {
				continue
			}
			last = m.End
			if t := p.blockText(bi); genericStudy(t.Norm, m.Start, m.End) {
				continue
			}
			// Link text is another page's title (a link list, further
			// reading): it names a study the page links, not one it reports.
			if s, _ := p.proseRange(bi, m); d.Blocks[bi].Prose.InLinkText(s) {
				continue
			}
			signs[p.blockText(bi).Norm[m.Start:m.End]] = true
			if report.Start < 0 {
				s, e := p.proseRange(bi, m)
				report = d.Blocks[bi].Prose.SourceSpan(s, e)
				said = d.Blocks[bi].Prose.Text[s:e]
			}
		}
	}
	if len(signs) < 2 {
		return // the text reports no study: nothing to cite
	}
	if citesInSource(d) {
		return
	}
	if want := frontMatterDOI(d); want != "" {
		p.Reportf(report, "the article reports a study (%q) but cites none: link it as https://doi.org/%s, the DOI in the front matter", said, want)
		return
	}
	p.Reportf(report, "the article reports a study (%q) but cites none: link it as https://doi.org/<DOI> (or its PubMed or journal page)", said)
}

// citesStudy reports whether a link destination is a page of a study on
// an index, a preprint server or a publisher's site (DOIs are counted
// apart).
func citesStudy(dest string) bool {
	if strings.Contains(strings.ToLower(dest), "journal") && strings.Contains(dest, "://") {
		return true // journals.lww.com, a journal's own site
	}
	if !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
		return false
	}
	// plainHost spares most links url.Parse.
	host, path := plainHost(dest), ""
	if host != "" {
		rest := dest[strings.Index(dest, "//")+2+len(host):]
		path, _, _ = strings.Cut(rest, "?")
		path, _, _ = strings.Cut(path, "#")
	} else {
		u, err := url.Parse(dest)
		if err != nil {
			return false
		}
		host, path = u.Hostname(), u.Path
	}
	host = strings.ToLower(host)
	for !citationHostSet()[host] {
		// "link.springer.com" is springer.com's.
		i := strings.IndexByte(host, '.')
		if i < 0 {
			return false
		}
		host = host[i+1:]
	}
	// A site's home page or a search is not a study.
	path = strings.Trim(path, "/")
	return path != "" && !strings.HasPrefix(path, "search")
}

// frontMatterDOI returns the valid DOI under the front matter's "doi" key,
// or "".
func frontMatterDOI(d *article.Document) string {
	val, _, ok := d.FrontMatter.Lookup(d, "doi")
	if !ok {
		return ""
	}
	for _, m := range doi.Find(val) {
		if m.Invalid == "" {
			return m.DOI
		}
	}
	return ""
}

// citeAnywhere finds a citation written anywhere in the source, where the
// model may not see it as a link: in an HTML block, after a DOI broken
// across lines, or a Pandoc citation [@key] (with a bibliography in the
// front matter).
var citeAnywhere = plainRE(`(?i)\b10\.\d{4,9}/\S|\[-?@[\w:./-]+|` + hostAlternation())

// hostAlternation matches a URL on one of citationHosts with a path.
func hostAlternation() string {
	var b strings.Builder
	b.WriteString(`(?:^|[/.\s"'(<])(?:`)
	for i, h := range citationHosts {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(strings.ReplaceAll(h, ".", `\.`))
	}
	b.WriteString(`)/[\w%-]`)
	return b.String()
}

// citesInSource reports whether the source, outside code, holds a
// citation the model did not find: the last word before a report.
func citesInSource(d *article.Document) bool {
	if _, _, ok := d.FrontMatter.Lookup(d, "bibliography"); ok {
		return true
	}
	re := citeAnywhere()
	src := d.Text(article.Span{Start: 0, End: len(d.Source)})
	// The front matter's doi is the study's, but not a citation readers see.
	for off := d.Start().Start; off < len(src); {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		if m := re.FindStringIndex(src[off:end]); m != nil && !d.InCode(off+m[0]) {
			return true
		}
		off = end + 1
	}
	return false
}

// genericStudy reports whether the study sign norm[i:j] (normalised
// text) names no study reported: it stands in a question ("was it a
// randomized clinical trial?") or after a quantifier ("several
// randomized trials", "many meta-analyses").
func genericStudy(norm string, i, j int) bool {
	end := len(norm)
	if k := strings.IndexAny(norm[j:], ".!?"); k >= 0 {
		end = j + k
	}
	if end < len(norm) && norm[end] == '?' {
		return true
	}
	before := strings.Fields(norm[max(0, i-40):i])
	prev := ""
	if n := len(before); n > 0 {
		prev = before[n-1]
	}
	switch prev {
	case "several", "many", "some", "multiple", "numerous", "most", "few", "other", "all", "any", "such":
		return true
	}
	// A bare plural ("above randomized trials") speaks of a kind of study;
	// studies reported are counted or pointed at ("two trials", "these
	// trials", "the trials").
	if strings.HasSuffix(norm[i:j], "s") {
		switch prev {
		case "the", "these", "those", "both", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "our", "their", "its":
			return false
		}
		if prev != "" && prev[0] >= '0' && prev[0] <= '9' {
			return false
		}
		return true
	}
	return false
}
