package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain-text articles, as pasted out of a CMS: one paragraph per line,
// headings as bare short lines, list items marked with "-", "*", "•" or
// "1.". See parseText for how headings are told from paragraphs.

type textLine struct {
	span      Span // content, trimmed of space and "\r"
	text      string
	list      int // length of a list marker, or 0
	quote     int // length of a "> " marker, or 0
	candidate bool
	heading   bool
}

const (
	maxHeadingRunes = 80
	maxHeadingWords = 12
)

func parseText(d *Document, start int) {
	var lines []textLine
	for pos := start; pos < len(d.Source); {
		raw, next := lineAt(d.Source, pos)
		s, e := 0, len(raw)
		for s < e && isBlank(raw[s]) {
			s++
		}
		for e > s && (isBlank(raw[e-1]) || raw[e-1] == '\r') {
			e--
		}
		if e > s && bytes.HasPrefix(raw[s:e], []byte("<!--")) && bytes.HasSuffix(raw[s:e], []byte("-->")) && e-s >= 7 {
			// A comment line: suppressions work in plain text too.
			d.Comments = append(d.Comments, Comment{Span: Span{pos + s, pos + e}, Text: string(raw[s+4 : e-3])})
		} else if e > s {
			l := textLine{span: Span{pos + s, pos + e}, text: string(raw[s:e])}
			l.list = listMarker(l.text)
			if l.list == 0 && strings.HasPrefix(l.text, "> ") {
				l.quote = 2
			}
			l.candidate = l.list == 0 && l.quote == 0 && headingCandidate(l.text)
			lines = append(lines, l)
		}
		pos = next
	}
	// A candidate is a heading when body text follows it: a line that is
	// not a candidate, or a heading itself. Decided from the bottom up so
	// that a trailing "Leave a comment" is never a heading.
	for i := len(lines) - 1; i >= 0; i-- {
		if !lines[i].candidate || i+1 == len(lines) {
			continue
		}
		next := lines[i+1]
		lines[i].heading = !next.candidate || next.heading
	}
	for _, l := range lines {
		if l.heading {
			d.Sections = append(d.Sections, Section{Heading: l.text, Level: 2, HeadingSpan: l.span})
			continue
		}
		kind, skip := Paragraph, 0
		if l.list > 0 {
			kind, skip = ListItem, l.list
		} else if l.quote > 0 {
			kind, skip = Quote, l.quote
		}
		var b proseBuilder
		b.exact(l.text[skip:], l.span.Start+skip, false)
		d.Blocks = append(d.Blocks, Block{Kind: kind, Span: l.span, Prose: b.prose()})
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// listMarker returns the length of a list marker and its space, or 0.
func listMarker(s string) int {
	for _, m := range []string{"- ", "* ", "+ ", "• ", "– "} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// headingCandidate: a short line, capitalised, with no terminal
// punctuation, no URL and no "Label: text" shape.
func headingCandidate(s string) bool {
	if utf8.RuneCountInString(s) > maxHeadingRunes || len(strings.Fields(s)) > maxHeadingWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:!?…", last) {
		return false
	}
	if strings.Contains(s, "://") || strings.Contains(s, ": ") || strings.Contains(s, ". ") {
		return false
	}
	return true
}
