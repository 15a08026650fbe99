package rules

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// ClaimOptions configure claim-unsupported.
type ClaimOptions struct {
	// Phrases are further attribution phrases, one regular expression
	// each, matched case-insensitively against each paragraph.
	Phrases []Regexp `yaml:"phrases"`

	once     sync.Once
	caseless []*regexp.Regexp
}

// userPhrases returns Phrases compiled to ignore case, once per options
// value (options are made once per config).
func (o *ClaimOptions) userPhrases() []*regexp.Regexp {
	o.once.Do(func() {
		for _, r := range o.Phrases {
			if r.Regexp == nil {
				continue
			}
			if re, err := regexp.Compile(`(?i)` + r.String()); err == nil {
				o.caseless = append(o.caseless, re)
			}
		}
	})
	return o.caseless
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
	Options:   func() any { return &ClaimOptions{} },
	Languages: []string{"en"},
	Check:     checkClaimUnsupported,
	phrases:   []*phrase.Table{claimPhrases, orgPhrases},
}

// claimPhrases are attributions to sources in general. A phrase whose
// first word is optional is found after a word that fails its edges
// ("preclinical studies show" holds "studies show"): the matcher tries
// again inside a failed match. A phrase preceded by a determiner ("these
// studies show", "our research suggests") names its source and is
// skipped.
var claimPhrases = &phrase.Table{Name: "claim-unsupported", Entries: []phrase.Entry{
	{Pattern: `((?:(?:many|several|numerous|recent|some|multiple|previous|past|countless|various|other|growing|emerging|scientific|current|clinical) )?` +
		`(?:studies|research|evidence|science) (?:ha(?:s|ve) )?(?:(?:consistently|repeatedly|clearly|also|now|increasingly) )?` +
		`(?:show[sn]?|suggest(?:s|ed)?|indicates?|demonstrat(?:ed|es?)|prov(?:en|es?)|confirm(?:s|ed)?))`, Group: 1,
		Match: []string{"Studies show", "Many studies have consistently shown", "Studies  show", "studies\tshow", "Studies\u00a0show",
			"Research\nsuggests", "evidence demonstrated", "Preclinical studies show"},
		NoMatch: []string{"understudies show", "studies showcase", "studies showed"}},
	{Pattern: `((?:(?:many|most|some|leading|health|medical) )?(?:experts|scientists|doctors|physicians|nutritionists) ` +
		`(?:(?:now|also|generally|widely) )?(?:say|agree|believe|recommend|warn|claim))`, Group: 1,
		Match:   []string{"Health experts agree", "doctors now recommend", "Experts\u00a0say"},
		NoMatch: []string{"experts recommended", "neuroscientists say"}},
	{Pattern: `((?:(?:clinical|current|international|national|official|medical|dietary|most) )?guidelines ` +
		`(?:(?:consistently|generally|often|now|also|strongly|widely) )?(?:emphasi[sz]e|recommend|advise|stress|state|urge))`, Group: 1,
		Match: []string{"Dietary guidelines recommend", "guidelines strongly emphasise"}, NoMatch: []string{"guidelines stated"}},
	{Pattern: `it is (?:well[- ]known|widely (?:known|accepted|believed|recogni[sz]ed)|generally (?:accepted|agreed)|commonly (?:known|accepted|believed))`,
		Match: []string{"It is widely accepted", "it is well–known", "It is\nwell known"}, NoMatch: []string{"bit is well known"}},
	{Pattern: `it has (?:long )?been (?:shown|proven|demonstrated|established)`,
		Match: []string{"It has long been established", "it has been shown"}, NoMatch: []string{"it has been showing"}},
}}

// orgPhrases are an organisation that recommends or states something:
// a word such as Society or Association, or a well-known acronym. The
// match ignores case and starts at that word (a pattern that also reads
// the name's first words before it runs at every letter, slowly); orgName
// then reads the whole name, with case, and keeps what is written as one
// ("the society recommends" and "who recommends" are not). At most five
// words after "of": a count of spaces lets the pattern run only near its
// verbs (unbounded, it ran over whole texts: 1.3 ms of a 4 KB article).
var orgPhrases = &phrase.Table{Name: "claim-unsupported organisations", Entries: []phrase.Entry{
	{Pattern: `(?:(?:society|association|organi[sz]ation|institutes?|college|academy|council|agency|foundation|federation|commission|task force)` +
		`(?: (?:of|for|on)(?: (?:the|and|&)? ?\pL[\pL'&-]*){1,5})?|who|cdc|nih|fda|nhs|efsa|nice|usda|uspstf|acog|aap)` +
		`(?: \([a-z]{2,}\))? (?:(?:also|now|strongly|currently|still) )?(?:recommends|emphasi[sz]es|advises|states|stresses|warns|urges|endorses)`,
		Match: []string{"The American Academy of Pediatrics recommends", "The CDC now recommends", "the WHO\u00a0recommends",
			"The American Heart Association (AHA) strongly endorses", "Academy of Nutrition and Dietetics states"},
		NoMatch: []string{"the WHO recommended"}},
}}

// orgLead is how far before an orgPhrases match its name may start: six
// words of a name.
const orgLead = 200

// orgName is an organisation's name as orgPhrases match it, with case:
// capitalised words, an upper-case acronym.
var orgName = plainRE(`\b(?:(?:(?:[A-Z][\p{L}'’&.-]*[\s\pZ]+){0,6}(?:Society|Association|Organi[sz]ation|Institute|Institutes|College|Academy|Council|Agency|Foundation|Federation|Commission|Task[\s\pZ]+Force)(?:[\s\pZ]+(?:of|for|on)(?:[\s\pZ]+(?:the|and|&)?[\s\pZ]*[A-Z][\p{L}'’&-]*)+)?)|WHO|CDC|NIH|FDA|NHS|EFSA|NICE|USDA|USPSTF|ACOG|AAP)(?:[\s\pZ]+\([A-Z]{2,}\))?[\s\pZ]+(?:(?:also|now|strongly|currently|still)[\s\pZ]+)?(?:recommends|emphasi[sz]es|advises|states|stresses|warns|urges|endorses)\b`)

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
var citationText = plainRE(`\[\^[^\]]+\]|\\?\[\d+(?:\s*[,–-]\s*\d+)*\\?\]|\^\d+(?:[,–-]\d+)*\^|\((?:see\s+|e\.g\.,?\s+)?[A-Z][\p{L}'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\p{L}'’-]+)?,?\s+(?:19|20)\d\d[a-z]?(?:[;,][^)]*)?\)|<sup>`)

func checkClaimUnsupported(p *Pass) {
	user := p.Options.(*ClaimOptions).userPhrases()
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		generic, orgs := p.phraseMatches(claimPhrases, bi), p.phraseMatches(orgPhrases, bi)
		if len(generic)+len(orgs)+len(user) == 0 || !ownVoice(d, bi) {
			continue // ownVoice: not a quote, a pasted abstract, other pages' titles
		}
		text := b.Prose.Text
		var hits [][2]int
		add := func(s, e int) {
			if e > s && !inQuotation(text, s, e) && !b.Prose.InLinkText(s) {
				hits = append(hits, [2]int{s, e})
			}
		}
		for _, m := range generic {
			if s, e := p.proseRange(bi, m); !namedSource(text, s) {
				add(s, e)
			}
		}
		for _, m := range orgs {
			s, e := p.proseRange(bi, m)
			// The name's first words come before the match: read from a
			// little earlier, keeping the name that reaches into it.
			from := max(0, s-orgLead)
			for from > 0 && !utf8.RuneStart(text[from]) {
				from--
			}
			for _, x := range orgName().FindAllStringIndex(text[from:e], -1) {
				if from+x[1] > s {
					add(from+x[0], from+x[1])
				}
			}
		}
		for _, re := range user {
			for _, x := range re.FindAllStringIndex(text, -1) {
				add(x[0], x[1])
			}
		}
		if len(hits) == 0 || blockCites(d, bi) {
			continue
		}
		// Phrases may overlap ("research shows" and a configured one):
		// report each stretch of text once.
		slices.SortStableFunc(hits, func(a, b [2]int) int { return a[0] - b[0] })
		last := -1
		for _, h := range hits {
			if h[0] < last {
				continue
			}
			last = h[1]
			said := strings.Join(strings.Fields(text[h[0]:h[1]]), " ")
			p.Reportf(b.Prose.SourceSpan(h[0], h[1]),
				"%q attributes a claim to a source, but the paragraph cites none: link the study or statement here (https://doi.org/<DOI> or a URL)", said)
		}
	}
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
	return citationText().MatchString(d.Text(b.Span))
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
