package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// --output's file appears only when the report is complete, replaces an
// old one whole, leaves no temporary file, and the summary goes to Errs.
func TestNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old report, longer than the new one will be ......................................................."), 0o600); err != nil {
		t.Fatal(err)
	}
	var errs bytes.Buffer
	r, err := NewFile("json", path, Options{Errs: &errs})
	if err != nil {
		t.Fatal(err)
	}
	fs := []Finding{{Path: "a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "r", Severity: "error", Message: "m"}}
	if err := r.File("a.md", fs); err != nil {
		t.Fatal(err)
	}
	if old, _ := os.ReadFile(path); !bytes.HasPrefix(old, []byte("old report")) {
		t.Fatalf("the file changed before Close: %q", old)
	}
	sum := Summary{Files: 1, Failed: 1}
	sum.Add(fs)
	if err := r.Close(sum); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Findings []Finding }
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Findings) != 1 {
		t.Fatalf("report %q: %v", data, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}
	want := "articlelint: wrote json report to " + path + ": 1 error, 0 warnings in 1 file (1 could not be linted)\n"
	if errs.String() != want {
		t.Errorf("summary %q, want %q", errs.String(), want)
	}
}

func TestNewFileErrors(t *testing.T) {
	if _, err := NewFile("json", filepath.Join(t.TempDir(), "nosuch", "r.json"), Options{}); err == nil {
		t.Error("no error for a missing directory")
	}
	if _, err := NewFile("xml", filepath.Join(t.TempDir(), "r.xml"), Options{}); err == nil {
		t.Error("no error for an unknown format")
	}
	// A report that fails to finish leaves the old file alone.
	path := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := NewFile("junit", path, Options{Errs: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	r.(*fileReporter).Reporter = failClose{r.(*fileReporter).Reporter}
	if err := r.Close(Summary{Errors: 1}); err == nil {
		t.Error("no error when the report could not be finished")
	}
	if old, _ := os.ReadFile(path); string(old) != "old" {
		t.Errorf("file is %q, want the old report", old)
	}
}

type failClose struct{ Reporter }

func (failClose) Close(Summary) error { return errors.New("disk full") }

// With --output, text's own summary gives way to the one line that says
// where the report went.
func TestNewFileText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.txt")
	var errs bytes.Buffer
	r, err := NewFile("text", path, Options{Errs: &errs})
	if err != nil {
		t.Fatal(err)
	}
	f := Finding{Path: "a.md", Line: 1, Column: 2, Rule: "r", Severity: "warning", Message: "m"}
	sum := Summary{Files: 1}
	sum.Add([]Finding{f})
	if err := errors.Join(r.File("a.md", []Finding{f}), r.FileError("b.md", errors.New("b.md: file is empty")), r.Close(sum)); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "a.md:1:2: warning r: m\n" {
		t.Errorf("report %q", data)
	}
	want := "articlelint: b.md: file is empty\narticlelint: wrote text report to " + path + ": 0 errors, 1 warning in 1 file\n"
	if errs.String() != want {
		t.Errorf("stderr %q, want %q", errs.String(), want)
	}
}

// countingWriter counts Write calls: each is a system call on stdout.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

// The line reporters write each file's findings at once, in order, so a
// repository with thousands of findings is not thousands of system calls,
// and a file's lines still come out before the next file's error.
func TestLineReportersWriteOncePerFile(t *testing.T) {
	fs := []Finding{
		{Path: "a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "r1", Severity: "error", Message: "first"},
		{Path: "a.md", Line: 2, Column: 3, EndLine: 2, EndColumn: 4, Rule: "r2", Severity: "warning", Message: "second"},
		{Path: "a.md", Line: 5, Column: 1, EndLine: 5, EndColumn: 9, Rule: "r3", Severity: "info", Message: "third"},
	}
	for _, format := range []string{"text", "github"} {
		var out countingWriter
		r, err := New(format, &out, Options{Errs: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.File("a.md", fs); err != nil {
			t.Fatal(err)
		}
		if err := r.File("b.md", nil); err != nil {
			t.Fatal(err)
		}
		if err := r.File("c.md", fs[:1]); err != nil {
			t.Fatal(err)
		}
		if out.writes != 2 {
			t.Errorf("%s: %d writes for two files with findings, want 2", format, out.writes)
		}
		lines := bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n"))
		if len(lines) != 4 || !bytes.Contains(lines[0], []byte("first")) || !bytes.Contains(lines[2], []byte("third")) || !bytes.Contains(lines[3], []byte("first")) {
			t.Errorf("%s: lines out of order:\n%s", format, out.String())
		}
	}
}
