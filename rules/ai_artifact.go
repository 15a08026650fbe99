package rules

import (
	"regexp"
	"strings"
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
"language model", "assistant", "model", a comma or "I". Add your own phrases
under rules.ai-artifact.phrases.

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
		`\bas a (?:large )?language model\b`,
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
	patterns := aiArtifacts
	for _, ph := range opts.Phrases {
		if re := phraseRegexp(ph); re != nil {
			patterns = append(patterns[:len(patterns):len(patterns)], compiled(re))
		}
	}
	for bi := range p.Doc.Blocks {
		b := &p.Doc.Blocks[bi]
		for _, m := range groupMatches(b.Prose.Text, patterns, aiArtifactGates, p.blockHits(bi), aiArtifactRadius, nil) {
			leftover := strings.TrimRight(strings.TrimSpace(b.Prose.Text[m[0]:m[1]]), ",.!")
			p.Reportf(b.Prose.SourceSpan(m[0], m[1]), "chatbot leftover %s: delete it and edit the text around it", quoteShort(leftover))
		}
	}
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
