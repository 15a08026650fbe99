package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// tableRows returns the rows of the Markdown table whose header starts
// with first, split into cells at unescaped pipes.
func tableRows(md, first string) [][]string {
	var rows [][]string
	in := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "| "+first+" |"):
			in = true
		case in && strings.HasPrefix(line, "| :--"):
		case in && strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.ReplaceAll(strings.Trim(line, "|"), `\|`, "\x00"), " | ")
			for i, c := range cells {
				cells[i] = strings.ReplaceAll(strings.TrimSpace(c), "\x00", `\|`)
			}
			rows = append(rows, cells)
		default:
			in = false
		}
	}
	return rows
}

func TestMarkdownSummary(t *testing.T) {
	var out bytes.Buffer
	rep, err := New("markdown", &out, Options{LinkBase: "https://github.com/o/r/blob/abc123/"})
	if err != nil {
		t.Fatal(err)
	}
	sum := htmlSample(t, rep)
	md := out.String()
	if !strings.HasPrefix(md, fmt.Sprintf("### articlelint: 1 error, 1 warning, 1 info in %d files\n", sum.Files)) {
		t.Errorf("heading: %q", md)
	}
	sev := tableRows(md, "Severity")
	if len(sev) != 3 || sev[0][0] != "error" || sev[0][1] != "1" || sev[2][0] != "info" {
		t.Errorf("severity table %q", sev)
	}
	if rules := tableRows(md, "Rule"); len(rules) != 3 || rules[0][0] != "`ai-disclosure`" {
		t.Errorf("rule table %q", rules)
	}
	found := tableRows(md, "Where")
	if len(found) != 3 {
		t.Fatalf("findings table %q", found)
	}
	// Linked to the line on GitHub, path escaped; markup in messages is
	// text, not HTML, and cannot end the cell.
	if want := "[a \\<x\\>.md:1:1](https://github.com/o/r/blob/abc123/a%20%3Cx%3E.md#L1)"; found[0][0] != want {
		t.Errorf("link %q, want %q", found[0][0], want)
	}
	if want := `no AI-use disclosure \<script\>alert(1)\</script\>`; found[0][3] != want {
		t.Errorf("message %q, want %q", found[0][3], want)
	}
	if !strings.Contains(md, "1 file could not be linted:\n\n- empty.md: file is empty\n") {
		t.Errorf("no list of files that could not be linted:\n%s", md)
	}
}

// A table cell holds any message: pipes and line breaks cannot end the
// cell or the row, and an @name in an article cannot notify anyone.
func TestMarkdownCells(t *testing.T) {
	var out bytes.Buffer
	m := newMarkdown(&out, Options{})
	fs := []Finding{{Path: "docs/a|b.md", Line: 4, Column: 2, Rule: "r", Severity: "warning", Message: "a | b\nnext row? @octocat *bold* [x](y)"}}
	if err := errors.Join(m.File("docs/a|b.md", fs), m.Close(Summary{Files: 1, Warnings: 1})); err != nil {
		t.Fatal(err)
	}
	rows := tableRows(out.String(), "Where")
	if len(rows) != 1 || len(rows[0]) != 4 {
		t.Fatalf("rows %q from\n%s", rows, out.String())
	}
	if rows[0][0] != `[docs/a\|b.md:4:2](docs/a%7Cb.md#L4)` {
		t.Errorf("relative link %q", rows[0][0])
	}
	msg := rows[0][3]
	if strings.Contains(msg, "@octocat") || !strings.Contains(msg, "@\u200boctocat") || strings.Contains(msg, "\n") || strings.Contains(msg, "*bold*") {
		t.Errorf("message cell %q", msg)
	}
}

// However many findings, the summary lists the first MarkdownFindings and
// says how many there were, so it fits a comment.
func TestMarkdownFirstFindings(t *testing.T) {
	var out bytes.Buffer
	m := newMarkdown(&out, Options{})
	r := makeRun(400)
	r.play(t, m)
	n := len(r.findings())
	if rows := tableRows(out.String(), "Where"); len(rows) != MarkdownFindings {
		t.Errorf("%d findings listed of %d, want %d", len(rows), n, MarkdownFindings)
	}
	if !strings.Contains(out.String(), fmt.Sprintf("The first %d of %d findings:", MarkdownFindings, n)) {
		t.Errorf("does not say how many there were:\n%s", out.String())
	}
	if out.Len() > 65536 {
		t.Errorf("%d bytes: too long for a pull-request comment", out.Len())
	}
	if !strings.Contains(out.String(), "- and ") {
		t.Errorf("the list of failed files is not cut short:\n%s", out.String())
	}

	out.Reset()
	m = newMarkdown(&out, Options{})
	if err := m.Close(Summary{Files: 2}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "### articlelint: no findings in 2 files\n" {
		t.Errorf("clean run: %q", out.String())
	}
}
