package rules

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/article"
)

// Placement is where in an article a statement must stand.
type Placement string

// UnmarshalYAML accepts any, start or end.
func (p *Placement) UnmarshalYAML(n *yaml.Node) error {
	switch n.Value {
	case "any", "start", "end":
		*p = Placement(n.Value)
		return nil
	}
	return fmt.Errorf("placement must be any, start or end, not %q", n.Value)
}

// DisclosureOptions configure ai-disclosure. Patterns are used by the
// parser, which records the disclosure it finds in the document.
type DisclosureOptions struct {
	// Placement is where the statement must be: any, start or end.
	Placement Placement `yaml:"placement"`
	// Patterns recognise further wordings, one regular expression each,
	// matched against each sentence.
	Patterns []Regexp `yaml:"patterns"`
	// ReplaceDefaults drops the built-in wordings and uses only Patterns.
	ReplaceDefaults bool `yaml:"replace-defaults"`
	// DeclarationVisible says the site's template prints the front
	// matter's AI-use declaration where readers see it: then the
	// declaration is the disclosure.
	DeclarationVisible bool `yaml:"declaration-visible"`
}

// placementBlocks is how many prose blocks from either end count as the
// start or the end of an article.
const placementBlocks = 3

// AIDisclosure reports an article that does not say how AI was used.
var AIDisclosure = &Rule{
	ID:       "ai-disclosure",
	Doc:      "The article must say whether and how AI was used to write it.",
	Severity: Error,
	Explain: `Since 2 August 2026 the EU AI Act (Art. 50(4)) requires text generated or
manipulated by AI and published to inform the public to say so. Publishers ask
the same of every article, AI or not. The statement must be prose that a
reader sees: a paragraph, list item or quote; one in a code block or an HTML
comment does not count.

Recognised wordings include "This content is generated using AI assistance",
"written with AI assistance", "drafted with the help of ChatGPT", "During the
preparation of this work the author(s) used [tool] in order to ...",
"AI-assisted tools were used ...", and "No AI tools were used in writing this
article". Add your own under rules.ai-disclosure.patterns; require a place
with rules.ai-disclosure.placement (any, start: within the first three
paragraphs, end: within the last three).

Fix: add a sentence such as "This article was drafted with AI assistance and
reviewed by a human editor."`,
	Options: func() any { return &DisclosureOptions{Placement: "any"} },
	Check:   checkAIDisclosure,
}

func checkAIDisclosure(p *Pass) {
	opts := p.Options.(*DisclosureOptions)
	d := p.Doc.Disclosure
	if d == nil {
		var declared *article.Declaration
		for i, dec := range p.Doc.Declarations {
			if opts.DeclarationVisible && dec.Kind == "front matter" && dec.Use != article.UseUnknown {
				return // the template shows it to readers
			}
			if declared == nil && (dec.Use == article.UseAssisted || dec.Use == article.UseGenerated || dec.Kind == "c2pa") {
				declared = &p.Doc.Declarations[i]
			}
		}
		if declared != nil {
			p.Reportf(p.Doc.End(), "%s, but readers see no AI-use disclosure: add a statement such as %q (EU AI Act Art. 50(4))", declared, suggestedDisclosure(p.Doc.Lang.Code))
			return
		}
		p.Reportf(p.Doc.End(), "no AI-use disclosure found: add a statement such as %q (EU AI Act Art. 50(4))", suggestedDisclosure(p.Doc.Lang.Code))
		return
	}
	n := len(p.Doc.Blocks)
	var ok bool
	switch opts.Placement {
	case "start":
		ok = d.Block < placementBlocks
	case "end":
		ok = d.Block >= n-placementBlocks
	default:
		ok = true
	}
	if !ok {
		p.Reportf(d.Span, "%s", fmt.Sprintf("the AI-use disclosure must be at the %s of the article (within %d paragraphs); move it there", opts.Placement, placementBlocks))
	}
}

// suggestedDisclosures are the statements ai-disclosure suggests, by
// language.
var suggestedDisclosures = map[string]string{
	"en": "This article was drafted with AI assistance and reviewed by a human editor.",
	"de": "Dieser Artikel wurde mit Unterstützung von KI erstellt und von der Redaktion geprüft.",
	"fr": "Cet article a été rédigé avec l'aide de l'IA et relu par la rédaction.",
	"es": "Este artículo se redactó con ayuda de IA y fue revisado por la redacción.",
	"it": "Questo articolo è stato redatto con l'aiuto dell'IA e rivisto dalla redazione.",
	"nl": "Dit artikel is geschreven met hulp van AI en nagekeken door de redactie.",
	"pl": "Ten artykuł powstał przy pomocy SI i został sprawdzony przez redakcję.",
	"pt": "Este artigo foi redigido com apoio de IA e revisto pela redação.",
}

// suggestedDisclosure returns the statement to suggest in language lang,
// English when there is none.
func suggestedDisclosure(lang string) string {
	if s, ok := suggestedDisclosures[lang]; ok {
		return s
	}
	return suggestedDisclosures["en"]
}

// AIDisclosureMismatch reports a visible disclosure that contradicts the
// article's machine-readable declaration.
var AIDisclosureMismatch = &Rule{
	ID:       "ai-disclosure-mismatch",
	Doc:      "The visible AI-use disclosure must agree with the machine-readable declaration (front matter, JSON-LD, <meta>).",
	Severity: Warning,
	Explain: `Software reads the machine-readable declaration (front matter "ai-usage:
ai-assisted", "ai-generated: true", schema.org "digitalSourceType", an HTML
<meta>); readers read the disclosure. When one says no AI was used and the
other says AI was, one of them is wrong, and either a reader or a platform is
misinformed (EU AI Act Art. 50; the Code of Practice on marking and labelling
AI-generated content asks for both, and for them to agree).

Fix: correct whichever is wrong, so that both say the same.`,
	Check: checkAIDisclosureMismatch,
}

func checkAIDisclosureMismatch(p *Pass) {
	d := p.Doc.Disclosure
	if d == nil {
		return
	}
	use := d.Use()
	for _, dec := range p.Doc.Declarations {
		if dec.Use == article.UseUnknown {
			continue
		}
		if (dec.Use == article.UseNone) != (use == article.UseNone) {
			p.Reportf(d.Span, "the disclosure says %s, but %s: make them agree", useWords(use), dec)
			return
		}
	}
}

// useWords says an AI use in a message.
func useWords(u article.AIUse) string {
	switch u {
	case article.UseNone:
		return "no AI was used"
	case article.UseGenerated:
		return "the text was generated by AI"
	}
	return "AI assisted the writing"
}
