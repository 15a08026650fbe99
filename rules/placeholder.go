package rules

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
)

// Placeholder reports placeholders left in the text: "[Insert ...]",
// "TODO", "XX%", "lorem ipsum".
var Placeholder = &Rule{
	ID:       "placeholder",
	Doc:      "Replace placeholders (\"[Insert ...]\", \"TODO\", \"TBD\", \"XX%\", \"lorem ipsum\") with the real text.",
	Severity: Error,
	Explain: `A draft marks what is still to be written: "[Insert DOI]", "TODO: ...",
"[TBD]", "(TK)", "TKTK", "XX%", "XXX", "???", "[citation needed]", "[link]",
"<add link>", "[Author name]", "{{study_title}}", "lorem ipsum". Published,
they tell readers the article was never finished.

Matches are whole words and case-sensitive where case matters: "todos",
"XX chromosome", "Tbd", "What???", Hugo shortcodes ("{{< figure >}}") and
site variables ("{{ site.url }}") are not placeholders, nor is "{{name}}" in
a file whose name says it is a template ("email-template.md"). TODO, TBD and TK count
with a colon, in brackets or alone in a paragraph: "dates TBD" in an event
listing is a statement, not a gap. Code blocks and code spans are never read.

Fix: write the missing text, or delete the placeholder.`,
	Check: checkPlaceholder,
}

// placeholderPatterns match in prose; group 1, when present, is the
// placeholder itself and the rest is context.
var placeholderPatterns = []*lazyRegexp{
	lazyRE(`(?i)\[\s*(?:insert|add|enter|placeholder)\b[^\]\n]{0,80}\]`),
	// Draft markers count where a writer leaves them for later: "TODO:",
	// "[TBD]", "(TK)", a paragraph of its own. "Dates TBD" in an event
	// listing and "the TODO tab" are deliberate.
	lazyRE(`(?:^|[^\pL\pN_])((?:TODO|FIXME|TBD|TK|XXX)\s*:)`),
	lazyRE(`\[\s*(?:TODO|FIXME|TBD|TK|tbd|todo)\b[^\]\n]{0,80}\]|\(\s*(?:TODO|FIXME|TBD|TK)\s*\)`),
	lazyRE(`^\s*(?:TODO|FIXME|TBD|TK)[.!]?\s*$`),
	lazyRE(`(?:^|[^\pL\pN_])(TKTK)`),
	lazyRE(`(?:^|[\s(\[])(X{2,}(?:[.,]X+)?\s?%|XXX+)(?:[\s.,;:)\]]|$)`),
	lazyRE(`(?i)\blorem ipsum\b`),
	// "{{study_title}}" but not a Hugo shortcode ("{{< figure >}}") or a
	// site variable ("{{ site.url }}").
	lazyRE(`\{\{\s*[\pL_][\pL\pN_ -]{0,40}\}\}`),
	lazyRE(`(?i)\[\s*(?:citation needed|link|link here|url|doi|source|reference|ref)\s*\]`),
	lazyRE(`(?i)\[\s*(?:author|authors|author['’]s|journal|study|article|paper|publication)\s+(?:name|names|title|link|url|doi|date)\s*\]`),
	lazyRE(`(?:^|\s|[(\[])(\?{3,})(?:[\s.,;:)\]]|$)`),
}

// rawPlaceholder is "<add link>": raw HTML to a Markdown parser, so it is
// looked for in the source of a Markdown block rather than in its prose.
// placeholderGate holds a piece of every placeholder pattern (gate.go).
var placeholderGate = newGate("[", "{{", "<", "todo", "fixme", "tbd", "tk", "xx", "lorem", "???")

// placeholderRadius bounds how far a placeholder reaches from its gate
// word ("[Insert" and up to 80 more bytes).
const placeholderRadius = 100

// placeholderGates are the words each of placeholderPatterns, then
// rawPlaceholder, needs (gate.go): most run without a literal prefix, so
// running them only where their words are matters.
var placeholderGates = func() []gate {
	marker := newGate("todo", "fixme", "tbd", "tk", "xxx")
	bracket := newGate("[")
	return []gate{bracket, marker, marker, marker, newGate("tktk"), newGate("xx"), newGate("lorem"),
		newGate("{{"), bracket, bracket, newGate("???"), newGate("<")}
}()

var rawPlaceholder = lazyRE(`(?i)<\s*(?:add|insert)\s[^<>\n]{1,60}>`)

// rawPlaceholder keeps no gate for WarmFor: its gate opens on a block's
// source, not on its prose.
func init() { gatePatterns(placeholderPatterns, placeholderGates) }

// placeholderMasks maps a gate word id to the placeholderGates that hold
// it (bit i for gate i) and, in bit placeholderAny, to placeholderGate.
var placeholderMasks = sync.OnceValue(func() []uint32 {
	return gateMasks(append(placeholderGates[:len(placeholderGates):len(placeholderGates)], placeholderGate))
})

var placeholderAny = uint32(1) << len(placeholderGates)

// mustacheGate is the index of the "{{study_title}}" pattern and gate.
const mustacheGate = 7

func checkPlaceholder(p *Pass) {
	d := p.Doc
	masks := placeholderMasks()
	var s placeholderScratch
	var raw []int
	if d.Format == article.Markdown {
		raw = rawPlaceholderStarts(d.Source)
	}
	// A template ("hw-template.md") holds "{{mean}}" on purpose.
	var keep uint32 = ^uint32(0)
	if strings.Contains(strings.ToLower(filepath.Base(d.Path)), "template") {
		keep &^= 1 << mustacheGate
	}
	for bi := range d.Blocks {
		if open := openMask(masks, p.blockHits(bi)) & keep; open&placeholderAny != 0 {
			b := &d.Blocks[bi]
			s.scan(p, b.Prose.Text, b.Prose.SourceSpan, b.Prose.InLinkText, p.blockHits(bi), open)
		}
		// "<add link>" is raw HTML to a Markdown parser: not prose.
		if len(raw) > 0 {
			if span := d.Blocks[bi].Span; anyIn(raw, span) {
				scanRawPlaceholders(p, span)
			}
		}
	}
	var lower []byte
	var hits []keywords.Hit
	for _, sec := range d.Sections {
		span := sec.HeadingSpan
		text := d.Text(span)
		if !placeholderGateIn(text) {
			continue
		}
		lower = keywords.Lower(lower[:0], text)
		hits = gateWords.Find(hits[:0], lower)
		open := openMask(masks, hits) & keep
		if open&placeholderAny == 0 {
			continue
		}
		s.scan(p, text, func(i, j int) article.Span {
			return article.Span{Start: span.Start + i, End: span.Start + j}
		}, nil, hits, open)
	}
}

// placeholderScratch holds the patterns to run on a text, so that
// choosing them allocates nothing (16 holds placeholderPatterns and
// rawPlaceholder).
type placeholderScratch struct {
	patterns [16]*lazyRegexp
	gates    [16]gate
}

// scan reports the placeholders in text, once each: a marker inside
// "[Insert ...]" is part of one placeholder, not a second. inLink, if not
// nil, reports whether a text offset is link text: "[[add to your
// calendar](url)]" is a link in brackets. hits are the gate words in
// text, open the gates they open (openMask). Only the patterns whose gate
// is open and that placeholderMay lets in run: as groupMatches with every
// pattern, in the same order, minus patterns that find nothing.
func (s *placeholderScratch) scan(p *Pass, text string, toSource func(i, j int) article.Span, inLink func(int) bool, hits []keywords.Hit, open uint32) {
	for _, m := range s.matches(text, p.Doc.Format != article.Markdown, inLink, hits, open) {
		reportPlaceholder(p, text[m[0]:m[1]], toSource(m[0], m[1]))
	}
}

// matches returns the spans scan reports; raw is whether rawPlaceholder
// is read in the prose (not Markdown).
func (s *placeholderScratch) matches(text string, raw bool, inLink func(int) bool, hits []keywords.Hit, open uint32) [][2]int {
	patterns, gates := s.patterns[:0], s.gates[:0]
	for i, re := range placeholderPatterns {
		if open&(1<<i) != 0 && placeholderMay(i, text) {
			patterns = append(patterns, re)
			gates = append(gates, placeholderGates[i])
		}
	}
	if i := len(placeholderPatterns); raw && open&(1<<i) != 0 {
		patterns = append(patterns, rawPlaceholder)
		gates = append(gates, placeholderGates[i])
	}
	if len(patterns) == 0 {
		return nil
	}
	keep := func(s, e int) bool {
		return !brokenLink(text, s, e) && !(inLink != nil && (inLink(s) || inLink(e-1) || e-s > 2 && inLink(s+1)))
	}
	return groupMatches(text, patterns, gates, hits, placeholderRadius, keep)
}

// placeholderMay reports whether placeholderPatterns[i] can match
// anywhere in text: false only when a fragment that every match holds is
// missing. Checked on the whole text, it holds for the windows
// groupMatches reads too. Only a, i, e, p, ... here have no case fold
// outside ASCII; s (ſ) and k (K) do, so any non-ASCII byte lets a
// case-insensitive pattern in.
func placeholderMay(i int, text string) bool {
	switch i {
	case 0: // "[Insert ...]"
		return followedBy(text, "[", "iaepIAEP", true)
	case 1: // "TODO:"
		return markerColon(text)
	case 2: // "[TBD]", "(TK)"
		return followedBy(text, "[(", "TFt", false)
	case 7: // "{{study_title}}"
		return strings.Contains(text, "{{") && followedBy(text, "{", "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", true)
	case 8: // "[citation needed]", "[link]"
		return followedBy(text, "[", "cludsrCLUDSR", true)
	case 9: // "[Author name]"
		return followedBy(text, "[", "ajspAJSP", true)
	}
	return true
}

// followedBy reports whether text holds a byte of opens, then any run
// of \s ([\t\n\f\r ], as in Go's regexp), then a byte of then or, if
// nonASCII, a byte >= 0x80.
func followedBy(text, opens, then string, nonASCII bool) bool {
	for i := 0; i < len(text); i++ {
		k := strings.IndexAny(text[i:], opens)
		if k < 0 {
			return false
		}
		i += k
		j := i + 1
		for j < len(text) && isRegexpSpace(text[j]) {
			j++
		}
		if j < len(text) && (nonASCII && text[j] >= 0x80 || strings.IndexByte(then, text[j]) >= 0) {
			return true
		}
	}
	return false
}

// placeholderGateIn is placeholderGate.open(gateWords.Find(nil,
// keywords.Lower(nil, text))) without lowering text or finding the words
// of every rule: most headings hold none of placeholderGate's words.
func placeholderGateIn(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '[', '<':
			return true
		case '{':
			if strings.HasPrefix(text[i+1:], "{") {
				return true
			}
		case '?':
			if strings.HasPrefix(text[i+1:], "??") {
				return true
			}
		default:
			// A word counts where it starts a word (Set.WordStart).
			if i > 0 && asciiWord(text[i-1]) {
				continue
			}
			rest := text[i:]
			switch c | 0x20 {
			case 't':
				if hasPrefixFold(rest, "todo") || hasPrefixFold(rest, "tbd") || hasPrefixFold(rest, "tk") {
					return true
				}
			case 'f':
				if hasPrefixFold(rest, "fixme") {
					return true
				}
			case 'x':
				if hasPrefixFold(rest, "xx") {
					return true
				}
			case 'l':
				if hasPrefixFold(rest, "lorem") {
					return true
				}
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix (ASCII lower-case
// letters) in either ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if c := s[i]; c != prefix[i] && c+'a'-'A' != prefix[i] {
			return false
		}
	}
	return true
}

// markerColon reports whether text holds TODO, FIXME, TBD, TK or XXX,
// then any run of \s, then a colon.
func markerColon(text string) bool {
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], ':')
		if k < 0 {
			return false
		}
		i += k
		j := i
		for j > 0 && isRegexpSpace(text[j-1]) {
			j--
		}
		before := text[:j]
		if strings.HasSuffix(before, "TODO") || strings.HasSuffix(before, "FIXME") || strings.HasSuffix(before, "TBD") ||
			strings.HasSuffix(before, "TK") || strings.HasSuffix(before, "XXX") {
			return true
		}
	}
	return false
}

// rawPlaceholderStarts returns the offsets in src of each "<" that may
// start a rawPlaceholder match: followed by \s* and "add" or "in" (of
// insert: s folds to ſ) in either ASCII case (a, d, i and n fold to
// nothing else). One pass over the source spares reading every block's
// source for "<" in turn, and "<a href" lets no block in.
func rawPlaceholderStarts(src []byte) []int {
	var out []int
	for i := 0; i < len(src); i++ {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			break
		}
		i += k
		j := i + 1
		for j < len(src) && isRegexpSpace(src[j]) {
			j++
		}
		if rest := string(src[j:min(j+3, len(src))]); hasPrefixFold(rest, "add") || hasPrefixFold(rest, "in") {
			out = append(out, i)
		}
	}
	return out
}

// anyIn reports whether sorted offsets hold one in span.
func anyIn(offsets []int, span article.Span) bool {
	i := sort.SearchInts(offsets, span.Start)
	return i < len(offsets) && offsets[i] < span.End
}

// brokenLink reports whether text[s:e] is "[text]" followed by "(" or
// " (": a link written with a space or nested in brackets, not a
// placeholder.
func brokenLink(text string, s, e int) bool {
	if !strings.HasPrefix(text[s:], "[") {
		return false
	}
	rest := strings.TrimLeft(text[e:], " ")
	return strings.HasPrefix(rest, "(")
}

func scanRawPlaceholders(p *Pass, span article.Span) {
	text := p.Doc.Text(span)
	if !strings.Contains(text, "<") {
		return
	}
	for _, m := range rawPlaceholder.FindAllStringIndex(text, -1) {
		reportPlaceholder(p, text[m[0]:m[1]], article.Span{Start: span.Start + m[0], End: span.Start + m[1]})
	}
}

func reportPlaceholder(p *Pass, ph string, span article.Span) {
	if p.Doc.InCode(span.Start) {
		return
	}
	p.Reportf(span, "placeholder %s left in the text: write what it stands for, or delete it", quoteShort(strings.TrimSpace(ph)))
}

// isRegexpSpace reports whether c is in Go's regexp class \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
