package lint

import (
	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

// DriverRules describe the findings the driver reports itself, not a
// rule: explain, hover and SARIF's rule list need their text as much as a
// rule's. They have no Check and never run.
var DriverRules = []*rules.Rule{
	{
		ID:       UnusedSuppression,
		Doc:      "Remove suppression comments that silence nothing (reported with --report-unused-suppressions).",
		Severity: rules.Warning,
		Explain: `A suppression comment (<!-- articlelint-disable RULE -->, -disable-next-line,
-disable-file) that hides no finding is left over from text that has
changed or a rule that no longer fires. It would silently hide a real finding
later, so it is worth removing. articlelint reports these only when run with
--report-unused-suppressions.

Fix: delete the comment, or narrow it to the rule that still fires there.`,
	},
	{
		ID:       FileTooLarge,
		Doc:      "A file over --max-file-size (default 10 MiB) is reported and not linted.",
		Severity: rules.Error,
		Explain: `Research summaries are a few kilobytes; a file of many megabytes is usually
a data dump, a generated page or a mistake, and reading it would slow the
whole run. articlelint reports such a file once, at its first line, and
checks nothing in it (with --online, none of its links either).

Fix: split the file, exclude it from the paths you lint, or raise the limit
with --max-file-size (such as 50MiB; 0 for no limit). The language server
takes the same flag.`,
	},
}

// Lookup returns the rule or driver finding with the given id, or nil.
func Lookup(id string) *rules.Rule {
	if r := rules.Lookup(id); r != nil {
		return r
	}
	for _, r := range DriverRules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// IDs are the ids of every finding articlelint reports: each rule's, then
// the driver's.
func IDs() []string {
	var ids []string
	for _, r := range rules.All {
		ids = append(ids, r.ID)
	}
	for _, r := range DriverRules {
		ids = append(ids, r.ID)
	}
	return ids
}

// top is where a finding about the whole article goes: the title, or the
// first line when there is none. Rules place such findings (a missing
// section, a missing disclosure) at the empty span Document.End, after
// the last text, and report no other finding as an empty span there; in
// an editor that was a mark at the bottom of the page.
func top(doc *article.Document) article.Span {
	if doc.Title != nil {
		return doc.Title.Span
	}
	return article.Span{}
}
