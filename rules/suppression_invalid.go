package rules

import "github.com/articlelint/articlelint/internal/suppress"

// SuppressionInvalid reports suppression comments that name no known rule.
var SuppressionInvalid = &Rule{
	ID:       "suppression-invalid",
	Doc:      "Suppression comments must name rules that exist.",
	Severity: Warning,
	Explain: `<!-- articlelint-disable RULE -->, -enable, -disable-next-line and
-disable-file silence the named rules (all rules when none is named). A
misspelt rule id silences nothing, and the finding it meant to hide comes back.

Fix: use an id from 'articlelint rules'.`,
	Check: checkSuppressionInvalid,
}

func checkSuppressionInvalid(p *Pass) {
	for _, d := range suppress.Parse(p.Doc) {
		for i, id := range d.Rules {
			if p.Known != nil && !p.Known(id) {
				p.Reportf(d.RuleSpans[i], "suppression names unknown rule %q: use an id from 'articlelint rules'", id)
			}
		}
	}
}
