package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// The paragraph cases are in testdata/spans/placeholder.txt.
//
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
		if got := spansOf(t, rules.Placeholder, tt.path, tt.src, nil); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q: got %q, want %q", tt.path, tt.src, got, tt.want)
		}
	}
}
