package quantity

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord tkind = iota + 1
	tNum
	tSym
)

// tok is a word, a number or a symbol of the text.
type tok struct {
	kind       tkind
	start, end int
	// low is a word in lower case, or a symbol folded to ASCII where it
	// has one ("–" is "-").
	low string
	// A number: v read the English way, with dec digits after its
	// decimal mark. When its one separator is a comma or point followed
	// by exactly three digits ("6,400", "6.400"), amb is set and the
	// other reading is alt (alt has altDec decimals).
	v       float64
	dec     int
	amb     bool
	alt     float64
	altDec  int
	thouSep byte // amb: the separator, ',' or '.'
	plain   bool // digits only: no separator
}

// isSpaceGroup reports whether r separates groups of three digits in
// "6 400": a space, a no-break space or a thin space.
func isSpaceGroup(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// lex splits text into tokens. It reads each byte a bounded number of
// times: a number's separator is accepted or refused as it is read.
func lex(text string) []tok {
	toks := make([]tok, 0, len(text)/5+1)
	prev := rune(' ') // the rune before i
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && isDigit(byte(r)) && !isLetter(prev) && !(prev >= '0' && prev <= '9'),
			r == '.' && i+1 < len(text) && isDigit(text[i+1]) && !isLetter(prev) && !(prev >= '0' && prev <= '9'):
			// A number glued to a word by a hyphen ("COVID-19",
			// "IL-6") is part of a name.
			if len(toks) > 1 && toks[len(toks)-1].end == i {
				if h := toks[len(toks)-1]; h.low == "-" && toks[len(toks)-2].kind == tWord && toks[len(toks)-2].end == h.start {
					j := i
					for j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1])) {
						j++
					}
					toks = append(toks, tok{kind: tWord, start: i, end: j, low: text[i:j]})
					prev = rune(text[j-1])
					i = j
					continue
				}
			}
			t := lexNumber(text, i)
			t.low = text[t.start:t.end]
			toks = append(toks, t)
			prev, _ = utf8.DecodeLastRuneInString(text[:t.end])
			i = t.end
			continue
		case isLetter(r) || r < utf8.RuneSelf && isDigit(byte(r)):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isLetter(r2) && !(r2 < utf8.RuneSelf && isDigit(byte(r2))) {
					break
				}
				j += n2
			}
			toks = append(toks, tok{kind: tWord, start: i, end: j, low: lower(text[i:j])})
			prev, _ = utf8.DecodeLastRuneInString(text[:j])
			i = j
			continue
		case unicode.IsSpace(r):
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			// Invisible: no token, and no word edge either.
			i += n
			continue
		default:
			toks = append(toks, tok{kind: tSym, start: i, end: i + n, low: foldSym(r, text[i:i+n])})
		}
		prev = r
		i += n
	}
	return toks
}

// lower is strings.ToLower without an allocation for text already in
// lower case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func foldSym(r rune, s string) string {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return "-"
	case '\u2018', '\u2019', '\u201b', '\u02bc', '\u2032':
		return "'"
	case '\u2264', '\u2a7d':
		return "≤"
	case '\u2265', '\u2a7e':
		return "≥"
	case '\uff1c':
		return "<"
	case '\uff1e':
		return ">"
	case '\u223c', '\u301c', '\uff5e':
		return "~"
	}
	return s
}

// lexNumber reads the number at text[i]. The rules, for an English
// reader first:
//
//   - A group of digits may be followed by groups of exactly three
//     digits, each after the same thousands separator: a comma, a point,
//     or a space (also a no-break or thin space): 6,400 = 6.400 = 6 400.
//     A space joins groups only when the first has one to three digits.
//   - A second, different separator after such groups is the decimal
//     mark: 1,234.5 and 1.234,5 are both 1234.5.
//   - A single comma or point followed by other than three digits is the
//     decimal mark: 2,5 and 2.5 are 2.5; so is one after a leading 0
//     (0,125) or after four or more digits (1234,567). A middle dot (the
//     Lancet's 0·05) is always a decimal mark.
//   - A single comma or point followed by exactly three digits ("6,400",
//     "1.250") is ambiguous; the token keeps both readings and the
//     context decides (see resolve): a count of people is a whole number,
//     so 6.400 participants are 6400; otherwise English reads the comma
//     as thousands and the point as decimal, and languages that write a
//     decimal comma read them the other way round.
func lexNumber(text string, i int) tok {
	t := tok{kind: tNum, start: i}
	digits := func(j int) int {
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		return j
	}
	var b strings.Builder // the number in Go syntax
	j := i
	g0 := 0
	if text[j] != '.' {
		j = digits(i)
		g0 = j - i
		b.WriteString(text[i:j])
	}
	var (
		thou    byte // thousands separator seen ("s" for a space)
		groups  int  // groups after thousands separators
		decimal bool
		dec     int
	)
	for j < len(text) && !decimal {
		c := text[j]
		sepLen := 1
		var kind byte
		switch {
		case c == ',' || c == '.':
			kind = c
		case c == 0xc2 && j+1 < len(text) && text[j+1] == 0xb7: // U+00B7 middle dot
			kind, sepLen = 'm', 2
		default:
			if r, n := utf8.DecodeRuneInString(text[j:]); isSpaceGroup(r) {
				kind, sepLen = 's', n
			}
		}
		if kind == 0 || j+sepLen >= len(text) || !isDigit(text[j+sepLen]) {
			break
		}
		k := digits(j + sepLen)
		l := k - (j + sepLen)
		grp := text[j+sepLen : k]
		if g0 == 0 && kind != 's' {
			// ".03": the point is the decimal mark.
			if text[j] == '.' && j == i {
				decimal, dec = true, l
				b.WriteString("0." + grp)
				j = k
				continue
			}
			break
		}
		switch {
		case kind == 's':
			if l != 3 || g0 > 3 || (thou != 0 && thou != 's') {
				return finish(t, b.String(), j, thou, groups, dec)
			}
			thou = 's'
			groups++
			b.WriteString(grp)
			j = k
		case kind == 'm':
			decimal, dec = true, l
			b.WriteString("." + grp)
			j = k
		case thou == kind:
			if l != 3 {
				return finish(t, b.String(), j, thou, groups, dec)
			}
			groups++
			b.WriteString(grp)
			j = k
		case thou != 0:
			// A second, different separator: the decimal mark.
			decimal, dec = true, l
			b.WriteString("." + grp)
			j = k
		default:
			// The first comma or point.
			if l == 3 && g0 <= 3 && text[i] != '0' {
				thou = kind
				groups++
				b.WriteString(grp)
				j = k
				continue
			}
			decimal, dec = true, l
			b.WriteString("." + grp)
			j = k
		}
	}
	return finish(t, b.String(), j, thou, groups, dec)
}

func finish(t tok, num string, end int, thou byte, groups, dec int) tok {
	t.end = end
	t.v, _ = strconv.ParseFloat(num, 64)
	t.dec = dec
	t.plain = thou == 0 && dec == 0
	if (thou == ',' || thou == '.') && groups == 1 && dec == 0 {
		// "6,400" or "6.400": keep the decimal reading too.
		t.amb = true
		t.thouSep = thou
		t.alt = t.v / 1000
		t.altDec = 3
		if thou == '.' {
			// English reads the point as the decimal mark.
			t.v, t.alt = t.alt, t.v
			t.dec, t.altDec = 3, 0
		}
	}
	return t
}
