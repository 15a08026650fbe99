package rules

import (
	"sort"
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// LinkPromise reports sentences that point readers to a source and give
// no link to it.
var LinkPromise = &Rule{
	ID:       "link-promise",
	Doc:      "A sentence that sends readers to a source must link to it.",
	Severity: Error,
	Explain: `"The full study can be found in our journal", "read the full study at",
"available online", "visit our website", "click here", "you can read the press
release here", "more details are in the paper": each promises readers a
source, and without a link the promise is empty. Usually the link was lost
when the text was pasted from a page where it was a hyperlink.

A sentence keeps its promise with a link or a DOI inside it, a footnote or a
numbered or author-year citation, or with a link later in its paragraph or
in the paragraph right after it. "Published in Nature",
"see Table 1", "visit your doctor", "you can see the same pattern here in
Britain" promise no link, and neither do someone else's words: a promise
inside quotation marks or a block quote.

Fix: add the link (for a study, https://doi.org/<DOI>), or reword the
sentence so that it promises nothing.`,
	Languages: []string{"en"},
	Check:     checkLinkPromise,
	phrases:   []*phrase.Table{linkPromisePhrases},
}

// promiseSource are the nouns of a source one can link to. An invitation
// to read names a text one reads in (promiseText; "on the paper" is its
// authors) or a site one reads on (promiseSite): not "site" ("at our site
// in Leeds") nor "page" ("on the next page").
const (
	promiseSource = `(?:article|paper|study|journal|publication|report|preprint|website|web ?site|site|page|web ?page|link|repository|repo|archive|database|platform|blog|post|thesis|full[- ]text|pdf|homepage)s?`
	promiseText   = `(?:article|paper|study|journal|publication|report|preprint|press release|pdf|full[- ]text)s?`
	promiseSite   = `(?:website|web ?site|web ?page|repository|database|blog|homepage)s?`
	// youCan starts an invitation to a reader: "you can read", "you'll
	// find". Its 64 forms are the literals the matcher looks for.
	youCan = `you(?: (?:can|may|will)|'ll) (?:also )?(?:read|find|see|access|download|view|consult|check out) `
)

// linkPromisePhrases find a promise of a source, over the block's
// normalised prose; a sentence's first one is reported. They ask for a
// source noun, "here", "online" or the end of the sentence after the
// verb, so "can be found in most tissues" promises nothing.
var linkPromisePhrases = &phrase.Table{Name: "link-promise", Entries: []phrase.Entry{
	{Pattern: `(?:can|may|could|will) be (?:found|read|accessed|viewed|downloaded|consulted)(?: in full)?(?: (?:here|online|below|above)\b| (?:at|on|via|through|from) ?(?::|$)| (?:in|at|on|via|through|from) (?:our|the|this|their|its|a|an) (?:[\w'-]+ ){0,3}` + promiseSource + `\b)`,
		Match:   []string{"A detailed analysis can be found in our main journal article.", "The results can be read online.", "It can be\u00a0found  here.", "It can be\nfound\there.", "The data can be downloaded from:"},
		NoMatch: []string{"Vitamin D receptors can be found in most tissues.", "It can be found in the liver."}},
	{Pattern: `read (?:the|our|this) (?:(?:full|complete|original|entire) (?:[\w-]+ )?(?:study|paper|article|report|publication|preprint|text|story)\b|(?:study|paper|article|report|publication|preprint) (?:at|on|here|online|in full)\b)`,
		Match:   []string{"Read the full study at the journal.", "read the study online"},
		NoMatch: []string{"Read the label carefully.", "We read the study closely."}},
	{Pattern: `\b(?:is|are|was|were|be|been|now|'s) (?:\w+ly )?available (?:online|here)\b`,
		Match:   []string{"The paper is available online.", "It’s freely available here."},
		NoMatch: []string{"Vitamin D is available in most pharmacies."}},
	{Pattern: `\b(?:is|are|was|were|be|been|now|'s) (?:\w+ly )?available (?:at|from|on|via) ?(?::|$)`,
		Match: []string{"The data are available at:", "The data are available from"}},
	{Pattern: `\b(?:is|are|was|were|be|been|now|'s) (?:\w+ly )?available (?:at|from|on|via) (?:our|the|this|their|its) (?:[\w'-]+ ){0,2}(?:website|web ?site|site|web ?page|page|link|url|homepage)\b`,
		Match:   []string{"It is available on the journal's website."},
		NoMatch: []string{"The native search available on the medRxiv website is slow."}},
	{Pattern: `see the (?:full |original |complete |published )?(?:study|paper|publication|preprint)\b`,
		Match:   []string{"For details, see the full paper.", "See the paper for details."},
		NoMatch: []string{"See Table 1.", "See the doctor if it persists.", "As we will see, the effect held."}},
	{Pattern: `visit (?:(?:our|the|their|this|its) (?:[\w'-]+ ){0,2}(?:website|web ?site|site|web ?page|page|journal|blog|repository|repo|link|portal|homepage)\b|here\b)|visit ?(?::|$)`,
		Match:   []string{"Visit our website for more.", "visit the journal's website", "To learn more, visit:"},
		NoMatch: []string{"If in doubt, visit your doctor."}},
	{Pattern: `hosted ?(?::|$)|hosted (?:at|on) (?:our|the|this|their) (?:[\w'-]+ ){0,2}(?:website|web ?site|site|platform|repository|journal|page|server)\b`,
		Match:   []string{"The paper is hosted on the publisher's website.", "The research hosted"},
		NoMatch: []string{"The meeting was hosted by the university."}},
	{Pattern: `full[- ]text (?:(?:is|can be) (?:available|found|accessed|read)|here|online|at)\b`,
		Match:   []string{"The full text is available from the publisher.", "free full-text online", "Full\u2013text here"},
		NoMatch: []string{"The full text of the law."}},
	{Pattern: `learn more (?:at|here|online)\b|learn more (?:on|at) (?:our|the|this|their) (?:[\w'-]+ ){0,2}(?:website|web ?site|site|page|journal|blog)\b|click (?:here|the link|on the link|below)\b`,
		Match:   []string{"You can learn more at the trial registry.", "To read it, click here."},
		NoMatch: []string{"Learn more about vitamin D.", "The click of a pen."}},
	{Pattern: `linked (?:below|above|here)\b|the links? (?:below|above)\b|(?:at|via|through|following|using) (?:the|this) link\b`,
		Match:   []string{"Details are in the protocol linked below.", "using the link"},
		NoMatch: []string{"The link between diet and growth.", "linked to growth"}},
	// An invitation to read a source "here" or "online": "You can read
	// the press release here." "Here" must end the sentence: "you can
	// see the same pattern here in Britain" points to a place.
	{Pattern: `(` + youCan + `(?:[\w'-]+ ){0,6}?(?:here|online))(?: ?[.!:)]|$)`, Group: 1,
		Match:   []string{"You can read the press release here.", "You’ll find the full report online.", "You can also download the data here:"},
		NoMatch: []string{"You can see the same pattern here in Britain.", "You can find vitamin D in oily fish.", "You can read it here and there at home."}},
	// An invitation to read a source by name: "You can find the full study
	// at the link below", "you can read more in the paper".
	{Pattern: `` + youCan + `(?:[\w'-]+ ){0,6}?(?:(?:at|via|through|using|following) (?:the|this) links?|in (?:our|the|this|their|its) (?:[\w'-]+ ){0,3}` + promiseText + `|(?:on|at) (?:our|the|this|their|its) (?:[\w'-]+ ){0,3}` + promiseSite + `)\b`,
		Match:   []string{"You can find the full study at the link below.", "You can read more in the paper.", "You will find the data on the journal's website."},
		NoMatch: []string{"You can read more about vitamin D in our guide to supplements.", "You can see a doctor at the clinic.", "You can find the trial at our site in Leeds.", "You can see the results on the next page.", "You can see who did what on the paper.", "You can see from the paper that it worked."}},
	// Where details are, as a statement: "More details are in the paper."
	{Pattern: `(?:(?:more|further|full) )?(?:details|information) (?:is|are) (?:(?:given|described|available|provided|included) )?(?:in|on) (?:the|our|this|their) (?:(?:full|original|published|complete|accompanying) )?(?:paper|study|article|report|publication|preprint|website|web ?site)\b`,
		Match:   []string{"More details are in the paper.", "Further information is available on the website.", "Full details are given in the published paper."},
		NoMatch: []string{"Details of the dosing are in the protocol.", "The details are in the fine print.", "Results are in line with the earlier trial."}},
	// An imperative at the start of a sentence or clause: "Read the press
	// release here." "Read the label here in the shop" points to a place.
	{Pattern: `(?:^|[.!?:;,] )((?:read|find|download|view|access) (?:the|our|this|a) (?:[\w'-]+ ){0,3}?(?:article|paper|study|report|preprint|publication|press release|summary|abstract|guidelines?|statement|pdf|dataset) here)(?: ?[.!:)]|$)`, Group: 1,
		Match:   []string{"Read the press release here.", "To learn more, find the full report here:"},
		NoMatch: []string{"Read the label here in the shop.", "We read the study here.", "Read the label here."}},
	{Pattern: `(?:^|[.!?:;,] )((?:read|find|download|view|access) (?:it|them|more|out more) here)(?: ?[.!:)]|$)`, Group: 1,
		Match:   []string{"Read more here.", "Find out more here!"},
		NoMatch: []string{"We read it here.", "Read more here in the shop."}},
}}

// citationMark is a footnote, a numbered reference or an author-year
// citation: a source given another way than by a link.
var citationMark = plainRE(`\[\^[^\]]+\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|\([^()]*\b(?:1[89]|20)\d\d[a-z]?\)|\bet al\b`)

func checkLinkPromise(p *Pass) {
	d := p.Doc
	for bi := range d.Blocks {
		ms := p.phraseMatches(linkPromisePhrases, bi)
		if len(ms) == 0 || !ownVoice(d, bi) {
			continue
		}
		b := &d.Blocks[bi]
		text := b.Prose.Text
		sentences := d.BlockSentences(bi)
		k := 0
		for i, sent := range sentences {
			r := sent.Prose
			// The sentence's first promise: matches are in order of start.
			ps, pe := -1, -1
			for ; k < len(ms); k++ {
				s, e := p.proseRange(bi, ms[k])
				if s >= r[1] {
					break
				}
				if ps < 0 && s >= r[0] && e <= r[1] {
					ps, pe = s, e
				}
			}
			if ps < 0 {
				continue
			}
			span := b.Prose.SourceSpan(r[0], r[1])
			// A footnote mark follows the sentence's full stop.
			tail := b.Span.End
			if i+1 < len(sentences) {
				tail = b.Prose.Source(sentences[i+1].Prose[0])
			}
			if p.linkOrDOIIn(span) || citationMark().MatchString(d.Text(article.Span{Start: span.Start, End: max(span.End, tail)})) {
				continue
			}
			if hedged(text[r[0]:ps]) || inQuotation(text, ps, pe) {
				continue
			}
			// "the link below", "the web page linked above": the link may
			// be anywhere before or after.
			lower := strings.ToLower(sent.Text)
			if strings.Contains(lower, "below") && p.linkOrDOIIn(article.Span{Start: span.End, End: len(d.Source)}) ||
				strings.Contains(lower, "above") && p.linkOrDOIIn(article.Span{Start: 0, End: span.Start}) ||
				strings.HasSuffix(strings.TrimSpace(sent.Text), ":") && bi+1 < len(d.Blocks) && p.linkOrDOIIn(d.Blocks[bi+1].Span) {
				continue
			}
			// A link later in the paragraph, or in the paragraph right after
			// it, keeps the promise: "...is on our website. The report is
			// [here](...)".
			if i+1 < len(sentences) && p.linkOrDOIIn(article.Span{Start: span.End, End: b.Span.End}) ||
				bi+1 < len(d.Blocks) && d.Blocks[bi+1].Section == b.Section && p.linkOrDOIIn(d.Blocks[bi+1].Span) {
				continue
			}
			p.Reportf(b.Prose.SourceSpan(ps, pe), "%q promises a source, but the sentence has no link or DOI: add the link (https://doi.org/<DOI> for a study) or reword it", strings.TrimSpace(text[ps:pe]))
		}
	}
}

// linkOrDOIIn reports whether a link or a DOI overlaps span.
func (p *Pass) linkOrDOIIn(span article.Span) bool {
	c := p.cache()
	if c.refs == nil {
		var spans []article.Span
		for _, l := range c.doc.Links {
			spans = append(spans, l.Span)
		}
		for _, x := range c.doc.DOIs {
			spans = append(spans, x.Span)
		}
		c.refs = newSpanIndex(spans)
	}
	return c.refs.overlaps(span)
}

// spanIndex answers "does any span overlap this one" in O(log n): spans
// sorted by start, with the largest end among the first k.
type spanIndex struct {
	starts, maxEnd []int
}

func newSpanIndex(spans []article.Span) *spanIndex {
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	ix := &spanIndex{starts: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	end := -1
	for i, s := range spans {
		end = max(end, s.End)
		ix.starts[i], ix.maxEnd[i] = s.Start, end
	}
	return ix
}

// overlaps reports whether a span with Start < span.End and End >
// span.Start exists.
func (ix *spanIndex) overlaps(span article.Span) bool {
	k := sort.SearchInts(ix.starts, span.End) // spans [0, k) start before span.End
	return k > 0 && ix.maxEnd[k-1] > span.Start
}

// hedged reports whether the text before a promise makes it none: a
// condition ("if the package can be found here") or the future ("will be
// available online": there is nothing to link to yet).
func hedged(before string) bool {
	if i := strings.LastIndexAny(before, ",;:"); i >= 0 {
		before = before[i+1:]
	}
	return hedgeWords().MatchString(before)
}

var hedgeWords = plainRE(`(?i)\b(?:if|whether|unless|once|when)\b|\b(?:will|would|should|could|might|may|shall)\s+(?:soon\s+|also\s+|then\s+)?$`)
