package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// run is a run's worth of reporter calls: files with findings, files
// without, and files that could not be linted, in between.
type run struct {
	files  []string
	found  map[string][]Finding
	failed map[string]error
	sum    Summary
}

// makeRun makes n files, most with findings of known and unknown rules,
// with fixes, and with text that JSON, XML and HTML must escape.
func makeRun(n int) run {
	r := run{found: map[string][]Finding{}, failed: map[string]error{}}
	for i := range n {
		path := fmt.Sprintf("dir/%05d <&\"x\">.md", i)
		r.files = append(r.files, path)
		switch {
		case i%7 == 3:
			r.failed[path] = fmt.Errorf("%s: file is empty", path)
			r.sum.Failed++
			continue
		case i%5 == 0:
			r.sum.Files++
			continue // clean
		}
		r.sum.Files++
		var fs []Finding
		for k := range 1 + i%4 {
			f := Finding{Path: path, Line: 1 + k, Column: 2, EndLine: 1 + k, EndColumn: 9, Column16: 2, EndColumn16: 10,
				Rule: []string{"doi-format", "link-promise", "house-rule-x"}[k%3], Severity: []string{"error", "warning", "info"}[(i+k)%3],
				Message: fmt.Sprintf("finding %d of %d: \"quoted\" <b>&amp; ]]> \u00e9\U0001F600 \x01", k, i)}
			if k == 1 {
				f.Fixes = []Fix{{Message: "rewrite", Edits: []Edit{{Line: 2, Column: 2, EndLine: 2, EndColumn: 9, Start: 10, End: 17, NewText: "https://doi.org/10.1/x"}}}}
			}
			fs = append(fs, f)
		}
		r.found[path] = fs
		r.sum.Add(fs)
	}
	return r
}

func (r run) play(t *testing.T, rep Reporter) {
	t.Helper()
	for _, p := range r.files {
		var err error
		if e := r.failed[p]; e != nil {
			err = rep.FileError(p, e)
		} else {
			err = rep.File(p, r.found[p])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Close(r.sum); err != nil {
		t.Fatal(err)
	}
}

func (r run) findings() []Finding {
	var out []Finding
	for _, p := range r.files {
		out = append(out, r.found[p]...)
	}
	return out
}

var streamOptions = Options{Version: "v1.2.3", Rules: []RuleInfo{
	{ID: "doi-format", Doc: "DOIs as links.", Explain: "Why.\n\nHow.", Severity: "warning"},
	{ID: "link-promise", Doc: "Promised links.", Severity: "error"},
}}

// canonical reports whether out is exactly what encoding/json writes for
// the value it holds, indented by two spaces: a document streamed in
// pieces must not differ from one encoded whole.
func canonicalJSON(t *testing.T, out []byte) {
	t.Helper()
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), out) {
		i := 0
		for i < min(indented.Len(), len(out)) && indented.Bytes()[i] == out[i] {
			i++
		}
		t.Fatalf("the document is not laid out as encoding/json lays it out, from byte %d: %q", i, out[i:min(i+80, len(out))])
	}
}

// Each streamed format writes the document its struct describes, byte for
// byte, for a small run kept in memory and a large one whose body goes
// through a temporary file, and leaves no temporary file behind.
func TestStreamedReports(t *testing.T) {
	for _, n := range []int{0, 1, 40, 16000} {
		r := makeRun(n)
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)

			var out bytes.Buffer
			r.play(t, newJSON(&out))
			canonicalJSON(t, out.Bytes())
			var doc jsonDoc
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			want := r.findings()
			for i := range want {
				want[i].Column16, want[i].EndColumn16 = 0, 0 // not in JSON
				if want[i].Fixes == nil {
					want[i].Fixes = []Fix{}
				}
			}
			if len(want) == 0 {
				want = []Finding{}
			}
			if !reflect.DeepEqual(doc.Findings, want) {
				t.Errorf("json: %d findings read back differ from the %d written", len(doc.Findings), len(want))
			}
			if len(doc.Errors) != len(r.failed) || doc.Summary != r.sum || doc.Version != JSONVersion {
				t.Errorf("json: %d errors, summary %+v, version %d", len(doc.Errors), doc.Summary, doc.Version)
			}

			out.Reset()
			r.play(t, &SARIF{w: &out, version: "v1.2.3", rules: streamOptions.Rules})
			canonicalJSON(t, out.Bytes())
			var log sarifLog
			if err := json.Unmarshal(out.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			if len(run.Results) != len(want) {
				t.Fatalf("sarif: %d results, want %d", len(run.Results), len(want))
			}
			for i, res := range run.Results {
				f := want[i]
				if res.RuleID != f.Rule || run.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule || res.Locations[0].PhysicalLocation.Region.StartLine != f.Line {
					t.Fatalf("sarif: result %d is %+v, want %s at line %d", i, res, f.Rule, f.Line)
				}
			}
			if run.Invocations[0].ExecutionSuccessful != (len(r.failed) == 0) || len(run.Invocations[0].ToolExecutionNotifications) != len(r.failed) {
				t.Errorf("sarif: invocation %+v for %d failed files", run.Invocations[0], len(r.failed))
			}

			out.Reset()
			r.play(t, &JUnit{w: &out})
			var suite junitSuite
			if err := xml.Unmarshal(out.Bytes(), &suite); err != nil {
				t.Fatal(err)
			}
			if suite.Tests != len(r.files) || len(suite.Cases) != len(r.files) || suite.Errors != len(r.failed) {
				t.Errorf("junit: tests=%d cases=%d errors=%d for %d files, %d failed", suite.Tests, len(suite.Cases), suite.Errors, len(r.files), len(r.failed))
			}
			// Encoded whole, the suite read back is the same text.
			var whole bytes.Buffer
			whole.WriteString(xml.Header)
			enc := xml.NewEncoder(&whole)
			enc.Indent("", "  ")
			if err := enc.Encode(suite); err != nil {
				t.Fatal(err)
			}
			whole.WriteByte('\n')
			if !bytes.Equal(whole.Bytes(), out.Bytes()) {
				t.Errorf("junit: the streamed document differs from the suite encoded whole")
			}

			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// JSON is on its way out as the run goes: a file's findings are written
// when the file is done, not at the end.
func TestJSONWritesEachFileAsItFinishes(t *testing.T) {
	var out bytes.Buffer
	j := newJSON(&out)
	r := makeRun(3)
	if err := j.File(r.files[1], r.found[r.files[1]]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"path": "dir/00001 <&\"x\">.md"`) {
		t.Fatalf("nothing written after the first file: %q", out.String())
	}
}

// A run that stops early removes the spooled body, even when it was a
// temporary file, and --output's unfinished report.
func TestAbortLeavesNothing(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	r := makeRun(16000)
	for _, format := range []string{"sarif", "junit", "html", "json"} {
		rep, err := NewFile(format, dir+"/report", streamOptions)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.files {
			if err := rep.File(p, r.found[p]); err != nil {
				t.Fatal(err)
			}
		}
		Abort(rep)
		Abort(rep) // twice is harmless
		for _, d := range []string{tmp, dir} {
			if left, _ := os.ReadDir(d); len(left) != 0 {
				t.Errorf("%s: files left in %s: %v", format, d, left)
			}
		}
	}
}

// Tee closes every reporter and returns what any of them failed with.
func TestTeeJoinsErrors(t *testing.T) {
	var a, b bytes.Buffer
	rep := Tee(newJSON(&a), failClose{newMarkdown(&b, Options{})})
	if err := rep.File("a.md", makeRun(2).found["dir/00001 <&\"x\">.md"]); err != nil {
		t.Fatal(err)
	}
	if err := rep.Close(Summary{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close: %v, want the second reporter's error", err)
	}
	if !json.Valid(a.Bytes()) {
		t.Errorf("the first reporter did not finish: %q", a.String())
	}
}
