package rules

import (
	"slices"

	"github.com/articlelint/articlelint/internal/keywords"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// regexCache compiles each pattern once per process: rules build patterns
// from config values, and must not compile them again for every file.
type regexCache struct{ m sync.Map }

var phraseCache regexCache

func (c *regexCache) get(pattern string) (*regexp.Regexp, error) {
	if re, ok := c.m.Load(pattern); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c.m.Store(pattern, re)
	return re, nil
}

// lazyRegexp is a built-in pattern compiled on first use: compiling every
// rule's patterns at start-up costs more than linting one article, and
// the gates leave most patterns unused on most articles.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
	// anchored is whether the pattern uses ^, $, \A or \z: it cannot be
	// run on a window of the text and mean the same.
	anchored bool
	// gate, if set, holds words every match contains: WarmFor compiles
	// the pattern only for a text that holds one.
	gate *gate
}

// gatePatterns gives patterns[i] the gate gates[i].
func gatePatterns(patterns []*lazyRegexp, gates []gate) {
	for i := range patterns {
		patterns[i].gate = &gates[i]
	}
}

// compileHook, if set (by tests), sees every pattern a rule uses.
var compileHook func(*lazyRegexp)

// lazyPatterns lists every lazyRegexp, for the test that compiles them.
var lazyPatterns []*lazyRegexp

// lazyRE returns a pattern compiled on first use. Call it only from
// package-level variables.
func lazyRE(src string) *lazyRegexp {
	l := &lazyRegexp{src: src}
	lazyPatterns = append(lazyPatterns, l)
	return l
}

// compiled wraps a pattern compiled already (from config).
func compiled(re *regexp.Regexp) *lazyRegexp { return &lazyRegexp{re: re} }

func (l *lazyRegexp) get() *regexp.Regexp {
	if compileHook != nil {
		compileHook(l)
	}
	l.once.Do(func() {
		if l.re == nil {
			l.re = regexp.MustCompile(l.src)
		}
		l.anchored = hasAnchors(l.re.String())
	})
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool      { return l.get().MatchString(s) }
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRegexp) String() string                       { return l.get().String() }
func (l *lazyRegexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	return l.get().FindAllSubmatch(b, n)
}
func (l *lazyRegexp) ReplaceAllString(s, repl string) string {
	return l.get().ReplaceAllString(s, repl)
}

// hasAnchors reports whether a pattern holds a begin or end anchor.
func hasAnchors(src string) bool {
	if a, ok := scanAnchors(src); ok {
		return a
	}
	return parseAnchors(src)
}

// scanAnchors finds anchors by reading the pattern's text, skipping
// escapes and character classes, without parsing it: parsing every
// pattern again added a fifth to what compiling costs a one-file run
// (a pre-commit hook). ok is false for
// what it does not read (\Q...\E quoting).
func scanAnchors(src string) (anchored, ok bool) {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '^', '$':
			return true, true
		case '\\':
			if i+1 < len(src) {
				i++
				switch src[i] {
				case 'A', 'z':
					return true, true
				case 'Q':
					return false, false
				case 'p', 'P':
					i = skipBraces(src, i)
				}
			}
		case '[':
			i = classEnd(src, i)
		}
	}
	return false, true
}

// classEnd returns the index of the ] that closes the class opened at
// src[open], or len(src).
func classEnd(src string, open int) int {
	i := open + 1
	if i < len(src) && src[i] == '^' {
		i++
	}
	if i < len(src) && src[i] == ']' {
		i++ // a ] first in a class is itself
	}
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
			if i < len(src) && (src[i] == 'p' || src[i] == 'P') {
				i = skipBraces(src, i)
			}
		case '[':
			if i+1 < len(src) && src[i+1] == ':' {
				if end := strings.Index(src[i+2:], ":]"); end >= 0 {
					i += 2 + end + 1
				}
			}
		case ']':
			return i
		}
	}
	return len(src)
}

// skipBraces returns the index of the } of a \\p{...} whose p is at
// src[i], or i for a one-letter class such as \\pL.
func skipBraces(src string, i int) int {
	if i+1 < len(src) && src[i+1] == '{' {
		if end := strings.IndexByte(src[i+1:], '}'); end >= 0 {
			return i + 1 + end
		}
	}
	return i
}

// parseAnchors is hasAnchors by parsing the pattern.
func parseAnchors(src string) bool {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return true
	}
	var walk func(*syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
			return true
		}
		for _, sub := range r.Sub {
			if walk(sub) {
				return true
			}
		}
		return false
	}
	return walk(re)
}

// Warm compiles every built-in pattern and builds the gate-word index now
// rather than on first use (see lint.Warm).
func Warm() {
	gateWords.Find(nil, nil)
	for _, l := range lazyPatterns {
		l.get()
	}
}

// WarmFor compiles the built-in patterns that linting the article src
// may use: those without a gate, and those whose gate words src holds. On
// one article that is about a third of them, and compiling the rest in
// the background slowed the linting it was meant to speed up.
func WarmFor(src []byte) {
	for _, l := range warmSet(src) {
		l.get()
	}
}

// warmWords are the words of every gate word ("read", "the" of "read
// the"). WarmFor reads the source, where markup may separate them ("Read
// [the study](...)"), so it takes a gate word as present when all of its
// words are, anywhere.
var warmWords = sync.OnceValue(func() *keywords.Set {
	s := &keywords.Set{WordStart: true}
	for id := range gateWords.Len() {
		s.Add(strings.Fields(gateWords.Word(id))...)
	}
	return s
})

// warmSet returns the patterns WarmFor compiles for src.
func warmSet(src []byte) []*lazyRegexp {
	words := warmWords()
	found := map[string]bool{}
	for _, h := range words.Find(nil, keywords.Lower(nil, string(src))) {
		found[words.Word(int(h.Word))] = true
	}
	present := func(id int) bool {
		for _, w := range strings.Fields(gateWords.Word(id)) {
			if !found[w] {
				return false
			}
		}
		return true
	}
	var out []*lazyRegexp
	for _, l := range lazyPatterns {
		if l.gate == nil || slices.ContainsFunc(l.gate.ids, present) {
			out = append(out, l)
		}
	}
	return out
}
