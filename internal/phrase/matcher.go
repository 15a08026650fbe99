package phrase

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/keywords"
)

// Entry is one phrase of a Table.
type Entry struct {
	// Phrase is words as a reader writes them ("strong evidence"); it is
	// normalised like the text, so "Strong  evidence" is the same phrase.
	Phrase string
	// Pattern, set instead of Phrase, is an RE2 expression over
	// normalised text: lower case, one space between words, straight
	// quotes and apostrophes, "-" for every dash. Word edges are checked
	// for it as for a phrase; \b is not needed.
	Pattern string
	// Group is the capture group of Pattern that is reported (0: all).
	Group int
	// Lang is the language the entry is written in (ISO 639-1), or ""
	// for any.
	Lang string
	// Note is what the rule says about this entry: advice, a
	// replacement.
	Note string
	// Match are texts the entry must find, and NoMatch near-misses it
	// must not; the tests run them all.
	Match, NoMatch []string
}

// Table is a rule's phrases.
type Table struct {
	Name    string
	Entries []Entry
}

// Match is an entry's match in a normalised text.
type Match struct {
	Table *Table
	Entry int
	// Start and End are offsets into Text.Norm of the reported part; At
	// and To are those of the whole match.
	Start, End int
	At, To     int
}

// Of returns the entry matched.
func (m Match) Of() *Entry { return &m.Table.Entries[m.Entry] }

// ref names an entry of a matcher.
type ref struct {
	table, entry int32
}

// Matcher finds the entries of a set of tables in a text, all at once.
type Matcher struct {
	tables []*Table
	lits   keywords.Set
	// byLit[id] are the entries that literal id stands for: a phrase,
	// or one of a pattern's required literals.
	byLit [][]ref
	// literal[t][e] is whether entry e of table t is a phrase.
	literal [][]bool
	// free are patterns without a required literal: they run on every
	// text.
	free []ref
	res  [][]*lazyRE
}

type lazyRE struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
	// anchored patterns (^, \A) match only at the start: they are never
	// tried again further on.
	anchored bool
}

// findAll returns the matches of the pattern in norm that lie at word
// edges. A match that fails the edges does not hide one that starts
// later inside it: "(?:clinical )?studies show" in "preclinical studies
// show" finds "studies show".
func (l *lazyRE) findAll(norm string) [][]int {
	re := l.get()
	var out [][]int
	for pos := 0; pos <= len(norm); {
		sm := re.FindStringSubmatchIndex(norm[pos:])
		if sm == nil {
			break
		}
		for k := range sm {
			if sm[k] >= 0 {
				sm[k] += pos
			}
		}
		if WordEdges(norm, sm[0], sm[1]) {
			out = append(out, sm)
			pos = max(sm[1], sm[0]+1)
			continue
		}
		if l.anchored {
			break
		}
		_, n := utf8.DecodeRuneInString(norm[sm[0]:])
		pos = sm[0] + max(n, 1)
	}
	return out
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// Compile builds one matcher for tables. A pattern's required literals
// are derived from its syntax (see required), so that no rule keeps a
// list of words beside its patterns.
func Compile(tables ...*Table) (*Matcher, error) {
	m := &Matcher{tables: tables}
	idOf := map[string]int{}
	add := func(lit string, r ref) {
		id, ok := idOf[lit]
		if !ok {
			id = m.lits.Add(lit)[0]
			idOf[lit] = id
			m.byLit = append(m.byLit, nil)
		}
		if !slices.Contains(m.byLit[id], r) {
			m.byLit[id] = append(m.byLit[id], r)
		}
	}
	m.literal = make([][]bool, len(tables))
	m.res = make([][]*lazyRE, len(tables))
	for ti, t := range tables {
		m.literal[ti] = make([]bool, len(t.Entries))
		m.res[ti] = make([]*lazyRE, len(t.Entries))
		for ei, e := range t.Entries {
			r := ref{int32(ti), int32(ei)}
			switch {
			case e.Phrase != "" && e.Pattern != "":
				return nil, fmt.Errorf("%s: entry %d has both a phrase and a pattern", t.Name, ei)
			case e.Phrase != "":
				n := Normalize(strings.TrimSpace(e.Phrase)).Norm
				if n == "" {
					return nil, fmt.Errorf("%s: entry %d: empty phrase", t.Name, ei)
				}
				m.literal[ti][ei] = true
				add(n, r)
			case e.Pattern != "":
				re, err := syntax.Parse(e.Pattern, syntax.Perl)
				if err != nil {
					return nil, fmt.Errorf("%s: pattern %q: %v", t.Name, e.Pattern, err)
				}
				m.res[ti][ei] = &lazyRE{src: e.Pattern, anchored: anchoredStart(re)}
				lits, ok := required(re.Simplify())
				if !ok {
					m.free = append(m.free, r)
					continue
				}
				for _, l := range lits {
					add(l, r)
				}
			default:
				return nil, fmt.Errorf("%s: entry %d is empty", t.Name, ei)
			}
		}
	}
	return m, nil
}

// MustCompile is Compile for built-in tables.
func MustCompile(tables ...*Table) *Matcher {
	m, err := Compile(tables...)
	if err != nil {
		panic(err)
	}
	return m
}

// Unfiltered returns the patterns that run on every text, for a test
// that keeps them few.
func (m *Matcher) Unfiltered() []string {
	var out []string
	for _, r := range m.free {
		out = append(out, m.tables[r.table].Name+": "+m.tables[r.table].Entries[r.entry].Pattern)
	}
	return out
}

// Scan appends to dst the matches in t of every entry of every table, in
// order of their start (then table and entry order). A pattern's matches
// do not overlap each other; a phrase's do not either.
func (m *Matcher) Scan(dst []Match, t *Text) []Match {
	from := len(dst)
	norm := t.Norm
	var ran map[ref]bool
	run := func(r ref) {
		if ran[r] {
			return
		}
		if ran == nil {
			ran = map[ref]bool{}
		}
		ran[r] = true
		tab := m.tables[r.table]
		e := &tab.Entries[r.entry]
		re := m.res[r.table][r.entry]
		for _, sm := range re.findAll(norm) {
			s, en := sm[0], sm[1]
			if g := e.Group; g > 0 && 2*g+1 < len(sm) {
				if sm[2*g] < 0 {
					continue
				}
				s, en = sm[2*g], sm[2*g+1]
			}
			dst = append(dst, Match{Table: tab, Entry: int(r.entry), Start: s, End: en, At: sm[0], To: sm[1]})
		}
	}
	if m.lits.Len() > 0 {
		lastEnd := map[ref]int{}
		for _, h := range m.lits.Find(nil, []byte(norm)) {
			for _, r := range m.byLit[h.Word] {
				if !m.literal[r.table][r.entry] {
					run(r)
					continue
				}
				s, e := int(h.Start), int(h.End)
				if !WordEdges(norm, s, e) {
					continue
				}
				if end, ok := lastEnd[r]; ok && s < end {
					continue
				}
				lastEnd[r] = e
				dst = append(dst, Match{Table: m.tables[r.table], Entry: int(r.entry), Start: s, End: e, At: s, To: e})
			}
		}
	}
	for _, r := range m.free {
		run(r)
	}
	found := dst[from:]
	slices.SortStableFunc(found, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return m.order(a) - m.order(b)
	})
	return dst
}

// order ranks a match's entry by table and entry order.
func (m *Matcher) order(a Match) int {
	for i, t := range m.tables {
		if t == a.Table {
			return i<<20 | a.Entry
		}
	}
	return 0
}

// Find returns the matches of table tab's entries in t.
func (m *Matcher) Find(tab *Table, t *Text) []Match {
	var out []Match
	for _, x := range m.Scan(nil, t) {
		if x.Table == tab {
			out = append(out, x)
		}
	}
	return out
}

// Warm compiles every pattern now rather than on first use.
func (m *Matcher) Warm() {
	for _, rs := range m.res {
		for _, r := range rs {
			if r != nil {
				r.get()
			}
		}
	}
}

// CheckExamples runs every entry's examples: each Match text must hold a
// match of the entry, and no NoMatch text may. It returns what failed.
func (m *Matcher) CheckExamples() []error {
	var errs []error
	for _, tab := range m.tables {
		for ei, e := range tab.Entries {
			name := e.Phrase + e.Pattern
			count := func(text string) int {
				n := Normalize(text)
				c := 0
				for _, x := range m.Find(tab, &n) {
					if x.Entry == ei {
						c++
					}
				}
				return c
			}
			for _, ex := range e.Match {
				if count(ex) == 0 {
					errs = append(errs, fmt.Errorf("%s: %q does not find %q", tab.Name, name, ex))
				}
			}
			for _, ex := range e.NoMatch {
				if count(ex) > 0 {
					errs = append(errs, fmt.Errorf("%s: %q finds near-miss %q", tab.Name, name, ex))
				}
			}
		}
	}
	return errs
}

// anchoredStart reports whether re can match only at the start of text.
func anchoredStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine:
		return true
	case syntax.OpConcat, syntax.OpCapture:
		return len(re.Sub) > 0 && anchoredStart(re.Sub[0])
	}
	return false
}

// Has reports whether tab is one of the matcher's tables.
func (m *Matcher) Has(tab *Table) bool {
	for _, t := range m.tables {
		if t == tab {
			return true
		}
	}
	return false
}
