package rules

import (
	"bytes"
	"net/url"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/doi"
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
	Check: checkCitationMissing,
}

// studyReport finds text that reports a study's findings: what a reader
// would want to check against the study. It reads LowerProse: without
// (?i), the pattern runs several times faster. Each alternative names a study
// or its design, or says what researchers found "that": "participants"
// and "researchers find" alone are as common in workshop reports.
var studyReport = lazyRE(`\b(?:(?:randomi[sz]ed|placebo-controlled|double-blind)\s+(?:controlled\s+)?(?:clinical\s+)?trials?|clinical\s+trials?\s+(?:of|in|found|showed)|(?:trial|study)\s+participants|meta-analys[ie]s|systematic\s+review|(?:cohort|case-control|cross-sectional|observational|longitudinal)\s+study|(?:researchers|scientists|investigators|the\s+authors|the\s+team)\s+(?:[\w-]+\s+){0,4}?(?:found|reported|showed|observed|discovered|concluded|estimated|demonstrated)\s+that|(?:the|this|a|new|recent)\s+(?:new\s+)?(?:study|paper|trial|preprint)\s+(?:[\w-]+\s+)?(?:found|finds|showed|shows|reported|reports|suggests|concluded|concludes|demonstrates|demonstrated)|(?:study|paper|trial|research)\s+(?:was\s+)?published\s+(?:online\s+)?(?:today\s+|this\s+week\s+|recently\s+)?in\s+(?:the\s+)?(?:journal\b|[a-z]+\s+(?:journal|medicine|lancet|nature|science))|published\s+in\s+the\s+journal\b)`)

// studyWords are words every match of studyReport holds, lower-cased:
// the pattern runs only on blocks that hold one (it cost a corpus run
// twice its time when it read every block).
var studyWords = [][]byte{
	[]byte("trial"), []byte("meta-analys"), []byte("systematic"), []byte("study"), []byte("paper"),
	[]byte("preprint"), []byte("published"), []byte("researchers"), []byte("scientists"),
	[]byte("investigators"), []byte("authors"), []byte("team"),
}

// mayReportStudy reports whether lower (a block's LowerProse) holds one of
// studyWords.
func mayReportStudy(lower []byte) bool {
	for _, w := range studyWords {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}

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

// idCitation is a citation written as an identifier: PMID, PMCID, arXiv.
var idCitation = lazyRE(`\b(?:PMID:?\s*\d{5,9}|PMCID:?\s*PMC\d{4,9}|PMC\d{5,9}|arXiv:\s?\d{4}\.\d{4,5})\b`)

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
	re := studyReport.get()
	ids := idCitation.get()
	report := article.Span{Start: -1}
	var said string
	// Two different signs of a study: one "meta-analysis" or "published
	// in the journal" in passing is as common in opinion and software posts.
	signs := map[string]bool{}
	for bi := range d.Blocks {
		text := d.Blocks[bi].Prose.Text
		if (strings.Contains(text, "PMID") || strings.Contains(text, "PMC") || strings.Contains(text, "arXiv")) && ids.MatchString(text) {
			return
		}
		if len(signs) >= 2 || !mayReportStudy(d.LowerProse(bi)) {
			continue
		}
		for _, m := range re.FindAllIndex(d.LowerProse(bi), -1) {
			signs[strings.ToLower(strings.Join(strings.Fields(text[m[0]:m[1]]), " "))] = true
			if report.Start < 0 {
				report = d.Blocks[bi].Prose.SourceSpan(m[0], m[1])
				said = text[m[0]:m[1]]
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
var citeAnywhere = lazyRE(`(?i)\b10\.\d{4,9}/\S|\[-?@[\w:./-]+|` + hostAlternation())

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
	re := citeAnywhere.get()
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
