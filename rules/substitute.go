package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

// SubstituteItem prefers one wording over others.
type SubstituteItem struct {
	Prefer   string   `yaml:"prefer"`
	Over     []string `yaml:"over"`
	Message  string   `yaml:"message"`
	Severity Severity `yaml:"severity"`
}

// SubstituteOptions list the house's preferred wordings.
type SubstituteOptions struct {
	Items []SubstituteItem `yaml:"items"`

	compiled userPhrases
}

// Substitute reports wordings the house style replaces, with a fix.
var Substitute = &Rule{
	ID:       "substitute",
	Doc:      "House rule: prefer one wording over others, with a suggested edit.",
	Severity: Warning,
	Fixable:  true,
	Explain: `Lists the wordings your house style replaces: person-first language, a
product's current name, one spelling. Each "over" phrase is matched as whole
words in any case and replaced by "prefer" (capitalised when the match was):

  rules:
    substitute:
      items:
        - prefer: people with diabetes
          over: [diabetics]
        - prefer: randomised
          over: [randomized]

articlelint --fix applies the replacements.`,
	Options: func() any { return &SubstituteOptions{} },
	Check:   checkSubstitute,
}

// Validate checks the item.
func (it *SubstituteItem) Validate() error {
	if strings.TrimSpace(it.Prefer) == "" || len(it.Over) == 0 {
		return errorf("set prefer and at least one phrase in over")
	}
	return nil
}

func checkSubstitute(p *Pass) {
	opts := p.Options.(*SubstituteOptions)
	var phrases []string
	var itemOf []int
	for i, it := range opts.Items {
		for _, over := range it.Over {
			phrases = append(phrases, over)
			itemOf = append(itemOf, i)
		}
	}
	houseMatches(p, &opts.compiled, "substitute", phrases, nil, func(k, _ int, span article.Span, text string) {
		it := opts.Items[itemOf[k]]
		if p.Doc.Text(span) != text {
			return // spans markup: no safe edit
		}
		want := matchCase(text, it.Prefer)
		msg := "write " + quoteShort(want) + " instead of " + quoteShort(text)
		if it.Message != "" {
			msg += ": " + it.Message
		}
		p.Report(Finding{Span: span, Severity: it.Severity, Message: msg,
			Fixes: []Fix{{Message: "replace with " + quoteShort(want), Edits: []Edit{{Span: span, New: want}}}}})
	})
}

// matchCase capitalises repl when the text it replaces starts a sentence.
func matchCase(text, repl string) string {
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return repl
	}
	f, n := utf8.DecodeRuneInString(repl)
	return string(unicode.ToUpper(f)) + repl[n:]
}
