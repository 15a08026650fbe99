package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

// spansOf runs rule r with its default options on src, parsed as the
// article at path, and returns the source text of each finding's span.
func spansOf(t *testing.T, r *rules.Rule, path, src string) []string {
	t.Helper()
	doc, err := article.Parse(path, []byte(src), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var opts any
	if r.Options != nil {
		opts = r.Options()
	}
	var out []string
	r.Check(rules.NewPass(r, doc, opts, r.Severity, func(f rules.Finding) {
		out = append(out, doc.Text(f.Span))
	}))
	return out
}

func TestOverclaimContext(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// "proves" and "proven" claim only in their scientific sense.
		{"The trial proves that vitamin D works.", []string{"proves"}},
		{"The trial proves vitamin D works.", []string{"proves"}},
		{"It is clinically proven to lower blood pressure.", []string{"proven"}},
		{"Supplements are proven effective in adults.", []string{"proven"}},
		{"A proven treatment for rickets.", []string{"proven"}},
		{"It has been proven in mice.", []string{"proven"}},
		{"The dose was proven to be safe.", []string{"proven"}},
		{"Recruiting has proven difficult.", nil},
		{"Recruiting has proven to be a challenge.", nil},
		{"The applicant has proven ability in R.", nil},
		{"The workflow proves feasible.", nil},
		{"The tool proves to be useful.", nil},
		// "guaranteed" claims about outcomes, not about funding.
		{"Weight loss is guaranteed to follow.", []string{"guaranteed"}},
		{"It offers guaranteed results.", []string{"guaranteed"}},
		{"The benefit is guaranteed.", []string{"guaranteed"}},
		{"The grant provides guaranteed funding.", nil},
		// Negation reaches across the clause, not past "that" or a comma.
		{"No one can tell you definitively which dose is best.", nil},
		{"There is no doubt that this is a breakthrough.", []string{"breakthrough"}},
		{"It is not a cure, but a breakthrough.", []string{"breakthrough"}},
		// Built-in allowed uses.
		{"We fitted mixture cure models and a cure fraction.", nil},
		{"Cured meats are high in salt.", nil},
		{"She is living proof that it works.", nil},
		// Whole words only.
		{"Secure the curer; it is unproven.", nil},
		{"It is 100% safe.", []string{"100% safe"}},
	}
	for _, tt := range tests {
		got := spansOf(t, rules.Overclaim, "a.md", tt.text+"\n")
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Phrases are found across any white space, and only as whole words in
// every script.
func TestOverclaimWhiteSpaceAndWordEdges(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"There is strong  evidence for it.", []string{"strong  evidence"}},
		{"There is strong\tevidence for it.", []string{"strong\tevidence"}},
		{"There is strong\u00a0evidence for it.", []string{"strong\u00a0evidence"}},
		{"There is strong\nevidence for it.", []string{"strong\nevidence"}},
		{"It was a game–changer for mothers.", []string{"game–changer"}},
		{"On écure le puits; un accès sécure.", nil},
		{"Le curé est venu.", nil},
	} {
		if got := spansOf(t, rules.Overclaim, "a.md", "# T\n\n"+tt.text+"\n"); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
