package docgen_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/docgen"
	"github.com/articlelint/articlelint/rules"
)

const readme = "../../README.md"

// TestREADMEUpToDate fails when a rule was added, removed or re-documented
// without regenerating README.md, or when prose states a wrong rule count.
func TestREADMEUpToDate(t *testing.T) {
	old, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	updated, err := docgen.Update("README.md", old, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	if string(updated) != string(old) {
		t.Errorf("README.md's rule table is stale: run `go generate ./...` and commit README.md")
	}
	stale, err := docgen.StaleCounts("README.md", old, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stale {
		t.Errorf("%s (fix the prose by hand; `go generate ./...` only writes the table)", s)
	}
}

// TestChangelogCounts fails when the changelog's Unreleased section states
// a rule count the registry no longer has.
func TestChangelogCounts(t *testing.T) {
	text, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := docgen.StaleChangelogCounts("CHANGELOG.md", text, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stale {
		t.Errorf("%s (say what the new rule adds in the Unreleased section)", s)
	}
	// Released sections keep their counts; only Unreleased is read.
	old := []byte("# Changelog\n\n## [Unreleased]\n\n- " + fmt.Sprint(len(rules.All)) + " rules.\n\n## [0.1.0]\n\n- 3 rules.\n")
	if stale, _ := docgen.StaleChangelogCounts("c", old, rules.All); len(stale) != 0 {
		t.Errorf("a released section's count was checked: %q", stale)
	}
	if stale, _ := docgen.StaleChangelogCounts("c", []byte("## [Unreleased]\n\n- 3 rules.\n"), rules.All); len(stale) != 1 {
		t.Errorf("a wrong Unreleased count passed: %q", stale)
	}
}

func rule(id, doc string, sev rules.Severity, fixable, online bool) *rules.Rule {
	return &rules.Rule{ID: id, Doc: doc, Severity: sev, Fixable: fixable, Online: online}
}

var toy = []*rules.Rule{
	rule("first-rule", "Say one thing.", rules.Error, false, false),
	rule("second-rule", "Keep a | b\nin one row.", rules.Info, true, true),
}

func doc(region string) []byte {
	return []byte("# x\n\n## Rules\n\n" + docgen.Begin + region + docgen.End + "\n\nAfter the table.\n")
}

// tableRows returns the rows of the Markdown table in s, split into cells on
// unescaped "|".
func tableRows(s string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		line = strings.ReplaceAll(line, `\|`, "\x00")
		var cells []string
		for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
			cells = append(cells, strings.TrimSpace(strings.ReplaceAll(c, "\x00", "|")))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestUpdateWritesOneRowPerRule(t *testing.T) {
	out, err := docgen.Update("README.md", doc("\nold hand-written table\n"), toy)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "old hand-written table") {
		t.Errorf("old region kept:\n%s", s)
	}
	if !strings.HasPrefix(s, "# x\n\n## Rules\n\n") || !strings.HasSuffix(s, docgen.End+"\n\nAfter the table.\n") {
		t.Errorf("text outside the markers changed:\n%s", s)
	}
	rows := tableRows(s)
	want := [][]string{
		{"rule", "default", "fix", "online", "what it wants"},
		{"---", "---", "---", "---", "---"},
		{"`first-rule`", "error", "", "", "Say one thing."},
		{"`second-rule`", "info", "yes", "yes", "Keep a | b in one row."},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d table rows, want %d:\n%s", len(rows), len(want), s)
	}
	for i := range want {
		if strings.Join(rows[i], "¦") != strings.Join(want[i], "¦") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	if !strings.Contains(s, "2 rules: 1 read only the article, 1 check") {
		t.Errorf("count sentence missing or wrong:\n%s", s)
	}
}

func TestUpdateIsStable(t *testing.T) {
	once, err := docgen.Update("README.md", doc(""), toy)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := docgen.Update("README.md", once, toy)
	if err != nil {
		t.Fatal(err)
	}
	if string(once) != string(twice) {
		t.Errorf("regenerating a fresh README changed it:\n%s\n---\n%s", once, twice)
	}
}

func TestUpdateNeedsMarkers(t *testing.T) {
	for name, in := range map[string]string{
		"no markers": "## Rules\n\n| rule |\n",
		"no end":     docgen.Begin + "\n",
		"two begins": docgen.Begin + docgen.Begin + docgen.End,
		"end first":  docgen.End + "\n" + docgen.Begin + "\n",
		"no begin":   docgen.End + "\n",
	} {
		_, err := docgen.Update("docs/README.md", []byte(in), toy)
		if err == nil || !strings.Contains(err.Error(), "docs/README.md") {
			t.Errorf("%s: err = %v, want an error naming docs/README.md", name, err)
		}
	}
}

func TestStaleCounts(t *testing.T) {
	in := docgen.Begin + "\n99 rules inside the table are not prose\n" + docgen.End +
		"\nWe ship 2 rules, 1 offline rules and\n3 online rules.\n"
	stale, err := docgen.StaleCounts("README.md", []byte(in), toy)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || !strings.HasPrefix(stale[0], "README.md:5:") || !strings.Contains(stale[0], `"3 online rules"`) {
		t.Errorf("stale = %q, want one complaint about line 5's \"3 online rules\"", stale)
	}
}
