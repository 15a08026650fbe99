package rules

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
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
	Check:   checkPlaceholder,
	phrases: []*phrase.Table{placeholderPhrases, rawPlaceholderPhrases},
}

// placeholderPhrases are the placeholders, over normalised prose; where
// an entry has a group, the group is the placeholder and the rest is
// context. A draft marker counts in capitals only: see placeholderCase.
var placeholderPhrases = &phrase.Table{Name: "placeholder", Entries: []phrase.Entry{
	{Pattern: `\[ ?(?:insert|add|enter|placeholder)\b[^\]]{0,80}\]`,
		Match: []string{"See [Insert DOI here] for details.", "[ add  link]", "[Enter]", "[placeholder x]"}, NoMatch: []string{"[Additional file 1]", "[1]"}},
	// Draft markers count where a writer leaves them for later: "TODO:",
	// "[TBD]", "(TK)", a paragraph of its own. "Dates TBD" in an event
	// listing and "the TODO tab" are deliberate.
	{Pattern: `((?:todo|fixme|tbd|tk|xxx) ?:)`, Group: 1,
		Match: []string{"TODO: check the dose.", "FIXME\t: later", "XXX: z"}, NoMatch: []string{"xTODO: no", "the TODO tab"}},
	{Pattern: `\[ ?(?:todo|fixme|tbd|tk)\b[^\]]{0,80}\]`,
		Match: []string{"The dose was [TBD] a day.", "[ todo soon]"}, NoMatch: []string{"[TODOs]"}},
	{Pattern: `\( ?(?:todo|fixme|tbd|tk) ?\)`, Match: []string{"(TK)", "( FIXME )"}},
	{Pattern: `^ ?(?:todo|fixme|tbd|tk)[.!]? ?$`, Match: []string{"TBD", " TODO. "}, NoMatch: []string{"TBD soon"}},
	// "TKTK", also as "TKTKTK".
	{Pattern: `(tktk)\w*`, Group: 1, Match: []string{"TKTK", "TKTKTK"}, NoMatch: []string{"aTKTK"}},
	{Pattern: `(?:^|[ (\[])(xxx*(?:[.,]x+)? ?%|xxxx*)(?:[ .,;:)\]]|$)`, Group: 1,
		Match: []string{"Levels rose by XX% in six weeks.", "(XX.X %)", "XXX"}, NoMatch: []string{"DOIs look like 10XXXX/XXXX in the form."}},
	{Phrase: "lorem ipsum", Match: []string{"Lorem ipsum dolor sit amet."}},
	// "{{study_title}}" but not a Hugo shortcode ("{{< figure >}}") or a
	// site variable ("{{ site.url }}").
	{Pattern: `\{\{ ?[\pL_][\pL\pN_ -]{0,40}\}\}`,
		Match: []string{"The study {{study_title}} is new.", "{{ Author name }}"}, NoMatch: []string{"{{< figure >}}", "See {{ site.url }}/trial."}},
	{Pattern: `\[ ?(?:citation needed|link|link here|url|doi|source|reference|ref) ?\]`,
		Match: []string{"Read it at [link].", "[Citation  needed]", "[ url ]"}, NoMatch: []string{"[links]"}},
	{Pattern: `\[ ?(?:author|authors|author's|journal|study|article|paper|publication) (?:name|names|title|link|url|doi|date) ?\]`,
		Match: []string{"Written by [Author name].", "[Paper  link]", "[author’s name]"}, NoMatch: []string{"[Author]"}},
	{Pattern: `(?:^| |[(\[])(\?\?\?\?*)(?:[ .,;:)\]]|$)`, Group: 1,
		Match: []string{"The effect was ??? in infants.", "(???)"}, NoMatch: []string{"Was it that large??? Yes."}},
}}

// rawPlaceholderPhrases are "<add link>": raw HTML to a Markdown parser,
// so they are looked for in the source of a Markdown block rather than in
// its prose.
var rawPlaceholderPhrases = &phrase.Table{Name: "placeholder (raw HTML)", Entries: []phrase.Entry{
	{Pattern: `< ?(?:add|insert) [^<>]{1,60}>`, Match: []string{"<add link>", "< insert DOI here>", "<\tINSERT x>"}, NoMatch: []string{"<Add>", "<a href>"}},
}}

// rawPlaceholderMatcher finds rawPlaceholderPhrases alone: in the source
// of a block, the others have nothing to find.
var rawPlaceholderMatcher = sync.OnceValue(func() *phrase.Matcher { return compile(rawPlaceholderPhrases) })

// placeholderCase says, for an entry of placeholderPhrases (by index),
// whether the original text of its placeholder is written as a draft
// marker: "TODO:", not "Todo:"; "XX%", not "xx%".
var placeholderCase = map[int]func(string) bool{
	1: func(s string) bool { w := leadingLetters(s); return markers[w] || w == "XXX" },
	2: func(s string) bool { w := leadingLetters(s); return markers[w] || w == "tbd" || w == "todo" },
	3: func(s string) bool { return markers[leadingLetters(s)] },
	4: func(s string) bool { return markers[leadingLetters(s)] },
	5: func(s string) bool { return s == "TKTK" },
	6: func(s string) bool { return !strings.ContainsRune(s, 'x') },
}

// markers are the draft markers, as written.
var markers = map[string]bool{"TODO": true, "FIXME": true, "TBD": true, "TK": true}

// leadingLetters returns the ASCII letters that start s after any
// brackets and white space.
func leadingLetters(s string) string {
	s = strings.TrimLeft(s, "[( \t\n\r\f\v\u00a0")
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return s[:i]
}

// mustacheEntry is the index in placeholderPhrases of "{{study_title}}": a template
// ("hw-template.md") holds "{{mean}}" on purpose.
const mustacheEntry = 8

func checkPlaceholder(p *Pass) {
	d := p.Doc
	template := strings.Contains(strings.ToLower(filepath.Base(d.Path)), "template")
	raw := d.Format != article.Markdown
	for bi := range d.Blocks {
		ms := p.phraseMatches(placeholderPhrases, bi)
		if raw {
			ms = append(ms, p.phraseMatches(rawPlaceholderPhrases, bi)...)
		}
		if len(ms) == 0 {
			continue
		}
		b := &d.Blocks[bi]
		t := p.blockText(bi)
		for _, m := range placeholderMatches(b.Prose.Text, t, ms, template, b.Prose.InLinkText) {
			reportPlaceholder(p, b.Prose.Text[m[0]:m[1]], b.Prose.SourceSpan(m[0], m[1]))
		}
	}
	// "<add link>" is raw HTML to a Markdown parser: not prose. It is read
	// in the source of the blocks that hold HTML at all.
	if !raw {
		for bi := range d.Blocks {
			span := d.Blocks[bi].Span
			k := strings.IndexByte(d.Text(span), '<')
			if k < 0 {
				continue
			}
			text := d.Text(article.Span{Start: span.Start + k, End: span.End})
			ms, t := findIn(rawPlaceholderMatcher(), rawPlaceholderPhrases, text)
			for _, m := range ms {
				i, j := t.Source(m.Start, m.End)
				reportPlaceholder(p, text[i:j], article.Span{Start: span.Start + k + i, End: span.Start + k + j})
			}
		}
	}
	for _, sec := range d.Sections {
		span := sec.HeadingSpan
		text := d.Text(span)
		t := phrase.Normalize(text)
		ms := slices.DeleteFunc(offlineMatcher().Scan(nil, &t), func(m phrase.Match) bool {
			return m.Table != placeholderPhrases && (!raw || m.Table != rawPlaceholderPhrases)
		})
		for _, m := range placeholderMatches(text, &t, ms, template, nil) {
			reportPlaceholder(p, text[m[0]:m[1]], article.Span{Start: span.Start + m[0], End: span.Start + m[1]})
		}
	}
}

// placeholderMatches returns the ranges of text (normalised as t) of the
// placeholders ms found in it, once each and in the order of the entries:
// a marker inside "[Insert ...]" is part of one placeholder, not a
// second. inLink, if not nil, reports whether a text offset is link text:
// "[[add to your calendar](url)]" is a link in brackets.
func placeholderMatches(text string, t *phrase.Text, ms []phrase.Match, template bool, inLink func(int) bool) [][2]int {
	ms = slices.Clone(ms)
	// The raw HTML table comes last.
	slices.SortStableFunc(ms, func(a, b phrase.Match) int {
		if a.Table != b.Table {
			if a.Table == rawPlaceholderPhrases {
				return 1
			}
			return -1
		}
		return a.Entry - b.Entry
	})
	var found [][2]int
next:
	for _, m := range ms {
		if template && m.Table == placeholderPhrases && m.Entry == mustacheEntry {
			continue
		}
		s, e := t.Source(m.Start, m.End)
		if c := placeholderCase[m.Entry]; c != nil && m.Table == placeholderPhrases && !c(text[s:e]) {
			continue
		}
		for _, f := range found {
			if s < f[1] && e > f[0] {
				continue next
			}
		}
		if brokenLink(text, s, e) || inLink != nil && (inLink(s) || inLink(e-1) || e-s > 2 && inLink(s+1)) {
			continue
		}
		found = append(found, [2]int{s, e})
	}
	return found
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

func reportPlaceholder(p *Pass, ph string, span article.Span) {
	if p.Doc.InCode(span.Start) {
		return
	}
	p.Reportf(span, "placeholder %s left in the text: write what it stands for, or delete it", quoteShort(strings.TrimSpace(ph)))
}
