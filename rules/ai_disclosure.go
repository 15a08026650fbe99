package rules

import (
	"fmt"

	"go.yaml.in/yaml/v3"
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
		p.Reportf(p.Doc.End(), "no AI-use disclosure found: add a statement such as \"This article was drafted with AI assistance and reviewed by a human editor.\" (EU AI Act Art. 50(4))")
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
