// Package keywords finds a fixed set of lower-case words in text, all of
// them in one pass. Rules and the disclosure finder use it as a gate: a
// regular expression runs only near the words it needs, and most prose
// holds none of them.
//
// The search indexes words by their first two bytes. It is not
// Aho-Corasick: for the few hundred short words here, building an
// automaton (about a millisecond) costs more than linting one article,
// which matters for a pre-commit hook; a two-byte filter builds in
// microseconds and rejects almost every position of English prose.
package keywords

import (
	"bytes"
	"slices"
	"sync"
)

// Set is a growing list of words, searched together. Words are added
// while packages initialise; the index is built on first search.
type Set struct {
	// WordStart, set before the first search, finds a word that begins
	// with an ASCII letter, digit or _ only where no such character comes
	// before it: for gates of patterns that start their words at \b.
	WordStart bool

	mu    sync.Mutex
	words []string
	ids   map[string]int
	once  sync.Once
	built bool
	// one holds the one-byte words by their byte, and oneBytes those
	// bytes.
	one      [256][]int32
	oneBytes []byte
	// pairs holds the longer words by their first two bytes, found
	// through slots (see slot). third[b] is the set of third bytes of the
	// words in pairs[b], all of them if one has only two.
	pairs [][]int32
	third [][4]uint64
	slots []uint32
	shift uint
	// seen is the set of two-byte keys in slots: small enough to stay
	// in the L1 cache.
	seen [1 << 16 / 64]uint64
	// short is the set of two-byte words, and tri the hashes of the
	// first three bytes of the longer ones: checked first, they pass far
	// fewer positions of prose than seen, in which every common pair of
	// letters starts some word.
	short, tri [1 << 16 / 64]uint64
}

// hash3 hashes three bytes into tri.
func hash3(a, b, c byte) uint16 {
	return uint16((uint32(a) | uint32(b)<<8 | uint32(c)<<16) * 0x9e3779b1 >> 16)
}

// maybe reports whether a word of more than one byte may start at
// lower[i], given k, the two bytes there.
func (s *Set) maybe(lower []byte, i int, k uint16) bool {
	if s.short[k/64]>>(k%64)&1 != 0 {
		return true
	}
	if i+2 >= len(lower) {
		return false
	}
	h := hash3(lower[i], lower[i+1], lower[i+2])
	return s.tri[h/64]>>(h%64)&1 != 0 && s.seen[k/64]>>(k%64)&1 != 0
}

// Hit is one occurrence of word Word (an id from Add) at text[Start:End].
type Hit struct {
	Word, Start, End int32
}

// Add adds words (lower-case; empty ones are ignored) and returns their
// ids; a word added twice keeps its first id. It panics after the first
// search: the index cannot grow.
func (s *Set) Add(words ...string) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.built {
		panic("keywords: Add after the first search")
	}
	if s.ids == nil {
		s.ids = make(map[string]int, len(words))
		s.words = make([]string, 0, len(words))
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
		s.built = true
		index := map[uint16]int{}
		for id, w := range s.words {
			if len(w) == 1 {
				if len(s.one[w[0]]) == 0 {
					s.oneBytes = append(s.oneBytes, w[0])
				}
				s.one[w[0]] = append(s.one[w[0]], int32(id))
				continue
			}
			k := uint16(w[0]) | uint16(w[1])<<8
			s.seen[k/64] |= 1 << (k % 64)
			b, ok := index[k]
			if !ok {
				b = len(s.pairs)
				index[k] = b
				s.pairs = append(s.pairs, nil)
				s.third = append(s.third, [4]uint64{})
			}
			s.pairs[b] = append(s.pairs[b], int32(id))
			if len(w) == 2 {
				s.third[b] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
				s.short[k/64] |= 1 << (k % 64)
			} else {
				s.third[b][w[2]/64] |= 1 << (w[2] % 64)
				h := hash3(w[0], w[1], w[2])
				s.tri[h/64] |= 1 << (h % 64)
			}
		}
		// An open-addressed table at most a quarter full: a few KiB
		// where indexing all 65,536 keys took 128 KiB, which a one-file
		// run paid for in page faults.
		bits := uint(4)
		for 1<<bits < 4*len(index) {
			bits++
		}
		s.shift = 32 - bits
		s.slots = make([]uint32, 1<<bits)
		for k, b := range index {
			h := s.hash(k)
			for s.slots[h] != 0 {
				h = (h + 1) & uint32(len(s.slots)-1)
			}
			s.slots[h] = uint32(k)<<16 | uint32(b+1)
		}
	})
}

func (s *Set) hash(k uint16) uint32 { return uint32(k) * 0x9e3779b1 >> s.shift }

// slot returns the index into pairs of key k, which must be in seen.
func (s *Set) slot(k uint16) int {
	mask := uint32(len(s.slots) - 1)
	for h := s.hash(k); ; h = (h + 1) & mask {
		if e := s.slots[h]; e>>16 == uint32(k) && e&0xffff != 0 {
			return int(e&0xffff) - 1
		}
	}
}

// Find appends to dst every occurrence, overlapping ones included, of
// the set's words in lower (text lower-cased with Lower), in order of
// their start.
func (s *Set) Find(dst []Hit, lower []byte) []Hit {
	s.each(lower, func(id int32, i int) bool {
		dst = append(dst, Hit{Word: id, Start: int32(i), End: int32(i + len(s.words[id]))})
		return true
	})
	return dst
}

// Any reports whether lower holds one of the set's words.
func (s *Set) Any(lower []byte) bool {
	found := false
	s.each(lower, func(int32, int) bool {
		found = true
		return false
	})
	return found
}

// each calls yield with every word found in lower and where it starts,
// in order of start, until yield returns false. One-byte words ("[") are
// found by IndexByte and merged in: testing for them at every byte made
// the scan half as fast.
func (s *Set) each(lower []byte, yield func(id int32, start int) bool) {
	s.build()
	if len(s.oneBytes) == 0 {
		s.eachPair(lower, yield)
		return
	}
	ones := s.onePositions(lower)
	if len(ones) == 0 {
		s.eachPair(lower, yield)
		return
	}
	k := 0
	// flush yields the one-byte words up to position upto.
	flush := func(upto int) bool {
		for ; k < len(ones) && ones[k] <= upto; k++ {
			for _, id := range s.one[lower[ones[k]]] {
				if !yield(id, ones[k]) {
					return false
				}
			}
		}
		return true
	}
	stopped := false
	s.eachPair(lower, func(id int32, i int) bool {
		if !flush(i) || !yield(id, i) {
			stopped = true
			return false
		}
		return true
	})
	if !stopped {
		flush(len(lower))
	}
}

// onePositions returns where the one-byte words are in lower, in order.
func (s *Set) onePositions(lower []byte) []int {
	var out []int
	for n, c := range s.oneBytes {
		from := len(out)
		for i := 0; ; {
			j := bytes.IndexByte(lower[i:], c)
			if j < 0 {
				break
			}
			i += j
			if !s.WordStart || !wordByte[c] || i == 0 || !wordByte[lower[i-1]] {
				out = append(out, i)
			}
			i++
		}
		if n > 0 && from > 0 && from < len(out) {
			slices.Sort(out)
		}
	}
	return out
}

// eachPair is each for the words of two bytes or more. Its two loops
// repeat the lookup after the filter on purpose: as a call it made
// word-start scans about 40% slower (BenchmarkFind).
func (s *Set) eachPair(lower []byte, yield func(id int32, start int) bool) {
	if !s.WordStart {
		s.eachAnywhere(lower, yield)
		return
	}
	// Positions inside a word are masked out by arithmetic rather than a
	// branch: word boundaries are too irregular to predict, and a branch
	// per boundary cost more than reading the pair bitmap at every byte.
	var prev uint64 // 1 when lower[i-1] is an ASCII word character
	for i := 0; i+1 < len(lower); i++ {
		w := wordBit[lower[i]]
		check := 1 ^ (w & prev)
		prev = w
		k := uint16(lower[i]) | uint16(lower[i+1])<<8
		if check == 0 || !s.maybe(lower, i, k) {
			continue
		}
		b := s.slot(k)
		if i+2 < len(lower) && s.third[b][lower[i+2]/64]&(1<<(lower[i+2]%64)) == 0 {
			continue
		}
		for _, id := range s.pairs[b] {
			w := s.words[id]
			if n := len(w); len(lower)-i >= n && lower[i+n-1] == w[n-1] && string(lower[i:i+n]) == w && !yield(id, i) {
				return
			}
		}
	}
}

// eachAnywhere is each for a set of words of two bytes or more, found
// anywhere: the tightest loop, since it runs on every block's prose.
func (s *Set) eachAnywhere(lower []byte, yield func(id int32, start int) bool) {
	if len(lower) < 2 {
		return
	}
	prev := lower[0]
	for i, c := range lower[1:] {
		k := uint16(prev) | uint16(c)<<8
		prev = c
		// s.maybe, by hand: this loop runs for every byte of prose.
		if s.short[k/64]>>(k%64)&1 == 0 {
			if i+2 >= len(lower) {
				continue
			}
			h := hash3(lower[i], c, lower[i+2])
			if s.tri[h/64]>>(h%64)&1 == 0 || s.seen[k/64]>>(k%64)&1 == 0 {
				continue
			}
		}
		b := s.slot(k)
		if i+2 < len(lower) && s.third[b][lower[i+2]/64]&(1<<(lower[i+2]%64)) == 0 {
			continue
		}
		for _, id := range s.pairs[b] {
			w := s.words[id]
			if n := len(w); len(lower)-i >= n && lower[i+n-1] == w[n-1] && string(lower[i:i+n]) == w && !yield(id, i) {
				return
			}
		}
	}
}

// wordByte is the set of ASCII letters, digits and _.
var wordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// wordBit is wordByte as 0 or 1.
var wordBit = func() (t [256]uint64) {
	for c := range 256 {
		if wordByte[c] {
			t[c] = 1
		}
	}
	return t
}()

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
