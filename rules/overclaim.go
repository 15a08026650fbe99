package rules

import (
	"maps"
	"slices"
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// OverclaimOptions configure overclaim.
type OverclaimOptions struct {
	// Phrases are reported in addition to the built-in ones.
	Phrases []string `yaml:"phrases"`
	// Allow are phrases never reported: a built-in one ("breakthrough"),
	// or a longer phrase that overlaps one ("Breakthrough Prize").
	Allow []string `yaml:"allow"`

	extra, allow userPhrases
}

// overclaimAdvice is the built-in list, with what to write instead.
var overclaimAdvice = map[string]string{
	"cure":            "say what improved, in whom and by how much",
	"cures":           "say what improved, in whom and by how much",
	"cured":           "say what improved, in whom and by how much",
	"proves":          "a study shows or suggests; say what it found",
	"proven":          "a study shows or suggests; say what it found",
	"proof that":      "a study shows or suggests; say what it found",
	"guaranteed":      "say how likely, with the study's numbers",
	"miracle":         "describe the result plainly",
	"100% safe":       "report the adverse events the study looked for and found",
	"completely safe": "report the adverse events the study looked for and found",
	"no side effects": "report the adverse events the study looked for and found",
	"strong evidence": "describe the evidence instead (design, size and effect)",
	"breakthrough":    "describe the result plainly",
	"game-changer":    "describe the result plainly",
	"game changer":    "describe the result plainly",
	"definitively":    "say what the study found and where it stops",
}

// Overclaim reports health-claim language that overstates a finding.
var Overclaim = &Rule{
	ID:  "overclaim",
	Doc: `Avoid words that overstate a finding: "cure", "proven", "breakthrough", "100% safe", "strong evidence".`,
	// Info: on real posts a third to two thirds of its findings were
	// others' claims reported critically (bench/precision).
	Severity: Info,
	Explain: `One study rarely proves, cures or guarantees anything, and readers act on
health claims. A careful editor removes "cure(s/d)", "proves", "proven",
"proof that", "guaranteed", "miracle", "100% safe", "completely safe",
"no side effects", "strong evidence", "breakthrough", "game-changer" and
"definitively", and says what the study found instead. Whole words only,
ignoring case. Left alone: words inside quotation marks (a quoted title),
link text (HTML <a> too), block quotes, a pasted structured abstract
("Context: ...", "Objective: ...", a section headed Abstract), see-also
lines and sections ("Related:", "Read more", "Further reading") and code;
negated uses ("there is no cure", "not
guaranteed"); "proven" and "proves" in their everyday sense ("has proven
difficult", "proven ability"); "guaranteed funding"; "cure rate", "cured
meats" and "living proof".

Questions ("Does streptomycin cure it?") claim nothing either. The default
severity is info: on real posts many findings are other people's claims that
the article reports critically, which a word list cannot tell apart.

Fix: state the result with its size and limits ("lowered blood pressure by
5 mmHg in 72 adults over 6 weeks"). Add phrases under
rules.overclaim.phrases; silence one under rules.overclaim.allow.`,
	Options:   func() any { return &OverclaimOptions{} },
	Languages: []string{"en"},
	Check:     checkOverclaim,
	phrases:   []*phrase.Table{overclaimPhrases, overclaimAllowedPhrases},
}

// overclaimPhrases are the built-in phrases, each with its advice, and
// overclaimAllowedPhrases the uses of them that claim nothing.
var overclaimPhrases, overclaimAllowedPhrases = func() (*phrase.Table, *phrase.Table) {
	claims := &phrase.Table{Name: "overclaim"}
	for _, ph := range slices.Sorted(maps.Keys(overclaimAdvice)) {
		claims.Entries = append(claims.Entries, phrase.Entry{Phrase: ph, Note: overclaimAdvice[ph]})
	}
	claims.Entries[slices.IndexFunc(claims.Entries, func(e phrase.Entry) bool { return e.Phrase == "strong evidence" })].Match =
		[]string{"strong  evidence", "strong\u00a0evidence", "strong\nevidence", "STRONG Evidence"}
	claims.Entries[slices.IndexFunc(claims.Entries, func(e phrase.Entry) bool { return e.Phrase == "cure" })].NoMatch =
		[]string{"On écure le puits", "sécure", "curé"}
	allowed := &phrase.Table{Name: "overclaim (allowed)"}
	for _, ph := range overclaimAllowed {
		allowed.Entries = append(allowed.Entries, phrase.Entry{Phrase: ph})
	}
	return claims, allowed
}()

// negators before a phrase, in the same clause, make it a careful claim.
var negators = map[string]bool{
	"no": true, "not": true, "never": true, "nor": true, "without": true,
	"cannot": true, "isn't": true, "aren't": true, "wasn't": true, "weren't": true,
	"hasn't": true, "haven't": true, "don't": true, "doesn't": true, "didn't": true,
	"isn’t": true, "aren’t": true, "doesn’t": true, "don’t": true, "didn’t": true,
	"lack": true, "lacks": true, "little": true,
	// A condition claims nothing yet: "if there is strong evidence".
	"if": true, "whether": true, "unless": true,
}

func checkOverclaim(p *Pass) {
	opts := p.Options.(*OverclaimOptions)
	extra, extraTab := opts.extra.get("overclaim phrases", opts.Phrases)
	allow, allowTab := opts.allow.get("overclaim allowed phrases", opts.Allow)
	d := p.Doc

	// check reports the phrases matched in text (t normalised); span maps
	// a range of text to the source and skip vetoes one.
	check := func(text string, t *phrase.Text, claims, allowed []phrase.Match, span func(i, j int) article.Span, skip func(i, j int) bool) {
		var taken [][2]int
	next:
		for _, m := range claims {
			for _, a := range allowed {
				if a.Start < m.End && m.Start < a.End {
					continue next
				}
			}
			for _, k := range taken {
				if k[0] < m.End && m.Start < k[1] {
					continue next
				}
			}
			taken = append(taken, [2]int{m.Start, m.End})
			i, j := t.Source(m.Start, m.End)
			ph := strings.Join(strings.Fields(text[i:j]), " ")
			if inQuotation(text, i, j) || negated(text[:i]) || skip(i, j) || inQuestion(text, j) {
				continue
			}
			key := t.Norm[m.Start:m.End]
			if claim, ok := overclaimContext[key]; ok && !claim(clauseWords(text[:i], true), clauseWords(text[j:], false)) {
				continue
			}
			advice := m.Of().Note
			if advice == "" {
				advice = "say plainly what the study found"
			}
			p.Reportf(span(i, j), "%q overstates the finding: %s", ph, advice)
		}
	}
	// matches returns the claims and allowed phrases in t, whose first
	// matches the built-in matcher found already (nil: find them).
	matches := func(t *phrase.Text, builtin func(*phrase.Table) []phrase.Match) (claims, allowed []phrase.Match) {
		claims, allowed = builtin(overclaimPhrases), builtin(overclaimAllowedPhrases)
		if extra != nil {
			claims = append(claims, extra.Find(extraTab, t)...)
			slices.SortStableFunc(claims, func(a, b phrase.Match) int { return a.Start - b.Start })
		}
		if allow != nil && len(claims) > 0 {
			allowed = append(allowed, allow.Find(allowTab, t)...)
		}
		return claims, allowed
	}
	outside := func(raw string, span func(i, j int) article.Span, skip func(i, j int) bool) {
		t := phrase.Normalize(raw)
		var all []phrase.Match
		claims, allowed := matches(&t, func(tab *phrase.Table) []phrase.Match {
			if all == nil {
				all = offlineMatcher().Scan([]phrase.Match{}, &t)
			}
			var out []phrase.Match
			for _, m := range all {
				if m.Table == tab {
					out = append(out, m)
				}
			}
			return out
		})
		check(raw, &t, claims, allowed, span, skip)
	}

	if t := d.Title; t != nil && t.FromFrontMatter {
		raw, base := d.Text(t.Span), t.Span.Start
		// A quoted YAML scalar: read inside the quotes, which are syntax.
		if q := strings.TrimRight(raw, " \t\r"); len(q) >= 2 && (q[0] == '"' || q[0] == '\'') && q[len(q)-1] == q[0] {
			raw, base = q[1:len(q)-1], base+1
		}
		outside(raw, offsetSpan(base), func(int, int) bool { return false })
	}
	for _, s := range d.Sections {
		if hasSeeAlsoPrefix(strings.ToLower(s.Heading)) {
			continue
		}
		outside(d.Text(s.HeadingSpan), offsetSpan(s.HeadingSpan.Start), func(i, _ int) bool { return d.InCode(s.HeadingSpan.Start + i) })
	}
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		builtin := p.phraseMatches(overclaimPhrases, bi)
		if len(builtin) == 0 && extra == nil {
			continue
		}
		if !ownVoice(d, bi) {
			continue // a quote, a pasted abstract, other pages' titles
		}
		t := p.blockText(bi)
		claims, allowed := matches(t, func(tab *phrase.Table) []phrase.Match {
			if tab == overclaimPhrases {
				return builtin
			}
			return p.phraseMatches(tab, bi)
		})
		check(b.Prose.Text, t, claims, allowed, b.Prose.SourceSpan, func(i, _ int) bool { return b.Prose.InLinkText(i) })
	}
}

func offsetSpan(base int) func(i, j int) article.Span {
	return func(i, j int) article.Span { return article.Span{Start: base + i, End: base + j} }
}

// negated reports whether a word before the phrase, in the same clause
// and at most eight words back, negates it: "there is no cure", "not
// guaranteed", "no one can tell you definitively".
func negated(before string) bool {
	for _, w := range clauseWords(before, true) {
		if negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// clauseBreaks end a clause: a negation before them does not reach past.
var clauseBreaks = map[string]bool{"that": true, "but": true, "which": true, "because": true, "although": true, "though": true}

// clauseWords returns up to eight lower-cased words of s in the same
// clause as the phrase, nearest first: the last ones when before (stopping
// at "that" or "but"), else the first ones.
func clauseWords(s string, before bool) []string {
	if before {
		if k := strings.LastIndexAny(s, ".;:!?,()"); k >= 0 {
			s = s[k+1:]
		}
	} else if k := strings.IndexAny(s, ".;:!?,()"); k >= 0 {
		s = s[:k]
	}
	words := strings.Fields(strings.ToLower(s))
	var out []string
	for i := range words {
		w := words[i]
		if before {
			w = words[len(words)-1-i]
		}
		w = strings.Trim(w, `"'“”‘’*_[]`)
		if (before && clauseBreaks[w]) || len(out) == 8 {
			break
		}
		out = append(out, w)
	}
	return out
}

// overclaimAllowed are uses of listed words that claim nothing: a
// statistical term, a food, an idiom.
var overclaimAllowed = []string{
	"cure rate", "cure rates", "cure model", "cure models", "cure fraction",
	"cured meat", "cured meats", "cured ham", "living proof",
	"better than cure", "better than a cure", "breakthrough infection", "breakthrough infections",
	"breakthrough case", "breakthrough cases", "breakthrough pain", "breakthrough bleeding",
	"breakthrough moment", "breakthrough seizures", "than cure", "than a cure", "than the cure",
}

// overclaimContext decides, for words with an everyday sense, whether a
// use claims something. It gets the words before the phrase (nearest
// first) and after it.
var overclaimContext = map[string]func(before, after []string) bool{
	"proves":     func(before, after []string) bool { return provesClaim(before, after, true) },
	"proven":     func(before, after []string) bool { return provesClaim(before, after, false) },
	"guaranteed": guaranteedClaim,
	"cured":      curedClaim,
	"cure":       cureClaim,
	"proof that": func(before, _ []string) bool { return !comparative[wordAt(before, 0)] },
	"miracle":    func(_, after []string) bool { return miracleNouns[wordAt(after, 0)] },
}

// miracleNouns after "miracle" make it a claim about a product: "a
// miracle cure"; "a miracle every time" is an idiom.
var miracleNouns = wordSet("for", "cure", "cures", "drug", "drugs", "pill", "pills", "treatment", "treatments",
	"therapy", "food", "foods", "supplement", "supplements", "diet", "remedy", "remedies", "product",
	"molecule", "vitamin", "vaccine", "compound", "ingredient", "juice", "tea", "oil", "herb")

// comparative words before "proof that" weigh evidence rather than claim
// proof: "better proof that", "more proof that".
var comparative = wordSet("better", "more", "stronger", "further", "additional", "less", "weaker")

// cureClaim tells "a cure for anaemia" from "finding a cure is possible"
// and "the search for a cure": a cure sought is not a cure claimed.
func cureClaim(before, _ []string) bool {
	if d := wordAt(before, 0); d == "a" || d == "the" {
		switch wordAt(before, 1) {
		case "finding", "find", "seek", "seeking", "search", "searching", "for", "hope", "toward", "towards", "develop", "developing":
			return false
		}
	}
	return true
}

// curedClaim tells "cured their fatigue", "cured of cancer", "patients
// were cured" and "completely cured" from "cured patients" and "53% were
// cured", the study's label for an outcome.
func curedClaim(before, after []string) bool {
	switch wordAt(before, 0) {
	case "completely", "fully", "permanently", "totally", "finally":
		return true
	}
	// "Patients were cured" claims; "53.6% were cured", "2 (n=4) were
	// cured" report a count.
	if linking[wordAt(before, 0)] {
		if len(before) < 2 {
			return false // the subject is cut off by "(53%)": a count
		}
		for _, w := range before {
			if strings.ContainsAny(w, "0123456789%") {
				return false
			}
		}
		return true
	}
	switch wordAt(after, 0) {
	case "of", "the", "their", "his", "her", "its", "my", "our", "your", "all", "most", "many", "every", "them", "him", "people":
		return true
	}
	return false
}

var (
	// claimAdjectives after "proven", "proven to be" or "guaranteed" make a
	// claim of efficacy or safety.
	claimAdjectives = wordSet("safe", "safer", "effective", "efficacious", "beneficial", "harmless",
		"superior", "better", "more", "less", "curative", "healthy", "healthier")
	// claimNouns after "proven" or "guaranteed" name what is claimed.
	claimNouns = wordSet("treatment", "treatments", "therapy", "therapies", "cure", "remedy", "remedies",
		"benefit", "benefits", "effect", "effects", "link", "intervention", "method", "methods",
		"approach", "strategy", "way", "solution", "results", "result", "success", "relief",
		"protection", "recovery", "improvement", "weight", "efficacy", "safety")
	// claimAdverbs before "proven" say it was proven by science.
	claimAdverbs = wordSet("clinically", "scientifically", "medically", "experimentally")
	// linking words before "proven" or "guaranteed" make it a predicate:
	// "it has been proven", "results are guaranteed".
	linking = wordSet("is", "are", "was", "were", "be", "been")
	// plainAfterProves are what "proves" is followed by in its everyday
	// sense of "turns out": "proves to be a challenge", "proves feasible".
	plainAfterProves = wordSet("to", "itself", "how", "feasible", "useful", "difficult", "challenging",
		"hard", "easy", "helpful", "popular", "valuable", "invaluable", "tricky", "impossible",
		"possible", "costly", "expensive", "successful", "a", "an", "too", "very", "quite", "worthwhile")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func wordAt(words []string, i int) string {
	if i < len(words) {
		return words[i]
	}
	return ""
}

// provesClaim tells "proves that", "clinically proven", "proven to
// reduce", "proven effective", "a proven treatment" and "it has been
// proven" from "has proven difficult", "proven ability" and "proves to be
// a challenge".
func provesClaim(before, after []string, verb bool) bool {
	next := wordAt(after, 0)
	for _, w := range append(before, after...) {
		if mathWords[w] {
			return false // a proof in the mathematical sense
		}
	}
	switch {
	case next == "that" || claimAdverbs[wordAt(before, 0)] || claimAdjectives[next] || claimNouns[next]:
		return true
	case wordAt(before, 0) == "be" && wordAt(before, 1) == "to":
		return false // "remains to be proven", "has yet to be proven"
	case next == "to" && wordAt(after, 1) == "be":
		return claimAdjectives[wordAt(after, 2)]
	case next == "to":
		return wordAt(after, 1) != ""
	case linking[wordAt(before, 0)]:
		return true
	}
	// "proves" with an object claims ("proves vitamin D works"); "proven"
	// otherwise is an adjective ("proven ability") or "turned out"
	// ("has proven invaluable").
	return verb && next != "" && !plainAfterProves[next]
}

// mathWords near "proves" make it a mathematical proof: "the appendix
// proves that the two models are equivalent".
var mathWords = wordSet("theorem", "lemma", "equivalent", "converges", "bounded", "supplementary",
	"appendix", "mathematically", "formally", "inequality", "identity", "corollary")

// guaranteedClaim tells "guaranteed to work", "guaranteed results" and
// "benefit is guaranteed" from "guaranteed funding".
func guaranteedClaim(before, after []string) bool {
	next := wordAt(after, 0)
	return next == "to" || claimNouns[next] || claimAdjectives[next] || linking[wordAt(before, 0)]
}

// inQuestion reports whether the sentence around text[:end] is a question
// that asks rather than teases: "Does streptomycin cure tuberculosis?",
// not the headline "A Miracle Cure for Winter Blues?".
func inQuestion(text string, end int) bool {
	rest := text[end:]
	i := strings.IndexAny(rest, ".!?")
	if i < 0 || rest[i] != '?' {
		return false
	}
	start := strings.LastIndexAny(text[:end], ".!?\n") + 1
	first, _, _ := strings.Cut(strings.TrimLeft(text[start:end], " \t\"'“*_"), " ")
	return askWords[strings.ToLower(first)]
}

// askWords open a real question.
var askWords = wordSet("does", "do", "did", "is", "are", "was", "were", "can", "could", "will", "would",
	"should", "how", "what", "why", "whether", "which", "who", "has", "have")
