package phrase

import (
	"os"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

var testTable = &Table{Name: "test", Entries: []Entry{
	{Phrase: "strong evidence"},
	{Phrase: "cure"},
	{Pattern: `(?:certainly|sure)\s*[!,.] here(?: is| are|'s)`},
	{Pattern: `i (?:can't|cannot) provide (medical|legal) advice`, Group: 1},
	{Phrase: "Don’t panic"},
}}

// found returns the original text of each match of tab in s.
func found(t *testing.T, tab *Table, s string) []string {
	t.Helper()
	m, err := Compile(tab)
	if err != nil {
		t.Fatal(err)
	}
	n := Normalize(s)
	var out []string
	for _, x := range m.Find(tab, &n) {
		a, b := n.Source(x.Start, x.End)
		out = append(out, s[a:b])
	}
	return out
}

func TestWhiteSpaceCaseAndPunctuationFold(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"There is strong evidence for it.", "strong evidence"},
		{"There is strong  evidence for it.", "strong  evidence"},
		{"There is strong\tevidence for it.", "strong\tevidence"},
		{"There is strong\u00a0evidence for it.", "strong\u00a0evidence"},
		{"There is strong\nevidence for it.", "strong\nevidence"},
		{"There is strong \r\n  evidence for it.", "strong \r\n  evidence"},
		{"There is STRONG Evidence for it.", "STRONG Evidence"},
		{"Certainly!  Here  is the summary", "Certainly!  Here  is"},
		{"Certainly!\tHere is the summary", "Certainly!\tHere is"},
		{"Sure! Here’s what it says", "Sure! Here’s"},
		{"Dont worry. Don't panic.", "Don't panic"},
		{"I can’t provide medical advice.", "medical"},
		{"strong\u00adevidence", ""},
	} {
		got := strings.Join(found(t, testTable, c.text), "|")
		if got != c.want {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
	}
}

func TestUnicodeWordEdges(t *testing.T) {
	for _, c := range []struct {
		text string
		hits int
	}{
		{"On écure le puits.", 0},
		{"Un accès sécure.", 0},
		{"Curé and cured and cures.", 0},
		{"A cure, at last.", 1},
		{"«cure»", 1},
		{"cure", 1},
		{"la cure—enfin", 1},
		{"кура cure курa", 1},
		{"cureя", 0},
		{"1cure", 0},
	} {
		if got := found(t, testTable, c.text); len(got) != c.hits {
			t.Errorf("%q: found %q, want %d", c.text, got, c.hits)
		}
	}
}

// Offsets map back to the original bytes whatever the text folds.
func TestSourceSpansAreExact(t *testing.T) {
	texts := []string{
		"İstanbul  \u00a0strong\u2003evidence\u200b, okay",
		"«Strong» “evidence” — STRONG\n\tEVIDENCE",
		"\xff\xfe strong evidence \xff",
	}
	for _, s := range texts {
		n := Normalize(s)
		for i := 0; i <= len(n.Norm); i++ {
			a, _ := n.Source(i, i)
			if a < 0 || a > len(s) {
				t.Fatalf("%q: offset %d maps to %d, outside", s, i, a)
			}
		}
		for _, got := range found(t, testTable, s) {
			if Normalize(got).Norm != "strong evidence" {
				t.Errorf("%q: match %q does not normalise to the phrase", s, got)
			}
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, tab := range []*Table{
		{Name: "both", Entries: []Entry{{Phrase: "a", Pattern: "b"}}},
		{Name: "empty", Entries: []Entry{{}}},
		{Name: "blank", Entries: []Entry{{Phrase: "  "}}},
		{Name: "bad", Entries: []Entry{{Pattern: "(unclosed"}}},
	} {
		if _, err := Compile(tab); err == nil || !strings.Contains(err.Error(), tab.Name) {
			t.Errorf("%s: got %v, want an error naming the table", tab.Name, err)
		}
	}
}

// Every match of a pattern contains one of the literals derived from it:
// the property that lets a pattern run only where they occur.
func TestRequiredLiteralsAreInEveryMatch(t *testing.T) {
	cases := []struct {
		pattern string
		texts   []string
	}{
		{`as an ai(?: (?:language model|model|assistant)| ?,| i)`, []string{"as an ai model", "as an ai, i", "as an ai i"}},
		{`as an? (?:large )?language model,? i`, []string{"as a language model i", "as an large language model, i"}},
		{`here(?: is|'s) a (?:brief |short )?summary of the (?:article|study)`, []string{"here's a summary of the study", "here is a brief summary of the article"}},
		{`(?:studies|research) (?:show|suggest)s?`, []string{"studies show", "research suggests"}},
		{`\[\s*your name\s*\]`, []string{"[your name]", "[ your name ]"}},
		{`x+y+z`, []string{"xyz", "xxyyzz"}},
		{`(a|b)c(d|e)`, []string{"acd", "bce"}},
	}
	for _, c := range cases {
		re := regexp.MustCompile(c.pattern)
		parsed, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		lits, ok := required(parsed.Simplify())
		if !ok {
			t.Errorf("%s: no literal derived", c.pattern)
			continue
		}
		for _, text := range c.texts {
			m := re.FindString(text)
			if m == "" {
				t.Fatalf("%s: example %q does not match", c.pattern, text)
			}
			hit := false
			for _, l := range lits {
				hit = hit || strings.Contains(m, l)
			}
			if !hit {
				t.Errorf("%s: match %q holds none of %q", c.pattern, m, lits)
			}
		}
	}
}

func TestWildcardPatternsRunEverywhere(t *testing.T) {
	tab := &Table{Name: "w", Entries: []Entry{{Pattern: `\w+ly\b`}}}
	m := MustCompile(tab)
	if len(m.Unfiltered()) != 0 {
		// "ly" is required: not a wildcard pattern.
		t.Fatalf("unfiltered: %q", m.Unfiltered())
	}
	tab = &Table{Name: "w", Entries: []Entry{{Pattern: `[a-z]+\d`}}}
	m = MustCompile(tab)
	if len(m.Unfiltered()) != 1 {
		t.Fatalf("unfiltered: %q", m.Unfiltered())
	}
	n := Normalize("abc1 x")
	if got := m.Find(tab, &n); len(got) != 1 {
		t.Fatalf("an unfiltered pattern found %d matches, want 1", len(got))
	}
}

// A candidate that starts inside a word does not hide the match that
// starts at the next word.
func TestMatchAfterRejectedStart(t *testing.T) {
	tab := &Table{Name: "t", Entries: []Entry{{Pattern: `(?:clinical )?studies show`}, {Pattern: `^by ai`}}}
	if got := found(t, tab, "Preclinical studies show it."); strings.Join(got, "|") != "studies show" {
		t.Errorf("got %q, want studies show", got)
	}
	if got := found(t, tab, "Clinical studies show it."); strings.Join(got, "|") != "Clinical studies show" {
		t.Errorf("got %q", got)
	}
	// An anchored pattern matches only at the start.
	if got := found(t, tab, "Nearby AI, and by AI"); len(got) != 0 {
		t.Errorf("got %q, want none", got)
	}
}

func BenchmarkNormalize(b *testing.B) {
	src, err := os.ReadFile("../../testdata/articles/vitamin-d-lactation.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Normalize(s)
	}
}
