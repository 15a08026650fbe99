package rules

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/article"
	"github.com/articlelint/articlelint/internal/keywords"
)

// ClaimOptions configure claim-unsupported.
type ClaimOptions struct {
	// Phrases are further attribution phrases, one regular expression
	// each, matched case-insensitively against each paragraph.
	Phrases []Regexp `yaml:"phrases"`
}

// ClaimUnsupported reports "studies show" and its kin in a paragraph that
// cites nothing.
var ClaimUnsupported = &Rule{
	ID:       "claim-unsupported",
	Doc:      `Back "studies show", "experts say" and "the X Society recommends" with a citation in the same paragraph.`,
	Severity: Warning,
	Explain: `An attribution such as "studies show", "research suggests", "experts say",
"clinical guidelines emphasize" or "the Endocrine Society recommends" asks the
reader to trust a source they cannot see. Readers of a research summary want
to check it, and an editor cannot tell a real source from a vague one.
A paragraph counts as citing when it holds a link, a DOI, a footnote, a
numbered reference such as [3] or an author-year citation such as
(Smith et al., 2020). Phrases inside quotation marks (a quoted title), in
block quotes, in a pasted structured abstract ("Context: ...", "Objective:
...", a section headed Abstract: the study's words, not the article's) and in
see-also lines are left alone, as are "this study shows" and "our research
suggests", which name their source.

Fix: link the study, guideline or statement in the same paragraph, or name it
("the 2024 Endocrine Society guideline (https://doi.org/...)"). Add your own
phrases under rules.claim-unsupported.phrases.`,
	Options: func() any { return &ClaimOptions{} },
	Check:   checkClaimUnsupported,
}

// claimPhrases are matched case-insensitively. A phrase preceded by a
// determiner ("this study shows", "our research suggests") names its
// source and is skipped.
var claimPhrases = []*lazyRegexp{
	lazyRE(`(?i)\b(?:(?:many|several|numerous|recent|some|multiple|previous|past|countless|various|other|growing|emerging|scientific|current|clinical)\s+)?(?:studies|research|evidence|science)\s+(?:(?:has|have)\s+)?(?:(?:consistently|repeatedly|clearly|also|now|increasingly)\s+)?(?:show|shows|shown|suggest|suggests|suggested|indicate|indicates|demonstrate|demonstrates|demonstrated|prove|proves|proven|confirm|confirms|confirmed)\b`),
	lazyRE(`(?i)\b(?:(?:many|most|some|leading|health|medical)\s+)?(?:experts|scientists|doctors|physicians|nutritionists)\s+(?:(?:now|also|generally|widely)\s+)?(?:say|agree|believe|recommend|warn|claim)\b`),
	lazyRE(`(?i)\b(?:(?:clinical|current|international|national|official|medical|dietary|most)\s+)?guidelines\s+(?:(?:consistently|generally|often|now|also|strongly|widely)\s+)?(?:emphasi[sz]e|recommend|advise|stress|state|urge)\b`),
	lazyRE(`(?i)\bit\s+is\s+(?:well[- ]known|widely\s+(?:known|accepted|believed|recogni[sz]ed)|generally\s+(?:accepted|agreed)|commonly\s+(?:known|accepted|believed))\b`),
	lazyRE(`(?i)\bit\s+has\s+(?:long\s+)?been\s+(?:shown|proven|demonstrated|established)\b`),
}

// claimNear says where a built-in phrase can match: near a word of
// first, or, when second has words, from a word of first to a word of
// second at most gap bytes after it. before and after bound the rest of
// the phrase (its optional words) either side.
type claimNear struct {
	first, second      gate
	gap, before, after int
}

// claimGates are where each of claimPhrases can match, in the same order.
var claimGates = []claimNear{
	{newGate("stud", "research", "evidence", "science"), newGate("show", "suggest", "indicat", "demonstrat", "prove", "confirm"), 48, 24, 8},
	{newGate("expert", "scientist", "doctor", "physician", "nutritionist"), newGate("say", "agree", "believe", "recommend", "warn", "claim"), 32, 16, 8},
	{newGate("guideline"), newGate("emphasi", "recommend", "advise", "stress", "state", "urge"), 32, 24, 8},
	{first: newGate("known", "accepted", "believed", "recogni", "agreed"), before: 40, after: 8},
	{first: newGate("shown", "proven", "demonstrated", "established"), before: 40, after: 8},
}

// orgNear is where orgPhrase can match: a kind of organisation or an
// acronym, then its verb, with up to six capitalised words before.
var orgNear = claimNear{
	first: newGate("society", "association", "organi", "institute", "college", "academy", "council", "agency",
		"foundation", "federation", "commission", "task", "who", "cdc", "nih", "fda", "nhs", "efsa", "nice",
		"usda", "uspstf", "acog", "aap"),
	second: newGate("recommends", "emphasi", "advises", "states", "stresses", "warns", "urges", "endorses"),
	gap:    128, before: 130, after: 8,
}

func init() {
	for i, re := range claimPhrases {
		re.gate = &claimGates[i].first
	}
	orgPhrase.gate = &orgNear.first
}

// windows returns the stretches of text that n lets a phrase match in.
func (n claimNear) windows(text string, hits []keywords.Hit) [][2]int {
	if len(n.second.ids) == 0 {
		return windows(text, hits, n.first, n.before)
	}
	return pairWindows(text, hits, n.first, n.second, n.gap, n.before, n.after)
}

// orgPhrase is a named organisation: capitalised words ending in Society,
// Association and the like, or a well-known acronym, that recommends or
// states something. Case-sensitive, so that "the society recommends" is
// not a name.
var orgPhrase = lazyRE(`\b(?:(?:(?:[A-Z][\p{L}'’&.-]*\s+){0,6}(?:Society|Association|Organi[sz]ation|Institute|Institutes|College|Academy|Council|Agency|Foundation|Federation|Commission|Task\s+Force)(?:\s+(?:of|for|on)(?:\s+(?:the|and|&)?\s*[A-Z][\p{L}'’&-]*)+)?)|WHO|CDC|NIH|FDA|NHS|EFSA|NICE|USDA|USPSTF|ACOG|AAP)(?:\s+\([A-Z]{2,}\))?\s+(?:(?:also|now|strongly|currently|still)\s+)?(?:recommends|emphasi[sz]es|advises|states|stresses|warns|urges|endorses)\b`)

// determiners before a phrase make it name its source: "this study shows".
var determiners = map[string]bool{
	"this": true, "these": true, "that": true, "those": true, "the": true,
	"our": true, "my": true, "their": true, "his": true, "her": true, "its": true,
	"your": true, "such": true,
}

// citationText recognises citations written as text: a footnote [^1], a
// numbered reference [3] or [2, 5-7] (escaped, \[3\], too), a Pandoc
// superscript ^4^, an author-year citation
// (Smith et al., 2020) or a superscript reference.
var citationText = lazyRE(`\[\^[^\]]+\]|\\?\[\d+(?:\s*[,–-]\s*\d+)*\\?\]|\^\d+(?:[,–-]\d+)*\^|\((?:see\s+|e\.g\.,?\s+)?[A-Z][\p{L}'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\p{L}'’-]+)?,?\s+(?:19|20)\d\d[a-z]?(?:[;,][^)]*)?\)|<sup>`)

func checkClaimUnsupported(p *Pass) {
	opts := p.Options.(*ClaimOptions)
	res := claimBuiltin
	for _, r := range opts.Phrases {
		if r.Regexp == nil {
			continue
		}
		if re, err := phraseCache.get(`(?i)` + r.String()); err == nil {
			if len(res) == len(claimBuiltin) {
				res = slices.Clip(res) // append to a copy
			}
			res = append(res, claimPhrase{compiled(re), false, nil})
		}
	}
	masks := claimMasks()
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if !ownVoice(d, bi) {
			continue // a quote, a pasted abstract, other pages' titles
		}
		words := p.blockHits(bi)
		// seen has bit 2k set when the block holds a first word of
		// built-in phrase k, bit 2k+1 a second word.
		var seen uint32
		for _, h := range words {
			seen |= masks[h.Word]
		}
		if seen == 0 && len(res) == len(claimBuiltin) {
			continue
		}
		text := b.Prose.Text
		var hits [][2]int
		for k, ph := range res {
			if k < len(claimBuiltin) && !claimOpen(seen, k) {
				continue // ph.near.windows would find no window
			}
			var found [][]int
			if ph.near == nil {
				found = ph.re.FindAllStringIndex(text, -1)
			} else {
				// Built-in phrases are short: match only near their words.
				for _, w := range ph.near.windows(text, words) {
					for _, m := range ph.re.FindAllStringIndex(text[w[0]:w[1]], -1) {
						found = append(found, []int{w[0] + m[0], w[0] + m[1]})
					}
				}
			}
			for _, m := range found {
				if m[1] > m[0] && !inQuotation(text, m[0], m[1]) && !(ph.generic && namedSource(text, m[0])) && !b.Prose.InLinkText(m[0]) {
					hits = append(hits, [2]int{m[0], m[1]})
				}
			}
		}
		if len(hits) == 0 || blockCites(d, bi) {
			continue
		}
		// Phrases may overlap ("research shows" and a configured one):
		// report each stretch of text once.
		sort.Slice(hits, func(i, j int) bool { return hits[i][0] < hits[j][0] })
		last := -1
		for _, h := range hits {
			if h[0] < last {
				continue
			}
			last = h[1]
			phrase := strings.Join(strings.Fields(text[h[0]:h[1]]), " ")
			p.Reportf(b.Prose.SourceSpan(h[0], h[1]),
				"%q attributes a claim to a source, but the paragraph cites none: link the study or statement here (https://doi.org/<DOI> or a URL)", phrase)
		}
	}
}

// claimPhrase is a phrase checkClaimUnsupported looks for.
type claimPhrase struct {
	re *lazyRegexp
	// generic phrases can name their source with a determiner.
	generic bool
	near    *claimNear // nil: everywhere
}

// claimBuiltin are the built-in phrases, in the order they are tried.
var claimBuiltin = func() []claimPhrase {
	var res []claimPhrase
	for i, re := range claimPhrases {
		res = append(res, claimPhrase{re, true, &claimGates[i]})
	}
	return append(res, claimPhrase{orgPhrase, false, &orgNear})
}()

// claimMasks maps a gate word's id to the bits of the built-in phrases
// that need it (see claimOpen): one lookup per hit, where asking each
// phrase's gates about each hit cost more than the patterns.
var claimMasks = sync.OnceValue(func() []uint32 {
	masks := make([]uint32, gateWords.Len())
	for k, ph := range claimBuiltin {
		for _, id := range ph.near.first.ids {
			masks[id] |= 1 << (2 * k)
		}
		for _, id := range ph.near.second.ids {
			masks[id] |= 1 << (2*k + 1)
		}
	}
	return masks
})

// claimOpen reports whether, with the gate words in seen (claimMasks),
// built-in phrase k can match: its windows hold a first word, and a
// second one where it has second words.
func claimOpen(seen uint32, k int) bool {
	first := seen&(1<<(2*k)) != 0
	if len(claimBuiltin[k].near.second.ids) == 0 {
		return first
	}
	return first && seen&(1<<(2*k+1)) != 0
}

// namedSource reports whether the word before text[i:] is a determiner,
// as in "this study shows" or "our research suggests".
func namedSource(text string, i int) bool {
	before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return determiners[strings.ToLower(before[j:])]
}

// blockCites reports whether block bi holds a link, a DOI or a citation
// written as text.
func blockCites(d *article.Document, bi int) bool {
	b := d.Blocks[bi]
	for _, l := range d.Links {
		if l.Block == bi || (l.Kind != article.DefinitionLink && b.Span.Contains(l.Span.Start)) {
			return true
		}
	}
	for _, x := range d.DOIs {
		if x.Block == bi || b.Span.Contains(x.Span.Start) {
			return true
		}
	}
	return citationText.MatchString(d.Text(b.Span))
}

// inQuotation reports whether text[i:j] lies between quotation marks, as
// a quoted title does: inside "…" or “…” that close after it.
func inQuotation(text string, i, j int) bool {
	straight := strings.Count(text[:i], `"`)%2 == 1 && strings.Contains(text[j:], `"`)
	if straight {
		return true
	}
	open := strings.LastIndex(text[:i], "“")
	if open < 0 || strings.LastIndex(text[:i], "”") > open {
		return false
	}
	return strings.Contains(text[j:], "”")
}
