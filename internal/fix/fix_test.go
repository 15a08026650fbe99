package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/rules"
)

func finding(edits ...rules.Edit) rules.Finding {
	return rules.Finding{Fixes: []rules.Fix{{Edits: edits}}}
}

func edit(s, e int, new string) rules.Edit {
	return rules.Edit{Span: article.Span{Start: s, End: e}, New: new}
}

func TestApply(t *testing.T) {
	src := []byte("0123456789")
	for _, tc := range []struct {
		name     string
		findings []rules.Finding
		want     string
		applied  int
	}{
		{"none", nil, "0123456789", 0},
		{"two apart, in any order", []rules.Finding{finding(edit(6, 8, "x")), finding(edit(1, 2, "AB"))}, "0AB2345x89", 2},
		{"overlap: first wins", []rules.Finding{finding(edit(2, 6, "x")), finding(edit(4, 8, "y"))}, "01x6789", 1},
		{"a fix is all or nothing", []rules.Finding{finding(edit(0, 1, "a")), finding(edit(9, 10, "z"), edit(0, 1, "b"))}, "a123456789", 1},
		{"out of range is skipped", []rules.Finding{finding(edit(8, 20, "x"))}, "0123456789", 0},
		{"deletion", []rules.Finding{finding(edit(0, 10, ""))}, "", 1},
	} {
		got, n := Apply(src, tc.findings)
		if string(got) != tc.want || n != tc.applied {
			t.Errorf("%s: Apply = %q, %d; want %q, %d", tc.name, got, n, tc.want, tc.applied)
		}
	}
	if string(src) != "0123456789" {
		t.Errorf("Apply changed its input: %q", src)
	}
}

func TestWriteFileKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("content = %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "missing.md"), []byte("x")); err == nil {
		t.Error("writing a fix to a missing file succeeded; it must fail")
	}
}

// Deleting a whole line leaves no blank line behind it.
func TestDeletedLineLeavesNoBlankLine(t *testing.T) {
	del := func(src, line string) string {
		i := strings.Index(src, line)
		got, _ := Apply([]byte(src), []rules.Finding{finding(edit(i, i+len(line), ""))})
		return string(got)
	}
	for _, tc := range []struct{ src, line, want string }{
		{"# T\n\nText.\n\nShare this:\n", "Share this:\n", "# T\n\nText.\n"},
		{"# T\n\nText.\n\nShare this:", "Share this:", "# T\n\nText.\n"},
		{"# T\n\nText.\n\nShare this:\n\nMore.\n", "Share this:\n", "# T\n\nText.\n\nMore.\n"},
		// Blank lines the author wrote stay.
		{"# T\n\nText.\n\n\nMore.\n\nShare this:\n", "Share this:\n", "# T\n\nText.\n\n\nMore.\n"},
		{"# T\n\nText.\n\nShare this:\n\n", "Share this:\n", "# T\n\nText.\n\n"},
		// A deletion inside a line is not a line's.
		{"# T\n\nText, cut here.\n", " cut here", "# T\n\nText,.\n"},
	} {
		if got := del(tc.src, tc.line); got != tc.want {
			t.Errorf("deleting %q from %q: got %q, want %q", tc.line, tc.src, got, tc.want)
		}
	}
}
