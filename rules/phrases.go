package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// Phrase rules keep their phrases as tables (Rule.phrases). The tables
// of every built-in rule compile into one matcher, built on first use,
// which reads each block of a document once for all of them (Cache).

// builtinMatcher returns the one matcher of every built-in rule's
// tables, compiled on first use. It is set in init because the rules'
// Check functions use it and All refers to the rules.
var builtinMatcher func() *phrase.Matcher

func init() {
	builtinMatcher = sync.OnceValue(func() *phrase.Matcher {
		var tables []*phrase.Table
		for _, r := range All {
			tables = append(tables, r.phrases...)
		}
		return phrase.MustCompile(tables...)
	})
}

// blockText returns block bi's prose, normalised for matching.
func (p *Pass) blockText(bi int) *phrase.Text {
	c := p.cache()
	if c.texts == nil {
		c.texts = make([]phrase.Text, len(p.Doc.Blocks))
		c.normed = make([]bool, len(p.Doc.Blocks))
	}
	if !c.normed[bi] {
		c.texts[bi] = phrase.Normalize(p.Doc.Blocks[bi].Prose.Text)
		c.normed[bi] = true
	}
	return &c.texts[bi]
}

// phraseMatches returns the matches of tab's entries in block bi, from
// one scan of the document's blocks by every built-in table.
func (p *Pass) phraseMatches(tab *phrase.Table, bi int) []phrase.Match {
	c := p.cache()
	if c.matches == nil {
		m := builtinMatcher()
		c.matches = make([][]phrase.Match, len(p.Doc.Blocks))
		var all []phrase.Match
		ends := make([]int, len(p.Doc.Blocks))
		for i := range p.Doc.Blocks {
			all = m.Scan(all, p.blockText(i))
			ends[i] = len(all)
		}
		start := 0
		for i, e := range ends {
			c.matches[i] = all[start:e:e]
			start = e
		}
	}
	var out []phrase.Match
	for _, m := range c.matches[bi] {
		if m.Table == tab {
			out = append(out, m)
		}
	}
	return out
}

// proseRange maps a match in block bi's normalised text to offsets in
// its Prose.Text.
func (p *Pass) proseRange(bi int, m phrase.Match) (int, int) {
	return p.blockText(bi).Source(m.Start, m.End)
}

// matchSpan maps a match in block bi to its source span.
func (p *Pass) matchSpan(bi int, m phrase.Match) article.Span {
	s, e := p.proseRange(bi, m)
	return p.Doc.Blocks[bi].Prose.SourceSpan(s, e)
}

// findIn returns the matches of tab in text outside blocks (a heading,
// a title) and its normalised form, with m (nil: the built-in matcher).
func findIn(m *phrase.Matcher, tab *phrase.Table, text string) ([]phrase.Match, *phrase.Text) {
	if m == nil {
		m = builtinMatcher()
	}
	t := phrase.Normalize(text)
	return m.Find(tab, &t), &t
}

// userPhrases are phrases from config, compiled into a matcher of their
// own once per options value (options are made once per config).
type userPhrases struct {
	once sync.Once
	m    *phrase.Matcher
	tab  *phrase.Table
	// index[e] is the position in the list of entry e's phrase.
	index []int
}

// get returns the matcher and table of phrases, or nil when there are
// none. Empty phrases are left out.
func (u *userPhrases) get(name string, phrases []string) (*phrase.Matcher, *phrase.Table) {
	u.once.Do(func() {
		tab := &phrase.Table{Name: name}
		for i, ph := range phrases {
			if phrase.Normalize(strings.TrimSpace(ph)).Norm != "" {
				tab.Entries = append(tab.Entries, phrase.Entry{Phrase: ph})
				u.index = append(u.index, i)
			}
		}
		if len(tab.Entries) > 0 {
			u.tab, u.m = tab, phrase.MustCompile(tab)
		}
	})
	return u.m, u.tab
}

// ---- Plain regular expressions ----
//
// Patterns over markup or identifiers (HTML tags, ids, DOIs, citation
// marks) are not phrases and do not go through the matcher; plainRE
// compiles one on first use, as compiling them all at start-up costs
// more than linting one article.

// plainREs are the sources given to plainRE, for the test that compiles
// them all.
var plainREs []string

// plainRE returns a regular expression compiled on first use. Call it
// only from package-level variables.
func plainRE(src string) func() *regexp.Regexp {
	plainREs = append(plainREs, src)
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}
