package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

// lacksTerminalSlow is lacksTerminal without its ASCII fast path: the
// oracle for FuzzSentenceEnd.
func lacksTerminalSlow(s string) bool {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == ')' || last == ']' || last == '}' || last == '>' {
		return false
	}
	for t != "" {
		r, n := utf8.DecodeLastRuneInString(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if strings.ContainsRune(terminalPunct, r) || r == placeholderRune || isEmoji(r) {
			return false
		}
		t = t[:len(t)-n]
	}
	w := t[lastWordStart(t):]
	if strings.Contains(w, "://") || strings.HasPrefix(w, "mailto:") || domainWord().MatchString(w) || doiWord().MatchString(w) {
		return false
	}
	return true
}

func checkSentenceEnd(t *testing.T, s string) {
	if got, want := lastSpace(s), strings.LastIndexFunc(s, unicode.IsSpace); got != want {
		t.Errorf("lastSpace(%q) = %d, want %d", s, got, want)
	}
	src := []byte(s)
	li := article.NewLineIndex(src)
	for off := -1; off <= len(src)+1; off++ {
		if got, want := lineStartOf(src, off), li.LineStart(li.Position(off).Line); got != want {
			t.Errorf("lineStartOf(%q, %d) = %d, want %d", s, off, got, want)
		}
	}
	if got, want := stripEndTags(s), endTags().ReplaceAllString(s, ""); got != want {
		t.Errorf("stripEndTags(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimRightSpace(s), strings.TrimRightFunc(s, unicode.IsSpace); got != want {
		t.Errorf("trimRightSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := lacksTerminal(s), lacksTerminalSlow(s); got != want {
		t.Errorf("lacksTerminal(%q) = %v, want %v", s, got, want)
	}
	words := len(strings.Fields(s))
	for _, n := range []int{0, 1, 3, 25} {
		if got, want := moreWords(s, n), words > n; got != want {
			t.Errorf("moreWords(%q, %d) = %v, but it has %d words", s, n, got, words)
		}
	}
}

func TestSentenceEnd(t *testing.T) {
	for _, s := range []string{
		"", " ", "\t\n\v\f\r ", "Done.", "Done. ", "Done.\u00a0", "Done.\u0085", "Done \u2004", "cut at the",
		"See (Smith 2020)", "x.)", "x.]", "x>", "x:", "x;", "x!", "x?", "x…", "x\u3002", "x\x00", "\x00a\x01b",
		"a\x1fb", "emoji 🎉", "see https://a.b", "doi:10.1234/x", "x\xff", "\xff\xfe", "one two  three\tfour\nfive",
		"a\u3000b\u2028c", "bold **x**", "x.*", "\"Quoted.\"", "x</p>", "</EM >y", "<b>x</b>", "see example.com",
		"\ufeffBOM line\nnext", "\ufeff", "\ufeff\n", "a\r\nb\n\nc", "\n", "end \u2004x", "x\u2004",
		"see www.example.org/x", "see doi:10.1234/abc", "10.1234/abc", "Doi:10.12345/x", "ends in 3.5",
	} {
		checkSentenceEnd(t, s)
	}
}

func FuzzSentenceEnd(f *testing.F) {
	for _, s := range []string{"Done.", "cut at the ", "x\u00a0", "a b\u2004c", "see (x)", "Photo by A", "The image credits", "\ufeffa\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(checkSentenceEnd)
}
