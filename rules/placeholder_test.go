package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

func TestPlaceholder(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"See [Insert DOI here] for details.", []string{"[Insert DOI here]"}},
		{"Levels rose by XX% in six weeks.", []string{"XX%"}},
		{"TODO: check the dose.", []string{"TODO:"}},
		{"The dose was [TBD] a day.", []string{"[TBD]"}},
		{"Lorem ipsum dolor sit amet.", []string{"Lorem ipsum"}},
		{"The study {{study_title}} is new.", []string{"{{study_title}}"}},
		{"Read it at [link].", []string{"[link]"}},
		{"The effect was ??? in infants.", []string{"???"}},
		{"Written by [Author name].", []string{"[Author name]"}},
		{"The app keeps todos for the team.", nil},
		{"Women have an XX chromosome pair.", nil},
		{"The Tbdx gene is expressed.", nil},
		{"{{< figure src=\"a.png\" >}}", nil},
		{"See {{ site.url }}/trial for details.", nil},
		{"Dates are TBD for now.", nil},
		{"Was it that large??? Yes.", nil},
		{"Use `TODO:` in code.", nil},
		{"DOIs look like 10XXXX/XXXX in the form.", nil},
	}
	for _, tt := range tests {
		got := editorialSpans(t, rules.Placeholder, "a.md", "# T\n\n"+tt.text+"\n", nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
