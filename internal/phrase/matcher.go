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
	// everywhere runs every pattern on the whole text, as if no literal
	// filtered it: what tests compare the filters with.
	everywhere bool
	// also[t][e] are the further literal sets of a pattern
	// (Derived.Also). They are looked for only in a window that needs
	// them: scanning for them with the others made the scan slower than
	// the regular expressions they spared.
	also [][][][]string
}

type lazyRE struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
	// anchored patterns (^, \A) match only at the start: they are never
	// tried again further on.
	anchored bool
	// maxLen is the longest match in bytes, or -1 when unbounded or
	// anchored; maxSpaces the most spaces in a match, or -1. With
	// neither, a pattern runs on the whole text.
	maxLen, maxSpaces int
}

// findAll returns the matches of the pattern in norm that lie at word
// edges. A match that fails the edges does not hide one that starts
// later inside it: "(?:clinical )?studies show" in "preclinical studies
// show" finds "studies show".
func (l *lazyRE) findAll(norm string, from, to int) [][]int {
	re := l.get()
	var out [][]int
	for pos := from; pos <= to; {
		sm := re.FindStringSubmatchIndex(norm[pos:to])
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

// addWindow adds w to windows, ascending and disjoint, merging it with
// the last one when they overlap (hits come in order of their start).
func addWindow(ws [][2]int, w [2]int) [][2]int {
	if n := len(ws); n > 0 && w[0] <= ws[n-1][1] {
		ws[n-1][1] = max(ws[n-1][1], w[1])
		return ws
	}
	return append(ws, w)
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// Compile builds one matcher for tables. A pattern's required literals
// are derived from its syntax (see required), so that no rule keeps a
// list of words beside its patterns.
func Compile(tables ...*Table) (*Matcher, error) { return CompileWith(nil, tables...) }

// CompileWith is Compile with the patterns' derivations saved beforehand
// (phrasetest.Source); a pattern missing from pre is derived here.
func CompileWith(pre Derivations, tables ...*Table) (*Matcher, error) {
	m := &Matcher{tables: tables}
	// The literals are gathered first and indexed at once: a map and
	// slices grown one literal at a time were most of what building the
	// matcher allocated, which a one-file run pays for in page faults.
	var lits []string
	var refs []ref
	add := func(lit string, r ref) {
		lits = append(lits, lit)
		refs = append(refs, r)
	}
	m.literal = make([][]bool, len(tables))
	m.res = make([][]*lazyRE, len(tables))
	m.also = make([][][][]string, len(tables))
	for ti, t := range tables {
		m.literal[ti] = make([]bool, len(t.Entries))
		m.res[ti] = make([]*lazyRE, len(t.Entries))
		m.also[ti] = make([][][]string, len(t.Entries))
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
				d, ok := pre.lookup(e.Pattern)
				if !ok {
					var err error
					if d, err = Derive(e.Pattern); err != nil {
						return nil, fmt.Errorf("%s: pattern %q: %v", t.Name, e.Pattern, err)
					}
				}
				if d.Exact && e.Group == 0 {
					m.literal[ti][ei] = true
					for _, l := range d.Lits {
						add(l, r)
					}
					continue
				}
				m.res[ti][ei] = &lazyRE{src: e.Pattern, anchored: d.Anchored, maxLen: d.MaxLen, maxSpaces: d.MaxSpaces}
				if d.Lits == nil {
					m.free = append(m.free, r)
					continue
				}
				for _, l := range d.Lits {
					add(l, r)
				}
				m.also[ti][ei] = d.Also
			default:
				return nil, fmt.Errorf("%s: entry %d is empty", t.Name, ei)
			}
		}
	}
	m.index(lits, refs)
	return m, nil
}

// index adds lits to the keyword set and points each at the entries it
// stands for (refs[i] for lits[i]), all of byLit in one array.
func (m *Matcher) index(lits []string, refs []ref) {
	ids := m.lits.Add(lits...)
	count := make([]int32, m.lits.Len()+1)
	for _, id := range ids {
		count[id+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	all := make([]ref, len(ids))
	m.byLit = make([][]ref, m.lits.Len())
	for i, id := range ids {
		seg := all[count[id] : count[id]+int32(len(m.byLit[id]))]
		if !slices.Contains(seg, refs[i]) {
			m.byLit[id] = all[count[id] : count[id]+int32(len(m.byLit[id]))+1 : count[id+1]]
			m.byLit[id][len(m.byLit[id])-1] = refs[i]
		}
	}
}

// MustCompile is Compile for built-in tables.
func MustCompile(tables ...*Table) *Matcher { return MustCompileWith(nil, tables...) }

// MustCompileWith is CompileWith for built-in tables.
func MustCompileWith(pre Derivations, tables ...*Table) *Matcher {
	m, err := CompileWith(pre, tables...)
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
	// emit appends the matches of pattern r found in norm[w[0]:w[1]].
	emit := func(r ref, w [2]int) {
		tab := m.tables[r.table]
		e := &tab.Entries[r.entry]
		for _, sm := range m.res[r.table][r.entry].findAll(norm, w[0], w[1]) {
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
	// wins holds, for each pattern a literal of which was found, the
	// stretches around its literals where its matches can lie: a pattern
	// runs there, not on the whole text (a long block holds many hits of
	// common words).
	var wins map[ref][][2]int
	var order []ref
	if m.lits.Len() > 0 {
		lastEnd := map[ref]int{}
		for _, h := range m.lits.Find(nil, []byte(norm)) {
			for _, r := range m.byLit[h.Word] {
				if !m.literal[r.table][r.entry] {
					if m.everywhere {
						continue
					}
					if wins == nil {
						wins = map[ref][][2]int{}
					}
					if _, ok := wins[r]; !ok {
						order = append(order, r)
					}
					w := [2]int{0, len(norm)}
					l := m.res[r.table][r.entry]
					if n := l.maxSpaces; n >= 0 {
						w = spaceWindow(norm, int(h.Start), int(h.End), n)
					}
					// Each bound is exact on its own side (see spaceWindow and
					// maxLength), so the tighter one is taken on each.
					if n := l.maxLen; n >= 0 {
						w = [2]int{max(w[0], int(h.Start)-n), min(w[1], int(h.End)+n)}
					}
					wins[r] = addWindow(wins[r], w)
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
	for _, r := range order {
		for _, w := range wins[r] {
			if m.holdsAlso(r, norm[w[0]:w[1]]) {
				emit(r, w)
			}
		}
	}
	free := m.free
	if m.everywhere {
		free = nil
		for ti, res := range m.res {
			for ei, l := range res {
				if l != nil {
					free = append(free, ref{int32(ti), int32(ei)})
				}
			}
		}
	}
	for _, r := range free {
		emit(r, [2]int{0, len(norm)})
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

// holdsAlso reports whether window w holds a literal of each of pattern
// r's further sets: no match lies in a window that does not.
func (m *Matcher) holdsAlso(r ref, w string) bool {
	for _, set := range m.also[r.table][r.entry] {
		if !slices.ContainsFunc(set, func(l string) bool { return strings.Contains(w, l) }) {
			return false
		}
	}
	return true
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

// maxWindow bounds the windows a pattern runs in: past it, the whole
// text is read.
const maxWindow = 512

// maxLength returns the most bytes a match of re can take, or -1 when
// that is unbounded (a star) or more than maxWindow, or when re starts
// with an anchor, which a window's start would satisfy.
func maxLength(re *syntax.Regexp) int {
	if anchoredStart(re) {
		return -1 // "^" would match at every window's start
	}
	n := maxLen(re)
	if n > maxWindow {
		return -1
	}
	return n
}

func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginText, syntax.OpBeginLine, syntax.OpEndText, syntax.OpEndLine:
		// A \b or "(?:^|[^\pL])" at a window's edge may see an edge
		// inside a word, but the match's own edges are checked on the
		// whole text (WordEdges); a window ends past any match its
		// literal is in, so "$" matches only at the text's end.
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 {
				n += 2 // a fold may be longer ("k" and the Kelvin sign)
			}
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxLen(re.Sub[0])
	case syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		n := maxLen(re.Sub[0])
		if n < 0 {
			return -1
		}
		return min(n*re.Max, maxWindow+1)
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxLen(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total = min(total+n, maxWindow+1)
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	// Stars and pluses are unbounded.
	return -1
}

// maxSpacesBound bounds the spaces a pattern's window reaches across
// (Derived.MaxSpaces): past it, the whole text is read.
const maxSpacesBound = 16

// maxSpaces returns the most spaces a match of re can hold, or -1 when
// that is unbounded or above maxSpacesBound, or when re starts with an
// anchor. A pattern of words ("[\w'-]+" repeated) has no bound on its
// length but one on its spaces, the only white space left in normalised
// text: its window then reaches that many spaces around a literal.
func maxSpaces(re *syntax.Regexp) int {
	if anchoredStart(re) {
		return -1
	}
	if n := spaces(re); n <= maxSpacesBound {
		return n
	}
	return -1
}

func spaces(re *syntax.Regexp) int {
	const unbounded = 1 << 20
	switch re.Op {
	case syntax.OpLiteral:
		return strings.Count(string(re.Rune), " ")
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			if re.Rune[i] <= ' ' && ' ' <= re.Rune[i+1] {
				return 1
			}
		}
		return 0
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return spaces(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if spaces(re.Sub[0]) == 0 {
			return 0
		}
		return unbounded
	case syntax.OpRepeat:
		n := spaces(re.Sub[0])
		if n == 0 {
			return 0
		}
		if re.Max < 0 {
			return unbounded
		}
		return min(n*re.Max, unbounded)
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := spaces(sub)
			if re.Op == syntax.OpConcat {
				total = min(total+n, unbounded)
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return 0 // empty, anchors, word boundaries
}

// spaceWindow returns the stretch of norm around [start, end) that holds
// every match of at most k spaces containing it: from the (k+1)th space
// before start to the (k+1)th after end, both included, so that a
// match starting (ending) at the window's edge would need one space too
// many, and "^" or "$" there matches nothing.
func spaceWindow(norm string, start, end, k int) [2]int {
	a := start
	for n := 0; n <= k; n++ {
		i := strings.LastIndexByte(norm[:a], ' ')
		if i < 0 {
			a = 0
			break
		}
		a = i
	}
	b := end
	for n := 0; n <= k; n++ {
		i := strings.IndexByte(norm[b:], ' ')
		if i < 0 {
			b = len(norm)
			break
		}
		b += i + 1
	}
	return [2]int{a, b}
}
