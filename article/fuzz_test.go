package article

import (
	"bytes"
	"mvdan.cc/xurls/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for the Markdown and text parsers and for URL extraction.
// FuzzParseHTML lives in html_test.go. Each is seeded from the articles
// under testdata and from testdata/fuzz/FuzzX in this package.

// addSeeds adds every file under testdata (articles and rule inputs)
// whose name ends in one of exts.
func addSeeds(f *testing.F, exts ...string) {
	f.Helper()
	_ = filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for _, ext := range exts {
			if strings.HasSuffix(path, ext) {
				if src, err := os.ReadFile(path); err == nil {
					f.Add(string(src))
				}
			}
		}
		return nil
	})
}

// Shapes that stress a Markdown parser: deep nesting, unclosed openers,
// lazy continuation, HTML and front matter edge cases.
var markdownSeeds = []string{
	"# T\n\n## Introduction\ntext [a](https://doi.org/10.1000/x) doi:10.1000/y.\n",
	strings.Repeat("- ", 200) + "x\n",
	strings.Repeat("> ", 200) + "x\n",
	strings.Repeat("[", 500) + "x",
	strings.Repeat("[x](", 500),
	strings.Repeat("*a", 300),
	"[a]: <b\n[a]\n", "[x]: y 'z\n", "![", "<!--", "<!-- articlelint-disable -->", "`", "``x`",
	"---\n", "---\ntitle: [\n---\n# x\n", "+++\ntitle = 1\n", "\uFEFF# T\r\nx\r\n",
	"| a | b |\n| - | - |\n| [x](y | z |\n", "x[^1]\n\n[^1]: note https://a.b\n",
	"Heading\n===\n\ntext\n---\n", "<div>\n<!-- a --> <!-- b\n</div>\n",
	"<http://a.b/10.1000/x> <a@b.c> https://x.y/(a)b).",
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, ".md")
	for _, s := range markdownSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f.md", []byte(src), Options{})
		if err != nil {
			return // not an article: empty, binary, not UTF-8
		}
		checkSpans(t, d)
	})
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, ".txt")
	for _, s := range []string{
		"Title\nIntroduction\nBody text.\n", "- a\n* b\n• c\n1. d\n12) e\n", "> quote\n",
		"<!-- articlelint-disable -->\nx\n", "<!---->\n", "A\nB\nC\n", "\uFEFFTitle\r\nBody.\r\n",
		"Disclaimer: AI was not used.\n", "---\ntitle: x\n---\nTitle\nbody.\n",
		"see doi:10.1000/x and https://doi.org/10.1000/(y)", strings.Repeat("Heading\n", 100),
		"\t \r\n x", "1.", "•", "– x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f.txt", []byte(src), Options{})
		if err != nil {
			return
		}
		checkSpans(t, d)
	})
}

// FuzzFindURLs checks bare URL extraction: matches are in bounds, in
// order, disjoint, cut at white space, and each holds "://" or "mailto:"
// (in any case).
func FuzzFindURLs(f *testing.F) {
	for _, s := range []string{
		"see https://example.org/a.", "(https://a.b/c_(d))", "mailto:x@y.z, then ftp://h/p",
		"://", "mailto:", "http://", "https://a.b/\u00e9?q=1#f", "x://y://z", "a https://doi.org/10.1000/x b",
		"https://a.b\thttps://c.d\nhttps://e.f", strings.Repeat("://", 100), strings.Repeat("a", 100) + "://",
		"see dhttp://a.org now", "https://a.org/?u=https://b.org", "[x](https://a.b/[x](http://c.d/(e)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		got := findURLs(s)
		if want := perWordURLs(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findURLs(%q) = %v, per-word search finds %v", s, got, want)
		}
		for _, m := range got {
			if m[0] < prev || m[0] >= m[1] || m[1] > len(s) {
				t.Fatalf("findURLs(%q): bad or overlapping match %v (previous end %d)", s, m, prev)
			}
			prev = m[1]
			u := s[m[0]:m[1]]
			if strings.ContainsAny(u, " \t\n") {
				t.Fatalf("findURLs(%q): match %q spans white space", s, u)
			}
			if !strings.Contains(u, "://") && !strings.Contains(strings.ToLower(u), "mailto:") { // schemes are case-insensitive
				t.Fatalf("findURLs(%q): match %q has no scheme", s, u)
			}
			if utf8.ValidString(s) && !utf8.ValidString(u) {
				t.Fatalf("findURLs(%q): match %q cuts a character", s, u)
			}
		}
	})
}

// Found by FuzzParseMarkdown: goldmark moves footnote definitions to the end
// of the document, which put blocks out of source order and made End()
// point at the footnote instead of the last paragraph.
func TestFootnoteKeepsSourceOrder(t *testing.T) {
	src := "# T\n\nA claim.[^1]\n\n[^1]: https://example.org/note\n\n## Later\n\nLast [x](https://a.b) words.\n"
	d := mustParse(t, "f.md", src)
	checkSpans(t, d)
	if got, want := d.End().Start, strings.Index(src, " words.")+len(" words."); got != want {
		t.Errorf("End() = %d, want %d (after the last paragraph)", got, want)
	}
	for _, l := range d.Links {
		if l.Block >= 0 && !(d.Blocks[l.Block].Span.Start <= l.Span.Start && l.Span.End <= d.Blocks[l.Block].Span.End) {
			t.Errorf("link %q names block %v, which does not hold it", l.Dest, d.Blocks[l.Block].Span)
		}
	}
}

// Position on long lines starts from a mark near the offset (so that a
// 5 MB line does not make every finding count from the line start); it
// must agree with counting from the line start.
func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("ascii é 😀 text ", 400) // 2-, 4-byte runes
	src := []byte("\uFEFF" + line + "\r\nshort\n" + line + "\n")
	li := NewLineIndex(src)
	if len(li.marks) == 0 {
		t.Fatal("no marks on a long line")
	}
	naive := func(off int) (int, int) {
		start := li.starts[sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })-1]
		if start == 0 {
			start = min(li.bom, off)
		}
		col, col16 := 1, 1
		for i := start; i < off; {
			r, size := utf8.DecodeRune(src[i:])
			if i+size > off {
				break
			}
			col++
			col16++
			if r >= 0x10000 {
				col16++
			}
			i += size
		}
		return col, col16
	}
	for off := 0; off <= len(src); off += 7 {
		p := li.Position(off)
		if col, col16 := naive(off); p.Column != col || p.Column16 != col16 {
			t.Fatalf("Position(%d) = col %d/%d, want %d/%d", off, p.Column, p.Column16, col, col16)
		}
		if back := li.Offset(p.Line, p.Column); back != off && utf8.RuneStart(src[min(off, len(src)-1)]) && off >= li.bom {
			t.Fatalf("Offset(%d, %d) = %d, want %d", p.Line, p.Column, back, off)
		}
	}
}

// findURLs searched the rest of the block for "mailto:" once per URL,
// which made a 5 MB line of URLs quadratic; it must find what a fresh
// search from each word finds.
func TestFindURLsMatchesPerWordSearch(t *testing.T) {
	s := strings.Repeat("see https://a.org/x and mailto:a@b.org, (https://doi.org/10.1/(x)) ftp://h/p tel:123 ", 50) + "end http://z.org"
	got, want := findURLs(s), perWordURLs(s)
	if len(want) != 50*4+1 {
		t.Fatalf("the oracle found %d URLs, want %d", len(want), 50*4+1)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findURLs = %v\nwant %v", got, want)
	}
}

// perWordURLs is what findURLs must return, computed the slow way: xurls
// on every white-space-separated word that holds "://" or "mailto:".
func perWordURLs(s string) [][]int {
	var out [][]int
	sep := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }
	for i := 0; i < len(s); {
		for i < len(s) && sep(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !sep(s[j]) {
			j++
		}
		if w := s[i:j]; strings.Contains(w, "://") || strings.Contains(w, "mailto:") {
			for _, m := range xurls.Strict().FindAllStringIndex(w, -1) {
				out = append(out, []int{i + m[0], i + m[1]})
			}
		}
		i = j
	}
	return out
}

// SectionAt and linkAt search instead of scanning every section or link
// (quadratic in a 50 MB file); they must agree with a scan everywhere.
func TestSectionAtAndLinkAtMatchScan(t *testing.T) {
	src := strings.Repeat("# A\n\nsee https://doi.org/10.1000/1 and <https://doi.org/10.1000/2>, [x](https://y.org) doi:10.1000/3.\n\n## B\n\n- http://z.org/10.1000/4\n\n", 20)
	d := mustParse(t, "f.md", src)
	var urls []int
	for i, l := range d.Links {
		if l.Kind == BareURL || l.Kind == AutoLink {
			urls = append(urls, i)
		}
	}
	for off := 0; off <= len(src); off++ {
		sec := -1
		for i, s := range d.Sections {
			if s.HeadingSpan.Start <= off {
				sec = i
			}
		}
		if got := d.SectionAt(off); got != sec {
			t.Fatalf("SectionAt(%d) = %d, want %d", off, got, sec)
		}
		link := -1
		for i, l := range d.Links {
			if (l.Kind == BareURL || l.Kind == AutoLink) && l.DestSpan.Contains(off) {
				link = i
				break
			}
		}
		if got := d.linkAt(urls, off); got != link {
			t.Fatalf("linkAt(%d) = %d, want %d", off, got, link)
		}
	}
	if len(d.DOIs) != 80 {
		t.Errorf("%d DOIs, want 80", len(d.DOIs))
	}
}

// goldmark scans to the end of the line from each unclosed "](": the
// parser hides such openers from it on lines made of them, and only there.
func TestDefuseLinkOpeners(t *testing.T) {
	normal := []byte(strings.Repeat("[a](https://x.org/a)[b](<https://x.org/b>) ", 100) + "\n![i](data:image/png;base64," + strings.Repeat("A", 100000) + ")\n")
	if got := defuseLinkOpeners(normal); &got[0] != &normal[0] {
		t.Error("a line of closed links was changed")
	}
	for _, opener := range []string{"[x](", "[a](<b", "[x]( <"} {
		src := []byte("# T\n\n" + strings.Repeat(opener, 100000) + "\n\nLast [link](https://doi.org/10.1000/1).\n")
		got := defuseLinkOpeners(src)
		if len(got) != len(src) || bytes.Count(got, []byte("](")) > 2048 || !bytes.HasSuffix(got, []byte("Last [link](https://doi.org/10.1000/1).\n")) {
			t.Errorf("%q: not defused, or offsets moved", opener)
		}
		d := mustParse(t, "f.md", string(src)) // in time linear in its size
		if len(d.Links) != 1 || d.Links[0].Dest != "https://doi.org/10.1000/1" {
			t.Errorf("%q: links %v, want the one after the openers", opener, d.Links)
		}
	}
}

// goldmark reads the rest of the line again at each level of nesting: the
// parser hides markers past maxNesting from it, and changes nothing else.
func TestDefuseNesting(t *testing.T) {
	normal := []byte("- a\n  - b\n> > quote\n1. x\n   2) y\n- - -\n" + strings.Repeat("> ", maxNesting) + "x\n")
	if got := defuseNesting(normal); &got[0] != &normal[0] {
		t.Error("nesting up to maxNesting was changed")
	}
	for _, marker := range []string{"- ", "> ", ">", "* ", "1. ", " 2) "} {
		src := []byte("# T\n\n" + strings.Repeat(marker, 20000) + "deep\n\nLast words.\n")
		got := defuseNesting(src)
		if len(got) != len(src) || bytes.Count(got, []byte(strings.TrimSpace(marker))) != maxNesting || !bytes.HasSuffix(got, []byte("deep\n\nLast words.\n")) {
			t.Errorf("%q: not defused past %d, or offsets moved", marker, maxNesting)
		}
		d := mustParse(t, "f.md", string(src)) // in time linear in its size
		checkSpans(t, d)
		if n := len(d.Blocks); n == 0 || d.Blocks[n-1].Prose.Text != "Last words." {
			t.Errorf("%q: last block is not the paragraph after the nesting", marker)
		}
	}
}

// Words whose only colons are http(s) schemes' use the small web-URL
// pattern, and it finds there what xurls.Strict finds; others use Strict.
func TestOnlyWebScheme(t *testing.T) {
	for word, want := range map[string]bool{
		"https://doi.org/10.1000/1": true, "HTTP://A.B": true, "(https://a.b/c)": true,
		"ftp://h/p": false, "https://a.b:8080/x": false, "https://a.b,ssh://c": false,
		"mailto:a@b.c": false, "https:/a.b": false, "://a.b": false,
		// dhttp is a scheme of its own; xhttp is none, but Strict's word is
		// safer than a list of which names are schemes.
		"dhttp://a.org/x": false, "xhttps://a.org": false, "a.https://b.org": false,
		// Several web URLs in one word, as in a link pasted into a link.
		"https://a.org/?u=https://b.org": true, "[x](https://a.b/[x](http://c.d/": true,
		"https://a.org/?u=ftp://b.org": false, "https://a.org/x:y": false,
	} {
		if got := onlyWebScheme(word); got != want {
			t.Errorf("onlyWebScheme(%q) = %v, want %v", word, got, want)
		}
		if want {
			if a, b := webURL().FindAllStringIndex(word, -1), xurls.Strict().FindAllStringIndex(word, -1); !reflect.DeepEqual(a, b) {
				t.Errorf("%q: web pattern finds %v, Strict %v", word, a, b)
			}
		}
	}
}

// FuzzSplitSentences checks what any split must be: sentences in order,
// not empty, with only white space outside and around them; each ends
// after a . ! or ? (and closing quotes, brackets or emphasis) but the
// last; and the split from a sentence's start on is the same. The
// examples are in TestSentences.
func FuzzSplitSentences(f *testing.F) {
	addSeeds(f, ".txt", ".md")
	for _, s := range []string{
		"Wow! Really? Yes. No!", "A.\u00a0B. C.\u2003D.", "Found in the U.\u212a. Then", "Supercalifragilistic. Next",
		"e.g. this. Dr. Who? Mr! Ok.", "x.y!z?", "end ...  \n\tNext one.", "ſt. Louis. Then",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // prose is valid UTF-8
		}
		got := SplitSentences(s)
		space := func(x string) bool { return strings.TrimFunc(x, unicode.IsSpace) == "" }
		prev := 0
		for k, r := range got {
			if r[0] < prev || r[0] >= r[1] || r[1] > len(s) {
				t.Fatalf("SplitSentences(%q) = %v: %v out of order or empty", s, got, r)
			}
			if !space(s[prev:r[0]]) {
				t.Fatalf("SplitSentences(%q) = %v: %q left out before %v", s, got, s[prev:r[0]], r)
			}
			prev = r[1]
			sent := s[r[0]:r[1]]
			if strings.TrimFunc(sent, unicode.IsSpace) != sent {
				t.Fatalf("SplitSentences(%q): sentence %q has space around it", s, sent)
			}
			if body := strings.TrimRight(sent, `"')]”’»*_`); k < len(got)-1 && (body == "" || strings.IndexByte(".!?", body[len(body)-1]) < 0) {
				t.Fatalf("SplitSentences(%q): sentence %q ends without a mark", s, sent)
			}
			// Where a sentence starts, the text before it has no say.
			var rest [][2]int
			for _, q := range SplitSentences(s[r[0]:]) {
				rest = append(rest, [2]int{q[0] + r[0], q[1] + r[0]})
			}
			if !reflect.DeepEqual(rest, got[k:]) {
				t.Fatalf("SplitSentences(%q) = %v, but from %d on %v", s, got, r[0], rest)
			}
		}
		if !space(s[prev:]) {
			t.Fatalf("SplitSentences(%q) = %v: %q left out at the end", s, got, s[prev:])
		}
	})
}
