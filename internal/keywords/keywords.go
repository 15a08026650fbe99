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
	// two are the two-byte words, sorted by key (see key2); short is
	// the set of their keys.
	two   []twoWord
	short [1 << 16 / 64]uint64
	// The longer words are in buckets by their first three bytes, found
	// through slots (see slot); fourth[b] is the set of fourth bytes of
	// the words in bucket b, all of them if one has only three. tri
	// holds the hashes of the three-byte prefixes: checked first, it
	// passes few positions of prose.
	buckets [][]int32
	fourth  [][4]uint64
	slots   []uint64
	shift   uint
	tri     [1 << 16 / 64]uint64
}

type twoWord struct {
	key uint16
	id  int32
}

// key2 and key3 are the first two and three bytes of b as a number.
func key2(b []byte, i int) uint16 { return uint16(b[i]) | uint16(b[i+1])<<8 }
func key3(b []byte, i int) uint32 { return uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 }

// hash3 hashes a three-byte key into tri.
func hash3(k uint32) uint16 { return uint16(k * 0x9e3779b1 >> 16) }

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
		index := map[uint32]int{}
		for id, w := range s.words {
			switch len(w) {
			case 1:
				if len(s.one[w[0]]) == 0 {
					s.oneBytes = append(s.oneBytes, w[0])
				}
				s.one[w[0]] = append(s.one[w[0]], int32(id))
				continue
			case 2:
				k := key2([]byte(w), 0)
				s.two = append(s.two, twoWord{k, int32(id)})
				s.short[k/64] |= 1 << (k % 64)
				continue
			}
			k := key3([]byte(w), 0)
			b, ok := index[k]
			if !ok {
				b = len(s.buckets)
				index[k] = b
				s.buckets = append(s.buckets, nil)
				s.fourth = append(s.fourth, [4]uint64{})
				h := hash3(k)
				s.tri[h/64] |= 1 << (h % 64)
			}
			s.buckets[b] = append(s.buckets[b], int32(id))
			if len(w) == 3 {
				s.fourth[b] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			} else {
				s.fourth[b][w[3]/64] |= 1 << (w[3] % 64)
			}
		}
		slices.SortFunc(s.two, func(a, b twoWord) int { return int(a.key) - int(b.key) })
		// An open-addressed table at most a quarter full: a few KiB
		// where a direct index would take hundreds, which a one-file
		// run paid for in page faults.
		bits := uint(4)
		for 1<<bits < 4*len(index) {
			bits++
		}
		s.shift = 32 - bits
		s.slots = make([]uint64, 1<<bits)
		for k, b := range index {
			h := s.hash(k)
			for s.slots[h] != 0 {
				h = (h + 1) & uint32(len(s.slots)-1)
			}
			s.slots[h] = uint64(k)<<32 | uint64(b+1)
		}
	})
}

func (s *Set) hash(k uint32) uint32 { return k * 0x9e3779b1 >> s.shift }

// slot returns the bucket of three-byte key k, or -1 when no word starts
// with it (tri only says it may).
func (s *Set) slot(k uint32) int {
	mask := uint32(len(s.slots) - 1)
	for h := s.hash(k); ; h = (h + 1) & mask {
		e := s.slots[h]
		if e == 0 {
			return -1
		}
		if uint32(e>>32) == k {
			return int(uint32(e)) - 1
		}
	}
}

// twoAt returns the id of the two-byte word with key k, which short
// says there may be, or -1.
func (s *Set) twoAt(k uint16) int32 {
	i, ok := slices.BinarySearchFunc(s.two, k, func(w twoWord, k uint16) int { return int(w.key) - int(k) })
	if !ok {
		return -1
	}
	return s.two[i].id
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

// eachPair is each for the words of two bytes or more.
func (s *Set) eachPair(lower []byte, yield func(id int32, start int) bool) {
	if !s.WordStart {
		s.eachAnywhere(lower, yield)
		return
	}
	// Positions inside a word are masked out by arithmetic rather than a
	// branch: word boundaries are too irregular to predict, and a branch
	// per boundary cost more than reading the bitmaps at every byte.
	var prev uint64 // 1 when lower[i-1] is an ASCII word character
	for i := 0; i+1 < len(lower); i++ {
		w := wordBit[lower[i]]
		check := 1 ^ (w & prev)
		prev = w
		if check != 0 && !s.at(lower, i, yield) {
			return
		}
	}
}

// eachAnywhere is each for a set of words of two bytes or more, found
// anywhere: the tightest loop, since it runs on every block's prose. The
// filter is at's, by hand: as a call at every byte it made the scan half
// as fast.
func (s *Set) eachAnywhere(lower []byte, yield func(id int32, start int) bool) {
	if len(lower) < 2 {
		return
	}
	last := len(lower) - 2
	for i := 0; i < last; i++ {
		k := key3(lower, i)
		if k2 := uint16(k); s.short[k2/64]>>(k2%64)&1 == 0 {
			if h := hash3(k); s.tri[h/64]>>(h%64)&1 == 0 {
				continue
			}
		}
		if !s.at(lower, i, yield) {
			return
		}
	}
	s.at(lower, last, yield)
}

// at yields the words of two bytes or more that start at lower[i], and
// reports whether to go on. The three-byte filter comes first: it runs
// for every byte of prose, and rejects nearly all of them. Indexing by
// three bytes rather than two compares a twelfth as many words.
func (s *Set) at(lower []byte, i int, yield func(id int32, start int) bool) bool {
	if k := key2(lower, i); s.short[k/64]>>(k%64)&1 != 0 {
		if id := s.twoAt(k); id >= 0 && !yield(id, i) {
			return false
		}
	}
	if i+2 >= len(lower) {
		return true
	}
	k := key3(lower, i)
	if h := hash3(k); s.tri[h/64]>>(h%64)&1 == 0 {
		return true
	}
	b := s.slot(k)
	if b < 0 || i+3 < len(lower) && s.fourth[b][lower[i+3]/64]&(1<<(lower[i+3]%64)) == 0 {
		return true
	}
	for _, id := range s.buckets[b] {
		w := s.words[id]
		if n := len(w); len(lower)-i >= n && lower[i+n-1] == w[n-1] && string(lower[i:i+n]) == w && !yield(id, i) {
			return false
		}
	}
	return true
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
