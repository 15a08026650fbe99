package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/articlelint/articlelint/internal/article"
)

// Match is what a house rule looks for: a phrase (whole words, any case)
// or a regular expression. Exactly one is set.
type Match struct {
	Phrase  string `yaml:"phrase"`
	Pattern Regexp `yaml:"pattern"`
}

// regexp returns the compiled matcher.
func (m Match) regexp() *regexp.Regexp {
	if m.Pattern.Regexp != nil {
		return m.Pattern.Regexp
	}
	re, _ := phraseCache.get(phrasePattern(m.Phrase)) // quoted: always compiles
	return re
}

func (m Match) String() string {
	if m.Pattern.Regexp != nil {
		return "/" + m.Pattern.String() + "/"
	}
	return `"` + m.Phrase + `"`
}

// phrasePattern matches phrase as whole words, any case, any run of space.
func phrasePattern(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	p := strings.Join(words, `\s+`)
	if len(words) > 0 && isWordByte(words[0][0]) {
		p = `\b` + p
	}
	if last := words[len(words)-1]; len(words) > 0 && isWordByte(last[len(last)-1]) {
		p += `\b`
	}
	return `(?i)` + p
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// Validate checks that exactly one of phrase and pattern is set.
func (m *Match) Validate() error {
	if (strings.TrimSpace(m.Phrase) == "") == (m.Pattern.Regexp == nil) {
		return fmt.Errorf("set exactly one of phrase or pattern")
	}
	return nil
}

// inURL reports whether span overlaps a URL written in the prose: words
// inside a URL are not prose.
func inURL(d *article.Document, span article.Span) bool {
	for _, l := range d.Links {
		if (l.Kind == article.BareURL || l.Kind == article.AutoLink) && span.Start < l.DestSpan.End && l.DestSpan.Start < span.End {
			return true
		}
	}
	return false
}

// proseMatches calls fn for every match of re in the article's prose, with
// the match's source span and text, skipping URLs.
func proseMatches(d *article.Document, re *regexp.Regexp, fn func(block int, span article.Span, text string)) {
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		for _, m := range re.FindAllStringIndex(pr.Text, -1) {
			if m[0] == m[1] {
				continue
			}
			span := pr.SourceSpan(m[0], m[1])
			if inURL(d, span) {
				continue
			}
			fn(bi, span, pr.Text[m[0]:m[1]])
		}
	}
}
