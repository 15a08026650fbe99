package rules

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

// HeadingStructure reports empty sections, repeated headings and skipped
// heading levels.
var HeadingStructure = &Rule{
	ID:       "heading-structure",
	Doc:      "Headings must form an outline: no empty sections, no repeated headings, no skipped levels.",
	Severity: Warning,
	Explain: `Readers, screen readers and tables of contents navigate by headings.
Three things break that outline:

- An empty section: a heading with nothing under it before the next heading
  of the same or a higher level. A heading followed by sub-headings that have
  text is not empty; neither is one followed by a figure, code, an HTML block
  or a shortcode, nor a line of text set as a heading (a call to action that
  is wholly a link, an exclamation, an "UPDATE:" notice, a long sentence). In plain-text articles, where levels are unknown, a heading
  followed by another heading is taken as a parent and its first child.
- A repeated heading: the same text (ignoring the case of words written in one case: "Results" and "RESULTS", not "GeoJSON" and "geojson") at the same level under
  the same parent, which makes two sections with one name.
- A skipped level (Markdown and HTML): "##" followed by "####", with no
  "###" between them.

Fix: write the missing text or remove the heading; rename or merge repeated
sections; use the next level down for a sub-heading.`,
	Check: checkHeadingStructure,
}

func checkHeadingStructure(p *Pass) {
	d := p.Doc
	// A heading inside a block quote is part of the quote, not of the
	// article's outline. Most articles have none: copy only then.
	secs := d.Sections
	for i, s := range d.Sections {
		if quotedLine(d, s.HeadingSpan.Start) {
			secs = append(make([]article.Section, 0, len(d.Sections)), d.Sections[:i]...)
			for _, s := range d.Sections[i+1:] {
				if !quotedLine(d, s.HeadingSpan.Start) {
					secs = append(secs, s)
				}
			}
			break
		}
	}
	// seen holds the first heading of each (parent, level, normHeading)
	// with its normHeading in norm[start:end]: a search of the few
	// headings before costs less than a map and a string per heading.
	type first struct{ parent, level, start, end, index int }
	var seenBuf [32]first
	var normBuf [1024]byte
	seen, norm := seenBuf[:0], normBuf[:0]
	comments := commentSpans(d)
	var skip []article.Span // sectionEmpty's scratch
	// open holds the headings that may still be a parent, levels rising:
	// the parent of a heading is the last one of a lower level.
	var openBuf [8]int
	open := openBuf[:0]
	for i, s := range secs {
		for len(open) > 0 && secs[open[len(open)-1]].Level >= s.Level {
			open = open[:len(open)-1]
		}
		parent := -1
		if len(open) > 0 {
			parent = open[len(open)-1]
		}
		open = append(open, i)
		text := headingText(d, s)
		if strings.TrimSpace(text) == "" {
			p.Reportf(s.HeadingSpan, "heading has no text: write one, or remove the heading")
			continue
		}
		start := len(norm)
		norm = appendNormHeading(norm, text)
		dup := -1
		for _, f := range seen {
			if f.parent == parent && f.level == s.Level && string(norm[f.start:f.end]) == string(norm[start:]) {
				dup = f.index
				break
			}
		}
		if dup >= 0 {
			norm = norm[:start]
			p.Reportf(s.HeadingSpan, "heading %q repeats the heading on line %d at the same level: rename one or merge the two sections",
				text, d.Position(secs[dup].HeadingSpan.Start).Line)
		} else {
			seen = append(seen, first{parent, s.Level, start, len(norm), i})
		}

		if d.Format != article.Text && i > 0 && s.Level > secs[i-1].Level+1 {
			want := secs[i-1].Level + 1
			marker := strings.Repeat("#", want)
			if d.Format == article.HTML {
				marker = fmt.Sprintf("<h%d>", want)
			}
			p.Reportf(s.HeadingSpan, "heading level jumps from h%d to h%d: make it h%d (%s) so the outline has no gap",
				secs[i-1].Level, s.Level, want, marker)
		}

		var empty bool
		if empty, skip = sectionEmpty(d, secs, i, comments, skip); empty && !lineAsHeading(d, s, text) {
			p.Reportf(s.HeadingSpan, "section %q is empty: write its text, or remove the heading", text)
		}
	}
}

// quotedLine reports whether the line at off starts a block quote.
func quotedLine(d *article.Document, off int) bool {
	for ; off < len(d.Source); off++ {
		if c := d.Source[off]; c != ' ' && c != '\t' {
			return c == '>'
		}
	}
	return false
}

// headingText is the heading's text with its code spans written out, so
// that "## `skimr`" and "## `units`" differ.
func headingText(d *article.Document, s article.Section) string {
	text := s.Heading
	if !strings.Contains(text, article.CodePlaceholder) {
		return text
	}
	for _, c := range d.Code {
		if !strings.Contains(text, article.CodePlaceholder) {
			break
		}
		if s.HeadingSpan.Start <= c.Start && c.End <= s.HeadingSpan.End {
			text = strings.Replace(text, article.CodePlaceholder, d.Text(c), 1)
		}
	}
	return text
}

// normHeading is the form in which two headings count as the same: words
// in one case, or capitalised, lower-cased; words of mixed case kept, so
// that "Results" repeats "RESULTS" but "GeoJSON" (a format) does not
// repeat "geojson" (a package).
func normHeading(s string) string {
	words := strings.Fields(strings.TrimRight(s, " :."))
	for i, w := range words {
		if !mixedCase(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// mixedCase reports whether word w has a lower-case letter and an
// upper-case one after its first rune.
func mixedCase(w string) bool {
	lower, upper := false, false
	for i, r := range w {
		lower = lower || unicode.IsLower(r)
		upper = upper || i > 0 && unicode.IsUpper(r)
	}
	return lower && upper
}

// lineAsHeading reports whether a heading is a line of text set as a
// heading, which needs no section under it: a call to action that is
// wholly a link ("Apply here"), an exclamation or sign-off, a notice
// ("EDITED 2017-11-07: ..."), or a long sentence.
func lineAsHeading(d *article.Document, s article.Section, text string) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*_"))
	if strings.HasSuffix(t, "!") || len(strings.Fields(t)) > 10 {
		return true
	}
	if i := strings.Index(t, ":"); i > 0 && i < 20 && strings.ToUpper(t[:i]) == t[:i] && strings.ContainsAny(t[:i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return true // "UPDATE:", "EDITED 2017-11-07:"
	}
	// Links are in source order: look only at those in the heading.
	for k := sort.Search(len(d.Links), func(k int) bool { return d.Links[k].Span.Start >= s.HeadingSpan.Start }); k < len(d.Links) && d.Links[k].Span.Start < s.HeadingSpan.End; k++ {
		if l := d.Links[k]; l.Span.End <= s.HeadingSpan.End && strings.TrimSpace(l.Text) == t {
			return true
		}
	}
	return false
}

// appendNormHeading appends normHeading(s) to dst, without allocating
// when s is ASCII (FuzzNormHeading).
func appendNormHeading(dst []byte, s string) []byte {
	s = strings.TrimRight(s, " :.")
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, normHeading(s)...)
		}
	}
	if mixedCaseWord(s) {
		return append(dst, normHeading(s)...)
	}
	word, space := false, false // a word written; space after it
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\v', '\f', '\r': // strings.Fields' ASCII spaces
			space = word
		default:
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			word = true
		}
	}
	return dst
}

// sectionEmpty reports whether nothing but space, comments, thematic
// breaks and sub-headings stands between the heading of secs[i] and the
// next heading of the same or a higher level. In Markdown the source is
// read, not Blocks, so that HTML blocks, shortcodes, images and code count
// as content. skip is scratch space, returned for the next call.
func sectionEmpty(d *article.Document, secs []article.Section, i int, comments, skip []article.Span) (bool, []article.Span) {
	end := len(d.Source)
	k := i + 1
	for ; k < len(secs); k++ {
		if secs[k].Level <= secs[i].Level {
			end = secs[k].HeadingSpan.Start
			break
		}
	}
	if d.Format == article.Text && i+1 < len(secs) {
		// Levels are unknown in plain text: a heading right before another
		// is a parent and its first child.
		return false, skip
	}
	// The next heading of the same level, if it is a paragraph set as a
	// heading, is this section's text: "#### Limitations" then "#### The
	// cohort was small ...".
	if k < len(secs) && lineAsHeading(d, secs[k], headingText(d, secs[k])) {
		return false, skip
	}
	skip = skip[:0]
	for _, s := range secs[i+1 : k] {
		// A paragraph set as a heading is the section's text.
		if lineAsHeading(d, s, headingText(d, s)) {
			return false, skip
		}
		skip = append(skip, s.HeadingSpan)
	}
	body := article.Span{Start: secs[i].HeadingSpan.End, End: end}
	if d.Format == article.HTML {
		// Tags are markup, not content: ask the model what lies here.
		return !hasModelContent(d, body, skip), skip
	}
	// Only the comments in the body matter; skip is sorted by start (how
	// spans of one start are ordered does not change lineHasContent).
	from := sort.Search(len(comments), func(k int) bool { return comments[k].End > body.Start })
	to := sort.Search(len(comments), func(k int) bool { return comments[k].Start >= body.End })
	skip = append(skip, comments[from:max(from, to)]...)
	slices.SortFunc(skip, func(a, b article.Span) int { return cmp.Compare(a.Start, b.Start) })
	pos := secs[i].HeadingSpan.End
	for rest := skip; pos < end; {
		lineEnd := bytes.IndexByte(d.Source[pos:end], '\n')
		if lineEnd < 0 {
			lineEnd = end
		} else {
			lineEnd += pos
		}
		for len(rest) > 0 && rest[0].End <= pos {
			rest = rest[1:]
		}
		if lineHasContent(d.Source[pos:lineEnd], pos, rest) {
			return false, skip
		}
		pos = lineEnd + 1
	}
	return true, skip
}

// hasModelContent reports whether a prose block, image or code block starts
// in body outside the sub-headings.
func hasModelContent(d *article.Document, body article.Span, subs []article.Span) bool {
	in := func(off int) bool {
		if !body.Contains(off) {
			return false
		}
		for _, s := range subs {
			if s.Contains(off) {
				return false
			}
		}
		return true
	}
	for _, b := range d.Blocks {
		if in(b.Span.Start) {
			return true
		}
	}
	for _, im := range d.Images {
		if in(im.Span.Start) {
			return true
		}
	}
	for _, c := range d.Code {
		if in(c.Start) {
			return true
		}
	}
	return false
}

func commentSpans(d *article.Document) []article.Span {
	out := make([]article.Span, len(d.Comments))
	for i, c := range d.Comments {
		out[i] = c.Span
	}
	// The parser's are in order: sort only if not, so that spans of one
	// start keep sort.Slice's order.
	for i := 1; i < len(out); i++ {
		if out[i].Start <= out[i-1].Start {
			sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
			break
		}
	}
	return out
}

// lineHasContent reports whether line, at source offset base, holds a
// character outside skip that is neither space nor a thematic break.
func lineHasContent(line []byte, base int, skip []article.Span) bool {
	// Count what is left outside skip, and whether it is all one of the
	// characters of a thematic break.
	n, brk := 0, byte(0)
	for i, c := range line {
		if c == ' ' || c == '\t' || c == '\r' {
			continue
		}
		skipped := false
		for _, s := range skip { // sorted by start
			if s.Start > base+i {
				break
			}
			if s.Contains(base + i) {
				skipped = true
				break
			}
		}
		if skipped {
			continue
		}
		if n == 0 && (c == '-' || c == '*' || c == '_') {
			brk = c
		} else if c != brk {
			return true // content, and brk stays 0 to the end
		}
		n++
	}
	// "---", "***", "___": a thematic break is not content.
	return n > 0 && !(n >= 3 && brk != 0)
}

// mixedCaseWord reports whether an ASCII s has a word that is mixedCase.
func mixedCaseWord(s string) bool {
	lower, upper, start := false, false, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || '\t' <= s[i] && s[i] <= '\r' {
			if lower && upper {
				return true
			}
			lower, upper, start = false, false, i+1
			continue
		}
		c := s[i]
		lower = lower || 'a' <= c && c <= 'z'
		upper = upper || i > start && 'A' <= c && c <= 'Z'
	}
	return false
}
