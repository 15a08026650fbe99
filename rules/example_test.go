package rules_test

import (
	"fmt"
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

// A rule written outside this repository, with the public packages only:
// it reads the document model and reports findings.
func Example_customRule() {
	exclaim := &rules.Rule{
		ID:       "no-exclamation",
		Doc:      "Research summaries do not shout.",
		Severity: rules.Warning,
		Check: func(p *rules.Pass) {
			for _, b := range p.Doc.Blocks {
				if i := strings.Index(b.Prose.Text, "!"); i >= 0 {
					p.Reportf(b.Prose.SourceSpan(i, i+1), "drop the exclamation mark")
				}
			}
		},
	}
	src := "# Vitamin D\n\nMothers who took it had healthier infants!\n"
	doc, err := article.Parse("a.md", []byte(src), article.Options{})
	if err != nil {
		panic(err)
	}
	exclaim.Check(rules.NewPass(exclaim, doc, nil, exclaim.Severity, func(f rules.Finding) {
		pos := doc.Position(f.Span.Start)
		fmt.Printf("a.md:%d:%d: %s %s: %s\n", pos.Line, pos.Column, f.Severity, f.Rule, f.Message)
	}))
	// Output: a.md:3:42: warning no-exclamation: drop the exclamation mark
}
