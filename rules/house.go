package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/articlelint/articlelint/article"
)

// Match is what a house rule looks for: a phrase (whole words, any case)
// or a regular expression. Exactly one is set.
type Match struct {
	Phrase  string `yaml:"phrase"`
	Pattern Regexp `yaml:"pattern"`
}

func (m Match) String() string {
	if m.Pattern.Regexp != nil {
		return "/" + m.Pattern.String() + "/"
	}
	return `"` + m.Phrase + `"`
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

// houseMatches calls fn for every match in the article's prose of the
// items' phrases (compiled once per options value into u) and patterns
// (patterns[i] of item i; nil for a phrase item), with the item's index,
// the match's source span and its text. URLs are skipped.
func houseMatches(p *Pass, u *userPhrases, name string, phrases []string, patterns []*regexp.Regexp, fn func(item, block int, span article.Span, text string)) {
	d := p.Doc
	m, tab := u.get(name, phrases)
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		emit := func(item, i, j int) {
			if i == j {
				return
			}
			span := pr.SourceSpan(i, j)
			if !inURL(d, span) {
				fn(item, bi, span, pr.Text[i:j])
			}
		}
		if m != nil {
			for _, x := range m.Find(tab, p.blockText(bi)) {
				i, j := p.proseRange(bi, x)
				emit(u.index[x.Entry], i, j)
			}
		}
		for item, re := range patterns {
			if re == nil {
				continue
			}
			for _, x := range re.FindAllStringIndex(pr.Text, -1) {
				emit(item, x[0], x[1])
			}
		}
	}
}

// itemsOf returns the phrases and patterns of house rule items, by item.
func itemsOf(ms []Match) (phrases []string, patterns []*regexp.Regexp) {
	for _, m := range ms {
		phrases = append(phrases, m.Phrase)
		patterns = append(patterns, m.Pattern.Regexp)
	}
	return phrases, patterns
}
