package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/rules"
)

// sarifSchema compiles the vendored OASIS SARIF 2.1.0 schema (draft-04),
// registered under its own id so its internal references resolve.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := doc.(map[string]any)["id"].(string)
	if id == "" {
		t.Fatal("the SARIF schema has no id")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Version string
	Runs    []struct {
		ColumnKind string
		Tool       struct {
			Driver struct {
				Name, Version string
				Rules         []struct {
					ID                   string
					ShortDescription     struct{ Text string }
					HelpURI              string
					DefaultConfiguration struct{ Level string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []sarifResult
	}
}

type sarifRegion struct{ StartLine, StartColumn, EndLine, EndColumn int }

type sarifResult struct {
	RuleID    string
	RuleIndex int
	Level     string
	Message   struct{ Text string }
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string }
			Region           sarifRegion
		}
	}
	Fixes []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			ArtifactLocation struct{ URI string }
			Replacements     []struct {
				DeletedRegion   sarifRegion
				InsertedContent struct{ Text string }
			}
		}
	}
}

type jsonFinding struct {
	Path                             string
	Line, Column, EndLine, EndColumn int
	Rule, Severity, Message          string
	Fixes                            []struct{ Edits []struct{ NewText string } }
}

// lintAs runs articlelint in-process and returns stdout, checking that
// it exits with want (any code if want is negative).
func lintAs(t *testing.T, want int, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errs); want >= 0 && code != want {
		t.Fatalf("articlelint %s: exit %d, want %d\nstderr: %s", strings.Join(args, " "), code, want, errs.String())
	}
	return out.Bytes()
}

// sarifOf lints paths as SARIF, validates the log against the schema and
// decodes it.
func sarifOf(t *testing.T, want int, paths ...string) sarifLog {
	t.Helper()
	out := lintAs(t, want, append([]string{"--format", "sarif"}, paths...)...)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sarifSchema(t).Validate(v); err != nil {
		t.Fatalf("output does not match the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with one run", log.Version, len(log.Runs))
	}
	return log
}

func jsonOf(t *testing.T, want int, paths ...string) []jsonFinding {
	t.Helper()
	out := lintAs(t, want, append([]string{"--format", "json"}, paths...)...)
	var doc struct{ Findings []jsonFinding }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Findings
}

// The seed article's SARIF log is valid SARIF 2.1.0, lists every rule, and
// has the JSON format's findings one for one (the seed is ASCII, so
// UTF-16 and character columns agree).
func TestSARIFMatchesSchemaAndJSON(t *testing.T) {
	const seed = "../../testdata/articles/vitamin-d-lactation.txt"
	want := exitClean
	findings := jsonOf(t, -1, seed)
	for _, f := range findings {
		if f.Severity == "error" {
			want = exitFindings
		}
	}
	log := sarifOf(t, want, seed)
	r := log.Runs[0]

	if r.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", r.ColumnKind)
	}
	d := r.Tool.Driver
	if d.Name != "articlelint" || d.Version == "" {
		t.Errorf("driver %q version %q", d.Name, d.Version)
	}
	// Every id a finding can carry: the rules', then the driver's own.
	if ids := lint.IDs(); len(d.Rules) != len(ids) {
		t.Fatalf("%d rules in the driver, want every finding id (%d)", len(d.Rules), len(ids))
	}
	levels := map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "note"}
	for i, id := range lint.IDs() {
		rule := lint.Lookup(id)
		got := d.Rules[i]
		if got.ID != rule.ID || got.ShortDescription.Text != rule.Doc || got.DefaultConfiguration.Level != levels[rule.Severity] || !strings.HasPrefix(got.HelpURI, "https://github.com/articlelint/articlelint") {
			t.Errorf("rule %d = %+v, want %s (%s): %s", i, got, rule.ID, levels[rule.Severity], rule.Doc)
		}
	}
	if len(r.Invocations) != 1 || !r.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations %+v, want one that succeeded", r.Invocations)
	}

	if len(findings) == 0 {
		t.Fatal("the seed has no findings; this test needs some to compare")
	}
	if len(r.Results) != len(findings) {
		t.Fatalf("%d SARIF results, %d JSON findings", len(r.Results), len(findings))
	}
	for i, f := range findings {
		res := r.Results[i]
		loc := res.Locations[0].PhysicalLocation
		got := jsonFinding{Path: loc.ArtifactLocation.URI, Line: loc.Region.StartLine, Column: loc.Region.StartColumn,
			EndLine: loc.Region.EndLine, EndColumn: loc.Region.EndColumn, Rule: res.RuleID, Message: res.Message.Text}
		want := jsonFinding{Path: filepath.ToSlash(f.Path), Line: f.Line, Column: f.Column,
			EndLine: f.EndLine, EndColumn: f.EndColumn, Rule: f.Rule, Message: f.Message}
		if got.Path != want.Path || got.Line != want.Line || got.Column != want.Column || got.EndLine != want.EndLine ||
			got.EndColumn != want.EndColumn || got.Rule != want.Rule || got.Message != want.Message {
			t.Errorf("result %d:\n got %+v\nwant %+v", i, got, want)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: uriBaseId %q", i, loc.ArtifactLocation.URIBaseID)
		}
		if d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d names %s, not %s", i, res.RuleIndex, d.Rules[res.RuleIndex].ID, res.RuleID)
		}
		if lv := map[string]string{"error": "error", "warning": "warning", "info": "note"}[f.Severity]; res.Level != lv {
			t.Errorf("result %d: level %q for severity %s", i, res.Level, f.Severity)
		}
		if len(res.Fixes) != len(f.Fixes) {
			t.Errorf("result %d: %d fixes, JSON has %d", i, len(res.Fixes), len(f.Fixes))
		}
	}
}

// writeArticle writes an article into a temporary directory.
func writeArticle(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// doiFormat returns the one doi-format result on line.
func doiFormat(t *testing.T, rs []sarifResult, line int) sarifResult {
	t.Helper()
	var found []sarifResult
	for _, r := range rs {
		if r.RuleID == "doi-format" && r.Locations[0].PhysicalLocation.Region.StartLine == line {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d doi-format results on line %d, want 1: %+v", len(found), line, rs)
	}
	return found[0]
}

// SARIF columns count UTF-16 code units: each emoji before a finding is
// one character (the JSON column) but two code units.
func TestSARIFColumnsAreUTF16(t *testing.T) {
	p := writeArticle(t, "emoji.md", "# Vitamin D\n\n## Introduction\n\n🧪🧪 See doi:10.1000/182 now.\n")
	var jf *jsonFinding
	for _, f := range jsonOf(t, exitFindings, p) {
		if f.Rule == "doi-format" {
			jf = &f
		}
	}
	if jf == nil || jf.Line != 5 {
		t.Fatalf("no doi-format finding on line 5 in JSON: %+v", jf)
	}
	res := doiFormat(t, sarifOf(t, exitFindings, p).Runs[0].Results, 5)
	reg := res.Locations[0].PhysicalLocation.Region
	if reg.StartColumn != jf.Column+2 || reg.EndColumn != jf.EndColumn+2 {
		t.Errorf("SARIF columns %d-%d, JSON %d-%d: want JSON's plus 2 (two emoji, two UTF-16 units each)",
			reg.StartColumn, reg.EndColumn, jf.Column, jf.EndColumn)
	}
	// "🧪🧪 See " is 2*2+5 = 9 code units, so the DOI starts at column 10.
	if reg.StartColumn != 10 {
		t.Errorf("SARIF startColumn %d, want 10", reg.StartColumn)
	}
	if len(res.Fixes) == 0 {
		t.Fatal("no fix")
	}
	if del := res.Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion; del.StartColumn != 10 {
		t.Errorf("fix deletes from column %d, want UTF-16 column 10", del.StartColumn)
	}
}

// A fixable finding carries a SARIF fix that rewrites doi:10.1000/182 as
// https://doi.org/10.1000/182 in the same file.
func TestSARIFFix(t *testing.T) {
	p := writeArticle(t, "draft.md", "# Vitamin D\n\n## Introduction\n\nSee doi:10.1000/182 for the trial.\n")
	res := doiFormat(t, sarifOf(t, exitFindings, p).Runs[0].Results, 5)
	if len(res.Fixes) != 1 || len(res.Fixes[0].ArtifactChanges) != 1 || len(res.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
		t.Fatalf("fixes %+v, want one change with one replacement", res.Fixes)
	}
	fx := res.Fixes[0]
	ch := fx.ArtifactChanges[0]
	rep := ch.Replacements[0]
	if rep.InsertedContent.Text != "https://doi.org/10.1000/182" {
		t.Errorf("inserted %q", rep.InsertedContent.Text)
	}
	// "See " is 4 columns; "doi:10.1000/182" is 15.
	if want := (sarifRegion{5, 5, 5, 20}); rep.DeletedRegion != want {
		t.Errorf("deleted region %+v, want %+v", rep.DeletedRegion, want)
	}
	if ch.ArtifactLocation.URI != res.Locations[0].PhysicalLocation.ArtifactLocation.URI {
		t.Errorf("fix changes %q, the finding is in %q", ch.ArtifactLocation.URI, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	if fx.Description.Text == "" {
		t.Error("fix has no description")
	}
}

// A file that cannot be linted is a tool execution notification, and the
// invocation did not succeed; the log is still valid.
func TestSARIFFileErrors(t *testing.T) {
	good := writeArticle(t, "good.md", "# Vitamin D\n\n## Introduction\n\nSee doi:10.1000/182.\n")
	empty := writeArticle(t, "empty.md", "")
	log := sarifOf(t, exitError, good, empty)
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("invocations %+v, want one unsuccessful with one notification", inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "file is empty") {
		t.Errorf("notification %+v", n)
	}
	if len(log.Runs[0].Results) == 0 {
		t.Error("the good file's findings are missing")
	}
}
