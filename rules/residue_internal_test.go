package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The functions below are residue's before its ASCII fast paths: the
// oracle the fast ones must agree with.

func isResidueSlow(text string, extra []string) bool {
	w := firstWordSlow(text)
	if w != "" && !slices.ContainsFunc(extra, func(ph string) bool { return firstWordSlow(ph) == w }) {
		if !residueFirstWords[w] {
			return false
		}
		if w == "we" || w == "this" || w == "by" {
			head := normResidueSlow(text[:min(len(text), 40)])
			if !strings.HasPrefix(head, "we use cookies") && !strings.HasPrefix(head, "this site uses cookies") &&
				!strings.HasPrefix(head, "this website uses cookies") && !strings.HasPrefix(head, "by continuing to") {
				return false
			}
		}
	}
	limit := 9
	switch w {
	case "posted", "filed", "tagged", "categories":
		limit = 15
	case "we", "this", "by":
		limit = 60
	}
	for _, ph := range extra {
		limit = max(limit, len(strings.Fields(ph)))
	}
	if moreWordsSlow(text, limit+2) {
		return false
	}
	line := normResidueSlow(text)
	if line == "" {
		return false
	}
	if residueLines.MatchString(line) {
		return true
	}
	for _, ph := range extra {
		if n := normResidueSlow(ph); n != "" && n == line {
			return true
		}
	}
	if !residuePrefixes.MatchString(line) {
		return false
	}
	if strings.Contains(line, "cookies") {
		return len(strings.Fields(line)) <= 60 && cookieBanner.MatchString(line)
	}
	t := strings.TrimSpace(text)
	return len(strings.Fields(line)) <= 15 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ". ")
}

func firstWordSlow(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i < 0 {
		return ""
	}
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	if j < len(text) && text[j] >= 0x80 {
		return ""
	}
	return strings.ToLower(text[i:j])
}

func moreWordsSlow(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return true
			}
		}
	}
	return false
}

func normResidueSlow(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

var residueSeeds = []string{
	"Leave a comment", "Share this:", "» Read more «", "Like\tLoading...", "12 Comments", "\vBack to top\f", "Back\vto\ftop", "Read\rmore",
	"We use cookies to improve your experience. Accept", "This website uses cookies", "By continuing to use this site",
	"Posted in News, Health", "Tagged vitamin D, lactation", "Tagged proteins were measured.",
	"The study found", "É Related posts", "Related posts é", "Subscribe to our newsletter\u00a0!",
	"Continue reading\u0085the post", "ADVERTISEMENT", "Advertisementsx", "Readé more", "_Read more_",
	"one two three four five six seven eight nine ten eleven twelve", "\xffShare this", "İ Share", "",
}

func TestResidueFastPaths(t *testing.T) {
	for _, s := range residueSeeds {
		checkResidueFast(t, s, "")
		checkResidueFast(t, s, "read more please")
	}
}

func FuzzResidueFastPaths(f *testing.F) {
	for _, s := range residueSeeds {
		f.Add(s, "")
	}
	f.Add("Thanks for reading!", "thanks for reading")
	f.Fuzz(checkResidueFast)
}

func checkResidueFast(t *testing.T, text, phrase string) {
	if got, want := firstWord(text), firstWordSlow(text); got != want {
		t.Errorf("firstWord(%q) = %q, want %q", text, got, want)
	}
	if got, want := normResidue(text), normResidueSlow(text); got != want {
		t.Errorf("normResidue(%q) = %q, want %q", text, got, want)
	}
	for _, n := range []int{0, 1, 3, 11} {
		if got, want := moreWords(text, n), moreWordsSlow(text, n); got != want {
			t.Errorf("moreWords(%q, %d) = %v, want %v", text, n, got, want)
		}
	}
	var extra []string
	if phrase != "" {
		extra = []string{phrase}
	}
	if got, want := isResidue(text, extra), isResidueSlow(text, extra); got != want {
		t.Errorf("isResidue(%q, %q) = %v, want %v", text, extra, got, want)
	}
}
