package rules

import "github.com/articlelint/articlelint/article"

// ForbidItem is a phrase or pattern that must not appear.
type ForbidItem struct {
	Phrase   string   `yaml:"phrase"`
	Pattern  Regexp   `yaml:"pattern"`
	Message  string   `yaml:"message"`
	Severity Severity `yaml:"severity"`
}

// ForbidOptions list the house's forbidden phrases.
type ForbidOptions struct {
	Items []ForbidItem `yaml:"items"`

	compiled userPhrases
}

// Forbid reports phrases the house style forbids.
var Forbid = &Rule{
	ID:       "forbid",
	Doc:      "House rule: phrases or patterns that must not appear (configured in .articlelint.yaml).",
	Severity: Warning,
	Explain: `Lists what your house style never prints: "click here", "breakthrough",
an old product name. Each item is a phrase (whole words, any case) or a
regular expression, with an optional message and severity:

  rules:
    forbid:
      items:
        - phrase: click here
          message: say where the link leads instead
          severity: error
        - pattern: '\bvery (unique|pregnant)\b'

Only prose is searched: never code, comments or URLs.`,
	Options: func() any { return &ForbidOptions{} },
	Check:   checkForbid,
}

// Validate checks that the item sets phrase or pattern.
func (it *ForbidItem) Validate() error { return it.match().Validate() }

func (it *ForbidItem) match() *Match { return &Match{Phrase: it.Phrase, Pattern: it.Pattern} }

func checkForbid(p *Pass) {
	opts := p.Options.(*ForbidOptions)
	var ms []Match
	for _, it := range opts.Items {
		ms = append(ms, *it.match())
	}
	phrases, patterns := itemsOf(ms)
	houseMatches(p, &opts.compiled, "forbid", phrases, patterns, func(item, _ int, span article.Span, text string) {
		it := opts.Items[item]
		msg := it.Message
		if msg == "" {
			msg = "remove it (house style)"
		}
		p.Report(Finding{Span: span, Severity: it.Severity, Message: "forbidden " + quoteShort(text) + ": " + msg})
	})
}
