package article

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Languages are the languages articlelint knows (ISO 639-1), English
// first.
var Languages = []string{"en", "de", "fr", "es", "it", "nl", "pl", "pt"}

// Language is the article's language and how it was found.
type Language struct {
	// Code is an ISO 639-1 code, lower case ("de"), or "" when unknown:
	// declared as a language articlelint does not know, or too little
	// text to tell.
	Code string
	// Source says where Code came from: "front matter lang", "html
	// lang", "detected (41 of 52 function words)", "default".
	Source string
	// Declared is the declaration as written ("de-DE"), if any.
	Declared string
}

// Is reports whether the article is in language code. An article whose
// language could not be detected is taken as English, the language of
// most; one declared in a language articlelint does not know is in none.
func (l Language) Is(code string) bool {
	if l.Code == "" && l.Declared == "" {
		return code == "en"
	}
	return l.Code == code
}

// languageKeys are the front-matter keys that declare the language.
var languageKeys = []string{"lang", "language", "locale"}

// findLanguage sets d.Lang from front matter, an HTML lang attribute
// (htmlLang), or the text.
func findLanguage(d *Document, htmlLang string) {
	for _, k := range languageKeys {
		if v, _, ok := d.FrontMatter.Lookup(d, k); ok && strings.TrimSpace(v) != "" {
			d.Lang = Language{Code: languageCode(v), Source: "front matter " + k, Declared: v}
			return
		}
	}
	if htmlLang != "" {
		d.Lang = Language{Code: languageCode(htmlLang), Source: "html lang", Declared: htmlLang}
		return
	}
	code, hits, total := detectLanguage(d)
	if code == "" {
		d.Lang = Language{Source: "default"}
		return
	}
	d.Lang = Language{Code: code, Source: "detected (" + strconv.Itoa(hits) + " of " + strconv.Itoa(total) + " function words)"}
}

// languageCode returns the known ISO 639-1 code of a declaration ("de-DE",
// "pt_BR", "French"), or "" for a language articlelint does not know.
func languageCode(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "-_"); i >= 0 {
		v = v[:i]
	}
	names := map[string]string{
		"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
		"spanish": "es", "español": "es", "italian": "it", "italiano": "it", "dutch": "nl",
		"nederlands": "nl", "polish": "pl", "polski": "pl", "portuguese": "pt", "português": "pt",
		"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
		"nld": "nl", "dut": "nl", "pol": "pl", "por": "pt",
	}
	if c, ok := names[v]; ok {
		return c
	}
	for _, c := range Languages {
		if v == c {
			return c
		}
	}
	return ""
}

// functionWords are frequent words that mark a language and rarely occur
// in the others (no "a", "in", "de", "la": they are shared).
var functionWords = map[string][]string{
	"en": {"the", "and", "of", "with", "that", "this", "were", "was", "which", "from", "have", "been", "their", "who", "is", "are", "for", "not", "or", "it"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "den", "ein", "eine", "wurde", "wurden", "auch", "bei", "von", "zu", "dass"},
	"fr": {"le", "les", "et", "des", "est", "une", "du", "dans", "pour", "qui", "que", "pas", "sur", "au", "avec", "ont", "été", "sont", "cette", "aux", "ne"},
	"es": {"el", "los", "las", "y", "del", "es", "una", "por", "para", "que", "con", "se", "fue", "como", "más", "su", "sus", "entre", "está", "también"},
	"it": {"il", "gli", "e", "della", "delle", "dei", "è", "una", "per", "che", "con", "sono", "nel", "nella", "alla", "stato", "anche", "più", "degli", "questo"},
	"nl": {"het", "een", "en", "van", "is", "niet", "met", "zijn", "voor", "op", "dat", "werd", "werden", "ook", "bij", "naar", "deze", "door", "er", "wordt"},
	"pl": {"i", "w", "nie", "na", "się", "z", "że", "do", "jest", "to", "są", "od", "przez", "jak", "oraz", "dla", "po", "było", "który", "które"},
	"pt": {"o", "os", "as", "e", "do", "da", "dos", "das", "é", "um", "uma", "para", "com", "não", "que", "foi", "em", "no", "na", "mais"},
}

// wordLanguages maps each function word to the languages it marks.
var wordLanguages = sync.OnceValue(func() functionIndex {
	x := functionIndex{langs: map[string][]int{}}
	for i, code := range Languages {
		for _, w := range functionWords[code] {
			x.langs[w] = append(x.langs[w], i)
			x.longest = max(x.longest, len(w))
			x.first[w[0]] = true
		}
	}
	return x
})

// functionIndex is the function words with a filter in front: most words
// of prose are longer than any function word or start with a letter none
// starts with, and skipping them cheaply made detection a third faster.
type functionIndex struct {
	langs   map[string][]int
	longest int
	first   [256]bool
}

// maxFunctionWord bounds the function words' length in bytes, with room
// for a capital that is longer than its small letter.
const maxFunctionWord = 24

// asciiLetter is the set of ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// letterAt returns the length of the letter at text[i], or 0 when none is
// there.
func letterAt(text string, i int) int {
	if c := text[i]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.IsLetter(r) {
		return n
	}
	return 0
}

// Detection thresholds: at least minLanguageHits function words of the
// winner, and at least languageMargin times those of the runner-up.
// Below that the text is too short or too mixed to tell.
const (
	minLanguageHits  = 12
	languageMargin   = 2.0
	maxLanguageWords = 2000
)

// detectLanguage counts the function words of each language in the
// article's prose (its first maxLanguageWords words): the language with
// the most, if it is sure, else "".
func detectLanguage(d *Document) (code string, hits, total int) {
	counts := make([]int, len(Languages))
	index := wordLanguages()
	words := 0
	var buf [maxFunctionWord]byte
	for bi := range d.Blocks {
		text := d.Blocks[bi].Prose.Text
		for i := 0; i < len(text) && words < maxLanguageWords; {
			if c := text[i]; c < utf8.RuneSelf && !asciiLetter[c] {
				i++ // the common case, by hand: letterAt is a call
				continue
			}
			n := letterAt(text, i)
			if n == 0 {
				_, n = utf8.DecodeRuneInString(text[i:])
				i += n
				continue
			}
			j, ascii := i+n, n == 1
			for j < len(text) && asciiLetter[text[j]] {
				j++
			}
			for j < len(text) {
				n := letterAt(text, j)
				if n == 0 {
					break
				}
				ascii = ascii && n == 1
				j += n
			}
			words++
			w := text[i:j]
			i = j
			if len(w) > maxFunctionWord {
				continue // longer than any function word, in any case
			}
			var langs []int
			var ok bool
			if ascii {
				if len(w) > index.longest || !index.first[w[0]|0x20] {
					continue // lower-case ASCII: longer or starting otherwise than any function word
				}
				// Lowered in place: no allocation per word.
				for k := range len(w) {
					c := w[k]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[k] = c
				}
				langs, ok = index.langs[string(buf[:len(w)])]
			} else {
				langs, ok = index.langs[strings.ToLower(w)]
			}
			if ok {
				total++
				for _, l := range langs {
					counts[l]++
				}
			}
		}
	}
	best, second := -1, 0
	for i, c := range counts {
		if best < 0 || c > counts[best] {
			best = i
		}
	}
	for i, c := range counts {
		if i != best && c > second {
			second = c
		}
	}
	if best < 0 || counts[best] < minLanguageHits || float64(counts[best]) < languageMargin*float64(second) {
		return "", 0, total
	}
	return Languages[best], counts[best], total
}
