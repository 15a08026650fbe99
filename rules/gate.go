package rules

import (
	"sort"
	"strings"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
	"github.com/articlelint/articlelint/internal/phrase"
)

// Go's regexp is slow on case-insensitive alternations, and most prose
// holds none of the words a rule looks for. A gate is the lower-cased
// words at least one of which a match must contain. The gate words of all
// built-in rules are found in one pass over each block (Cache), and a
// pattern runs only on the blocks, or near the words, its gate lets in.

// gateWords holds the gate words of every built-in rule, in the set the
// document model searches each block for once (article.ProseWords). Each
// pattern starts its words at a word boundary (\b, white space, or
// punctuation), so a gate word inside a longer word ("stud" in
// "understudy") is no hit.
var gateWords = article.ProseWords

// gate is a list of gate words.
type gate struct {
	ids   []int
	words []string
}

// newGate registers words (lower-case) in gateWords. Call it only from
// package-level variables: the search is built on first use.
func newGate(words ...string) gate {
	return gate{ids: gateWords.Add(words...), words: words}
}

// open reports whether hits hold one of the gate's words.
func (g gate) open(hits []keywords.Hit) bool {
	for _, h := range hits {
		if g.has(h) {
			return true
		}
	}
	return false
}

// Cache holds what rules derive from one document and share. The driver
// makes one per document; a Pass without one makes its own.
type Cache struct {
	doc *article.Document
	// headings are the section headings, normSpace'd.
	headings []string
	// refs indexes the spans of links and DOIs.
	refs *spanIndex
	// texts are the blocks' prose normalised for matching (normed[i]:
	// made), and matches the built-in tables' matches in each.
	texts   []phrase.Text
	normed  []bool
	matches [][]phrase.Match
}

// NewCache returns an empty cache for doc.
func NewCache(doc *article.Document) *Cache { return &Cache{doc: doc} }

// cache returns the pass's Cache, made on first use.
func (p *Pass) cache() *Cache {
	if p.Cache == nil {
		p.Cache = NewCache(p.Doc)
	}
	return p.Cache
}

// headings returns the section headings, lower-cased with single spaces.
// The title's heading is "": it names the article, never a section
// ("Vitamin D and breastfeeding: a summary" is no Conclusion).
func (p *Pass) headings() []string {
	c := p.cache()
	if c.headings == nil {
		c.headings = make([]string, len(c.doc.Sections))
		for i, s := range c.doc.Sections {
			if i == 0 && c.doc.Title != nil && !c.doc.Title.FromFrontMatter && c.doc.Title.Span == s.HeadingSpan {
				continue
			}
			c.headings[i] = normSpace(s.Heading)
		}
	}
	return c.headings
}

// blockHits returns the gate words in the prose of block bi (and the
// document model's own words, which no gate holds).
func (p *Pass) blockHits(bi int) []keywords.Hit {
	return p.Doc.WordHits(bi)
}

// longestWords returns the lower-cased longest word of each phrase: the
// rarest, so the gate opens least often ("effects" of "no side effects").
func longestWords(phrases []string) []string {
	var out []string
	for _, ph := range phrases {
		best := ""
		for _, w := range strings.Fields(strings.ToLower(ph)) {
			if len(w) > len(best) {
				best = w
			}
		}
		if best != "" {
			out = append(out, best)
		}
	}
	return out
}

// mayMatch reports whether lower (lower-cased text) contains any of words,
// for text outside blocks (headings, titles). No words means no gate.
func mayMatch(lower string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// groupMatches returns the spans of the matches of patterns in text (group
// 1 where a pattern has one), in pattern order, leaving out those that
// overlap an earlier span or that keep rejects. Pattern i is skipped when
// gates[i] has words and hits (the gate words in text) hold none of them;
// when radius > 0, a gated pattern without anchors runs only within
// radius bytes of its words (windows), as its matches are shorter.
func groupMatches(text string, patterns []*lazyRegexp, gates []gate, hits []keywords.Hit, radius int, keep func(s, e int) bool) [][2]int {
	var found [][2]int
	for i, re := range patterns {
		gated := i < len(gates) && len(gates[i].ids) > 0
		if gated && !gates[i].open(hits) {
			continue
		}
		var ms [][]int
		if r := re.get(); gated && radius > 0 && !re.anchored {
			for _, w := range windows(text, hits, gates[i], radius) {
				for _, m := range r.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
					for k := range m {
						if m[k] >= 0 {
							m[k] += w[0]
						}
					}
					ms = append(ms, m)
				}
			}
		} else {
			ms = r.FindAllStringSubmatchIndex(text, -1)
		}
	match:
		for _, m := range ms {
			s, e := m[0], m[1]
			if len(m) >= 4 && m[2] >= 0 {
				s, e = m[2], m[3]
			}
			for _, f := range found {
				if s < f[1] && e > f[0] {
					continue match
				}
			}
			if keep != nil && !keep(s, e) {
				continue
			}
			found = append(found, [2]int{s, e})
		}
	}
	return found
}

// gateMasks maps each word id of gateWords to the set of gates (bit i
// for gates[i]) that hold it, so that one pass over a block's hits
// tells which gates are open. gates has at most 32 entries.
func gateMasks(gates []gate) []uint32 {
	m := make([]uint32, gateWords.Len())
	for i, g := range gates {
		for _, id := range g.ids {
			m[id] |= 1 << i
		}
	}
	return m
}

// openMask returns the set of gates (see gateMasks) that hits open.
func openMask(masks []uint32, hits []keywords.Hit) uint32 {
	var open uint32
	for _, h := range hits {
		open |= masks[h.Word]
	}
	return open
}

// has reports whether g holds the word of h.
func (g gate) has(h keywords.Hit) bool {
	for _, id := range g.ids {
		if int(h.Word) == id {
			return true
		}
	}
	return false
}

// windows returns the stretches of text, radius bytes either side of each
// hit of a word of g, widened to whitespace and merged: a pattern whose
// matches are shorter than radius and contain a gate word matches inside
// them exactly as in the whole text, at a fraction of the cost.
func windows(text string, hits []keywords.Hit, g gate, radius int) [][2]int {
	var out [][2]int
	for _, h := range hits {
		if g.has(h) {
			out = append(out, [2]int{int(h.Start) - radius, int(h.End) + radius})
		}
	}
	return widen(text, out)
}

// pairWindows is windows for patterns that need two words in order: a
// word of first and, at most gap bytes after its end, a word of second.
// Each window reaches before bytes before the first word and after bytes
// past the second.
func pairWindows(text string, hits []keywords.Hit, first, second gate, gap, before, after int) [][2]int {
	var out [][2]int
	for i, h := range hits {
		if !first.has(h) {
			continue
		}
		// Hits are in order of their start.
		for _, k := range hits[i+1:] {
			if int(k.Start) > int(h.End)+gap {
				break
			}
			if k.Start >= h.End && second.has(k) {
				out = append(out, [2]int{int(h.Start) - before, int(k.End) + after})
				break
			}
		}
	}
	return widen(text, out)
}

// widen clamps spans to text, widens them to whitespace and merges them.
// Spans are merged before they are widened, and a widening stops at its
// neighbour, so that the text is read about once even without white
// space (100,000 "[x](" in a row): the union is the same.
func widen(text string, spans [][2]int) [][2]int {
	for i, w := range spans {
		spans[i] = [2]int{max(0, w[0]), min(len(text), max(w[1], 0))}
	}
	spans = mergeSpans(spans)
	for i := range spans {
		s, e := spans[i][0], spans[i][1]
		prevEnd, nextStart := 0, len(text)
		if i > 0 {
			prevEnd = spans[i-1][1]
		}
		if i+1 < len(spans) {
			nextStart = spans[i+1][0]
		}
		if k := strings.LastIndexAny(text[prevEnd:s], " \t\n"); k >= 0 {
			s = prevEnd + k + 1
		} else {
			s = prevEnd // no space before the neighbour: they merge
		}
		if k := strings.IndexAny(text[e:nextStart], " \t\n"); k >= 0 {
			e += k
		} else {
			e = nextStart
		}
		spans[i] = [2]int{s, e}
	}
	return mergeSpans(spans)
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans [][2]int) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	merged := spans[:1]
	for _, w := range spans[1:] {
		last := &merged[len(merged)-1]
		if w[0] <= last[1] {
			last[1] = max(last[1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}
