// Package keywords finds a fixed set of lower-case words in text, all of
// them in one pass. Rules and the disclosure finder use it as a gate: a
// regular expression runs only near the words it needs, and most prose
// holds none of them.
package keywords

import (
	"sync"

	"github.com/coregx/ahocorasick"
)

// Set is a growing list of words, searched together. Words are added
// while packages initialise; the automaton is built on first search, so
// a process that never searches pays nothing at start-up.
type Set struct {
	mu    sync.Mutex
	words []string
	ids   map[string]int
	once  sync.Once
	ac    *ahocorasick.Automaton
}

// Hit is one occurrence of word Word (an id from Add) at text[Start:End].
type Hit struct {
	Word, Start, End int32
}

// Add adds words (lower-case; empty ones are ignored) and returns their
// ids; a word added twice keeps its first id. It panics after the first
// search: the automaton cannot grow.
func (s *Set) Add(words ...string) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ac != nil {
		panic("keywords: Add after the first search")
	}
	if s.ids == nil {
		s.ids = map[string]int{}
	}
	out := make([]int, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		id, ok := s.ids[w]
		if !ok {
			id = len(s.words)
			s.ids[w] = id
			s.words = append(s.words, w)
		}
		out = append(out, id)
	}
	return out
}

// Word returns the word with the given id.
func (s *Set) Word(id int) string { return s.words[id] }

// Len returns the number of words.
func (s *Set) Len() int { return len(s.words) }

func (s *Set) build() {
	s.once.Do(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.words) == 0 {
			return
		}
		ac, err := ahocorasick.NewBuilder().AddStrings(s.words).Build()
		if err != nil {
			// Only an empty list fails, and that is handled above.
			panic("keywords: " + err.Error())
		}
		s.ac = ac
	})
}

// Find appends to dst every occurrence, overlapping ones included, of
// the set's words in lower (text lower-cased with Lower), in order of
// their end.
func (s *Set) Find(dst []Hit, lower []byte) []Hit {
	s.build()
	if s.ac == nil {
		return dst
	}
	for _, m := range s.ac.FindAllOverlapping(lower) {
		dst = append(dst, Hit{Word: int32(m.PatternID), Start: int32(m.Start), End: int32(m.End)})
	}
	return dst
}

// Any reports whether lower holds one of the set's words.
func (s *Set) Any(lower []byte) bool {
	s.build()
	// Not IsMatch: its prefilter searches the rest of the text for every
	// first byte each time the automaton restarts, quadratic on prose.
	return s.ac != nil && len(s.ac.FindAllOverlapping(lower)) > 0
}

// Lower appends s to dst with ASCII letters lower-cased and every other
// byte kept, so that offsets into the result are offsets into s.
func Lower(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	for i := n; i < len(dst); i++ {
		if c := dst[i]; c >= 'A' && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}
