package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
)

func checkNormHeading(t *testing.T, s string) {
	want := normHeading(s)
	if got := string(appendNormHeading(nil, s)); got != want {
		t.Errorf("appendNormHeading(%q) = %q, want normHeading's %q", s, got, want)
	}
	if got := string(appendNormHeading([]byte("x "), s)); got != "x "+want {
		t.Errorf("appendNormHeading(\"x \", %q) = %q, want %q", s, got, "x "+want)
	}
}

func TestAppendNormHeading(t *testing.T) {
	for _, s := range []string{
		"", " ", "Key Findings", "  Key \t Findings:  ", "KEY\nFINDINGS.", "a\vb\fc\rd",
		"Results: ...", ": .", "Ünïcode Heading", "A\u00a0B", "A\u0085B", "Kelvin \u212a",
		"İstanbul", "x\xffy", "Mixed  CASE_words-1.2",
	} {
		checkNormHeading(t, s)
	}
}

func FuzzNormHeading(f *testing.F) {
	for _, s := range []string{"Key Findings", " a \t b :.", "Ünï\u00a0x", "x\xff"} {
		f.Add(s)
	}
	f.Fuzz(checkNormHeading)
}

// hasContentSpec says what lineHasContent decides, the long way round:
// drop the skipped bytes and the blanks; what is left is content unless
// it is nothing or a thematic break (three or more of one of - * _).
func hasContentSpec(line string, skip []article.Span) bool {
	var kept strings.Builder
	for i := range len(line) {
		if !slices.ContainsFunc(skip, func(s article.Span) bool { return s.Contains(i) }) {
			kept.WriteByte(line[i])
		}
	}
	rest := strings.NewReplacer(" ", "", "\t", "", "\r", "").Replace(kept.String())
	isBreak := len(rest) >= 3 && (strings.Trim(rest, "-") == "" || strings.Trim(rest, "*") == "" || strings.Trim(rest, "_") == "")
	return rest != "" && !isBreak
}

func checkLineHasContent(t *testing.T, line string, skipStart, skipLen uint8) {
	start := int(skipStart) % (len(line) + 1)
	skip := []article.Span{{Start: start, End: start + int(skipLen)%8}}
	for _, sk := range [][]article.Span{nil, skip} {
		got := lineHasContent([]byte(line), 0, sk)
		if want := hasContentSpec(line, sk); got != want {
			t.Errorf("lineHasContent(%q, skip %v) = %v, want %v", line, sk, got, want)
		}
		// The same line further into the source, with skip moved along.
		const base = 100
		moved := make([]article.Span, len(sk))
		for i, s := range sk {
			moved[i] = article.Span{Start: s.Start + base, End: s.End + base}
		}
		if at := lineHasContent([]byte(line), base, moved); at != got {
			t.Errorf("lineHasContent(%q) at offset %d = %v, at 0 %v", line, base, at, got)
		}
	}
}

func TestLineHasContent(t *testing.T) {
	comment := func(start int) []article.Span { return []article.Span{{Start: start, End: start + len("<!-- c -->")}} }
	for _, c := range []struct {
		line string
		skip []article.Span
		want bool
	}{
		{"", nil, false},
		{" \t\r", nil, false},
		{"---", nil, false},
		{"- - -", nil, false},
		{"***", nil, false},
		{"___ ", nil, false},
		{"__", nil, true},
		{"--x", nil, true},
		{"x--", nil, true},
		{"-*-", nil, true},
		{"\x00", nil, true},
		{"text", nil, true},
		{" * item", nil, true},
		{"<!-- c -->", comment(0), false},
		{"<!-- c --> ---", comment(0), false},
		{"-<!-- c -->--", comment(1), false},
		{"--- <!-- c -->", comment(4), false},
		{"--- <!-- c -->x", comment(4), true},
		{"<!-- c -->", nil, true},
	} {
		if got := lineHasContent([]byte(c.line), 0, c.skip); got != c.want {
			t.Errorf("lineHasContent(%q, skip %v) = %v, want %v", c.line, c.skip, got, c.want)
		}
	}
	for _, line := range []string{
		"", "   ", "---", "- - -", "***", "__", "--x", "x--", "-*-", "\x00", "\x00-", "-\x00", "--\x00",
		"text", " * item", "___ ", "<!-- c -->", "<!-- c --> ---", "--- <!-- c -->x",
	} {
		for s := range uint8(len(line) + 1) {
			checkLineHasContent(t, line, s, 4)
		}
	}
}

func FuzzLineHasContent(f *testing.F) {
	f.Add("---", uint8(0), uint8(0))
	f.Add("<!-- x --> text", uint8(0), uint8(7))
	f.Add("-\x00-", uint8(1), uint8(1))
	f.Fuzz(checkLineHasContent)
}
