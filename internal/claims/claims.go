package claims

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/phrase"
)

// Span is a byte range of the sentence.
type Span struct{ Start, End int }

// Mention is a design the sentence names.
type Mention struct {
	Design Design
	Span   Span
	// Negated: "not a randomised trial".
	Negated bool
}

// Causal is causal wording.
type Causal struct {
	Span Span
	// Negated: "does not cause", "no evidence that it prevents".
	Negated bool
	// Hedged: the sentence hedges ("may prevent", "is associated with",
	// "suggests"), asks ("whether", "?") or states an aim ("designed to
	// prevent"): it does not assert the cause.
	Hedged bool
}

// Year is a year the sentence gives for a publication.
type Year struct {
	Year int
	Span Span
	// Cue is how it is given: CuePublished, CueAuthor, CueStudy or
	// CueJournal.
	Cue string
}

// Journal is a journal's name the sentence gives, as written.
type Journal struct {
	Name string
	Span Span
}

// Claim is what a sentence says about a study. Spans are byte offsets
// into the sentence (into the text given to Read).
type Claim struct {
	// Designs are the designs named, in order, overlaps resolved to the
	// longest ("randomised controlled trial", not "controlled trial").
	// Animal and InVitro mentions say the study was in animals or cells.
	Designs []Mention
	Causal  []Causal
	// Hedges are the hedging words.
	Hedges []Span
	// People are words for people ("mothers", "patients", "you").
	People   []Span
	Years    []Year
	Journals []Journal
}

// Asserts reports whether the sentence asserts a cause: causal wording
// neither negated nor hedged.
func (c *Claim) Asserts() bool {
	for _, x := range c.Causal {
		if !x.Negated && !x.Hedged {
			return true
		}
	}
	return false
}

// Model is Animal or InVitro when the sentence says the study was in
// animals or cells (both: the first named), else Unknown.
func (c *Claim) Model() Design {
	for _, m := range c.Designs {
		if !m.Negated && (m.Design == Animal || m.Design == InVitro) {
			return m.Design
		}
	}
	return Unknown
}

// AboutPeople reports whether the sentence speaks of people.
func (c *Claim) AboutPeople() bool { return len(c.People) > 0 }

// Design is the first design named and not negated, other than Animal
// and InVitro (see Model), or Unknown.
func (c *Claim) Design() Design {
	for _, m := range c.Designs {
		if !m.Negated && m.Design != Animal && m.Design != InVitro {
			return m.Design
		}
	}
	return Unknown
}

var matcher = sync.OnceValue(func() *phrase.Matcher { return phrase.MustCompileWith(Derivations, Tables()...) })

// Extract reads one sentence.
func Extract(sentence string) Claim {
	t := phrase.Normalize(sentence)
	return Read(sentence, &t, matcher().Scan(nil, &t))
}

// Read reads a sentence from matches of Tables() in its normalised text
// t, for a caller that scans the tables with its own matcher; src is the
// text t was normalised from. Matches of other tables are ignored.
func Read(src string, t *phrase.Text, ms []phrase.Match) Claim {
	var c Claim
	span := func(m phrase.Match) Span {
		a, b := t.Source(m.Start, m.End)
		return Span{a, b}
	}
	var designs, causal, nounUse, hedges, neg, noEv []phrase.Match
	for _, m := range ms {
		switch m.Table {
		case DesignTable:
			designs = append(designs, m)
		case CausalTable:
			causal = append(causal, m)
		case NounUseTable:
			nounUse = append(nounUse, m)
		case HedgeTable:
			hedges = append(hedges, m)
			c.Hedges = append(c.Hedges, span(m))
		case NegationTable:
			neg = append(neg, m)
		case NoEvidenceTable:
			noEv = append(noEv, m)
		case PeopleTable:
			c.People = append(c.People, span(m))
		case YearTable:
			c.addYear(src, t, m, span(m))
		case JournalTable:
			c.addJournal(src, t, m)
		}
	}
	negated := func(m phrase.Match) bool {
		for _, n := range noEv {
			if n.To <= m.At {
				return true
			}
		}
		for _, n := range neg {
			if n.To <= m.At && strings.Count(t.Norm[n.To:m.At], " ") <= 4 && !strings.ContainsAny(t.Norm[n.To:m.At], ",;:.") {
				return true
			}
		}
		return false
	}
	for _, m := range longest(designs) {
		d := designEntries[m.Entry].design
		if d == Unknown {
			continue
		}
		c.Designs = append(c.Designs, Mention{Design: d, Span: span(m), Negated: negated(m)})
	}
	// People words inside a design ("in human cells") are the design's.
	c.People = slices.DeleteFunc(c.People, func(p Span) bool {
		for _, d := range c.Designs {
			if p.Start < d.Span.End && d.Span.Start < p.End {
				return true
			}
		}
		return false
	})
	for _, m := range causal {
		if overlapsAny(m, nounUse) {
			continue
		}
		c.Causal = append(c.Causal, Causal{Span: span(m), Negated: negated(m), Hedged: len(hedges) > 0})
	}
	slices.SortStableFunc(c.Years, func(a, b Year) int { return a.Span.Start - b.Span.Start })
	return c
}

func overlapsAny(m phrase.Match, ms []phrase.Match) bool {
	for _, x := range ms {
		if x.At < m.To && m.At < x.To {
			return true
		}
	}
	return false
}

// longest keeps, of matches that overlap, the longest (the first of
// equals): "randomised controlled trial" over "controlled trial".
func longest(ms []phrase.Match) []phrase.Match {
	var out []phrase.Match
	for _, m := range ms {
		keep := true
		for _, x := range ms {
			if x.At < m.To && m.At < x.To && (x.To-x.At > m.To-m.At || x.To-x.At == m.To-m.At && x.At < m.At) {
				keep = false
				break
			}
		}
		if keep && (len(out) == 0 || out[len(out)-1].At != m.At || out[len(out)-1].To != m.To) {
			out = append(out, m)
		}
	}
	return out
}

func (c *Claim) addYear(src string, t *phrase.Text, m phrase.Match, sp Span) {
	y, err := strconv.Atoi(t.Norm[m.Start:m.End])
	if err != nil {
		return
	}
	cue := yearEntries[m.Entry].cue
	if cue == CueAuthor && t.Norm[m.At] == '(' {
		// "(Smith, 2020)": a name in capitals, not "(in 2020)" or
		// "(May 2020)".
		a, _ := t.Source(m.At+1, m.At+1)
		r, _ := utf8.DecodeRuneInString(src[a:])
		w, _, _ := strings.Cut(t.Norm[m.At+1:], " ")
		if !unicode.IsUpper(r) || months[strings.TrimRight(w, ",")] {
			return
		}
	}
	for i, x := range c.Years {
		if x.Span == sp {
			// The journal's year ("The Lancet in 2019") read first:
			// the pattern's cue says more.
			c.Years[i].Cue = cue
			return
		}
	}
	c.Years = append(c.Years, Year{Year: y, Span: sp, Cue: cue})
}

func (c *Claim) addJournal(src string, t *phrase.Text, m phrase.Match) {
	at, _ := t.Source(m.To, m.To)
	name, sp, ok := readJournal(src, at)
	if !ok || m.Of().Note == "weak" && !looksLikeJournal(name) {
		return
	}
	for _, j := range c.Journals {
		if j.Span == sp {
			return
		}
	}
	c.Journals = append(c.Journals, Journal{Name: name, Span: sp})
	// "The Lancet (2019)", "JAMA, 2019", "Nature in 2019".
	rest := src[sp.End:]
	for _, pre := range []string{" (", ", ", " in "} {
		if strings.HasPrefix(rest, pre) && len(rest) >= len(pre)+4 {
			d := rest[len(pre) : len(pre)+4]
			if y, err := strconv.Atoi(d); err == nil && (d[:2] == "19" || d[:2] == "20") &&
				(len(rest) == len(pre)+4 || !isWordByte(rest[len(pre)+4])) {
				s := sp.End + len(pre)
				for _, x := range c.Years {
					if x.Span.Start == s {
						return
					}
				}
				c.Years = append(c.Years, Year{Year: y, Span: Span{s, s + 4}, Cue: CueJournal})
			}
			return
		}
	}
}

func looksLikeJournal(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		for _, j := range journalish {
			if w == j {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= utf8.RuneSelf || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// journalWords join the capitalised words of a journal's name: "Journal
// of the American Medical Association", "Diabetes & Endocrinology".
var journalWords = map[string]bool{
	"of": true, "and": true, "&": true, "in": true, "for": true, "the": true, "on": true, "de": true, "der": true,
	"des": true, "du": true, "für": true, "la": true, "le": true, "y": true, "di": true,
}

// readJournal reads a journal's name at src[at:]: words in capitals
// ("The Lancet", "BMJ Open", "eLife", "PLOS ONE") and the small words
// between them; it stops at punctuation, a number or a word in lower
// case.
func readJournal(src string, at int) (string, Span, bool) {
	if at > len(src) {
		return "", Span{}, false
	}
	// The anchor read "the journal"; a capital Journal is the name's.
	if strings.HasSuffix(src[:at], "Journal ") {
		at -= len("Journal ")
	}
	i := at
	skip := func() {
		for i < len(src) && (src[i] == ' ' || src[i] == '"' || src[i] == '*' || src[i] == '_' || src[i] == '\n') {
			i++
		}
	}
	skip()
	// "the journal Nutrients", "the Lancet": lower-case words are the
	// sentence's.
	for _, w := range []string{"the ", "journal "} {
		if strings.HasPrefix(src[i:], w) {
			i += len(w)
			skip()
		}
	}
	start, end := i, -1
words:
	for n := 0; n < 14 && i < len(src); n++ {
		j := i
		for j < len(src) && src[j] != ' ' && src[j] != '\n' && src[j] != '\t' {
			j++
		}
		word := src[i:j]
		core := strings.TrimRightFunc(word, func(r rune) bool { return strings.ContainsRune(`.,;:)!?"'*_’”`, r) })
		if core == "" {
			break
		}
		first, _ := utf8.DecodeRuneInString(core)
		capital := unicode.IsUpper(first) || strings.IndexFunc(core, unicode.IsUpper) > 0 && unicode.IsLetter(first)
		small := journalWords[strings.ToLower(core)] && n > 0
		switch {
		case small || core == "&":
			// Kept only if a capitalised word follows.
		case capital && !(n == 0 && months[strings.ToLower(core)]):
			end = i + len(core)
		default:
			break words
		}
		if len(core) < len(word) {
			break
		}
		i = j
		for i < len(src) && src[i] == ' ' {
			i++
		}
	}
	if end < 0 {
		return "", Span{}, false
	}
	name := src[start:end]
	if strings.EqualFold(name, "the") {
		return "", Span{}, false
	}
	return name, Span{start, end}, true
}

// SameJournal reports whether the journal an article names, said, is
// one of the record's names (its title, its ISO abbreviation), ignoring
// case, punctuation, a leading "The", "&" for "and", a parenthesised
// note ("BMJ (Clinical research ed.)"), and known short names (NEJM,
// JAMA, BMJ, PNAS). An abbreviation matches the title it abbreviates
// word by word ("N Engl J Med"), and a name matches a longer one it
// begins ("The Lancet" for "The Lancet Diabetes & Endocrinology"): a
// summary may name a journal's family.
func SameJournal(said string, names ...string) bool {
	a := journalKey(said)
	if a == "" {
		return true
	}
	for _, n := range names {
		b := journalKey(n)
		if b == "" {
			continue
		}
		if a == b || wordPrefix(a, b) || wordPrefix(b, a) || abbreviates(a, b) || abbreviates(b, a) {
			return true
		}
	}
	return false
}

var journalAliases = map[string]string{
	"nejm": "new england journal of medicine", "jama": "journal of the american medical association",
	"bmj": "british medical journal", "pnas": "proceedings of the national academy of sciences",
	"ajcn": "american journal of clinical nutrition", "cmaj": "canadian medical association journal",
}

func journalKey(s string) string {
	s = strings.ToLower(s)
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			break
		}
		s = s[:i] + " " + s[j+1:]
	}
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "the ")
	if full, ok := journalAliases[s]; ok {
		return full
	}
	return s
}

func wordPrefix(short, long string) bool {
	return strings.HasPrefix(long, short+" ")
}

// abbreviates reports whether each word of abbr begins the next word of
// title that is not "of", "the", "and" or "for", and abbr has as many.
func abbreviates(abbr, title string) bool {
	var tw []string
	for _, w := range strings.Fields(title) {
		switch w {
		case "of", "the", "and", "for", "in", "on":
			continue
		}
		tw = append(tw, w)
	}
	aw := strings.Fields(abbr)
	if len(aw) != len(tw) || len(aw) < 2 {
		return false
	}
	for i, w := range aw {
		if !strings.HasPrefix(tw[i], w) {
			return false
		}
	}
	return true
}
