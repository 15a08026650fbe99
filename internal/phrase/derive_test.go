package phrase

import (
	"reflect"
	"strings"
	"testing"
)

// Saved derivations change only how fast a matcher is built: it finds
// the same matches as one that parses its patterns, and a pattern edited
// since the derivations were saved is still found.
func TestCompileWithSavedDerivations(t *testing.T) {
	ds, err := DeriveTables(testTable)
	if err != nil {
		t.Fatal(err)
	}
	edited := &Table{Name: "edited", Entries: append([]Entry{{Pattern: `as an ai (?:language )?model`}, {Pattern: `(?:leads?|led) to`}}, testTable.Entries...)}
	texts := []string{
		"Certainly! Here is the summary. There is strong evidence it will cure you.",
		"I cannot provide medical advice. As an AI language model, don’t panic.",
		"It led to this; it misled to that, and it leads  to more.",
		"Nothing here at all.",
	}
	for _, tab := range []*Table{testTable, edited} {
		parsed, err := Compile(tab)
		if err != nil {
			t.Fatal(err)
		}
		saved, err := CompileWith(ds, tab)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			n := Normalize(s)
			if got, want := saved.Find(tab, &n), parsed.Find(tab, &n); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q: with saved derivations %v, parsed %v", tab.Name, s, got, want)
			}
		}
	}
}

// An exact pattern keeps its word edges: "misled to" is no "led to".
func TestExactPatternWordEdges(t *testing.T) {
	tab := &Table{Name: "t", Entries: []Entry{{Pattern: `(?:leads?|led) to`}}}
	got := found(t, tab, "It led to this; it misled to that, and it leads  to more.")
	if want := []string{"led to", "leads  to"}; !reflect.DeepEqual(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
}

// A pattern that matches a few fixed strings, none starting another, is
// found as phrases are; others stay patterns.
func TestExactPatterns(t *testing.T) {
	for pattern, exact := range map[string]bool{
		`(?:leads?|led) to`:       true,
		`accept(?: all)? cookies`: true,
		`comments?`:               false, // "comment" starts "comments"
		`fig\. 1`:                 true,
		`Fig\. 1`:                 false, // never matches lower-case text
		`\bhosted`:                false,
		`(?:\d+ )?comments`:       false,
	} {
		d, err := Derive(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if d.Exact != exact {
			t.Errorf("%q: Exact %v, want %v (lits %q)", pattern, d.Exact, exact, d.Lits)
		}
	}
}

func TestDeriveTablesNamesABadPattern(t *testing.T) {
	if _, err := DeriveTables(&Table{Name: "bad", Entries: []Entry{{Pattern: `(`}}}); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("a pattern that does not parse: error %v, want one naming the table", err)
	}
}

// Merged derivations find every set's patterns: a matcher compiled with
// them parses none of its tables' patterns again.
func TestMerge(t *testing.T) {
	a, _ := DeriveTables(&Table{Name: "a", Entries: []Entry{{Pattern: `zeta (?:one|two)`}, {Pattern: `alpha (?:x|y)`}}})
	b, _ := DeriveTables(&Table{Name: "b", Entries: []Entry{{Pattern: `mid (?:p|q)`}, {Pattern: `alpha (?:x|y)`}}})
	m := Merge(a, b)
	if len(m) != 3 {
		t.Fatalf("merged %d derivations, want 3: %+v", len(m), m)
	}
	for _, p := range []string{`zeta (?:one|two)`, `alpha (?:x|y)`, `mid (?:p|q)`} {
		if _, ok := m.lookup(p); !ok {
			t.Errorf("%q not found in the merged derivations", p)
		}
	}
}
