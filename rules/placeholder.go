package rules

import (
	"strings"

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
site variables ("{{ site.url }}") are not placeholders. TODO, TBD and TK count
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

func checkPlaceholder(p *Pass) {
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if hits := p.blockHits(bi); placeholderGate.open(hits) {
			scanPlaceholders(p, b.Prose.Text, b.Prose.SourceSpan, b.Prose.InLinkText, hits)
		}
		// "<add link>" is raw HTML to a Markdown parser: not prose.
		if d.Format == article.Markdown {
			scanRawPlaceholders(p, b.Span)
		}
	}
	for _, s := range d.Sections {
		span := s.HeadingSpan
		text := d.Text(span)
		hits := gateWords.Find(nil, keywords.Lower(nil, text))
		if !placeholderGate.open(hits) {
			continue
		}
		scanPlaceholders(p, text, func(i, j int) article.Span {
			return article.Span{Start: span.Start + i, End: span.Start + j}
		}, nil, hits)
	}
}

// scanPlaceholders reports the placeholders in text, once each: a marker
// inside "[Insert ...]" is part of one placeholder, not a second. inLink, if not nil, reports
// whether a text offset is link text: "[[add to your calendar](url)]" is a
// link in brackets.
// hits are the gate words in text, or nil to run every pattern.
func scanPlaceholders(p *Pass, text string, toSource func(i, j int) article.Span, inLink func(int) bool, hits []keywords.Hit) {
	patterns := placeholderPatterns
	if p.Doc.Format != article.Markdown {
		patterns = append(patterns[:len(patterns):len(patterns)], rawPlaceholder)
	}
	keep := func(s, e int) bool {
		return !brokenLink(text, s, e) && !(inLink != nil && (inLink(s) || inLink(e-1) || e-s > 2 && inLink(s+1)))
	}
	var gates []gate
	if hits != nil {
		gates = placeholderGates
	}
	for _, m := range groupMatches(text, patterns, gates, hits, placeholderRadius, keep) {
		reportPlaceholder(p, text[m[0]:m[1]], toSource(m[0], m[1]))
	}
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
