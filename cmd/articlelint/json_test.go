package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The JSON output matches the documented schema, for findings with fixes
// and for files that fail.
func TestJSONMatchesSchema(t *testing.T) {
	schema := compileSchema(t, "../../internal/report/json-v1.schema.json")
	dir := t.TempDir()
	draft := "# Vitamin D\n\n## Introduction\n\nSee doi:10.1000/182 and http://dx.doi.org/10.1000/183.\n"
	if err := os.WriteFile(filepath.Join(dir, "draft.md"), []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	code := run([]string{"--format", "json", filepath.Join(dir, "draft.md"), filepath.Join(dir, "empty.md")}, strings.NewReader(""), &out, &errs)
	if code != exitError {
		t.Errorf("exit %d, want %d (a file failed)", code, exitError)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if err := schema.Validate(v); err != nil {
		t.Fatalf("output does not match the schema: %v\n%s", err, out.String())
	}
	var doc struct {
		Findings []struct {
			Rule  string
			Fixes []struct{ Edits []struct{ NewText string } }
		}
		Errors  []struct{ Path, Message string }
		Summary struct{ Files, Errors, Warnings, Fixable, Failed int }
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rules := map[string]int{}
	for _, f := range doc.Findings {
		rules[f.Rule]++
	}
	if rules["required-section"] != 2 || rules["ai-disclosure"] != 1 || rules["doi-format"] != 2 {
		t.Errorf("findings by rule = %v", rules)
	}
	if doc.Summary.Files != 1 || doc.Summary.Failed != 1 || doc.Summary.Fixable < 2 || len(doc.Errors) != 1 || !strings.Contains(doc.Errors[0].Message, "file is empty") {
		t.Errorf("summary %+v, errors %+v", doc.Summary, doc.Errors)
	}
}
