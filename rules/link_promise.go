package rules

import (
	"sort"
	"strings"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
)

// LinkPromise reports sentences that point readers to a source and give
// no link to it.
var LinkPromise = &Rule{
	ID:       "link-promise",
	Doc:      "A sentence that sends readers to a source must link to it.",
	Severity: Error,
	Explain: `"The full study can be found in our journal", "read the full study at",
"available online", "visit our website", "click here": each promises readers a
source, and without a link the promise is empty. Usually the link was lost
when the text was pasted from a page where it was a hyperlink.

A sentence keeps its promise with a link or a DOI inside it, a footnote or a
numbered or author-year citation, or with a link later in its paragraph or
in the paragraph right after it. "Published in Nature",
"see Table 1" and "visit your doctor" promise no link.

Fix: add the link (for a study, https://doi.org/<DOI>), or reword the
sentence so that it promises nothing.`,
	Check: checkLinkPromise,
}

// promiseSource are the nouns of a source one can link to.
const promiseSource = `(?:article|paper|study|journal|publication|report|preprint|website|web\s?site|site|page|web\s?page|link|repository|repo|archive|database|platform|blog|post|thesis|full[- ]text|pdf|homepage)s?`

// promisePatterns find a promise of a source; each is tried on a sentence.
// They ask for a source noun, "here", "online" or the end of the sentence
// after the verb, so "can be found in most tissues" promises nothing.
var promisePatterns = []*lazyRegexp{
	lazyRE(`(?i)\b(?:can|may|could|will) be (?:found|read|accessed|viewed|downloaded|consulted)(?:\s+in full)?(?:\s+(?:here|online|below|above)\b|\s+(?:at|on|via|through|from)\s*(?::|$)|\s+(?:in|at|on|via|through|from)\s+(?:our|the|this|their|its|a|an)\s+(?:[\w'’-]+\s+){0,3}` + promiseSource + `\b)`),
	lazyRE(`(?i)\bread (?:the|our|this) (?:(?:full|complete|original|entire)\s+(?:[\w-]+\s+)?(?:study|paper|article|report|publication|preprint|text|story)\b|(?:study|paper|article|report|publication|preprint)\s+(?:at|on|here|online|in full)\b)`),
	lazyRE(`(?i)\b(?:is|are|was|were|be|been|now|['’]s)\s+(?:\w+ly\s+)?available\s+(?:online|here)\b|\b(?:is|are|was|were|be|been|now|['’]s)\s+(?:\w+ly\s+)?available\s+(?:at|from|on|via)\s*(?::|$)|\b(?:is|are|was|were|be|been|now|['’]s)\s+(?:\w+ly\s+)?available\s+(?:at|from|on|via)\s+(?:our|the|this|their|its)\s+(?:[\w'’-]+\s+){0,2}(?:website|web\s?site|site|web\s?page|page|link|url|homepage)\b`),
	lazyRE(`(?i)\bsee the (?:full |original |complete |published )?(?:study|paper|publication|preprint)\b`),
	lazyRE(`(?i)\bvisit\s+(?:(?:our|the|their|this|its)\s+(?:[\w'’-]+\s+){0,2}(?:website|web\s?site|site|web\s?page|page|journal|blog|repository|repo|link|portal|homepage)\b|here\b)|\bvisit\s*(?::|$)`),
	lazyRE(`(?i)\bhosted\s*(?::|$)|\bhosted\s+(?:at|on)\s+(?:our|the|this|their)\s+(?:[\w'’-]+\s+){0,2}(?:website|web\s?site|site|platform|repository|journal|page|server)\b`),
	lazyRE(`(?i)\bfull[- ]text\s+(?:(?:is|can be)\s+(?:available|found|accessed|read)|here|online|at)\b`),
	lazyRE(`(?i)\blearn more\s+(?:at|here|online)\b|\blearn more\s+(?:on|at)\s+(?:our|the|this|their)\s+(?:[\w'’-]+\s+){0,2}(?:website|web\s?site|site|page|journal|blog)\b|\bclick (?:here|the link|on the link|below)\b`),
	lazyRE(`(?i)\blinked (?:below|above|here)\b|\bthe links? (?:below|above)\b|\b(?:at|via|through|following|using) (?:the|this) link\b`),
}

// promiseGates hold words each of promisePatterns needs, in order (gate.go).
var promiseGates = []gate{
	newGate("be found", "be read", "be accessed", "be viewed", "be downloaded", "be consulted"),
	newGate("read the", "read our", "read this"),
	newGate("available online", "available here", "available at", "available from", "available on", "available via"),
	newGate("see the"),
	newGate("visit"),
	newGate("hosted"),
	newGate("full text", "full-text"),
	newGate("learn more", "click"),
	newGate("linked below", "linked above", "linked here", "link below", "links below", "link above", "links above", "the link", "this link"),
}

// citationMark is a footnote, a numbered reference or an author-year
// citation: a source given another way than by a link.
func init() { gatePatterns(promisePatterns, promiseGates) }

// promiseAny holds every word of promiseGates.
var promiseAny = func() gate {
	var words []string
	for _, g := range promiseGates {
		words = append(words, g.words...)
	}
	return newGate(words...)
}()

var citationMark = lazyRE(`\[\^[^\]]+\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|\([^()]*\b(?:1[89]|20)\d\d[a-z]?\)|\bet al\b`)

func checkLinkPromise(p *Pass) {
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		words := p.blockHits(bi)
		if !promiseAny.open(words) {
			continue
		}
		sentences := d.BlockSentences(bi)
		for i, sent := range sentences {
			r := sent.Prose
			s := sent.Text
			m := firstPromise(s, sentenceHits(words, r))
			if m == nil {
				continue
			}
			span := b.Prose.SourceSpan(r[0], r[1])
			// A footnote mark follows the sentence's full stop.
			tail := b.Span.End
			if i+1 < len(sentences) {
				tail = b.Prose.Source(sentences[i+1].Prose[0])
			}
			if p.linkOrDOIIn(span) || citationMark.MatchString(d.Text(article.Span{Start: span.Start, End: max(span.End, tail)})) {
				continue
			}
			if hedged(s[:m[0]]) {
				continue
			}
			// "the link below", "the web page linked above": the link may
			// be anywhere before or after.
			lower := strings.ToLower(s)
			if strings.Contains(lower, "below") && p.linkOrDOIIn(article.Span{Start: span.End, End: len(d.Source)}) ||
				strings.Contains(lower, "above") && p.linkOrDOIIn(article.Span{Start: 0, End: span.Start}) ||
				strings.HasSuffix(strings.TrimSpace(s), ":") && bi+1 < len(d.Blocks) && p.linkOrDOIIn(d.Blocks[bi+1].Span) {
				continue
			}
			// A link later in the paragraph, or in the paragraph right after
			// it, keeps the promise: "...is on our website. The report is
			// [here](...)".
			if i+1 < len(sentences) && p.linkOrDOIIn(article.Span{Start: span.End, End: b.Span.End}) ||
				bi+1 < len(d.Blocks) && d.Blocks[bi+1].Section == b.Section && p.linkOrDOIIn(d.Blocks[bi+1].Span) {
				continue
			}
			p.Reportf(b.Prose.SourceSpan(r[0]+m[0], r[0]+m[1]), "%q promises a source, but the sentence has no link or DOI: add the link (https://doi.org/<DOI> for a study) or reword it", strings.TrimSpace(s[m[0]:m[1]]))
		}
	}
}

// firstPromise returns the earliest promise in s, or nil.
func firstPromise(s string, hits []keywords.Hit) []int {
	var best []int
	for i, re := range promisePatterns {
		if !promiseGates[i].open(hits) {
			continue
		}
		var m []int
		if r := re.get(); re.anchored {
			m = r.FindStringIndex(s)
		} else {
			// The first match near a gate word is the first match.
			for _, w := range windows(s, hits, promiseGates[i], promiseRadius) {
				if wm := r.FindStringIndex(s[w[0]:w[1]]); wm != nil {
					m = []int{w[0] + wm[0], w[0] + wm[1]}
					break
				}
			}
		}
		if m != nil && (best == nil || m[0] < best[0]) {
			best = m
		}
	}
	return best
}

// promiseRadius bounds how far a promise reaches from its gate word ("can
// be found in full at our three-word journal").
const promiseRadius = 128

// linkOrDOIIn reports whether a link or a DOI overlaps span.
// sentenceHits returns the hits inside r, the range of a sentence, with
// offsets into the sentence.
func sentenceHits(hits []keywords.Hit, r [2]int) []keywords.Hit {
	var out []keywords.Hit
	for _, h := range hits {
		if int(h.Start) >= r[0] && int(h.End) <= r[1] {
			out = append(out, keywords.Hit{Word: h.Word, Start: h.Start - int32(r[0]), End: h.End - int32(r[0])})
		}
	}
	return out
}

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
	return hedgeWords.MatchString(before)
}

var hedgeWords = lazyRE(`(?i)\b(?:if|whether|unless|once|when)\b|\b(?:will|would|should|could|might|may|shall)\s+(?:soon\s+|also\s+|then\s+)?$`)
