package rules

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/keywords"
)

// AIArtifactOptions configure ai-artifact.
type AIArtifactOptions struct {
	// Phrases are further chatbot leftovers, matched case-insensitively as
	// whole words in prose.
	Phrases []string `yaml:"phrases"`
}

// AIArtifact reports chatbot leftovers pasted into an article.
var AIArtifact = &Rule{
	ID:       "ai-artifact",
	Doc:      "Remove chatbot leftovers (\"As an AI language model\", \"I hope this helps\", \"Regenerate response\").",
	Severity: Error,
	Explain: `Text pasted from a chatbot brings its side of the conversation along: "As an
AI language model", "As of my last knowledge update", "Certainly! Here is",
"I hope this helps", "Let me know if you would like", "Regenerate response",
"[Your Name]". Published, they tell readers nobody edited the text. (Whether
AI was used is the ai-disclosure rule's concern; this one is about leftovers.)

"As an AI researcher" is not a leftover: "As an AI" counts only before
"language model", "assistant", "model", a comma or "I", and "as a language
model" only before "I". Phrases in quotation marks or block quotes are left
alone, and so is what a chatbot says in an article about chatbots (one that
names ChatGPT, a chatbot or a large language model): there only the
interface's own words ("Regenerate response", "[Your Name]") are leftovers.
Add your own phrases under rules.ai-artifact.phrases.

Fix: delete the leftover and edit the text around it.`,
	Options: func() any { return &AIArtifactOptions{} },
	Check:   checkAIArtifact,
}

// apos matches a straight or a typographic apostrophe.
const apos = `['’]`

// aiArtifactRadius bounds how far a leftover reaches from its gate word.
const aiArtifactRadius = 96

// aiArtifactGates hold words each of aiArtifacts needs, in order (gate.go).
var aiArtifactGates = []gate{
	newGate("as an ai"), newGate("language model"), newGate("as of my"), newGate("knowledge cut"), newGate("i hope this"),
	newGate("here is", "here are", "here's", "here’s"), newGate("summary of the"), newGate("regenerate"),
	newGate("provide medical", "provide legal", "provide financial"),
	newGate("browse the internet"), newGate("browse the internet", "real-time"), newGate("let me know"), newGate("feel free"), newGate("your name"),
}

// aiArtifacts are the built-in leftovers, compiled case-insensitively.
var aiArtifacts = func() []*lazyRegexp {
	var out []*lazyRegexp
	for _, p := range []string{
		`\bas an ai(?:\s+(?:language\s+model|model|assistant|chatbot)\b|\s*,|\s+I\b)`,
		`\bas an? (?:large )?language model,?\s+I\b`,
		`\bas of my (?:last )?(?:knowledge|training)(?:\s+(?:update|cutoff|cut-off))?\b`,
		`\bmy knowledge cut-?off\b`,
		`\bI hope this (?:helps|information helps|summary helps)\b(?:\s*[.!]|\s*$|,)`,
		`\b(?:certainly|sure|absolutely|of course)\s*[!,.]\s+here(?:\s+is|\s+are|` + apos + `s)\b`,
		`\bhere(?:\s+is|` + apos + `s) a (?:brief |concise |short )?summary of the (?:article|study|paper|research|text|findings)\b`,
		`\bregenerate response\b`,
		`\bI (?:cannot|can` + apos + `t|am not able to|` + apos + `m not able to|am unable to) provide (?:medical|legal|financial) advice\b`,
		`\bI(?:` + apos + `m| am) (?:not able|unable) to browse the internet\b`,
		`\bI (?:cannot|can` + apos + `t|do not|don` + apos + `t) (?:browse the internet|have (?:access to )?real-time)\b`,
		`\blet me know if you(?:` + apos + `d| would) like\b`,
		// "Feel free to ask questions in the #general channel" is a person;
		// "If you have any more questions, feel free to ask!" ends a chat.
		`\bfeel free to ask\s*(?:[.!]|$)`,
		`\[\s*your name\s*\]`,
	} {
		out = append(out, lazyRE(`(?i)`+p))
	}
	return out
}()

func init() { gatePatterns(aiArtifacts, aiArtifactGates) }

func checkAIArtifact(p *Pass) {
	opts := p.Options.(*AIArtifactOptions)
	var extra []*lazyRegexp
	for _, ph := range opts.Phrases {
		if re := phraseRegexp(ph); re != nil {
			extra = append(extra, compiled(re))
		}
	}
	var s aiArtifactScratch
	masks := aiArtifactMasks()
	type match struct {
		bi   int
		m    [2]int
		text string
	}
	var found []match
	for bi := range p.Doc.Blocks {
		hits := p.blockHits(bi)
		open := openMask(masks, hits)
		if open == 0 && len(extra) == 0 || !ownVoice(p.Doc, bi) {
			continue
		}
		b := &p.Doc.Blocks[bi]
		for _, m := range s.matches(b.Prose.Text, p.Doc.LowerProse(bi), hits, open, extra) {
			if !inQuotation(b.Prose.Text, m[0], m[1]) { // quoted to be discussed
				found = append(found, match{bi, m, b.Prose.Text[m[0]:m[1]]})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	// An article on chatbots quotes what they say: there, only the chat
	// interface's own words are leftovers.
	about := aboutChatbots(p, func(bi int) [][2]int {
		var ms [][2]int
		for _, f := range found {
			if f.bi == bi {
				ms = append(ms, f.m)
			}
		}
		return ms
	})
	for _, f := range found {
		if about && !uiLeftover(f.text) {
			continue
		}
		b := &p.Doc.Blocks[f.bi]
		leftover := strings.TrimRight(strings.TrimSpace(f.text), ",.!")
		p.Reportf(b.Prose.SourceSpan(f.m[0], f.m[1]), "chatbot leftover %s: delete it and edit the text around it", quoteShort(leftover))
	}
}

// aiArtifactScratch holds the patterns to run on a block, so that
// choosing them allocates nothing (16 holds aiArtifacts).
type aiArtifactScratch struct {
	patterns [16]*lazyRegexp
	gates    [16]gate
}

// matches is groupMatches(text, aiArtifacts+extra, aiArtifactGates, ...)
// run only with the patterns whose gate is open and that aiArtifactMay
// lets in: asking 14 gates in turn for each block cost more than the
// patterns, and two patterns ran on many blocks they could not match.
// lower is text lower-cased with keywords.Lower, open the gates hits
// open (openMask).
func (s *aiArtifactScratch) matches(text string, lower []byte, hits []keywords.Hit, open uint32, extra []*lazyRegexp) [][2]int {
	patterns, gates := s.patterns[:0], s.gates[:0]
	for i, re := range aiArtifacts {
		if open&(1<<i) != 0 && aiArtifactMay(i, lower) {
			patterns = append(patterns, re)
			gates = append(gates, aiArtifactGates[i])
		}
	}
	// Extra phrases have no gate: past the end of gates, they run on the
	// whole text.
	patterns = append(patterns, extra...)
	if len(patterns) == 0 {
		return nil
	}
	return groupMatches(text, patterns, gates, hits, aiArtifactRadius, nil)
}

// aiArtifactMasks maps a gate word id to the set of aiArtifactGates
// (bit i for gate i) that hold it.
var aiArtifactMasks = sync.OnceValue(func() []uint32 { return gateMasks(aiArtifactGates) })

// aiArtifactMay reports whether aiArtifacts[i] can match anywhere in the
// text lower holds: false only when a fragment that every match
// contains, with its case folds, is missing. Checked on the whole text,
// it holds for the windows groupMatches reads too.
func aiArtifactMay(i int, lower []byte) bool {
	switch i {
	case 5:
		// "Certainly! Here is": every match holds [ey]\s*[!,.]\s+h
		// (e, y and h have no case fold outside ASCII).
		return certainlyHere(lower)
	case 12:
		// "feel free to ask": "s" and "k" fold to ſ and K, the rest not.
		return bytes.Contains(lower, []byte("feel free to a"))
	}
	return true
}

// certainlyHere reports whether lower holds [ey]\s*[!,.]\s+h, with \s
// as in Go's regexp ([\t\n\f\r ]).
func certainlyHere(lower []byte) bool {
	for i, c := range lower {
		if c != '!' && c != ',' && c != '.' {
			continue
		}
		j := i + 1
		for j < len(lower) && isRegexpSpace(lower[j]) {
			j++
		}
		if j == i+1 || j == len(lower) || lower[j] != 'h' {
			continue
		}
		k := i - 1
		for k >= 0 && isRegexpSpace(lower[k]) {
			k--
		}
		if k >= 0 && (lower[k] == 'e' || lower[k] == 'y') {
			return true
		}
	}
	return false
}

// isRegexpSpace reports whether c is in Go's regexp class \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// phraseRegexp matches phrase as whole words, case-insensitively, with any
// run of space between words; group 1 is the phrase. It is nil for an
// empty phrase.
func phraseRegexp(phrase string) *regexp.Regexp {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return nil
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := phraseCache.get(`(?i)(?:^|[^\pL\pN_])(` + strings.Join(words, `\s+`) + `)(?:[^\pL\pN_]|$)`)
	if err != nil {
		return nil
	}
	return re
}

// chatbotWords name chatbots: an article that uses one discusses them,
// and the chatbots' phrases it holds are quotations.
var chatbotWords = []string{"chatgpt", "chatbot", "language model", "llm", "gpt-3", "gpt-4", "claude", "gemini", "copilot"}

// aboutChatbots reports whether the article's prose names a chatbot
// outside the leftovers found in each block (leftovers(bi)).
func aboutChatbots(p *Pass, leftovers func(bi int) [][2]int) bool {
	for bi := range p.Doc.Blocks {
		lower := p.Doc.LowerProse(bi)
		if ms := leftovers(bi); len(ms) > 0 {
			lower = bytes.Clone(lower)
			for _, m := range ms {
				for i := m[0]; i < m[1]; i++ {
					lower[i] = ' '
				}
			}
		}
		for _, w := range chatbotWords {
			if bytes.Contains(lower, []byte(w)) {
				return true
			}
		}
	}
	return false
}

// uiLeftover reports whether a leftover is the chat interface's own text,
// which no article quotes on purpose.
func uiLeftover(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "regenerate") || strings.Contains(l, "your name")
}
