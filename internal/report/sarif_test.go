package report

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"
)

func TestSARIFArtifact(t *testing.T) {
	tests := []struct {
		path string
		want sarifArtifact
	}{
		{"draft.md", sarifArtifact{"draft.md", "%SRCROOT%"}},
		{"docs/my draft.md", sarifArtifact{"docs/my%20draft.md", "%SRCROOT%"}},
		{"<stdin>", sarifArtifact{"%3Cstdin%3E", "%SRCROOT%"}},
		{"a:b/c.md", sarifArtifact{"a%3Ab/c.md", "%SRCROOT%"}},
		{"50%.md", sarifArtifact{"50%25.md", "%SRCROOT%"}},
		{"../x/#1.md", sarifArtifact{"../x/%231.md", "%SRCROOT%"}},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests, struct {
			path string
			want sarifArtifact
		}{"/tmp/a b.md", sarifArtifact{URI: "file:///tmp/a%20b.md"}})
	}
	for _, tt := range tests {
		if got := artifact(tt.path); got != tt.want {
			t.Errorf("artifact(%q) = %+v, want %+v", tt.path, got, tt.want)
		}
	}
}

// A finding from a rule the driver was not told about still gets a
// ruleIndex that names it.
func TestSARIFUnknownRule(t *testing.T) {
	var b bytes.Buffer
	s := &SARIF{w: &b, rules: []RuleInfo{{ID: "a", Doc: "A.", Severity: "error"}}}
	s.File("x.md", []Finding{
		{Path: "x.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "house-style", Severity: "info", Message: "m"},
		{Path: "x.md", Line: 2, Column: 1, EndLine: 2, EndColumn: 2, Rule: "a", Severity: "error", Message: "m"},
	})
	if err := s.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID, Name string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct{ Region struct{ StartColumn int } }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 2 || rules[0].ID != "a" || rules[1].ID != "house-style" || rules[1].Name != "HouseStyle" {
		t.Fatalf("rules %+v", rules)
	}
	for _, r := range run.Results {
		if rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result for %s has ruleIndex %d", r.RuleID, r.RuleIndex)
		}
	}
	if run.Results[0].Level != "note" {
		t.Errorf("info is level %q, want note", run.Results[0].Level)
	}
	// Column16 unset: the character column stands in.
	if c := run.Results[0].Locations[0].PhysicalLocation.Region.StartColumn; c != 1 {
		t.Errorf("startColumn %d", c)
	}
}
