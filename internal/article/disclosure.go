package article

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/articlelint/articlelint/internal/disclosure"
	"github.com/articlelint/articlelint/internal/keywords"
)

// disclosureWords are words every built-in pattern (internal/disclosure)
// needs one of, at the start of a word: each pattern starts its tool names
// at a word boundary. Checking them first skips the patterns (slow: large,
// case-folded alternations) on the vast majority of sentences, which never
// mention AI. "AI" itself is checked apart (aiWord). They are searched with the rules'
// gate words, in one pass over each block (ProseWords).
var disclosureWords = []string{"chatgpt", "gpt", "openai", "copilot", "grammarly", "deepl", "quillbot", "perplexity",
	"writefull", "paperpal", "wordtune", "jasper", "claude", "gemini", "bard", "llama", "mistral",
	"artificial intelligence", "a.i.", "language model", "llm", "chatbot", "machine-", "machine ",
	"during the preparation", "during the writing", "during the drafting"}

// isDisclosureWord[id] is whether ProseWords' word id is a disclosure word.
var isDisclosureWord = func() []bool {
	ids := ProseWords.Add(disclosureWords...)
	out := make([]bool, slices.Max(ids)+1)
	for _, id := range ids {
		out[id] = true
	}
	return out
}()

// mayDisclose reports whether lower[from:to], lower-cased text of a block
// whose ProseWords are hits, holds a word that an AI-use statement needs.
func mayDisclose(lower []byte, hits []keywords.Hit, from, to int) bool {
	if aiWord(lower[from:to]) || foldsToASCII(lower[from:to]) {
		return true
	}
	for _, h := range hits {
		if int(h.Start) >= to {
			break
		}
		if int(h.Start) >= from && int(h.End) <= to && int(h.Word) < len(isDisclosureWord) && isDisclosureWord[h.Word] {
			return true
		}
	}
	return false
}

// aiWord reports whether l holds "ai" as a word, also in "AI-assisted"
// and "genAI". A word ends at any byte but an ASCII letter: the patterns'
// \b is ASCII, so "written with AIé" is matched, and a filter that took
// é for a letter hid it.
func aiWord(l []byte) bool {
	for i := 0; ; {
		j := bytes.Index(l[i:], []byte("ai"))
		if j < 0 {
			return false
		}
		j += i
		if (j+2 == len(l) || !isLetter(l[j+2])) && (j == 0 || !isLetter(l[j-1]) || j >= 3 && string(l[j-3:j]) == "gen") {
			return true
		}
		i = j + 1
	}
}

// foldsToASCII reports whether l holds the Kelvin sign or the long s,
// which the patterns' (?i) matches as k and s but keywords.Lower keeps:
// the word filter cannot vouch for such text.
func foldsToASCII(l []byte) bool {
	return bytes.Contains(l, []byte("\u212a")) || bytes.Contains(l, []byte("\u017f"))
}

// aiVerbWords are in every word aiVerb matches.
var aiVerbWords = []string{"generated", "written", "created", "produced", "drafted", "prepared", "composed",
	"edited", "assisted", "translated", "summari", "authored", "refined", "polished", "proofread",
	"developed", "enhanced", "reviewed", "improved"}

// disclosureNeeds are, for each default pattern in order, words one of
// which a sentence must hold (lower-cased) for the pattern to match.
var disclosureNeeds = [][]string{
	aiVerbWords,
	aiVerbWords,
	{"editing", "checking", "polishing", "review"},
	{"wrote", "drafted", "edited", "prepared", "produced", "created", "generated", "translated"},
	{"during the"},
	{"use", "using", "employ", "utili", "relied on", "rely on"},
	{"used", "employed", "utili", "involved", "applied", "helped", "assisted", "supported"},
	{"use of"},
	{"generated", "assisted", "written", "drafted", "created", "produced", "aided", "edited", "translated"},
	{"generated", "assisted", "written", "drafted", "created", "produced", "aided", "edited", "translated"},
	{"used", "employed", "utili", "involved", "applied"},
	{"without", "with no"},
	{"disclaimer", "disclosure", "transparency", "note", "about this"},
	{":", "—", "–"},
}

// needSet finds all of disclosureNeeds in one pass; needIDs[i] are the
// ids of pattern i's words in it.
var needSet, needIDs = func() (*keywords.Set, [][]int) {
	s := &keywords.Set{}
	ids := make([][]int, len(disclosureNeeds))
	for i, words := range disclosureNeeds {
		ids[i] = s.Add(words...)
	}
	return s, ids
}()

// needsIn sets present[id] for each word of needSet in the sentence s,
// lower holding s lower-cased by keywords.Lower. It matches what
// strings.ToLower and strings.Contains find: the two letters that
// Unicode lower-cases to ASCII (the Kelvin sign, dotted capital I) send
// it the slow way.
func needsIn(s string, lower []byte, present []bool) []bool {
	present = append(present[:0], make([]bool, needSet.Len())...)
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u0130") {
		l := strings.ToLower(s)
		for id := range present {
			present[id] = strings.Contains(l, needSet.Word(id))
		}
		return present
	}
	for _, h := range needSet.Find(nil, lower) {
		present[h.Word] = true
	}
	return present
}

// needsMet reports whether present holds a word default pattern i needs.
func needsMet(i int, present []bool) bool {
	for _, id := range needIDs[i] {
		if present[id] {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func findDisclosure(d *Document, patterns []*regexp.Regexp) *Disclosure {
	builtin := patterns == nil
	n := len(patterns)
	if builtin {
		n = disclosure.Len()
	}
	// The filter holds only for the built-in patterns; configured ones may
	// match any words.
	useFilter := builtin || len(patterns) >= disclosure.Len() && samePrefix(patterns)
	var present []bool
	// Most blocks mention no AI tool at all: check each block once before
	// its sentences.
	blockMay := make([]int8, len(d.Blocks)) // 0 unknown, 1 may, -1 may not
	for _, s := range d.Sentences {
		filtered := false
		if useFilter {
			lower, hits := d.LowerProse(s.Block), d.WordHits(s.Block)
			if blockMay[s.Block] == 0 {
				blockMay[s.Block] = -1
				if mayDisclose(lower, hits, 0, len(lower)) {
					blockMay[s.Block] = 1
				}
			}
			filtered = blockMay[s.Block] < 0 || !mayDisclose(lower, hits, s.Prose[0], s.Prose[1])
			if !filtered {
				present = needsIn(s.Text, lower[s.Prose[0]:s.Prose[1]], present)
			}
		}
		for i := range n {
			if i < disclosure.Len() && (filtered || useFilter && !needsMet(i, present)) {
				continue
			}
			var re *regexp.Regexp
			if builtin {
				re = disclosure.Pattern(i)
			} else {
				re = patterns[i]
			}
			if re.MatchString(s.Text) {
				return &Disclosure{Block: s.Block, Span: s.Span, Text: s.Text}
			}
		}
	}
	return nil
}

// samePrefix reports whether patterns start with the default patterns, as
// config builds them unless replace-defaults is set.
func samePrefix(patterns []*regexp.Regexp) bool {
	for i := range disclosure.Len() {
		if patterns[i] != disclosure.Pattern(i) {
			return false
		}
	}
	return true
}

// Warm makes the web-URL matcher and the first disclosure pattern (the
// one most statements match) now rather than on first use (see lint.Warm).
func Warm() {
	webURL()
	disclosure.Pattern(0)
}
