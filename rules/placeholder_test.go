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
		// Draft markers count in capitals; "tbd" and "todo" in brackets.
		{"ToDo: call back.", nil},
		{"todo: call back.", nil},
		{"The dose was [tbd].", []string{"[tbd]"}},
		{"The dose was [Tbd].", nil},
		{"The dose was (tk).", nil},
		{"The dose was ( FIXME ).", []string{"( FIXME )"}},
		{"TBD", []string{"TBD"}},
		{"Tbd", nil},
		{"The quote TKTKTK goes here.", []string{"TKTK"}},
		{"The quote tktk goes here.", nil},
		{"Levels rose by xx% in six weeks.", nil},
		// White space of any kind inside a placeholder.
		{"See [Insert\u00a0DOI] for details.", []string{"[Insert\u00a0DOI]"}},
		{"See [citation\tneeded].", []string{"[citation\tneeded]"}},
		{"Levels rose by XX\u00a0% in six weeks.", []string{"XX\u00a0%"}},
		{"See [Insert\nDOI] for details.", []string{"[Insert\nDOI]"}},
		// Links in brackets and links written with a space are links.
		{"[[add to your calendar](https://example.org)]", nil},
		{"[Insert name] (https://example.org)", nil},
		{"See [Insert DOI here] and TODO: fix it.", []string{"[Insert DOI here]", "TODO:"}},
		{"See [TODO: check this] now.", []string{"TODO:"}},
		{"Read it at <add link>.", []string{"<add link>"}},
		{"Read it at < insert DOI here>.", []string{"< insert DOI here>"}},
	}
	for _, tt := range tests {
		got := editorialSpans(t, rules.Placeholder, "a.md", "# T\n\n"+tt.text+"\n", nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Placeholders count in headings and, in plain text, as "<add link>" in
// prose; "{{name}}" is a template's purpose.
func TestPlaceholderPlaces(t *testing.T) {
	for _, tt := range []struct {
		path, src string
		want      []string
	}{
		{"a.md", "# T\n\n## TODO: results\n\nText.\n", []string{"TODO:"}},
		{"a.md", "# T\n\n## Results [TBD]\n\nText.\n", []string{"[TBD]"}},
		{"a.md", "# T\n\n## Todo: results\n\nText.\n", nil},
		{"a.txt", "Title\nRead it at <add link> today.\n", []string{"<add link>"}},
		{"a.txt", "Title\nRead it at <a link> today.\n", nil},
		{"email-template.md", "# T\n\nDear {{name}}, the study {{study_title}} is out.\n", nil},
		{"email.md", "# T\n\nDear {{name}}, welcome.\n", []string{"{{name}}"}},
	} {
		got := editorialSpans(t, rules.Placeholder, tt.path, tt.src, nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q: got %q, want %q", tt.path, tt.src, got, tt.want)
		}
	}
}
