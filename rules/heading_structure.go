package rules

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/articlelint/articlelint/internal/article"
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
  or a shortcode. In plain-text articles, where levels are unknown, a heading
  followed by another heading is taken as a parent and its first child.
- A repeated heading: the same text (ignoring case) at the same level under
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
	// article's outline.
	var secs []article.Section
	for _, s := range d.Sections {
		if !quotedLine(d, s.HeadingSpan.Start) {
			secs = append(secs, s)
		}
	}
	type key struct {
		parent, level int
		text          string
	}
	seen := map[key]int{}
	comments := commentSpans(d)
	// open holds the headings that may still be a parent, levels rising:
	// the parent of a heading is the last one of a lower level.
	var open []int
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
		k := key{parent, s.Level, normHeading(text)}
		if first, dup := seen[k]; dup {
			p.Reportf(s.HeadingSpan, "heading %q repeats the heading on line %d at the same level: rename one or merge the two sections",
				text, d.Position(secs[first].HeadingSpan.Start).Line)
		} else {
			seen[k] = i
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

		if sectionEmpty(d, secs, i, comments) {
			p.Reportf(s.HeadingSpan, "section %q is empty: write its text, or remove the heading", text)
		}
	}
}

// quotedLine reports whether the line at off starts a block quote.
func quotedLine(d *article.Document, off int) bool {
	rest := bytes.TrimLeft(d.Source[off:], " \t")
	return len(rest) > 0 && rest[0] == '>'
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

// normHeading is the form in which two headings count as the same.
func normHeading(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(s, " :.")), " "))
}

// sectionEmpty reports whether nothing but space, comments, thematic
// breaks and sub-headings stands between the heading of secs[i] and the
// next heading of the same or a higher level. In Markdown the source is
// read, not Blocks, so that HTML blocks, shortcodes, images and code count
// as content.
func sectionEmpty(d *article.Document, secs []article.Section, i int, comments []article.Span) bool {
	end := len(d.Source)
	var subs []article.Span
	for k := i + 1; k < len(secs); k++ {
		if secs[k].Level <= secs[i].Level {
			end = secs[k].HeadingSpan.Start
			break
		}
		subs = append(subs, secs[k].HeadingSpan)
	}
	if d.Format == article.Text && i+1 < len(secs) {
		// Levels are unknown in plain text: a heading right before another
		// is a parent and its first child.
		return false
	}
	body := article.Span{Start: secs[i].HeadingSpan.End, End: end}
	if d.Format == article.HTML {
		// Tags are markup, not content: ask the model what lies here.
		return !hasModelContent(d, body, subs)
	}
	// Only the comments in the body matter; skip is sorted by start.
	from := sort.Search(len(comments), func(k int) bool { return comments[k].End > body.Start })
	to := sort.Search(len(comments), func(k int) bool { return comments[k].Start >= body.End })
	skip := append(subs, comments[from:max(from, to)]...)
	sort.Slice(skip, func(a, b int) bool { return skip[a].Start < skip[b].Start })
	pos := secs[i].HeadingSpan.End
	for pos < end {
		lineEnd := bytes.IndexByte(d.Source[pos:end], '\n')
		if lineEnd < 0 {
			lineEnd = end
		} else {
			lineEnd += pos
		}
		for len(skip) > 0 && skip[0].End <= pos {
			skip = skip[1:]
		}
		if lineHasContent(d.Source[pos:lineEnd], pos, skip) {
			return false
		}
		pos = lineEnd + 1
	}
	return true
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
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
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
			brk = 0
		}
		n++
	}
	// "---", "***", "___": a thematic break is not content.
	return n > 0 && !(n >= 3 && brk != 0)
}
