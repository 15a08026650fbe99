package lsp

import (
	"strings"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/report"
	"github.com/articlelint/articlelint/rules"
)

// diagnostics converts a result's findings, in order, to diagnostics.
func diagnostics(res *lint.Result) []Diagnostic {
	src := res.Doc.Source
	out := []Diagnostic{}
	for i, f := range lint.Located(res) {
		out = append(out, Diagnostic{
			Range: Range{
				Start: position(src, f.Line, f.Column16),
				End:   position(src, f.EndLine, f.EndColumn16),
			},
			Severity:        severity(res.Findings[i].Severity),
			Code:            f.Rule,
			CodeDescription: codeDescription{Href: RulesURL},
			Source:          "articlelint",
			Message:         f.Message,
		})
	}
	return out
}

func severity(s rules.Severity) int {
	switch s {
	case rules.Error:
		return severityError
	case rules.Warning:
		return severityWarning
	}
	return severityInfo
}

// before reports whether position a comes before b.
func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// touches reports whether two ranges overlap or meet, so that a cursor at
// either end of a finding still gets its fixes.
func touches(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// codeActions returns a quick fix for every suggested fix of the findings
// in the requested range.
func (s *server) codeActions(p codeActionParams) []codeAction {
	actions := []codeAction{}
	if len(p.Context.Only) > 0 && !wantsQuickFix(p.Context.Only) {
		return actions
	}
	d, res := s.current(p.TextDocument.URI)
	if res == nil {
		return actions
	}
	src := res.Doc.Source
	diags := diagnostics(res)
	for i, f := range lint.Located(res) {
		if len(f.Fixes) == 0 || !touches(diags[i].Range, p.Range) {
			continue
		}
		for _, fx := range f.Fixes {
			edits := textEdits(src, fx)
			a := codeAction{
				Title:       fx.Message,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{diags[i]},
				IsPreferred: len(f.Fixes) == 1,
			}
			if s.docChanges {
				a.Edit.DocumentChanges = []textDocumentEdit{{
					TextDocument: versionedTextDocumentIdentifier{URI: d.uri, Version: d.version},
					Edits:        edits,
				}}
			} else {
				a.Edit.Changes = map[string][]textEdit{d.uri: edits}
			}
			actions = append(actions, a)
		}
	}
	return actions
}

// wantsQuickFix reports whether a code action filter admits quick fixes:
// kinds are hierarchical, so "" and "quickfix" do, "refactor" does not.
func wantsQuickFix(only []string) bool {
	for _, k := range only {
		if k == "" || k == "quickfix" || strings.HasPrefix(k, "quickfix.") {
			return true
		}
	}
	return false
}

func textEdits(src []byte, fx report.Fix) []textEdit {
	out := []textEdit{}
	for _, e := range fx.Edits {
		out = append(out, textEdit{
			Range:   Range{Start: position(src, e.Line, e.Column16), End: position(src, e.EndLine, e.EndColumn16)},
			NewText: e.NewText,
		})
	}
	return out
}

// hover describes the findings at a position: rule, severity, message and
// the rule's explanation.
func (s *server) hover(p hoverParams) *hover {
	_, res := s.current(p.TextDocument.URI)
	if res == nil {
		return nil
	}
	off := offset(res.Doc.Source, res.Doc.Lines, p.Position)
	var parts []string
	var rng *Range
	diags := diagnostics(res)
	for i, f := range res.Findings {
		if !at(res.Doc.Source, f.Span, off) {
			continue
		}
		if rng == nil {
			rng = &diags[i].Range
		}
		text := "**" + f.Rule + "** (" + f.Severity.String() + "): " + escapeMarkdown(f.Message)
		if r := lint.Lookup(f.Rule); r != nil && r.Explain != "" {
			text += "\n\n" + escapeMarkdown(r.Explain)
		}
		parts = append(parts, text)
	}
	if parts == nil {
		return nil
	}
	return &hover{
		Contents: markupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    rng,
	}
}

// at reports whether the finding at sp is under a cursor at off. An empty
// span (a missing statement, reported at the end of the text) is also under
// the character before it, where a block cursor stands.
func at(src []byte, sp article.Span, off int) bool {
	if sp.Contains(off) {
		return true
	}
	if sp.Start != sp.End || sp.Start > len(src) {
		return false
	}
	r, size := utf8.DecodeLastRune(src[:sp.Start])
	return off == sp.Start || size > 0 && r != '\n' && off == sp.Start-size
}

// escapeMarkdown keeps plain text plain in a Markdown hover: "<DOI>" is not
// an HTML tag, "*.md" starts no emphasis. Backtick code spans, which the
// messages use for commands, are left to render as code.
func escapeMarkdown(s string) string {
	var b strings.Builder
	code := false
	for _, r := range s {
		switch {
		case r == '`':
			code = !code
		case !code && strings.ContainsRune(`\*_<>[]`, r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
