package article

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func mustParse(t *testing.T, path, src string) *Document {
	t.Helper()
	d, err := Parse(path, []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return d
}

func sectionLines(d *Document) []int {
	var out []int
	for _, s := range d.Sections {
		out = append(out, d.Position(s.HeadingSpan.Start).Line)
	}
	return out
}

func TestSeedSections(t *testing.T) {
	src, err := os.ReadFile("../testdata/articles/vitamin-d-lactation.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("vitamin-d-lactation.txt", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{1, 3, 9, 11, 17, 19, 25, 28, 30, 35, 37}
	if got := sectionLines(d); !reflect.DeepEqual(got, want) {
		t.Errorf("section lines = %v, want %v", got, want)
	}
	if d.Disclosure == nil {
		t.Fatal("no disclosure found; want line 39")
	}
	if p := d.Position(d.Disclosure.Span.Start); p.Line != 39 {
		t.Errorf("disclosure at line %d, want 39", p.Line)
	}
	if b := d.Blocks[d.Disclosure.Block]; b.Label != "Disclaimer" {
		t.Errorf("disclosure block label = %q, want Disclaimer", b.Label)
	}
	// The trailing "Leave a comment" and the cut-off line 16 are prose.
	var last, cut bool
	for _, b := range d.Blocks {
		switch b.Prose.Text {
		case "Leave a comment":
			last = true
		case "A detailed analysis can be found in our main journal article which forms part of the growing body of endocrinology research hosted":
			cut = true
		}
	}
	if !last || !cut {
		t.Errorf("lines 16 and 42 must be paragraphs (got 16:%v 42:%v)", cut, last)
	}
}

type loc struct {
	Kind, Dest string
	Line, Col  int
}

func links(d *Document) []loc {
	var out []loc
	for _, l := range d.Links {
		p := d.Position(l.Span.Start)
		out = append(out, loc{l.Kind.String(), l.Dest, p.Line, p.Column})
	}
	return out
}

func TestMarkdownLinks(t *testing.T) {
	src := `---
title: "Vitamin D in lactation"
doi: 10.1000/fm
---
# Title

See [the study](https://doi.org/10.1000/abc "Title") and [ref][r] and <https://example.org/auto>.
A bare https://example.com/x_(y)_z, then a [shortcut] link. ![fig](img/fig.png)
Café [ünïcode](https://example.org/ü) here.

[r]: https://example.org/ref
[shortcut]: <https://example.org/short cut>
`
	d := mustParse(t, "a.md", src)
	want := []loc{
		{"inline", "https://doi.org/10.1000/abc", 7, 5},
		{"reference", "https://example.org/ref", 7, 58},
		{"autolink", "https://example.org/auto", 7, 71},
		{"bare", "https://example.com/x_(y)_z", 8, 8},
		{"reference", "https://example.org/short cut", 8, 44},
		{"inline", "https://example.org/ü", 9, 6},
		{"definition", "https://example.org/ref", 11, 1},
		{"definition", "https://example.org/short cut", 12, 1},
	}
	if got := links(d); !reflect.DeepEqual(got, want) {
		t.Errorf("links:\n got %v\nwant %v", got, want)
	}
	if len(d.Images) != 1 || d.Images[0].Dest != "img/fig.png" {
		t.Errorf("images = %+v, want one img/fig.png", d.Images)
	}
	// Destination spans point at the written destination.
	for _, l := range d.Links {
		if got := d.Text(l.DestSpan); l.Kind == InlineLink && got != l.Dest && !strings.Contains(l.Dest, "%") {
			t.Errorf("dest span of %s = %q", l.Dest, got)
		}
	}
	if d.Title == nil || d.Title.Text != "Vitamin D in lactation" || !d.Title.FromFrontMatter {
		t.Errorf("title = %+v, want from front matter", d.Title)
	}
	if v, span, ok := d.FrontMatter.Lookup(d, "doi"); !ok || v != "10.1000/fm" || d.Position(span.Start).Line != 3 || d.Position(span.Start).Column != 6 {
		t.Errorf("front matter doi = %q at %+v", v, d.Position(span.Start))
	}
	var dois []string
	for _, x := range d.DOIs {
		p := d.Position(x.DOISpan.Start)
		dois = append(dois, x.DOI+"@"+itoa(p.Line)+":"+itoa(p.Column))
	}
	if want := []string{"10.1000/abc@7:33"}; !reflect.DeepEqual(dois, want) {
		t.Errorf("dois = %v, want %v", dois, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Nothing is extracted from code or comments, and no prose comes from them.
func TestCodeAndCommentsExcluded(t *testing.T) {
	src := "# T\n\nText `https://example.com/code 10.1000/code` end.\n\n```\nhttps://example.com/fenced doi:10.1000/fenced\n```\n\n    https://example.com/indented 10.1000/indented\n\n<!-- https://example.com/comment 10.1000/comment -->\n\nReal https://example.com/real and 10.1000/real.\n"
	d := mustParse(t, "a.md", src)
	if len(d.Links) != 1 || d.Links[0].Dest != "https://example.com/real" {
		t.Errorf("links = %v, want only the real one", links(d))
	}
	if len(d.DOIs) != 1 || d.DOIs[0].DOI != "10.1000/real" {
		t.Errorf("dois = %+v, want only the real one", d.DOIs)
	}
	if len(d.Comments) != 1 || !strings.Contains(d.Comments[0].Text, "comment") {
		t.Errorf("comments = %+v", d.Comments)
	}
	for _, b := range d.Blocks {
		if strings.Contains(b.Prose.Text, "code") || strings.Contains(b.Prose.Text, "fenced") {
			t.Errorf("code leaked into prose: %q", b.Prose.Text)
		}
	}
	if len(d.Code) != 3 {
		t.Errorf("code spans = %d, want 3", len(d.Code))
	}
}

// CRLF line endings and a BOM must not move any line or column.
func TestCRLFAndBOM(t *testing.T) {
	src, err := os.ReadFile("../testdata/articles/vitamin-d-lactation.txt")
	if err != nil {
		t.Fatal(err)
	}
	plain := mustParse(t, "a.txt", string(src))
	crlf := mustParse(t, "a.txt", "\uFEFF"+strings.ReplaceAll(string(src), "\n", "\r\n"))
	if got, want := sectionLines(crlf), sectionLines(plain); !reflect.DeepEqual(got, want) {
		t.Errorf("CRLF+BOM sections %v, want %v", got, want)
	}
	pos := func(d *Document) []Position {
		var out []Position
		for _, l := range d.Links {
			p := d.Position(l.Span.Start)
			p.Offset = 0
			out = append(out, p)
		}
		for _, x := range d.DOIs {
			p := d.Position(x.DOISpan.Start)
			p.Offset = 0
			out = append(out, p)
		}
		return out
	}
	if got, want := pos(crlf), pos(plain); !reflect.DeepEqual(got, want) {
		t.Errorf("CRLF+BOM positions %v, want %v", got, want)
	}
	for _, b := range crlf.Blocks {
		if strings.ContainsAny(b.Prose.Text, "\r\uFEFF") {
			t.Errorf("prose keeps CR or BOM: %q", b.Prose.Text)
		}
	}
	md := "\uFEFF# Title\r\n\r\nSee https://example.org/x.\r\n"
	d := mustParse(t, "a.md", md)
	if p := d.Position(d.Links[0].Span.Start); p.Line != 3 || p.Column != 5 {
		t.Errorf("markdown CRLF link at %d:%d, want 3:5", p.Line, p.Column)
	}
	if p := d.Position(d.Sections[0].HeadingSpan.Start); p.Line != 1 || p.Column != 1 {
		t.Errorf("heading after BOM at %d:%d, want 1:1", p.Line, p.Column)
	}
}

func TestTextHeadings(t *testing.T) {
	src := strings.Join([]string{
		"Background",                     // 1 heading
		"Vitamin D matters for infants.", // 2
		"Note: this is a label line",     // 3 label, not a heading
		"- a list item without a stop",   // 4
		"Results and Discussion",         // 5 heading
		"Results were clear.",            // 6
		"Short line without stop",        // 7 followed by a heading: heading
		"Another Heading",                // 8
		"Body text here.",                // 9
		"Leave a comment",                // 10 last line: not a heading
	}, "\n")
	d := mustParse(t, "a.txt", src)
	if got, want := sectionLines(d), []int{1, 5, 7, 8}; !reflect.DeepEqual(got, want) {
		t.Errorf("sections at %v, want %v", got, want)
	}
	kinds := map[string]BlockKind{}
	for _, b := range d.Blocks {
		kinds[b.Prose.Text] = b.Kind
	}
	if kinds["a list item without a stop"] != ListItem {
		t.Errorf("list item kind = %v", kinds["a list item without a stop"])
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"empty", "", "file is empty"},
		{"blank", " \n\n\t\n", "file has no text"},
		{"binary", "PK\x03\x04\x00\x00binary", "file is binary"},
		{"utf8", "ok line\nbad \xff byte\n", "not valid UTF-8 (invalid byte 0xFF at line 2, column 5)"},
	} {
		_, err := Parse(tc.name+".md", []byte(tc.src), Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"Dr. Smith et al. found 10.5 mg/dL, e.g. in Fig. 2. Next one.", []string{"Dr. Smith et al. found 10.5 mg/dL, e.g. in Fig. 2.", "Next one."}},
		{"See doi:10.1038/nature12373. Then more", []string{"See doi:10.1038/nature12373.", "Then more"}},
		{"J. K. Rowling wrote it. \"Quoted.\" Done", []string{"J. K. Rowling wrote it.", "\"Quoted.\"", "Done"}},
		{"Ends without stop", []string{"Ends without stop"}},
	} {
		var got []string
		for _, r := range SplitSentences(tc.in) {
			got = append(got, tc.in[r[0]:r[1]])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentenceInitials(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Mothers need vitamin D. This summary explains why.", 2},
		{"Written by J. K. Rowling in 1997.", 1},
		{"A. Smith et al. agree.", 1},
	} {
		if got := len(SplitSentences(tc.in)); got != tc.want {
			t.Errorf("SplitSentences(%q): %d sentences, want %d", tc.in, got, tc.want)
		}
	}
}

// TestInlineAnchors: an <a href> written as inline HTML in Markdown is a
// link, and its text is link text, as in an HTML article.
func TestInlineAnchors(t *testing.T) {
	src := "<a name=\"top\">Top</a>: see <a class=\"x\" href='https://example.org/a?b=1&amp;c=2'>a new cure</a> and <A HREF=https://example.org/b>more</A>.\n"
	d, err := Parse("a.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Links) != 2 {
		t.Fatalf("links: got %d, want 2: %+v", len(d.Links), d.Links)
	}
	for i, want := range []struct{ dest, text, destSrc string }{
		{"https://example.org/a?b=1&c=2", "a new cure", "https://example.org/a?b=1&amp;c=2"},
		{"https://example.org/b", "more", "https://example.org/b"},
	} {
		l := d.Links[i]
		if l.Dest != want.dest || l.Text != want.text || d.Text(l.DestSpan) != want.destSrc {
			t.Errorf("link %d: got dest %q text %q at %q, want %q %q %q", i, l.Dest, l.Text, d.Text(l.DestSpan), want.dest, want.text, want.destSrc)
		}
	}
	pr := d.Blocks[0].Prose
	if i := strings.Index(pr.Text, "cure"); !pr.InLinkText(i) {
		t.Errorf("%q: the anchor's text is not link text", pr.Text)
	}
	if i := strings.Index(pr.Text, "see"); pr.InLinkText(i) || pr.InLinkText(0) {
		t.Errorf("%q: text before the anchor is link text", pr.Text)
	}
}
