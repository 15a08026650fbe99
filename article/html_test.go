package article

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func blockTexts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Kind.String()+":"+b.Prose.Text)
	}
	return out
}

func headings(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Heading)
	}
	return out
}

// Every position points into the HTML source: a link's destination at the
// href value, a DOI at its characters, a sentence with a character
// reference at the bytes of the reference.
func TestHTMLPositions(t *testing.T) {
	src := "<!doctype html>\n<title>T</title>\n<p>See <a class=x HREF = 'https://doi.org/10.1000/abc' >the\n   study</a>.</p>\n" +
		"<p>Smith &amp; Jones&rsquo; trial,&nbsp;and doi:10.1000/xyz here.</p>\n" +
		"<p>Bare   https://example.org/a_(b) <a href=\" /rel?a=1&amp;b=2 \">rel</a> and <a href=https://e.org/u>u</a></p>\n"
	d := mustParse(t, "a.html", src)
	if d.Format != HTML {
		t.Fatalf("format = %v", d.Format)
	}
	want := []loc{
		{"inline", "https://doi.org/10.1000/abc", 3, 8},
		{"bare", "https://example.org/a_(b)", 6, 11},
		{"inline", "/rel?a=1&b=2", 6, 37},
		{"inline", "https://e.org/u", 6, 78},
	}
	if got := links(d); !reflect.DeepEqual(got, want) {
		t.Errorf("links:\n got %v\nwant %v", got, want)
	}
	for _, l := range d.Links {
		written := d.Text(l.DestSpan)
		if strings.Contains(written, "&") {
			written = strings.ReplaceAll(written, "&amp;", "&")
		}
		if written != l.Dest {
			t.Errorf("dest span of %q = %q", l.Dest, d.Text(l.DestSpan))
		}
	}
	l := d.Links[0]
	if l.Text != "the study" || l.Block != 0 || !strings.HasPrefix(d.Text(l.Span), "<a class") || !strings.HasSuffix(d.Text(l.Span), "study</a>") {
		t.Errorf("link = %+v, span %q", l, d.Text(l.Span))
	}
	var dois []string
	for _, x := range d.DOIs {
		p := d.Position(x.DOISpan.Start)
		dois = append(dois, x.DOI+"@"+itoa(p.Line)+":"+itoa(p.Column)+"="+d.Text(x.DOISpan))
	}
	if want := []string{"10.1000/abc@3:43=10.1000/abc", "10.1000/xyz@5:49=10.1000/xyz"}; !reflect.DeepEqual(dois, want) {
		t.Errorf("dois = %v, want %v", dois, want)
	}
	if got, want := d.Blocks[0].Prose.Text, "See the study."; got != want {
		t.Errorf("prose = %q, want %q", got, want)
	}
	if got, want := d.Blocks[1].Prose.Text, "Smith & Jones’ trial,\u00a0and doi:10.1000/xyz here."; got != want {
		t.Errorf("prose = %q, want %q", got, want)
	}
	// The sentence covers the references as written; each one maps to its
	// own bytes, the words around it to theirs.
	s := d.Sentences[d.Blocks[1].FirstSentence]
	if got, want := d.Text(s.Span), "Smith &amp; Jones&rsquo; trial,&nbsp;and doi:10.1000/xyz here."; got != want {
		t.Errorf("sentence span = %q, want %q", got, want)
	}
	pr := d.Blocks[1].Prose
	for _, tc := range []struct{ text, src string }{
		{"&", "&amp;"}, {"’", "&rsquo;"}, {"\u00a0", "&nbsp;"}, {"Jones", "Jones"}, {"trial,", "trial,"},
	} {
		i := strings.Index(pr.Text, tc.text)
		if got := d.Text(pr.SourceSpan(i, i+len(tc.text))); got != tc.src {
			t.Errorf("%q maps to %q, want %q", tc.text, got, tc.src)
		}
	}
	// A run of white space with a newline is one space, standing for the run.
	pr = d.Blocks[0].Prose
	i := strings.Index(pr.Text, "the study")
	if got := d.Text(pr.SourceSpan(i, i+len("the study"))); got != "the\n   study" {
		t.Errorf("collapsed space maps to %q", got)
	}
	if pr.Exact(i, i+len("the study")) || !pr.Exact(i, i+len("the")) {
		t.Error("a collapsed newline must not count as exact text; the words must")
	}
	if d.Title == nil || d.Title.Text != "T" || d.Text(d.Title.Span) != "<title>T</title>" {
		t.Errorf("title = %+v", d.Title)
	}
}

func TestHTMLCharRefs(t *testing.T) {
	for _, tc := range []struct{ in, text string }{
		{"a &amp; b", "a & b"},
		{"&#8217;&#x2019;&#X2019;", "’’’"},
		{"&#65 and &#x41", "A and A"},
		{"&copy2024 &ampx", "©2024 &x"},
		{"&notit; &bogus; a&b &#; &#x; &", "¬it; &bogus; a&b &#; &#x; &"},
		{"&NotANamedOne;", "&NotANamedOne;"},
		{"line\r\n  two\tthree\fend", "line two three end"},
		{"a<br>b<br/>c</br>d", "a b c d"},
	} {
		d := mustParse(t, "a.html", "<p>"+tc.in+"</p>")
		if len(d.Blocks) != 1 || d.Blocks[0].Prose.Text != tc.text {
			t.Errorf("%q: blocks %q, want %q", tc.in, blockTexts(d), tc.text)
			continue
		}
		// Every piece maps inside the paragraph, in order.
		pr := d.Blocks[0].Prose
		prev := 0
		for i := 0; i < len(pr.Text); i++ {
			off := pr.Source(i)
			if off < prev || off < 3 || off > len(d.Source)-4 {
				t.Errorf("%q: text offset %d maps to %d (previous %d)", tc.in, i, off, prev)
				break
			}
			prev = off
		}
	}
}

// Nothing is read from scripts, styles, site chrome, forms, captions,
// comments or code; comments are kept for suppressions, code as spans.
func TestHTMLExcluded(t *testing.T) {
	src := `<html><head><title>Page</title><style>p { content: "https://example.com/style" }</style>
<script>var u = "https://example.com/script 10.1000/script";</script></head>
<body>
<header><a href="https://example.com/home">Home</a> Site name</header>
<nav><a href="https://example.com/nav">Nav</a></nav>
<!-- articlelint-disable overclaim -->
<h1>Title</h1>
<p>Real text with <code>https://example.com/code 10.1000/code</code> and <kbd>Ctrl</kbd>.</p>
<pre>https://example.com/pre
doi:10.1000/pre</pre>
<figure><img src="fig.png" alt="A figure"><figcaption>Figure 1: https://example.com/caption</figcaption></figure>
<div hidden>hidden text https://example.com/hidden</div>
<div role="navigation">Role nav</div>
<noscript>Enable JavaScript</noscript><template><p>template text</p></template>
<svg><title>icon title</title><text>svg text</text></svg>
<aside>Related posts</aside>
<form><h3>Leave a Reply</h3><textarea>typed 10.1000/form</textarea><button>Post Comment</button><select><option>opt</option></select></form>
<footer><p>Copyright https://example.com/footer</p></footer>
<p>See https://example.com/real and 10.1000/real.</p>
</body></html>`
	d := mustParse(t, "a.html", src)
	want := []string{"paragraph:Real text with \uFFFC and \uFFFC.", "paragraph:See https://example.com/real and 10.1000/real."}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	if got := headings(d); !reflect.DeepEqual(got, []string{"Title"}) {
		t.Errorf("headings = %q, want [Title]", got)
	}
	if len(d.Links) != 1 || d.Links[0].Dest != "https://example.com/real" {
		t.Errorf("links = %v, want only the real one", links(d))
	}
	if len(d.DOIs) != 1 || d.DOIs[0].DOI != "10.1000/real" {
		t.Errorf("dois = %+v, want only the real one", d.DOIs)
	}
	if len(d.Comments) != 1 || d.Comments[0].Text != " articlelint-disable overclaim " || d.Text(d.Comments[0].Span) != "<!-- articlelint-disable overclaim -->" {
		t.Errorf("comments = %+v", d.Comments)
	}
	var code []string
	for _, c := range d.Code {
		code = append(code, d.Text(c))
	}
	if want := []string{"<code>https://example.com/code 10.1000/code</code>", "<kbd>Ctrl</kbd>", "<pre>https://example.com/pre\ndoi:10.1000/pre</pre>"}; !reflect.DeepEqual(code, want) {
		t.Errorf("code = %q, want %q", code, want)
	}
	if !d.InCode(strings.Index(src, "10.1000/code")) {
		t.Error("InCode false inside <code>")
	}
	if len(d.Images) != 1 || d.Images[0].Dest != "fig.png" || d.Images[0].Text != "A figure" || d.Text(d.Images[0].DestSpan) != "fig.png" {
		t.Errorf("images = %+v", d.Images)
	}
	if d.Title == nil || d.Title.Text != "Title" {
		t.Errorf("title = %+v, want the h1", d.Title)
	}
	for _, b := range d.Blocks {
		for _, leak := range []string{"style", "script", "Home", "Nav", "caption", "hidden", "Role", "JavaScript", "template", "svg", "icon", "Related", "Reply", "typed", "Post", "opt", "Copyright"} {
			if strings.Contains(b.Prose.Text, leak) {
				t.Errorf("%q leaked into prose: %q", leak, b.Prose.Text)
			}
		}
	}
}

// With <article> or <main>, only what is inside counts; a header inside the
// article is content, and its h1 is the title; its byline is not prose.
func TestHTMLScope(t *testing.T) {
	src := `<body><div class="banner"><h1>Site Name</h1><p>Tagline text.</p></div>
<main><article><header><h1>Article Title</h1><p class="byline">By A. Writer</p></header>
<p>Body text.</p></article></main>
<div class="sidebar"><h2>Popular</h2><p>Other post.</p></div></body>`
	d := mustParse(t, "a.html", src)
	if got, want := headings(d), []string{"Article Title"}; !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
	if got, want := blockTexts(d), []string{"paragraph:Body text."}; !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
	if d.Title == nil || d.Title.Text != "Article Title" {
		t.Errorf("title = %+v", d.Title)
	}
	// An empty <main> does not hide the page.
	d = mustParse(t, "a.html", "<main></main><h2>Head</h2><p>Text.</p>")
	if got := blockTexts(d); !reflect.DeepEqual(got, []string{"paragraph:Text."}) || len(d.Sections) != 1 {
		t.Errorf("empty main: blocks %q, sections %v", got, headings(d))
	}
	// No h1: the <title>; front matter wins over both.
	d = mustParse(t, "a.html", "<title>Page &amp; Title</title><p>Text.</p>")
	if d.Title == nil || d.Title.Text != "Page & Title" {
		t.Errorf("title = %+v, want from <title>", d.Title)
	}
	d = mustParse(t, "a.html", "---\ntitle: From FM\n---\n<h1>H1</h1><p>Text.</p>")
	if d.Title == nil || d.Title.Text != "From FM" || !d.Title.FromFrontMatter {
		t.Errorf("title = %+v, want from front matter", d.Title)
	}
}

// A WordPress page saved from the browser: the post inside <main> is the
// article; its byline, categories, comments and comment form, the sidebar
// and the site's header and footer are not.
func TestHTMLWordPressPage(t *testing.T) {
	src, err := os.ReadFile("../testdata/articles/wordpress-saved-page.html")
	if err != nil {
		t.Fatal(err)
	}
	d := mustParse(t, "wordpress-saved-page.html", string(src))
	checkSpans(t, d)
	const title = "Short Walking Breaks and Blood Sugar After Meals"
	if got, want := headings(d), []string{title, "Introduction", "Key findings", "Conclusion"}; !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
	if d.Title == nil || d.Title.Text != title || !strings.HasPrefix(d.Text(d.Title.Span), "<h1") {
		t.Errorf("title = %+v, want the post's h1", d.Title)
	}
	if d.Disclosure == nil || !strings.Contains(d.Disclosure.Text, "with the help of ChatGPT") {
		t.Errorf("disclosure = %+v, want the post's statement", d.Disclosure)
	}
	// Everything read lies in the post's entry-content, the h1 aside.
	body := Span{strings.Index(string(src), `<div class="entry-content">`), strings.Index(string(src), "</div><!-- .entry-content -->")}
	inBody := func(s Span) bool { return s.Start >= body.Start && s.End <= body.End }
	for _, b := range d.Blocks {
		if !inBody(b.Span) {
			t.Errorf("block outside the post's body: %q", b.Prose.Text)
		}
	}
	for _, l := range append(d.Links, d.Images...) {
		if !inBody(l.Span) {
			t.Errorf("link outside the post's body: %s", l.Dest)
		}
	}
	if len(d.Blocks) != 9 || d.Blocks[0].Section != 1 {
		t.Errorf("blocks = %q, want the 9 of the post's body, from its Introduction", blockTexts(d))
	}
}

// Which element is the article: the <article> with the most text, a body
// marked itemprop=articleBody or .entry-content, a <main>; else the page.
func TestHTMLArticleChoice(t *testing.T) {
	long := "<p>The trial enrolled two hundred adults and followed them for a year, measuring sleep and mood each month.</p>"
	for _, tc := range []struct {
		name, src string
		blocks    []string // first words of the blocks
		title     string
	}{
		{"main without article", `<div class="site-title"><p>Site</p></div><main><h1>Main Title</h1>` + long +
			`</main><div class="widgets"><p>Popular posts</p></div>`, []string{"The trial"}, "Main Title"},
		{"archive: most text wins", `<main><article class="teaser"><h2>Other</h2><p>A teaser.</p></article>` +
			`<article class="post"><h1>The Post</h1>` + long + long + `</article>` +
			`<article class="teaser"><h2>Third</h2><p>Another teaser.</p></article></main>`, []string{"The trial", "The trial"}, "The Post"},
		{"main's own text beats a card", `<main><h1>Main Title</h1>` + long + `<article class="card"><p>Related card.</p></article></main>`,
			[]string{"The trial", "Related card."}, "Main Title"},
		{"body without article", `<div class="post"><header class="entry-header"><h1>Post Title</h1>` +
			`<div class="entry-meta">Posted on May 1, 2025 by editor</div></header><div class="entry-content">` + long +
			`</div></div><div class="sidebar"><p>Archives</p></div>`, []string{"The trial"}, "Post Title"},
		{"itemprop articleBody", `<div itemscope><h1>Schema Title</h1><div itemprop="articleBody">` + long +
			`</div><p>Share this post</p></div>`, []string{"The trial"}, "Schema Title"},
		{"body inside article keeps the header", `<main><article><header class="entry-header"><h1>Post</h1></header>` +
			`<div class="entry-content">` + long + `</div><p>After the body.</p></article></main>`, []string{"The trial", "After the"}, "Post"},
		{"embedded article in the body", `<article class="post"><h1>Post</h1><div class="entry-content">` + long +
			`<article class="embed"><p>An embedded quote.</p></article>` + long + `</div></article>`,
			[]string{"The trial", "An embedded", "The trial"}, "Post"},
		{"comments inside the article", `<article><h1>Post</h1>` + long + `<section id="comments"><h2>2 Comments</h2><p>Nice post!</p></section>` +
			`<div class="comments-area"><p>Leave a comment</p></div><div id="respond" class="comment-respond"><h3>Leave a Reply</h3></div>` +
			`<form><p><label>Name</label><input name=author></p></form></article>`, []string{"The trial"}, "Post"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, "a.html", tc.src)
			checkSpans(t, d)
			var got []string
			for _, b := range d.Blocks {
				got = append(got, b.Prose.Text)
			}
			ok := len(got) == len(tc.blocks)
			for i := range got {
				ok = ok && strings.HasPrefix(got[i], tc.blocks[i])
			}
			if !ok {
				t.Errorf("blocks = %q, want ones starting %q", got, tc.blocks)
			}
			if d.Title == nil || d.Title.Text != tc.title {
				t.Errorf("title = %+v, want %q", d.Title, tc.title)
			}
		})
	}
}

// A short line with a date or an author link is a byline; a paragraph
// that mentions a date, a timeline and the marked body are prose.
func TestHTMLBylines(t *testing.T) {
	src := `<article><h1>Post</h1>
<p>By <a rel="author" href="https://e.org/author/jo">Jo Doe</a> &middot; <time datetime="2025-05-01">1 May 2025</time></p>
<div class="dateline">Updated <time>2 May 2025</time></div>
<p>The survey ran from <time>March 2024</time> to the end of that year and reached over four thousand households in six regions.</p>
<h2>Notes from <time>May 2025</time></h2>
<ul><li><time>2019</time>: recruitment began</li></ul>
<div class="entry-content"><p>Results came out on <time>1 May 2025</time>.</p></div></article>`
	d := mustParse(t, "a.html", src)
	want := []string{"paragraph:The survey ran from March 2024 to the end of that year and reached over four thousand households in six regions.",
		"list-item:2019: recruitment began", "paragraph:Results came out on 1 May 2025."}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	if len(d.Links) != 0 {
		t.Errorf("links = %v, want none: the author links are in bylines", links(d))
	}
	if got := headings(d); !reflect.DeepEqual(got, []string{"Post", "Notes from May 2025"}) {
		t.Errorf("headings = %q", got)
	}
}

// Block kinds and boundaries, as CMSs write them.
func TestHTMLBlocks(t *testing.T) {
	src := `<div>Bare text in a div<div>inner</div>tail</div>
<ul><li>One<li>Two <ul><li>Nested</li></ul> after</li></ul>
<blockquote>Quoted <em>words</em><p>Quoted para</p></blockquote>
<table><tr><th>H<td>C1<td>C2</table>
<dl><dt>Term<dd>Definition</dl>
<p>line one<br>line two<br><br>next para</p>
<h2>A <code>code</code> heading</h2>`
	d := mustParse(t, "a.html", src)
	want := []string{
		"paragraph:Bare text in a div", "paragraph:inner", "paragraph:tail",
		"list-item:One", "list-item:Two", "list-item:Nested", "list-item:after",
		"quote:Quoted words", "quote:Quoted para",
		"table-cell:H", "table-cell:C1", "table-cell:C2",
		"paragraph:Term", "paragraph:Definition",
		"paragraph:line one line two", "paragraph:next para",
	}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	if got := headings(d); !reflect.DeepEqual(got, []string{"A \uFFFC heading"}) {
		t.Errorf("headings = %q", got)
	}
	// A block with its own element spans it, tags included.
	for _, b := range d.Blocks {
		if b.Prose.Text == "One" && d.Text(b.Span) != "<li>One" {
			t.Errorf("span of One = %q", d.Text(b.Span))
		}
		if b.Prose.Text == "Quoted para" && d.Text(b.Span) != "<p>Quoted para</p>" {
			t.Errorf("span of Quoted para = %q", d.Text(b.Span))
		}
	}
}

// Broken HTML never panics and still reads as a person would read it.
func TestHTMLMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		blocks    []string
		headings  []string
	}{
		{"unclosed p", "<p>one<p>two", []string{"paragraph:one", "paragraph:two"}, nil},
		{"stray closers", "</div></p></li><p>text</span></div></a></p>", []string{"paragraph:text"}, nil},
		{"unquoted attrs", "<p class=a id=b>See <a href=https://e.org/x title=t>x</a></p>", []string{"paragraph:See x"}, nil},
		{"unclosed a", "<p>a <a href=x>link text<p>next", []string{"paragraph:a link text", "paragraph:next"}, nil},
		{"lone lt", "<", []string{"paragraph:<"}, nil},
		{"lt in text", "<p>a < b and c<3</p>", []string{"paragraph:a < b and c<3"}, nil},
		{"tag cut at eof", "<p>text</p><a href=\"x", []string{"paragraph:text"}, nil},
		{"comment cut at eof", "<p>text</p><!-- open", []string{"paragraph:text"}, nil},
		{"script cut at eof", "<p>text</p><script>var x = '<p>no</p>", []string{"paragraph:text"}, nil},
		{"heading then p", "<h2>Head<p>para", []string{"paragraph:para"}, []string{"Head"}},
		{"mismatched heading", "<h2>Head</h3><p>para</p>", []string{"paragraph:para"}, []string{"Head"}},
		{"misnested inline", "<p><b>bold <i>both</b> italic</i> end</p>", []string{"paragraph:bold both italic end"}, nil},
		{"head never closed", "<head><title>T</title><p>body text", []string{"paragraph:body text"}, nil},
		{"no html at all", "Just text.", []string{"paragraph:Just text."}, nil},
		{"self-closing div", "<div/>text<p/>more", []string{"paragraph:text", "paragraph:more"}, nil},
		{"doctype and pi", "<!DOCTYPE html><?xml version='1.0'?><p>t</p><!bogus>", []string{"paragraph:t"}, nil},
		{"empty comment forms", "<!--><!---><!---->x", []string{"paragraph:x"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, "a.html", tc.src)
			checkSpans(t, d)
			if got := blockTexts(d); !reflect.DeepEqual(got, tc.blocks) {
				t.Errorf("blocks = %q, want %q", got, tc.blocks)
			}
			if got := headings(d); !reflect.DeepEqual(got, tc.headings) {
				t.Errorf("headings = %q, want %q", got, tc.headings)
			}
		})
	}
	d := mustParse(t, "a.html", "<!--><!---><!---->x")
	if len(d.Comments) != 3 || d.Comments[0].Text != "" || d.Comments[2].Text != "" {
		t.Errorf("comments = %+v", d.Comments)
	}
	d = mustParse(t, "a.html", "<p>a <a href=x>link text<p>next")
	if len(d.Links) != 1 || d.Text(d.Links[0].Span) != "<a href=x>link text" || d.Links[0].Text != "link text" {
		t.Errorf("unclosed link = %+v", d.Links)
	}
}

// Deep nesting costs linear time: every token is O(1) on the element stack.
func TestHTMLDeepNesting(t *testing.T) {
	const n = 10000
	for _, tc := range []struct{ open, close string }{
		{"<div>", "</div>"},
		{"<div>x", ""},
		{"<a href=x>y", ""},
		{"<b>", "</i>"},
		{"<table>", "</div>"},
		{"<ul><li>", "</li></ul>"},
		{"<h2><div>", "</h3>"},
		{"<span>", "</p>"},
		{"<article><div class=entry-content><p class=byline><time>", ""},
	} {
		src := "<span><table><div>" + strings.Repeat(tc.open, n) + "text" + strings.Repeat(tc.close, n) + strings.Repeat("</div>", n)
		start := time.Now()
		d := mustParse(t, "a.html", src)
		// Generous: the parse takes milliseconds; quadratic work would take minutes.
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s×%d took %v", tc.open, n, el)
		}
		checkSpans(t, d)
	}
}

// The HTML seed is the text seed saved as a blog page: the same article.
func TestHTMLSeedMatchesText(t *testing.T) {
	read := func(name string) *Document {
		src, err := os.ReadFile("../testdata/articles/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return mustParse(t, name, string(src))
	}
	h, txt := read("vitamin-d-lactation.html"), read("vitamin-d-lactation.txt")
	if got, want := headings(h), headings(txt); !reflect.DeepEqual(got, want) {
		t.Errorf("headings:\n html %q\n text %q", got, want)
	}
	dois := func(d *Document) []string {
		var out []string
		for _, x := range d.DOIs {
			out = append(out, x.DOI+" "+string(x.Form))
		}
		return out
	}
	if got, want := dois(h), dois(txt); !reflect.DeepEqual(got, want) || len(got) != 1 {
		t.Errorf("dois: html %q, text %q", got, want)
	}
	dests := func(d *Document) []string {
		var out []string
		for _, l := range d.Links {
			out = append(out, l.Dest)
		}
		return out
	}
	if got, want := dests(h), dests(txt); !reflect.DeepEqual(got, want) {
		t.Errorf("links: html %q, text %q", got, want)
	}
	if h.Links[0].Kind != InlineLink || h.Links[1].Kind != BareURL {
		t.Errorf("html links = %v, want inline, bare, inline", links(h))
	}
	if h.Disclosure == nil || txt.Disclosure == nil || h.Disclosure.Text != txt.Disclosure.Text {
		t.Fatalf("disclosure: html %+v, text %+v", h.Disclosure, txt.Disclosure)
	}
	if got := h.Text(h.Disclosure.Span); !strings.HasPrefix(got, "Disclaimer: This content") || h.Blocks[h.Disclosure.Block].Label != "Disclaimer" {
		t.Errorf("html disclosure span = %q", got)
	}
	if got, want := len(h.Blocks), len(txt.Blocks); got != want {
		t.Errorf("blocks: html %d, text %d", got, want)
	}
	for i := range min(len(h.Blocks), len(txt.Blocks)) {
		if h.Blocks[i].Kind != txt.Blocks[i].Kind || h.Blocks[i].Section != txt.Blocks[i].Section {
			t.Errorf("block %d: html %v in section %d %q, text %v in section %d %q", i,
				h.Blocks[i].Kind, h.Blocks[i].Section, h.Blocks[i].Prose.Text, txt.Blocks[i].Kind, txt.Blocks[i].Section, txt.Blocks[i].Prose.Text)
		}
	}
	for _, b := range h.Blocks {
		for _, chrome := range []string{"Home", "Leave a Reply", "Post Comment", "Copyright", "©", "dataLayer", "Endo Metabol Blog"} {
			if strings.Contains(b.Prose.Text, chrome) {
				t.Errorf("page chrome %q in prose: %q", chrome, b.Prose.Text)
			}
		}
	}
	if h.Title == nil || !strings.HasPrefix(h.Title.Text, "Maternal Vitamin D3 Supplementation & Infant Health") {
		t.Errorf("title = %+v", h.Title)
	}
	if len(h.Comments) != 3 {
		t.Errorf("comments = %d, want 3", len(h.Comments))
	}
}

// checkSpans asserts that every span lies in the source, in order, and
// that text read exactly from the source is what the source says.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	n := len(d.Source)
	check := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v outside [0, %d]", what, s, n)
		}
	}
	if d.Title != nil {
		check("title", d.Title.Span)
	}
	prev := 0
	for _, s := range d.Sections {
		check("heading", s.HeadingSpan)
		check("body", s.BodySpan)
		if s.HeadingSpan.Start < prev {
			t.Fatalf("sections out of order at %v", s.HeadingSpan)
		}
		prev = s.HeadingSpan.Start
	}
	prev = 0
	for bi, b := range d.Blocks {
		check("block", b.Span)
		if b.Span.Start < prev {
			t.Fatalf("blocks out of order at %v", b.Span)
		}
		prev = b.Span.Start
		for _, r := range SplitSentences(b.Prose.Text) {
			ss := b.Prose.SourceSpan(r[0], r[1])
			check("sentence", ss)
			if ss.Start < b.Span.Start || ss.End > b.Span.End {
				t.Fatalf("block %d: sentence %v outside block %v", bi, ss, b.Span)
			}
			if b.Prose.Exact(r[0], r[1]) && d.Text(ss) != b.Prose.Text[r[0]:r[1]] {
				t.Fatalf("block %d: exact text %q maps to %q", bi, b.Prose.Text[r[0]:r[1]], d.Text(ss))
			}
		}
	}
	for _, s := range d.Sentences {
		check("sentence", s.Span)
	}
	for _, l := range append(append([]Link{}, d.Links...), d.Images...) {
		check("link", l.Span)
		check("dest", l.DestSpan)
		if l.Block >= len(d.Blocks) {
			t.Fatalf("link block %d of %d", l.Block, len(d.Blocks))
		}
		if w := d.Text(l.DestSpan); l.Kind == InlineLink && l.DestSpan.Len() > 0 && !strings.ContainsAny(w, "&\r\x00") && w != l.Dest {
			t.Fatalf("dest %q written as %q", l.Dest, w)
		}
	}
	for _, x := range d.DOIs {
		check("doi", x.Span)
		check("doi", x.DOISpan)
	}
	for _, c := range d.Comments {
		check("comment", c.Span)
	}
	for _, c := range d.Code {
		check("code", c)
	}
	if d.Disclosure != nil {
		check("disclosure", d.Disclosure.Span)
	}
}

func FuzzParseHTML(f *testing.F) {
	if seed, err := os.ReadFile("../testdata/articles/vitamin-d-lactation.html"); err == nil {
		f.Add(string(seed))
	}
	for _, s := range []string{
		"<p>one<p>two</div>",
		"<a href=x>unclosed <b>bold",
		"<h2>Head<p>para &amp; &rsquo; &#8217; &copy2024",
		"<ul><li>a<li>b<ul><li>c</ul></ul><table><td>x<tr><td>y</table>",
		"<main><article><header><h1>T</h1></header><p>t <code>c</code></p></article></main><footer>f</footer>",
		"<", "<!--", "<!-->x", "<script>", "<title>t", "<a href='x", "<p>a<br><br>b</p>", "<div/>x<a/>y",
		"---\ntitle: x\n---\n<p>doi:10.1000/x https://doi.org/10.1000/y</p>",
		strings.Repeat("<div>", 200) + "x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f.html", []byte(src), Options{})
		if err != nil {
			return // not an article: empty, binary, not UTF-8
		}
		checkSpans(t, d)
	})
}
