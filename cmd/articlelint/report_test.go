package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seed = "../../testdata/articles/vitamin-d-lactation.txt"

// The HTML report shows the seed's findings with the lines they are on.
func TestHTMLReportShowsSourceLines(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"--format", "html", seed}, strings.NewReader(""), &out, &errs)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, exitFindings, errs.String())
	}
	page := out.String()
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	// The residue finding's line, "Leave a comment", is shown with the
	// finding marked.
	if !strings.Contains(string(src), "\nLeave a comment") || !strings.Contains(page, "<mark>Leave a comment</mark>") {
		t.Errorf("the residue finding's source line is not shown:\n%.2000s", page)
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.HasSuffix(page, "</html>\n") {
		t.Errorf("not a whole page: %.100q ... %q", page, page[max(len(page)-100, 0):])
	}
}

// --step-summary appends a Markdown summary to the file and leaves the
// report on stdout as it was: one run gives both.
func TestStepSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("## an earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var plain, out, errs bytes.Buffer
	run([]string{"--format", "github", seed}, strings.NewReader(""), &plain, &errs)
	code := run([]string{"--format", "github", "--step-summary", summary, seed}, strings.NewReader(""), &out, &errs)
	if code != exitFindings {
		t.Fatalf("exit %d\n%s", code, errs.String())
	}
	if out.String() != plain.String() {
		t.Errorf("stdout changed with --step-summary:\n%s\nwant\n%s", out.String(), plain.String())
	}
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "## an earlier step\n### articlelint: ") || !strings.Contains(string(data), "| `residue` | 1 |") {
		t.Errorf("summary file:\n%s", data)
	}
}

// A run that stops before it ends (here a revision that does not exist)
// leaves no report and no temporary file beside it.
func TestStoppedRunLeavesNoReport(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"sarif", "html", "json"} {
		var out, errs bytes.Buffer
		code := run([]string{"--format", format, "-o", filepath.Join(dir, "report"), "--since", "no-such-revision", seed}, strings.NewReader(""), &out, &errs)
		if code != exitError {
			t.Errorf("%s: exit %d, want %d", format, code, exitError)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%s: left %v", format, left)
		}
	}
}
