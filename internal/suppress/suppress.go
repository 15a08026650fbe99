// Package suppress reads articlelint's suppression comments
// (<!-- articlelint-disable RULE... --> and friends) from a parsed article
// and decides which findings they silence.
package suppress

import (
	"strings"

	"github.com/articlelint/articlelint/article"
)

// Kind is the form of a suppression comment.
type Kind int

// Suppression forms.
const (
	Disable Kind = iota
	Enable
	DisableNextLine
	DisableFile
)

var directives = map[string]Kind{
	"articlelint-disable":           Disable,
	"articlelint-enable":            Enable,
	"articlelint-disable-next-line": DisableNextLine,
	"articlelint-disable-file":      DisableFile,
}

// Directive is one suppression comment.
type Directive struct {
	Kind Kind
	// Rules are the rule ids named; empty means every rule.
	Rules []string
	Span  article.Span
	// Line is the 1-based line of the comment.
	Line int
	// RuleSpans are the spans of the rule ids in the comment, for messages.
	RuleSpans []article.Span
}

// Parse returns the suppression directives in d, in source order.
func Parse(d *article.Document) []Directive {
	var out []Directive
	for _, c := range d.Comments {
		text := c.Text
		lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		kind, ok := directives[fields[0]]
		if !ok {
			continue
		}
		dir := Directive{Kind: kind, Span: c.Span, Line: d.Position(c.Span.Start).Line}
		// The comment's text starts after "<!--".
		base := c.Span.Start + len("<!--")
		pos := lead + len(fields[0])
		for _, f := range fields[1:] {
			i := strings.Index(text[pos:], f) + pos
			pos = i + len(f)
			for _, id := range strings.Split(f, ",") {
				if id == "" {
					continue
				}
				dir.Rules = append(dir.Rules, id)
				off := base + i + strings.Index(f, id)
				dir.RuleSpans = append(dir.RuleSpans, article.Span{Start: off, End: off + len(id)})
			}
		}
		out = append(out, dir)
	}
	return out
}

// Set answers whether a finding is suppressed, and records which
// directives were used.
type Set struct {
	dirs []Directive
	used []bool
	doc  *article.Document
}

// NewSet builds the set for a document.
func NewSet(d *article.Document) *Set {
	dirs := Parse(d)
	return &Set{dirs: dirs, used: make([]bool, len(dirs)), doc: d}
}

// Directives returns the directives found.
func (s *Set) Directives() []Directive { return s.dirs }

func names(d Directive, rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Suppressed reports whether a finding of rule at offset off is silenced,
// and marks the directive that silenced it as used.
func (s *Set) Suppressed(rule string, off int) bool {
	if len(s.dirs) == 0 {
		return false
	}
	line := s.doc.Position(off).Line
	hit := -1
	// Regions: the last disable or enable before off that names the rule
	// decides. File-wide and next-line directives apply anywhere.
	region := -1
	for i, d := range s.dirs {
		if !names(d, rule) {
			continue
		}
		switch d.Kind {
		case DisableFile:
			hit = i
		case DisableNextLine:
			if s.nextLine(d) == line {
				hit = i
			}
		case Disable, Enable:
			if d.Span.End <= off {
				region = i
			}
		}
		if hit >= 0 {
			break
		}
	}
	if hit < 0 && region >= 0 && s.dirs[region].Kind == Disable {
		hit = region
	}
	if hit < 0 {
		return false
	}
	s.used[hit] = true
	return true
}

// nextLine is the first line after the directive that holds text.
func (s *Set) nextLine(d Directive) int {
	li := s.doc.Lines
	end := s.doc.Position(d.Span.End).Line
	for n := end + 1; n <= li.Lines(); n++ {
		if strings.TrimSpace(s.doc.Text(article.Span{Start: li.LineStart(n), End: li.LineEnd(n)})) != "" {
			return n
		}
	}
	return end + 1
}

// Unused returns the directives that silenced nothing; enable comments
// are never reported.
func (s *Set) Unused() []Directive {
	var out []Directive
	for i, d := range s.dirs {
		if !s.used[i] && d.Kind != Enable {
			out = append(out, d)
		}
	}
	return out
}
