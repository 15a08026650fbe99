package online

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"crossref structured",
			`<jats:sec><jats:title>Background</jats:title><jats:p>Vitamin D in <jats:italic>pregnancy</jats:italic> is debated.</jats:p></jats:sec>` +
				"\n<jats:sec>\n  <jats:title>Methods</jats:title>\n  <jats:p>We enrolled 6&#x2009;400 mothers &amp; 72 infants (p&lt;0.05).</jats:p>\n</jats:sec>",
			"Background\nVitamin D in pregnancy is debated.\nMethods\nWe enrolled 6 400 mothers & 72 infants (p<0.05)."},
		{"crossref plain paragraphs",
			"<jats:p>First  paragraph,\n spread over lines.</jats:p><jats:p>Second.</jats:p>",
			"First paragraph, spread over lines.\nSecond."},
		{"europe pmc headings",
			`<h4>Objective</h4>To test 4000&nbsp;IU of vitamin D<sub>3</sub>.<h4>Results</h4>Of 1,240 women, 72 (5.8%) had <i>in vitro</i> markers.`,
			"Objective\nTo test 4000 IU of vitamin D3.\nResults\nOf 1,240 women, 72 (5.8%) had in vitro markers."},
		{"powers keep a caret",
			`Counts of 2.5 × 10<sup>9</sup>/L, P = 3 × 10<sup>−5</sup>, BMI 30 kg/m<sup>2</sup>, the 1<sup>st</sup> dose, Ca<sup>2+</sup>.`,
			"Counts of 2.5 × 10^9/L, P = 3 × 10^−5, BMI 30 kg/m^2, the 1st dose, Ca^2+."},
		{"lists and breaks",
			"<ul><li>one</li><li>two</li></ul>after<br/>line",
			"one\ntwo\nafter\nline"},
		{"formula alternatives keep one copy",
			`<jats:p>A <jats:inline-formula><jats:alternatives><jats:tex-math>\beta</jats:tex-math><mml:math><mml:mi>β</mml:mi></mml:math></jats:alternatives></jats:inline-formula> of 0.3.</jats:p>`,
			"A β of 0.3."},
		{"table cells apart",
			"<table><tr><td>n</td><td>72</td></tr></table>",
			"n 72"},
		{"comments, scripts and styles dropped",
			"a<!-- note --> b<script>var x = '<b>';</script><style>p{}</style> c",
			"a b c"},
		{"cdata is text",
			"<jats:p><![CDATA[x < y]]></jats:p>",
			"x < y"},
		{"escaped tags stay text but cannot read as tags",
			"shown as &lt;b&gt;bold&lt;/b&gt; and <<i></i>b>",
			"shown as < b>bold< /b> and < b>"},
		{"raw-text elements read as markup",
			"<title>T <b>x</b></title><textarea><i>y</i></textarea>",
			"T x\ny"},
		{"unclosed tag at the end",
			"text <jats:italic",
			"text"},
		{"invalid UTF-8 and controls",
			"a\xffb\x00c\x07d",
			"a\uFFFDbcd"},
		{"empty", "", ""},
		{"only markup", "<jats:p> </jats:p><jats:p/>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.in); got != tc.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

var tagLike = regexp.MustCompile(`</?[A-Za-z]`)

// FuzzPlainText checks properties of any input: no panic, valid UTF-8, no
// tag-like "<x" or "</x", no control character but line breaks, no white
// space at the ends or doubled; and text without markup or entities comes
// out with only its white space collapsed.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"<jats:sec><jats:title>Background</jats:title><jats:p>x &amp; y</jats:p></jats:sec>",
		"<h4>Results</h4>10<sup>6</sup> cells <i>in vitro</i>",
		"<<i></i>b>", "&lt;script&gt;", "<plaintext><b>x", "<![CDATA[<b>]]>", "</", "a\xff\x00b",
		"plain text, 6 400 mothers", "<script>x<style>y</script>z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := PlainText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 %q from %q", out, in)
		}
		if m := tagLike.FindString(out); m != "" {
			t.Fatalf("tag-like %q in %q from %q", m, out, in)
		}
		if out != strings.TrimSpace(out) || strings.Contains(out, "  ") || strings.Contains(out, "\n\n") ||
			strings.Contains(out, " \n") || strings.Contains(out, "\n ") {
			t.Fatalf("white space not collapsed in %q from %q", out, in)
		}
		for _, r := range out {
			if r != '\n' && (unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ')) {
				t.Fatalf("character %U in %q from %q", r, out, in)
			}
		}
		if !strings.ContainsAny(in, "<&") && utf8.ValidString(in) && !strings.ContainsFunc(in, isControlNotSpace) {
			if want := strings.Join(strings.Fields(in), " "); out != want {
				t.Fatalf("plain %q came out as %q", in, out)
			}
		}
	})
}

func isControlNotSpace(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }
