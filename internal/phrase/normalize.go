// Package phrase is articlelint's one text matcher: every rule that looks
// for words (chatbot leftovers, overclaims, attributions, placeholders,
// page furniture, house rules) keeps its phrases as a Table, and all the
// tables compile into one Matcher that reads each block's text once.
//
// Text is normalised before matching (Normalize): runs of white space
// (spaces, tabs, NBSP, line breaks) become one space, letters are
// lower-cased, typographic quotes, apostrophes and dashes become their
// ASCII forms, and invisible characters (soft hyphen, zero-width space)
// go. A match must start and end at a word edge, found by Unicode class
// (letters, marks and digits of every script), and maps back to exact
// byte offsets in the original text.
package phrase

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Text is a text normalised for matching, with the way back to the
// original.
type Text struct {
	// Norm is the normalised text.
	Norm string
	// src[i] is the offset in the original of the character that gave
	// Norm[i]; src[len(Norm)] is the original's length.
	src []int32
}

// Normalize returns s normalised for matching.
func Normalize(s string) Text {
	var t Text
	t.append(s)
	return t
}

// Source maps the normalised range [i, j) to the original's byte range.
// A collapsed run of white space maps to the whole run's start, so a match
// ends where its last character ends.
func (t *Text) Source(i, j int) (start, end int) {
	start = int(t.src[i])
	if j <= i {
		return start, start
	}
	// The next normalised byte's source starts where the match's last
	// character ends (a collapsed run of white space maps to its start).
	return start, int(t.src[j])
}

// Len is len(Norm).
func (t *Text) Len() int { return len(t.Norm) }

// fold maps typographic punctuation to the ASCII form a phrase is
// written with; 0 drops the character.
func fold(r rune) (rune, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\uFF07':
		return '\'', true
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02':
		return '"', true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-', true
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return 0, true
	}
	return r, false
}

func (t *Text) append(s string) {
	buf := make([]byte, 0, len(s))
	src := make([]int32, 0, len(s)+1)
	space := false // the last byte written is a space
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			// A run of bytes kept as they are, copied at once: most of
			// prose.
			j := i + 1
			for j < len(s) && plain[s[j]] {
				j++
			}
			buf = append(buf, s[i:j]...)
			n := len(src)
			// A lower-case letter may be longer than its capital ("Ⱥ"
			// is two bytes, "ⱥ" three), so src may have outgrown len(s).
			src = slices.Grow(src, j-i)[:n+j-i]
			for k := range src[n:] {
				src[n+k] = int32(i + k)
			}
			space = false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				if !space {
					buf = append(buf, ' ')
					src = append(src, int32(i))
					space = true
				}
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
				src = append(src, int32(i))
				space = false
			default:
				buf = append(buf, c)
				src = append(src, int32(i))
				space = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if !space {
				buf = append(buf, ' ')
				src = append(src, int32(i))
				space = true
			}
			i += n
			continue
		}
		if f, ok := fold(r); ok {
			r = f
		} else if r != utf8.RuneError {
			r = unicode.ToLower(r)
		}
		if r == 0 {
			i += n
			continue
		}
		if r == utf8.RuneError && n == 1 {
			// Invalid UTF-8 stays a byte of its own.
			buf = append(buf, s[i])
			src = append(src, int32(i))
		} else {
			start := len(buf)
			buf = utf8.AppendRune(buf, r)
			for range len(buf) - start {
				src = append(src, int32(i))
			}
		}
		space = false
		i += n
	}
	src = append(src, int32(len(s)))
	t.Norm = string(buf)
	t.src = src
}

// plain are the bytes Normalize keeps as they are: ASCII other than
// white space and capitals.
var plain = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || 'A' <= c && c <= 'Z')
	}
	return t
}()

// IsWord reports whether r is part of a word: a letter, mark or digit of
// any script.
func IsWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// WordEdges reports whether s[i:j] starts and ends at word edges: where
// its first (last) character is part of a word, the character before
// (after) it is not. "cure" in "écure" or "cured" is not at word edges.
func WordEdges(s string, i, j int) bool {
	if i >= j {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s[i:])
	if i > 0 && IsWord(first) {
		if before, _ := utf8.DecodeLastRuneInString(s[:i]); IsWord(before) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s[:j])
	if j < len(s) && IsWord(last) {
		if after, _ := utf8.DecodeRuneInString(s[j:]); IsWord(after) {
			return false
		}
	}
	return true
}
