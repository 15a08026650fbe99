package phrase

import (
	"strings"
	"testing"
)

// FuzzNormalize states what normalised text is: one space for any run of
// white space, no capitals, and a way back to the original that moves
// forward only and gives each ASCII byte from its own source byte.
func FuzzNormalize(f *testing.F) {
	f.Add("Certainly!  Here\tis the summary.\nÉcure – “quoted” don’t")
	f.Add("plain ascii text, kept as it is")
	f.Add("\xff\xfeA\u00a0B\u200bC")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if len(n.src) != len(n.Norm)+1 || n.src[len(n.Norm)] != int32(len(s)) {
			t.Fatalf("%q: %d offsets for %d bytes, last %d", s, len(n.src), len(n.Norm), n.src[len(n.src)-1])
		}
		if strings.Contains(n.Norm, "  ") || strings.ContainsAny(n.Norm, "\t\n\r\f\vABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Fatalf("%q: normalised %q keeps a capital or a run of white space", s, n.Norm)
		}
		for i := range len(n.Norm) {
			if n.src[i] > n.src[i+1] || int(n.src[i]) >= len(s) {
				t.Fatalf("%q: offset %d of %q goes back or past the end", s, i, n.Norm)
			}
			c, o := n.Norm[i], s[n.src[i]]
			if o < 0x80 && c != o && c != o+'a'-'A' && !(c == ' ' && strings.IndexByte(" \t\n\r\f\v", o) >= 0) {
				t.Fatalf("%q: %q at %d comes from %q", s, c, i, o)
			}
		}
		if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 || r <= ' ' || 'A' <= r && r <= 'Z' }) && n.Norm != s {
			t.Fatalf("plain ASCII %q normalised to %q", s, n.Norm)
		}
	})
}
