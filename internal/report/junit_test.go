package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
)

// The JUnit report is well-formed XML that decodes back to one suite with
// a case per file and the right counts, whatever the messages contain.
func TestJUnitRoundTrip(t *testing.T) {
	var b bytes.Buffer
	j := &JUnit{w: &b}
	steps := []error{
		j.File("clean.md", nil),
		j.File("a&b <draft>.md", []Finding{
			{Path: "a&b <draft>.md", Line: 3, Column: 5, Rule: "doi-format", Severity: "warning", Message: `write "doi:" as <https://doi.org/…> & more ]]> here`},
			{Path: "a&b <draft>.md", Line: 9, Column: 1, Rule: "ai-disclosure", Severity: "error", Message: "no disclosure\x00found"},
		}),
		j.File("note.md", []Finding{{Path: "note.md", Line: 1, Column: 1, Rule: "r", Severity: "info", Message: "fyi"}}),
		j.FileError("empty.md", errors.New("empty.md: file is empty")),
		j.FileError("", errors.New("nosuch: no such file or directory")),
		j.Close(Summary{}),
	}
	if err := errors.Join(steps...); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), xml.Header) {
		t.Errorf("no XML declaration:\n%s", b.String())
	}

	var got junitSuite
	dec := xml.NewDecoder(&b)
	dec.Strict = true
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, b.String())
	}
	if got.Name != "articlelint" || got.Tests != 5 || got.Failures != 2 || got.Errors != 2 || len(got.Cases) != 5 {
		t.Fatalf("suite %q tests=%d failures=%d errors=%d cases=%d, want articlelint 5 2 2 5",
			got.Name, got.Tests, got.Failures, got.Errors, len(got.Cases))
	}
	for _, c := range got.Cases {
		if c.ClassName != "articlelint" {
			t.Errorf("case %q: classname %q", c.Name, c.ClassName)
		}
	}
	if c := got.Cases[0]; c.Name != "clean.md" || c.Failure != nil || c.Error != nil {
		t.Errorf("clean file: %+v", c)
	}
	c := got.Cases[1]
	if c.Name != "a&b <draft>.md" || c.Failure == nil || c.Failure.Message != "2 findings" || c.Failure.Type != "error" {
		t.Fatalf("file with findings: %+v", c)
	}
	want := "3:5: warning doi-format: write \"doi:\" as <https://doi.org/…> & more ]]> here\n" +
		"9:1: error ai-disclosure: no disclosure\uFFFDfound\n" // XML 1.0 cannot carry NUL
	if c.Failure.Text != want {
		t.Errorf("failure text %q, want %q", c.Failure.Text, want)
	}
	if c := got.Cases[2]; c.Failure == nil || c.Failure.Message != "1 finding" || c.Failure.Type != "info" {
		t.Errorf("info-only file: %+v", c)
	}
	if c := got.Cases[3]; c.Name != "empty.md" || c.Error == nil || c.Error.Message != "empty.md: file is empty" || c.Failure != nil {
		t.Errorf("failed file: %+v", c)
	}
	if c := got.Cases[4]; c.Name == "" || c.Error == nil {
		t.Errorf("failed path argument: %+v", c)
	}
}
