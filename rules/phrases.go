package rules

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/claims"
	"github.com/articlelint/articlelint/internal/phrase"
)

// Phrase rules keep their phrases as tables (Rule.phrases). The tables
// of every built-in rule compile into one matcher, built on first use,
// which reads each block of a document once for all of them (Cache).

//go:generate go test -run TestDerivations -update-derivations .

// compile builds a matcher of built-in tables from their patterns'
// derivations saved by go generate (derivations_gen.go), so that start-up
// parses no pattern.
func compile(tables ...*phrase.Table) *phrase.Matcher {
	return phrase.MustCompileWith(allDerivations(), tables...)
}

// allDerivations adds those of the claims tables the source rules read.
var allDerivations = sync.OnceValue(func() phrase.Derivations { return phrase.Merge(derivations, claims.Derivations) })

// builtinMatcher returns the one matcher of every built-in rule's
// tables, and offlineMatcher that of the rules that run offline (the
// source rules' tables, for --online, are a third of the literals),
// each compiled on first use. They are set in init because the rules'
// Check functions use them and All refers to the rules.
var builtinMatcher, offlineMatcher func() *phrase.Matcher

func init() {
	matcherOf := func(online bool) func() *phrase.Matcher {
		return sync.OnceValue(func() *phrase.Matcher {
			var tables []*phrase.Table
			for _, r := range All {
				if online || !r.Online {
					tables = append(tables, r.tables()...)
				}
			}
			return compile(tables...)
		})
	}
	builtinMatcher, offlineMatcher = matcherOf(true), matcherOf(false)
}

// matcher is the matcher for this pass: the offline rules' unless the
// pass has network results for the others.
func (p *Pass) matcher() *phrase.Matcher {
	if p.Online == nil {
		return offlineMatcher()
	}
	return builtinMatcher()
}

// Cache holds what rules derive from one document and share: the
// built-in tables' matches, the headings, an index of links. The driver
// makes one per document; a Pass without one makes its own.
type Cache struct {
	doc *article.Document
	// headings are the section headings, normSpace'd.
	headings []string
	// refs indexes the spans of links and DOIs.
	refs *spanIndex
	// matches are the built-in tables' matches in each block.
	matches [][]phrase.Match
	// source is what the source-* rules share (source_common.go).
	source *sourceView
}

// NewCache returns an empty cache for doc.
func NewCache(doc *article.Document) *Cache { return &Cache{doc: doc} }

// cache returns the pass's Cache, made on first use.
func (p *Pass) cache() *Cache {
	if p.Cache == nil {
		p.Cache = NewCache(p.Doc)
	}
	return p.Cache
}

// headings returns the section headings, lower-cased with single spaces.
// The title's heading is "": it names the article, never a section
// ("Vitamin D and breastfeeding: a summary" is no Conclusion).
func (p *Pass) headings() []string {
	c := p.cache()
	if c.headings == nil {
		c.headings = make([]string, len(c.doc.Sections))
		for i, s := range c.doc.Sections {
			if i == 0 && c.doc.Title != nil && !c.doc.Title.FromFrontMatter && c.doc.Title.Span == s.HeadingSpan {
				continue
			}
			c.headings[i] = normSpace(s.Heading)
		}
	}
	return c.headings
}

// blockText returns block bi's prose, normalised for matching (made once
// per document by the model, which the disclosure finder reads too).
func (p *Pass) blockText(bi int) *phrase.Text { return p.Doc.Norm(bi) }

// Warm builds the offline rules' matcher now rather than on first use (see
// lint.Warm); its patterns compile on their first match.
func Warm() { offlineMatcher() }

// WarmFor builds the offline rules' matcher and compiles the patterns that
// linting src (one article, or a few) will run: those whose literals src
// holds. Markup may separate the words of a phrase in src ("Read [the
// study](...)"), so a pattern it misses compiles on first use.
func WarmFor(src []byte) {
	t := phrase.Normalize(string(src))
	offlineMatcher().Scan(nil, &t)
}

// phraseMatches returns the matches of tab's entries in block bi, from
// one scan of the document's blocks by every built-in table.
func (p *Pass) phraseMatches(tab *phrase.Table, bi int) []phrase.Match {
	c := p.cache()
	m := p.matcher()
	if c.matches == nil {
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
	if !m.Has(tab) {
		// A rule reads a table it did not list in its phrases: a bug
		// that would otherwise only be silence.
		panic("rules: phrase table " + tab.Name + " is in no rule's phrases, or an online rule read it offline")
	}
	var out []phrase.Match
	for _, m := range c.matches[bi] {
		if m.Table == tab {
			out = append(out, m)
		}
	}
	return out
}

// forLanguage drops the matches of entries written in another language
// than the article's: an entry's Lang "" is English, "*" any language.
func forLanguage(ms []phrase.Match, l article.Language) []phrase.Match {
	return slices.DeleteFunc(ms, func(m phrase.Match) bool {
		lang := m.Of().Lang
		if lang == "" {
			lang = "en"
		}
		return lang != "*" && !l.Is(lang)
	})
}

// proseRange maps a match in block bi's normalised text to offsets in
// its Prose.Text.
func (p *Pass) proseRange(bi int, m phrase.Match) (int, int) {
	return p.blockText(bi).Source(m.Start, m.End)
}

// findIn returns the matches of tab in text outside blocks (a heading,
// a title) and its normalised form, with m (nil: the offline rules' matcher).
func findIn(m *phrase.Matcher, tab *phrase.Table, text string) ([]phrase.Match, *phrase.Text) {
	if m == nil {
		m = offlineMatcher()
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
				tab.Entries = append(tab.Entries, phrase.Entry{Phrase: ph, Lang: "*"})
				u.index = append(u.index, i)
			}
		}
		if len(tab.Entries) > 0 {
			u.tab, u.m = tab, phrase.MustCompile(tab) // a user's table: nothing saved
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
