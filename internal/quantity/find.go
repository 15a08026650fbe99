package quantity

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// parser reads the tokens of a text once. Each rule looks a bounded
// number of tokens ahead or behind, so a text of n tokens takes O(n).
type parser struct {
	text string
	lang string
	toks []tok
	out  []Quantity
}

// maxNumWords bounds a number written in words, maxMods the words
// between a number and its noun ("120 healthy pregnant women"), lookBack
// how far a quantity looks behind it ("aged", "daily dose of").
const (
	maxNumWords = 12
	maxMods     = 3
	lookBack    = 4
)

func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.toks[i].low
}

func (p *parser) is(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind != tNum && p.toks[i].low == s
}

// raw is token i as written.
func (p *parser) raw(i int) string { return p.text[p.toks[i].start:p.toks[i].end] }

// glued reports whether tokens i and i+1 touch.
func (p *parser) glued(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].end == p.toks[i+1].start
}

// stop reports whether token i ends a sentence or clause for a look
// back.
func (p *parser) stop(i int) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tSym {
		return false
	}
	switch p.toks[i].low {
	case ".", ";", "!", "?", ":", ")", "]":
		return true
	}
	return false
}

// langOK reports whether a word of language l reads in the text.
func (p *parser) langOK(l string, amb bool) bool {
	if l == "" || l == "en" {
		return true
	}
	if !amb && p.lang == "" {
		return true
	}
	for _, x := range strings.Fields(l) {
		if x == p.lang {
			return true
		}
	}
	return false
}

// glues reports whether a word of languages l may be glued to others.
func glues(l string) bool {
	for _, x := range strings.Fields(l) {
		if gluedLangs[x] {
			return true
		}
	}
	return false
}

// seq reports the end of words at token i, or -1.
func (p *parser) seq(i int, words []string) int {
	for k, w := range words {
		if i+k >= len(p.toks) || p.toks[i+k].low != w {
			return -1
		}
	}
	return i + len(words)
}

func (p *parser) step(i int) int {
	t := &p.toks[i]
	switch t.kind {
	case tWord:
		if j, ok := p.pvalue(i); ok {
			return j
		}
		if j, ok := p.nEquals(i); ok {
			return j
		}
		if j, ok := p.ratio(i); ok {
			return j
		}
		if j, ok := p.ci(i, i, 0, ""); ok {
			return j
		}
		if j, ok := p.between(i); ok {
			return j
		}
	}
	if a, k, ok := p.approx(i); ok {
		if _, ok := p.value(k, false); ok {
			return p.quantity(i, k, a)
		}
	}
	if _, ok := p.value(i, false); ok {
		return p.quantity(i, i, Exact)
	}
	return i + 1
}

// approx reads an approximation at token i.
func (p *parser) approx(i int) (Approx, int, bool) {
	best, bestEnd := Exact, -1
	if p.toks[i].kind == tNum {
		return best, bestEnd, false
	}
	for _, ap := range approxByWord[p.toks[i].low] {
		if !p.langOK(ap.lang, ap.amb) {
			continue
		}
		if e := p.seq(i, ap.words); e > bestEnd {
			best, bestEnd = ap.a, e
		}
	}
	return best, bestEnd, bestEnd > 0
}

// val is a number read at tokens [i, j).
type val struct {
	i, j int
	t    *tok    // digits; nil for number words
	v    float64 // number words
	mult float64
	neg  bool
}

// value reads a number at token i: digits, with a multiplier word
// ("1.2 million"), or number words. neg allows a minus sign before it.
func (p *parser) value(i int, neg bool) (val, bool) {
	if i >= len(p.toks) {
		return val{}, false
	}
	t := &p.toks[i]
	if t.kind == tNum {
		if len(t.low) > 1 && t.low[0] == '0' && isDigit(t.low[1]) || p.is(i-1, "%") && p.glued(i-1) {
			// An identifier (0020138) or percent-encoding (%282021).
			return val{}, false
		}
		v := val{i: i, j: i + 1, t: t, mult: 1}
		if m, ok := millionWords[p.word(i+1)]; ok {
			v.mult, v.j = m, i+2
		} else if p.glued(i) && p.toks[i+1].kind == tWord {
			// 21K, 1.3M
			switch p.raw(i + 1) {
			case "k", "K":
				v.mult, v.j = 1e3, i+2
			case "M":
				v.mult, v.j = 1e6, i+2
			}
		}
		if neg && i > 0 && p.glued(i-1) && p.toks[i-1].low == "-" && !(p.glued(i-2) && p.toks[i-2].kind == tNum) {
			v.neg, v.i = true, i-1
		}
		return v, true
	}
	if t.kind == tWord {
		if x, j, ok := p.numberWords(i); ok {
			return val{i: i, j: j, v: x, mult: 1}, true
		}
	}
	return val{}, false
}

// resolve returns v's value and precision (half the place value of its
// last digit). whole says the context wants a whole number: "6.400
// participants" are 6400.
func (p *parser) resolve(v val, whole bool) (x, prec float64) {
	if v.t == nil {
		x = v.v * v.mult
		if v.mult > 1 {
			prec = 0.5 * v.mult
		}
		return x, prec
	}
	t := v.t
	x, dec := t.v, t.dec
	if t.amb {
		english := true
		if whole {
			english = t.thouSep == ','
		} else if decimalComma[p.lang] {
			english = false
		}
		if !english {
			x, dec = t.alt, t.altDec
		}
	}
	if dec > 0 {
		prec = 0.5 * math.Pow(10, -float64(dec))
	}
	if v.mult > 1 {
		x *= v.mult
		prec = max(prec, 0.5*math.Pow(10, -float64(dec))) * v.mult
	}
	if v.neg {
		x = -x
	}
	return x, prec
}

// numberWords reads a number written in words at token i: "twenty-four",
// "one hundred and twenty", "a dozen", "vierundzwanzig", "treinta y dos".
func (p *parser) numberWords(i int) (float64, int, bool) {
	k := i
	// "half a dozen" is 6 and "half a million" 500,000, not the dozen or
	// million a reader would otherwise take from them.
	if p.word(k) == "half" && (p.word(k+1) == "a" || p.word(k+1) == "an") && (p.lang == "" || p.lang == "en") {
		nw, ok := p.numWord(k + 2)
		if !ok || len(nw) != 1 {
			return 0, 0, false
		}
		switch nw[0].class {
		case wDozen, wHundred, wThousand, wMillion:
			return nw[0].v / 2, k + 3, true
		}
		return 0, 0, false
	}
	if p.word(k) == "a" || p.word(k) == "an" {
		nw, ok := p.numWord(k + 1)
		if !ok || len(nw) != 1 || nw[0].class != wDozen && nw[0].class != wHundred && nw[0].class != wThousand {
			return 0, 0, false
		}
		k++
	}
	var s wstate
	end := -1
	for n := 0; k < len(p.toks) && n < maxNumWords; n++ {
		parts, ok := p.numWord(k)
		if !ok {
			break
		}
		next := s
		good := true
		for _, w := range parts {
			if !next.apply(w) {
				good = false
				break
			}
		}
		if !good {
			break
		}
		s = next
		end = k + 1
		switch {
		case p.is(k+1, "-") && p.glued(k) && p.glued(k+1):
			k += 2
		case numConnectors[p.word(k+1)] && (s.last == wHundred || s.last == wHundreds || s.last == wThousand || s.last == wTens):
			k += 2
		default:
			k++
		}
	}
	if end < 0 {
		return 0, 0, false
	}
	return s.total + s.cur, end, true
}

// numWord returns the parts of the number word at token i: one, or
// several for a word glued together (German, Dutch, Italian).
func (p *parser) numWord(i int) ([]numWord, bool) {
	w := p.word(i)
	if w == "" {
		return nil, false
	}
	if nw, ok := numWords[w]; ok {
		if !p.langOK(nw.lang, nw.amb) {
			return nil, false
		}
		return []numWord{nw}, true
	}
	if len(w) > 100 || !(p.lang == "" || gluedLangs[p.lang]) {
		return nil, false
	}
	return p.splitGlued(w)
}

// splitGlued splits a word into number words, longest first:
// zweihundertvierundzwanzig is zwei hundert vier und zwanzig, read as
// 2 x100 +20 +4.
func (p *parser) splitGlued(w string) ([]numWord, bool) {
	var parts []numWord
	joined := false // the last part was followed by und/en
	for pos := 0; pos < len(w); {
		found := false
		for l := min(len(w)-pos, 20); l >= 2 && !found; l-- {
			m := w[pos : pos+l]
			nw, ok := numWords[m]
			if !ok {
				nw, ok = gluedOnly[m]
			}
			if ok && glues(nw.lang) && p.langOK(nw.lang, false) {
				if joined {
					// A unit joined to tens: vier-und-zwanzig is 20+4.
					if nw.class != wTens || len(parts) == 0 || parts[len(parts)-1].class != wUnit {
						return nil, false
					}
					parts = append(parts[:len(parts)-1], nw, parts[len(parts)-1])
					joined = false
				} else {
					parts = append(parts, nw)
				}
				pos += l
				found = true
				continue
			}
			if !joined && len(parts) > 0 && slices.Contains(gluedJoiners, m) {
				joined = true
				pos += l
				found = true
			}
		}
		if !found {
			return nil, false
		}
	}
	if len(parts) < 2 || joined {
		return nil, false
	}
	return parts, true
}

// wstate adds up number words.
type wstate struct {
	total, cur float64
	last       wclass
}

func (s *wstate) apply(w numWord) bool {
	switch w.class {
	case wUnit:
		switch {
		case s.last == 0, s.last == wTens, s.last == wHundred, s.last == wHundreds, s.last == wThousand, s.last == wMillion:
		case s.last == wTeen && int(s.cur)%10 == 0:
			// dix-sept, soixante-dix-sept, quatre-vingt-dix-neuf
		default:
			return false
		}
		s.cur += w.v
	case wTeen:
		switch {
		case s.last == 0, s.last == wHundred, s.last == wHundreds, s.last == wThousand, s.last == wMillion:
		case s.last == wTens && (int(s.cur)%100 == 60 || int(s.cur)%100 == 80):
			// soixante-dix, quatre-vingt-treize
		default:
			return false
		}
		s.cur += w.v
	case wTens:
		switch {
		case s.last == 0, s.last == wHundred, s.last == wHundreds, s.last == wThousand, s.last == wMillion:
			s.cur += w.v
		case s.last == wUnit && int(s.cur)%100 == 4 && w.v == 20:
			// quatre-vingt
			s.cur += 76
		default:
			return false
		}
	case wHundreds:
		if s.last != 0 && s.last != wThousand && s.last != wMillion {
			return false
		}
		s.cur += w.v
	case wHundred:
		switch {
		case s.last == 0:
			s.cur = 100
		case (s.last == wUnit || s.last == wTeen) && s.cur < 100:
			s.cur *= 100
		default:
			return false
		}
	case wThousand:
		if s.last == wThousand || s.last == wMillion {
			return false
		}
		s.total += max(s.cur, 1) * 1000
		s.cur = 0
	case wMillion:
		if s.last == wMillion {
			return false
		}
		s.total = (s.total + max(s.cur, 1)) * 1e6
		s.cur = 0
	case wDozen:
		if s.last != 0 && s.last != wUnit {
			return false
		}
		s.cur = max(s.cur, 1) * 12
	}
	s.last = w.class
	return true
}

// unit is what follows a number: a percent sign, a unit of dose or time.
type unit struct {
	kind       Kind
	base       string
	factor     float64
	given      string
	end        int
	hyphenated bool // "12-week"
}

// unitAt reads a unit at token k, right after a number.
func (p *parser) unitAt(k int) (unit, bool) {
	if k >= len(p.toks) {
		return unit{}, false
	}
	for _, w := range pointWords {
		if e := p.seq(k, w); e > 0 {
			return unit{kind: Percent, base: "pp", factor: 1, given: "pp", end: e}, true
		}
	}
	for _, w := range percentWords {
		if e := p.seq(k, w); e > 0 {
			if p.glued(e-1) && p.toks[e].kind != tSym {
				// %2F: percent-encoding, not a percentage.
				return unit{}, false
			}
			return unit{kind: Percent, base: "%", factor: 1, given: "%", end: e}, true
		}
	}
	hyph := false
	if p.is(k, "-") && p.glued(k-1) && p.glued(k) {
		hyph = true
		k++
	}
	best, bestEnd := unitInfo{}, -1
	for _, us := range unitSeqs[p.toks[min(k, len(p.toks)-1)].low] {
		e := p.seq(k, us.words)
		if e <= bestEnd {
			continue
		}
		u := us.info
		if !p.langOK(u.lang, u.amb) {
			continue
		}
		if u.caseSensitive != "" && p.text[p.toks[k].start:p.toks[e-1].end] != u.caseSensitive {
			continue
		}
		if len(us.words) == 1 && len(us.words[0]) == 1 {
			// One letter is a unit only where nothing else reads it:
			// not "3D" or "5G", nor "6 y 12 meses" (a range) or "85 y
			// más"; "28 d" and "65 y" but not "3d".
			r := p.raw(k)
			if _, ok := p.value(e, false); ok || p.glued(k-1) && (r[0] < 'a' || r == "d" || r == "y") {
				continue
			}
			if r == "y" && p.toks[min(e, len(p.toks)-1)].kind == tWord && e < len(p.toks) && p.word(e) != "old" && p.word(e) != "of" {
				continue
			}
		}
		best, bestEnd = u, e
	}
	if bestEnd < 0 || hyph && best.kind != Duration && !(best.kind == Dose && len(best.given) > 1 && best.given != "ml") {
		// "12-week", "500-mg", not "0020138-L".
		return unit{}, false
	}
	return unit{kind: best.kind, base: best.base, factor: best.factor, given: best.given, end: bestEnd, hyphenated: hyph}, true
}

// rangeSep reports the end of a range's separator at token k: "-",
// "to", and after "between", "and".
func (p *parser) rangeSep(k int, between bool) (int, bool) {
	w := p.toks[min(k, len(p.toks)-1)]
	if k >= len(p.toks) || w.kind == tNum {
		return 0, false
	}
	switch w.low {
	case "-":
		return k + 1, true
	case "and", "und", "et", "y", "e", "en", "i":
		return k + 1, between
	case "a", "do":
		return k + 1, p.lang != "" && p.lang != "en"
	}
	if rangeWords[w.low] {
		return k + 1, true
	}
	return 0, false
}

// between reads "between 6 and 12 months".
func (p *parser) between(i int) (int, bool) {
	if !betweenWords[p.word(i)] {
		return 0, false
	}
	if _, ok := p.value(i+1, false); !ok {
		return 0, false
	}
	n := len(p.out)
	j := p.quantityRange(i, i+1, Exact, true)
	return j, len(p.out) > n
}

// quantity reads the quantity whose number is at token k; the text from
// token start (an approximation) belongs to it. It returns the token to
// go on from.
func (p *parser) quantity(start, k int, a Approx) int {
	return p.quantityRange(start, k, a, false)
}

func (p *parser) quantityRange(start, k int, a Approx, between bool) int {
	v1, _ := p.value(k, false)
	var v2 *val
	var u2 unit
	end := v1.j
	u1, has1 := p.unitAt(v1.j)
	if has1 && !u1.hyphenated {
		if s, ok := p.rangeSep(u1.end, between); ok {
			if w, ok := p.value(s, false); ok {
				if u, ok := p.unitAt(w.j); ok && u.kind == u1.kind && u.base == u1.base {
					v2, u2 = &w, u
				}
			}
		}
	} else if !has1 {
		if s, ok := p.rangeSep(v1.j, between); ok {
			if w, ok := p.value(s, false); ok {
				v2 = &w
				u1, has1 = p.unitAt(w.j)
				u2 = u1
			}
		}
	}
	if between && v2 == nil {
		return k + 1
	}
	if has1 {
		q := Quantity{Kind: u1.kind, Unit: u1.base, Given: u1.given, Approx: a}
		x, prec := p.resolve(v1, false)
		q.Value, q.Prec = x*u1.factor, prec*u1.factor
		q.Hi = q.Value
		end = u1.end
		if v2 != nil {
			y, prec2 := p.resolve(*v2, false)
			q.Hi = y * u2.factor
			q.Prec = max(q.Prec, prec2*u2.factor)
			end = u2.end
			if q.Hi < q.Value {
				// Not a range ("10-5"): the first number alone.
				return v1.j
			}
			if u2.given != u1.given {
				q.Given = u1.given + "-" + u2.given
			}
		}
		if q.Kind == Percent && q.Prec == 0 {
			q.Prec = 0.5
		}
		switch q.Kind {
		case Percent:
			if v2 == nil && a == Exact {
				if j, ok := p.ci(end, start, x, ""); ok {
					return j
				}
			}
			q.Noun = p.ofNoun(end)
		case Dose:
			end = p.dose(&q, start, end)
		case Duration:
			end = p.duration(&q, &start, end, u1.hyphenated)
		}
		q.Value, q.Hi, q.Prec = roundSig(q.Value), roundSig(q.Hi), roundSig(q.Prec)
		q.Span = Span{p.toks[start].start, p.toks[end-1].end}
		p.out = append(p.out, q)
		return end
	}
	// A count: a whole number and a noun after it, not a compound
	// ("two-sample test", "2019-nCoV").
	x, prec := p.resolve(v1, true)
	if x != math.Trunc(x) || x < 0 || p.yearLike(v1) || p.is(v1.j, "-") && p.glued(v1.j-1) && p.glued(v1.j) {
		return v1.j
	}
	if v2 != nil && yearNumber(v1.t) && yearNumber(v2.t) {
		// 2020-2021 cohort
		return v2.j
	}
	nk := end
	if v2 != nil {
		nk = v2.j
	}
	noun, nend, ok := p.nounAt(nk)
	partOf := false
	if !ok && v2 == nil && v1.t != nil {
		// "72 of 120 mothers", "72 of the mothers"; not "one of the
		// mothers".
		noun, nend, ok = p.ofCount(v1.j)
		partOf = ok
	}
	if ok && !p.countNoun(v1, x, noun, nend, partOf) {
		ok = false
	}
	if !ok {
		if v2 != nil {
			return v2.j
		}
		return v1.j
	}
	q := Quantity{Kind: Count, Value: x, Hi: x, Prec: prec, Noun: noun, Approx: a, Part: partOf}
	if v2 != nil {
		y, prec2 := p.resolve(*v2, true)
		if y < x || y != math.Trunc(y) {
			return v1.j
		}
		q.Hi, q.Prec = y, max(prec, prec2)
	}
	q.Span = Span{p.toks[start].start, p.toks[nend-1].end}
	p.out = append(p.out, q)
	if partOf {
		return v1.j
	}
	return nend
}

// yearLike reports whether v is a year by the word before it: "in 2019
// mothers were ...", "a 2025 study".
func (p *parser) yearLike(v val) bool {
	return yearNumber(v.t) && (yearCues[p.word(v.i-1)] || p.is(v.i-1, "(") || p.is(v.i-1, ","))
}

// yearNumber reports whether t is written as a year of research: four
// digits from 1900 to 2039, no separator.
func yearNumber(t *tok) bool {
	return t != nil && t.plain && t.end-t.start == 4 && t.v >= 1900 && t.v < 2040
}

// countNoun reports whether the noun ending at token nend can be what x
// counts: an English noun agrees in number ("one participant", "six
// participants"; not "equation 17 of the paper"); a year-like number
// counts no study or report and no noun in capitals ("a 2025 study",
// "2020 Financial Report").
func (p *parser) countNoun(v val, x float64, canon string, nend int, partOf bool) bool {
	form := p.toks[nend-1].low
	n := nouns[form]
	if n.lang == "" {
		plural := pluralEnglish(form)
		if plural != (x != 1) && form != "zebrafish" || partOf && !plural {
			return false
		}
	}
	if yearNumber(v.t) {
		switch canon {
		case "study", "article", "trial", "cohort":
			return false
		}
		if n.lang == "" && unicode.IsUpper([]rune(p.raw(nend - 1))[0]) {
			return false
		}
	}
	return true
}

func pluralEnglish(form string) bool {
	switch form {
	case "people", "women", "men", "children", "mice", "kids", "persons", "rcts", "families", "countries", "studies", "babies":
		return true
	case "series", "zebrafish":
		return false
	}
	return strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss")
}

// nounAt reads a counted noun at token k, after at most maxMods words
// ("120 healthy pregnant women"). Of several nouns in a row the last is
// the head: "120 mother-infant pairs" counts pairs.
func (p *parser) nounAt(k int) (string, int, bool) {
	canon, end := "", -1
	mods := 0
	for ; k < len(p.toks); k++ {
		t := &p.toks[k]
		if t.kind == tSym && t.low == "-" && p.glued(k-1) && p.glued(k) && p.toks[k+1].kind == tWord {
			continue
		}
		if t.kind != tWord {
			break
		}
		if n, ok := nouns[t.low]; ok && p.langOK(n.lang, n.amb) {
			canon, end = n.canon, k+1
			continue
		}
		if end >= 0 {
			// A noun ends the noun phrase unless a hyphen joins it on
			// ("mother-infant").
			if !(p.is(k-1, "-") && p.glued(k-1)) {
				break
			}
			continue
		}
		if breakers[t.low] || mods >= maxMods {
			break
		}
		if _, ok := numWords[t.low]; ok {
			break
		}
		if _, ok := unitSeqs[t.low]; ok {
			break
		}
		mods++
	}
	return canon, end, end >= 0
}

// ofCount reads "of 120 mothers" or "of the mothers" after a number.
func (p *parser) ofCount(k int) (string, int, bool) {
	if p.word(k) != "of" && !(p.word(k) == "out" && p.word(k+1) == "of") {
		return "", 0, false
	}
	if p.word(k) == "out" {
		k++
	}
	k++
	switch p.word(k) {
	case "the", "all", "these", "those":
		k++
	}
	if v, ok := p.value(k, false); ok {
		k = v.j
	}
	return p.nounAt(k)
}

// ofNoun is the noun of "40% of (the) mothers".
func (p *parser) ofNoun(k int) string {
	if p.word(k) != "of" {
		return ""
	}
	k++
	switch p.word(k) {
	case "the", "all", "these", "those":
		k++
	}
	if v, ok := p.value(k, false); ok {
		k = v.j
	}
	n, _, _ := p.nounAt(k)
	return n
}

// dose reads what follows a dose's unit: a denominator ("/kg") and how
// often ("a day", "of vitamin D3 daily"), and "daily dose of" before it.
func (p *parser) dose(q *Quantity, start, end int) int {
	if p.is(end, "/") || p.word(end) == "per" {
		switch p.word(end + 1) {
		case "kg", "kilogram":
			q.Unit += "/kg"
			end += 2
		case "ml", "l", "dl":
			q.Unit += "/" + p.word(end+1)
			end += 2
		}
	}
	if per, e := p.per(end); e > 0 {
		q.Per = per
		return e
	}
	{
		// "6,400 IU of vitamin D3 per day", "6400 IU vitamin D daily"
		from := end
		if p.word(end) == "of" {
			from++
		}
		for k := from; k < len(p.toks) && k <= from+4; k++ {
			if per, e := p.per(k); e > 0 {
				q.Per = per
				return e
			}
			if p.toks[k].kind == tNum || p.toks[k].kind == tSym && p.toks[k].low != "-" {
				break
			}
		}
	}
	for k := start - 1; k >= 0 && k >= start-lookBack && !p.stop(k); k-- {
		switch p.word(k) {
		case "daily", "täglich", "tägliche", "täglichen", "quotidienne", "diaria", "giornaliera", "dagelijkse":
			q.Per = "day"
		case "weekly", "wöchentlich", "wöchentliche", "wöchentlichen", "hebdomadaire", "semanal", "settimanale", "wekelijkse":
			q.Per = "week"
		case "monthly", "monatlich", "monatliche", "mensuelle", "mensual", "mensile", "maandelijkse":
			q.Per = "month"
		default:
			continue
		}
		break
	}
	return end
}

// per reads how often a dose is taken at token k.
func (p *parser) per(k int) (string, int) {
	best, bestEnd := "", -1
	if k >= len(p.toks) {
		return best, bestEnd
	}
	for _, pp := range perByWord[p.toks[k].low] {
		if e := p.seq(k, pp.words); e > bestEnd {
			best, bestEnd = pp.per, e
		}
	}
	return best, bestEnd
}

// duration makes a duration an age when the words around it say so
// ("aged 65 years", "65-year-old"), and reads "over two years" as
// "during", not "more than".
func (p *parser) duration(q *Quantity, start *int, end int, hyph bool) int {
	age := false
	for k := *start - 1; k >= 0 && k >= *start-lookBack && !p.stop(k); k-- {
		if ageBefore[p.word(k)] {
			age = true
			*start = k
			break
		}
	}
	if p.is(end, "-") && p.glued(end-1) && p.glued(end) && p.word(end+1) == "old" {
		age, end = true, end+2
	} else if !hyph {
		for _, w := range ageAfter {
			if e := p.seq(end, w); e > 0 {
				age, end = true, e
				break
			}
		}
	}
	if age {
		q.Kind = Age
	} else if q.Approx == Over && (p.word(*start) == "over" || p.word(*start) == "über") {
		q.Approx = About
	}
	return end
}

// pvalue reads "p < 0.05", "P=.03", "p-value of 0.03".
func (p *parser) pvalue(i int) (int, bool) {
	if p.word(i) != "p" {
		return 0, false
	}
	k := i + 1
	if p.is(k, "-") && p.glued(i) && (p.word(k+1) == "value" || p.word(k+1) == "wert") {
		k += 2
	} else if p.word(k) == "value" {
		k++
	}
	a := Exact
	switch {
	case p.is(k, "<") && p.is(k+1, "="), p.is(k, "≤"):
		a = AtMost
	case p.is(k, ">") && p.is(k+1, "="), p.is(k, "≥"):
		a = AtLeast
	case p.is(k, "<"):
		a = Under
	case p.is(k, ">"):
		a = Over
	case p.is(k, "="), p.word(k) == "of", p.word(k) == "was", p.word(k) == "is":
	default:
		return 0, false
	}
	switch {
	case p.is(k+1, "=") && (a == AtMost || a == AtLeast):
		k += 2
	case p.word(k) == "was" || p.word(k) == "is":
		k++
		if p.is(k, "<") {
			a = Under
			k++
		} else if p.is(k, "=") {
			k++
		}
	default:
		k++
	}
	v, ok := p.value(k, false)
	if !ok || v.t == nil || v.mult != 1 {
		return 0, false
	}
	x, prec := p.resolve(v, false)
	if x < 0 || x > 1 {
		return 0, false
	}
	p.out = append(p.out, Quantity{Kind: PValue, Value: x, Hi: x, Unit: "p", Prec: roundSig(prec), Approx: a,
		Span: Span{p.toks[i].start, p.toks[v.j-1].end}})
	return v.j, true
}

// nEquals reads "n = 72": a count of the noun after it, or of the
// nearest before it ("mothers (n = 72)").
func (p *parser) nEquals(i int) (int, bool) {
	if p.word(i) != "n" || !p.is(i+1, "=") {
		return 0, false
	}
	v, ok := p.value(i+2, false)
	if !ok || v.t == nil {
		return 0, false
	}
	x, prec := p.resolve(v, true)
	if x != math.Trunc(x) || x < 0 {
		return v.j, true
	}
	noun, _, ok := p.nounAt(v.j)
	for k := i - 1; !ok && k >= 0 && k >= i-2*lookBack && !p.stop(k); k-- {
		if n, found := nouns[p.word(k)]; found && p.langOK(n.lang, n.amb) {
			noun, ok = n.canon, true
		}
	}
	p.out = append(p.out, Quantity{Kind: Count, Value: x, Hi: x, Prec: prec, Noun: noun,
		Span: Span{p.toks[i].start, p.toks[v.j-1].end}})
	return v.j, true
}

// ratio reads "OR 1.5", "hazard ratio of 0.77 (95% CI ...)".
func (p *parser) ratio(i int) (int, bool) {
	canon, k := "", -1
	if r, ok := ratioAbbr[p.raw(i)]; ok {
		canon, k = r, i+1
	} else {
		for _, rp := range ratioPhrases {
			if e := p.seq(i, rp.words); e > k {
				canon, k = rp.unit, e
			}
		}
	}
	if k < 0 {
		return 0, false
	}
	for n := 0; n < 2; n++ {
		switch p.toks[min(k, len(p.toks)-1)].low {
		case "=", ":", "of", "was", "is", ",", "(", "von", "de", "di":
			k++
			continue
		}
		break
	}
	v, ok := p.value(k, false)
	if !ok || v.t == nil || v.mult != 1 {
		return 0, false
	}
	x, prec := p.resolve(v, false)
	if x <= 0 {
		return 0, false
	}
	p.out = append(p.out, Quantity{Kind: Ratio, Value: x, Hi: x, Unit: canon, Given: canon, Prec: roundSig(prec),
		Span: Span{p.toks[i].start, p.toks[v.j-1].end}})
	k = v.j
	for n := 0; n < 2 && k < len(p.toks); n++ {
		switch p.toks[k].low {
		case "(", ",", "[":
			k++
			continue
		}
		break
	}
	if j, ok := p.ciStart(k, canon); ok {
		return j, true
	}
	return v.j, true
}

// ciStart reads a confidence interval at token k: "95% CI 1.2-3.4" or
// "CI 1.2 to 3.4".
func (p *parser) ciStart(k int, noun string) (int, bool) {
	if v, ok := p.value(k, false); ok && v.t != nil {
		if u, ok := p.unitAt(v.j); ok && u.kind == Percent && u.base == "%" {
			level, _ := p.resolve(v, false)
			return p.ci(u.end, k, level, noun)
		}
		return 0, false
	}
	return p.ci(k, k, 0, noun)
}

// ci reads a confidence interval whose name is at token k; start is
// where it began (its level, if written before it).
func (p *parser) ci(k, start int, level float64, noun string) (int, bool) {
	if p.is(k, "-") && p.glued(k-1) && p.glued(k) {
		k++ // 95%-KI
	}
	e := -1
	if k < len(p.toks) && ciAbbr[p.raw(k)] {
		e = k + 1
	} else {
		for _, w := range ciPhrases {
			if x := p.seq(k, w); x > e {
				e = x
			}
		}
	}
	if e < 0 {
		return 0, false
	}
	k = e
	if level == 0 {
		// "IC 95 %", "CI95%"
		if v, ok := p.value(k, false); ok && v.t != nil {
			if u, ok := p.unitAt(v.j); ok && u.kind == Percent {
				level, _ = p.resolve(v, false)
				k = u.end
			}
		}
	}
	for n := 0; n < 4 && k < len(p.toks); n++ {
		switch p.toks[k].low {
		case "(", ")", "[", "]", ":", ",", "=", "of", "from", "was", "ci", "is":
			k++
			continue
		}
		break
	}
	k = p.minus(k)
	lo, ok := p.value(k, true)
	if !ok || lo.t == nil {
		return 0, false
	}
	k = lo.j
	pct := false
	if p.is(k, "%") {
		pct = true
		k++
	}
	switch {
	case p.is(k, "-"), p.is(k, ","), p.is(k, ";"):
		k++
	case rangeWords[p.word(k)] && p.word(k) != "and" && p.word(k) != "e" && p.word(k) != "i":
		k++
	default:
		return 0, false
	}
	k = p.minus(k)
	hi, ok := p.value(k, true)
	if !ok || hi.t == nil {
		return 0, false
	}
	end := hi.j
	if p.is(end, "%") {
		pct = true
		end++
	}
	x, p1 := p.resolve(lo, false)
	y, p2 := p.resolve(hi, false)
	if y < x {
		return 0, false
	}
	q := Quantity{Kind: CI, Value: roundSig(x), Hi: roundSig(y), Prec: roundSig(max(p1, p2)), Level: level, Noun: noun,
		Span: Span{p.toks[start].start, p.toks[end-1].end}}
	if pct {
		q.Unit = "%"
	}
	p.out = append(p.out, q)
	return end, true
}

// minus steps over a minus sign at token k that belongs to the number
// after it.
func (p *parser) minus(k int) int {
	if p.is(k, "-") && p.glued(k) && p.toks[k+1].kind == tNum {
		return k + 1
	}
	return k
}
