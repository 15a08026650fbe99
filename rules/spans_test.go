package rules_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// TestSpans runs each rule that has a file testdata/spans/<rule-id>.txt
// on the paragraphs in it: one a line, written as a Go string with the
// spans the rule reports between ⟦ and ⟧ (see checkSpans); lines starting
// with # are comments. Adding a case is adding a line.
func TestSpans(t *testing.T) {
	files, err := filepath.Glob("testdata/spans/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no span files under testdata/spans: %v", err)
	}
	byID := map[string]*rules.Rule{}
	for _, r := range rules.All {
		byID[r.ID] = r
	}
	for _, path := range files {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(id, func(t *testing.T) {
			r := byID[id]
			if r == nil {
				t.Fatalf("%s: no rule %q", path, id)
			}
			checkSpans(t, r, nil, readSpanCases(t, path)...)
		})
	}
}

// readSpanCases returns the cases in a span file, unquoted.
func readSpanCases(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("%s:%d: want a Go string: %v", path, i+1, err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}
