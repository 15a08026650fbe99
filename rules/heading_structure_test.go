package rules

import (
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

// lineHasContentSlow is lineHasContent before it returned early: the
// oracle for FuzzLineHasContent.
func lineHasContentSlow(line []byte, base int, skip []article.Span) bool {
	n, brk := 0, byte(0)
	for i, c := range line {
		if c == ' ' || c == '\t' || c == '\r' {
			continue
		}
		skipped := false
		for _, s := range skip {
			if s.Start > base+i {
				break
			}
			if s.Contains(base + i) {
				skipped = true
				break
			}
		}
		if skipped {
			continue
		}
		if n == 0 && (c == '-' || c == '*' || c == '_') {
			brk = c
		} else if c != brk {
			brk = 0
		}
		n++
	}
	return n > 0 && !(n >= 3 && brk != 0)
}

func checkLineHasContent(t *testing.T, line string, skipStart, skipLen uint8) {
	skip := []article.Span{{Start: int(skipStart) % (len(line) + 1), End: int(skipStart)%(len(line)+1) + int(skipLen)%8}}
	for _, sk := range [][]article.Span{nil, skip} {
		if got, want := lineHasContent([]byte(line), 0, sk), lineHasContentSlow([]byte(line), 0, sk); got != want {
			t.Errorf("lineHasContent(%q, skip %v) = %v, want %v", line, sk, got, want)
		}
	}
}

func TestLineHasContent(t *testing.T) {
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
