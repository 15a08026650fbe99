package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Prose is the readable text of a block with markup removed, mapped back to
// source offsets. Code spans become a placeholder so that no rule reads them.
type Prose struct {
	Text   string
	pieces []piece
}

// piece maps Text[text:text+n] to Source[src:srcEnd]. An exact piece has
// identical bytes on both sides; a synthetic one (a soft line break, a
// code placeholder) stands for the whole source range.
type piece struct {
	text, n     int
	src, srcEnd int
	exact       bool
	link        bool // text of a link: no bare URL is taken from it
}

// CodePlaceholder stands in prose for a code span.
const CodePlaceholder = "\uFFFC"

type proseBuilder struct {
	sb     strings.Builder
	pieces []piece
}

func (b *proseBuilder) exact(s string, src int, link bool) {
	if s == "" {
		return
	}
	if n := len(b.pieces); n > 0 {
		last := &b.pieces[n-1]
		if last.exact && last.link == link && last.srcEnd == src && last.text+last.n == b.sb.Len() {
			last.n += len(s)
			last.srcEnd += len(s)
			b.sb.WriteString(s)
			return
		}
	}
	b.pieces = append(b.pieces, piece{text: b.sb.Len(), n: len(s), src: src, srcEnd: src + len(s), exact: true, link: link})
	b.sb.WriteString(s)
}

func (b *proseBuilder) synthetic(s string, src, srcEnd int) {
	b.pieces = append(b.pieces, piece{text: b.sb.Len(), n: len(s), src: src, srcEnd: srcEnd})
	b.sb.WriteString(s)
}

// prose returns the text built. Its pieces end at their length, so that
// a builder that shares their array can never write into them.
func (b *proseBuilder) prose() Prose {
	return Prose{Text: b.sb.String(), pieces: b.pieces[:len(b.pieces):len(b.pieces)]}
}

func (p *Prose) find(i int) int {
	return sort.Search(len(p.pieces), func(k int) bool { return p.pieces[k].text+p.pieces[k].n > i })
}

// Source maps a text offset to a source offset.
func (p *Prose) Source(i int) int {
	if len(p.pieces) == 0 {
		return 0
	}
	k := p.find(i)
	if k == len(p.pieces) {
		return p.pieces[k-1].srcEnd
	}
	pc := p.pieces[k]
	if i < pc.text {
		return pc.src
	}
	if pc.exact {
		return pc.src + i - pc.text
	}
	if i == pc.text {
		return pc.src
	}
	return pc.srcEnd
}

// SourceSpan maps the text range [start, end) to a source span.
func (p *Prose) SourceSpan(start, end int) Span {
	s := p.Source(start)
	if end <= start {
		return Span{s, s}
	}
	k := p.find(end - 1)
	if k == len(p.pieces) {
		return Span{s, p.Source(end)}
	}
	pc := p.pieces[k]
	e := pc.srcEnd
	if pc.exact {
		e = pc.src + end - pc.text
	}
	return Span{s, e}
}

// InLinkText reports whether text offset i lies in the text of a link.
func (p *Prose) InLinkText(i int) bool {
	k := p.find(i)
	return k < len(p.pieces) && i >= p.pieces[k].text && p.pieces[k].link
}

// Exact reports whether text[start:end] is written verbatim in the source.
func (p *Prose) Exact(start, end int) bool {
	for k := p.find(start); k < len(p.pieces) && p.pieces[k].text < end; k++ {
		if !p.pieces[k].exact {
			return false
		}
		if k+1 < len(p.pieces) && p.pieces[k+1].text < end && p.pieces[k+1].src != p.pieces[k].srcEnd {
			return false
		}
	}
	return true
}

// abbreviations never end a sentence (lower-cased, without the dot).
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": false, "al": true, "dr": true, "mr": true, "mrs": true,
	"ms": true, "prof": true, "vs": true, "fig": true, "figs": true, "no": true, "nos": true,
	"approx": true, "ca": true, "cf": true, "inc": true, "ltd": true, "jr": true, "sr": true,
	"st": true, "u.s": true, "u.k": true, "vol": true, "pp": true, "p": true, "ref": true,
	"refs": true, "eq": true, "sec": true, "ch": true, "ed": true, "eds": true, "min": true,
	"max": true, "mg": false, "dept": true, "univ": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true,
}

// SplitSentences returns the [start, end) ranges of the sentences in s,
// trimmed of surrounding space.
func SplitSentences(s string) [][2]int { return AppendSentences(nil, s) }

// AppendSentences appends the ranges SplitSentences returns to out, so
// that a caller splitting many blocks can reuse one slice.
func AppendSentences(out [][2]int, s string) [][2]int {
	start := skipSpace(s, 0)
	marks := markFinder{pos: [3]int{-1, -1, -1}}
	for i := start; i < len(s); {
		k := marks.next(s, i)
		if k < 0 {
			break
		}
		i = k
		r := rune(s[i])
		end := markEnd(s, i)
		next := skipSpace(s, end)
		if next == end && end < len(s) {
			i = end // no space after: "10.5", "e.g.", a URL
			continue
		}
		if next < len(s) && !startsSentence(s[next:]) {
			i = end
			continue
		}
		if r == '.' && (isAbbreviation(s[start:i]) || isInitial(s[next:])) {
			i = end
			continue
		}
		out = append(out, [2]int{start, end})
		start = next
		i = next
	}
	return appendLast(out, s, start)
}

// markEnd returns where the sentence whose mark is at i ends: after a run
// of marks ("?!", "...") and the closing quotes, brackets and emphasis.
func markEnd(s string, i int) int {
	end := i + 1
	for end < len(s) && (s[end] == '.' || s[end] == '!' || s[end] == '?') {
		end++
	}
	for end < len(s) {
		c, n := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(`"')]”’»*_`, c) {
			break
		}
		end += n
	}
	return end
}

// appendLast appends s[start:], the text after the last mark, as a
// sentence without trailing space, unless it is empty.
func appendLast(out [][2]int, s string, start int) [][2]int {
	if start >= len(s) {
		return out
	}
	end := len(s)
	// By rune: a byte of a longer character (NBSP is C2 A0) is no space.
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if end > start {
		out = append(out, [2]int{start, end})
	}
	return out
}

// markFinder finds the sentence marks ".", "!" and "?". They are ASCII,
// never part of a longer UTF-8 sequence, so each is found with
// strings.IndexByte; where the next of each lies is kept, so that the
// rare "!" and "?" are searched for once per text, not at every full stop.
type markFinder struct {
	// pos[m] is where mark m next occurs at or after the last search,
	// len(s) if nowhere; below the search start, it is stale.
	pos [3]int
}

// next returns the offset of the first mark at or after i, or -1.
func (f *markFinder) next(s string, i int) int {
	best := len(s)
	for m, c := range [3]byte{'.', '!', '?'} {
		if f.pos[m] < i {
			f.pos[m] = len(s)
			if j := strings.IndexByte(s[i:], c); j >= 0 {
				f.pos[m] = i + j
			}
		}
		best = min(best, f.pos[m])
	}
	if best == len(s) {
		return -1
	}
	return best
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		// unicode.IsSpace's ASCII spaces, without decoding.
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'(“‘[*_`+CodePlaceholder, r) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

// isInitial reports whether s starts with an initial such as "K. ", as
// in "J. K. Rowling": the dot before it is not the end of a sentence.
func isInitial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(s) > n+1 && s[n] == '.' && s[n+1] == ' '
}

// isAbbreviation reports whether the word before a dot at the end of s is
// an abbreviation or an initial.
func isAbbreviation(s string) bool {
	j := len(s)
	for j > 0 {
		if len(s)-j > maxAbbreviation {
			// Longer than any abbreviation, in any case (a key's Kelvin
			// sign is the only non-ASCII form, in "u.k"), and than one rune.
			return false
		}
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(r) || r == '(' || r == '"' {
			break
		}
		j -= n
	}
	w := s[j:]
	if utf8.RuneCountInString(w) == 1 {
		// An initial, as in "J. K. Rowling", when the word before it is
		// capitalised too or there is none; "vitamin D." ends a sentence.
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		prev := strings.TrimRight(s[:j], " ")
		if prev == "" {
			return true
		}
		k := strings.LastIndexAny(prev, " (\"") + 1
		p, _ := utf8.DecodeRuneInString(prev[k:])
		return unicode.IsUpper(p)
	}
	return isAbbreviationWord(w)
}

// isAbbreviationWord reports whether w, in any case, is in abbreviations,
// without allocating for the usual ASCII word (every key is ASCII, at
// most maxAbbreviation bytes).
func isAbbreviationWord(w string) bool {
	var buf [maxAbbreviation]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if i == len(buf) {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

const maxAbbreviation = 8
