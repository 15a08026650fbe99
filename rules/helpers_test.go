package rules_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

// Span cases are written as the paragraph a rule reads, with each span
// the rule should report in it between ⟦ and ⟧:
//
//	"⟦Studies show⟧ that sleep matters."
//
// A paragraph without marks is one the rule must leave alone.
const markOpen, markClose = "⟦", "⟧"

var unmark = strings.NewReplacer(markOpen, "", markClose, "")

// findings runs rule r on src, parsed as the article at path, with opts
// (nil: the rule's defaults).
func findings(t testing.TB, r *rules.Rule, path, src string, opts any) (*article.Document, []rules.Finding) {
	t.Helper()
	doc, err := article.Parse(path, []byte(src), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if opts == nil && r.Options != nil {
		opts = r.Options()
	}
	var out []rules.Finding
	r.Check(rules.NewPass(r, doc, opts, r.Severity, func(f rules.Finding) {
		out = append(out, f)
	}))
	return doc, out
}

// spansOf returns the source text of each finding's span, in the order
// rule r reports them.
func spansOf(t testing.TB, r *rules.Rule, path, src string, opts any) []string {
	t.Helper()
	doc, fs := findings(t, r, path, src, opts)
	var out []string
	for _, f := range fs {
		out = append(out, doc.Text(f.Span))
	}
	return out
}

// checkSpans runs rule r with opts (nil: its defaults) on each case,
// unmarked, as a paragraph of a Markdown article after a title and a
// paragraph of prose, and compares the spans it reports with the marks.
func checkSpans(t *testing.T, r *rules.Rule, opts any, cases ...string) {
	t.Helper()
	const before = "# T\n\nSome text.\n\n"
	for _, want := range cases {
		text := unmark.Replace(want)
		_, fs := findings(t, r, "a.md", before+text+"\n", opts)
		var spans []article.Span
		for _, f := range fs {
			s := article.Span{Start: f.Span.Start - len(before), End: f.Span.End - len(before)}
			if s.Start < 0 || s.End > len(text) {
				t.Errorf("%s: %q: span %v is outside the paragraph", r.ID, want, f.Span)
				continue
			}
			spans = append(spans, s)
		}
		if got := mark(text, spans); got != want {
			t.Errorf("%s:\n got %q\nwant %q", r.ID, got, want)
		}
	}
}

// mark writes text with each span between ⟦ and ⟧.
func mark(text string, spans []article.Span) string {
	type edge struct {
		at, order int // at one offset: ends, then starts (longest first), then empty spans' ends
		s         string
	}
	var edges []edge
	for _, sp := range spans {
		end := 0
		if sp.Start == sp.End {
			end = 1 << 30
		}
		edges = append(edges, edge{sp.Start, 1 + len(text) - sp.End, markOpen}, edge{sp.End, end, markClose})
	}
	slices.SortStableFunc(edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.order, b.order))
	})
	var b strings.Builder
	at := 0
	for _, e := range edges {
		b.WriteString(text[at:e.at])
		b.WriteString(e.s)
		at = e.at
	}
	b.WriteString(text[at:])
	return b.String()
}
