package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/articlelint/articlelint/internal/report"
)

// genFile is a file of a generated run: its findings, or why it failed.
type genFile struct {
	path     string
	findings []report.Finding
	err      string
}

// genRun is a run over 60 folders of 80 articles, each folder followed by
// a file named like it (d000/ then d000-x.md, as a walk lists them), five
// findings an article, two of them at one place: about 24,000 findings.
func genRun() []genFile {
	var files []genFile
	add := func(path string, i int) {
		fs := []report.Finding{
			{Line: 1, Column: 1, EndLine: 1, EndColumn: 4, Rule: "alpha", Severity: "error", Message: "a heading is missing"},
			{Line: 1, Column: 1, EndLine: 1, EndColumn: 9, Rule: "beta", Severity: "warning", Message: fmt.Sprintf("file %d: the title repeats the folder's name <%s> & more", i, path)},
			{Line: 2, Column: 5, EndLine: 2, EndColumn: 8, Rule: "gamma", Severity: "info", Message: "“quoted” text ü, and 𝔘 beyond the BMP",
				Fixes: []report.Fix{{Message: "straighten the quotes", Edits: []report.Edit{{Line: 2, Column: 5, EndLine: 2, EndColumn: 8, Start: 20, End: 23, NewText: `"q"`}}}}},
			{Line: 10, Column: 3, EndLine: 10, EndColumn: 7, Column16: 4, EndColumn16: 8, Rule: "alpha", Severity: "error", Message: "a sentence runs on for far too long, past what a reader follows in one breath"},
			{Line: 10, Column: 20, EndLine: 11, EndColumn: 1, Rule: "beta", Severity: "warning", Message: "a link to http://example.org/a?b=c&d=e has no text"},
		}
		for k := range fs {
			fs[k].Path = path
		}
		files = append(files, genFile{path: path, findings: fs})
	}
	i := 0
	for d := range 60 {
		for f := range 80 {
			add(fmt.Sprintf("site/d%03d/f%03d.md", d, f), i)
			i++
		}
		if d%20 == 7 {
			files = append(files, genFile{path: fmt.Sprintf("site/d%03d/zz.md", d), err: "site/d007/zz.md: cannot read: permission denied"})
		}
		add(fmt.Sprintf("site/d%03d-x.md", d), i)
		i++
	}
	return files
}

// writeGenReport writes the report of files as a run would.
func writeGenReport(t *testing.T, format string, files []genFile) []byte {
	t.Helper()
	var b bytes.Buffer
	rules := []report.RuleInfo{{ID: "alpha", Severity: "error"}, {ID: "beta", Severity: "warning"}, {ID: "gamma", Severity: "info"}}
	r, err := report.New(format, &b, report.Options{Errs: io.Discard, Version: "v9.9.9", Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	var sum report.Summary
	for _, f := range files {
		if f.err != "" {
			sum.Failed++
			err = r.FileError(f.path, errors.New(f.err))
		} else {
			sum.Files++
			sum.Add(f.findings)
			err = r.File(f.path, f.findings)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(sum); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Shard reports larger than what merge holds in memory (a few MiB; the
// rest waits in a temporary file) still join into the whole run's report
// byte for byte.
func TestMergeStreamsLargeReports(t *testing.T) {
	files := genRun()
	for _, format := range []string{"json", "sarif", "junit", "text"} {
		t.Run(format, func(t *testing.T) {
			whole := writeGenReport(t, format, files)
			if format == "json" && len(whole) < 6<<20 {
				t.Fatalf("the whole report is %d bytes: too small to need more than memory", len(whole))
			}
			parts := make([][]genFile, 3)
			for _, f := range files {
				k := shardOf(f.path, 3) - 1
				parts[k] = append(parts[k], f)
			}
			var reports [][]byte
			for _, part := range parts {
				reports = append(reports, writeGenReport(t, format, part))
			}
			merged := mergeOutOfOrder(t, format, reports)
			if !bytes.Equal(merged, whole) {
				t.Errorf("merged shards differ from the whole run (%d and %d bytes)\n%s", len(merged), len(whole), firstDiff(merged, whole))
			}
		})
	}
}
