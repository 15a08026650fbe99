package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzMerge: merge given a real report and any other file either joins
// them or refuses with an error that names the other file; it never
// panics, and what it writes for JSON is JSON. Its seeds (each format's
// report, cut short at every eighth) run with go test; under -fuzz this
// package is too large for more than a few executions a second.
func FuzzMerge(f *testing.F) {
	dir := f.TempDir()
	article := filepath.Join(dir, "a.md")
	if err := os.WriteFile(article, []byte("# A\n\nSee doi:10.1000/182 and https://doi.org/10.1000/183.\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	reports := map[string][]byte{}
	for _, format := range []string{"json", "sarif", "junit", "text"} {
		var out, errs bytes.Buffer
		run([]string{"--format", format, article}, strings.NewReader(""), &out, &errs)
		reports[format] = out.Bytes()
		f.Add(format, out.Bytes())
		for cut := 1; cut < 8; cut++ { // cut short at every eighth
			f.Add(format, out.Bytes()[:len(out.Bytes())*cut/8])
		}
	}
	f.Add("json", []byte(`{"version": 1, "findings": [{"path": 3}]}`))
	f.Add("sarif", []byte(`{"runs": [{"results": [{}], "tool": {}}]}`))
	f.Add("junit", []byte(`<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>`))
	f.Fuzz(func(t *testing.T, format string, other []byte) {
		real, ok := reports[format]
		if !ok {
			return
		}
		d := t.TempDir()
		a, b := filepath.Join(d, "real."+format), filepath.Join(d, "other."+format)
		if err := os.WriteFile(a, real, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(b, other, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errs bytes.Buffer
		code := run([]string{"merge", a, b}, strings.NewReader(""), &out, &errs)
		switch code {
		case exitClean, exitFindings:
			if format == "json" && !json.Valid(out.Bytes()) {
				t.Fatalf("merge wrote invalid JSON:\n%s", out.Bytes())
			}
		case exitError:
			if !strings.Contains(errs.String(), b) && !strings.Contains(errs.String(), a) {
				t.Fatalf("merge refused without naming a file: %s", errs.String())
			}
		default:
			t.Fatalf("exit %d", code)
		}
	})
}
