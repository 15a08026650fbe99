package article

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// HTML articles: a saved blog page or a CMS export. The tokenizer, not the
// tree builder, reads them: it hands over every token's raw bytes, so each
// piece of prose keeps its offset in Source. A stack of open elements
// stands in for the tree, with enough of HTML's implied end tags (a <p>
// ended by a <div>, an <li> by the next <li>) to read malformed pages
// sensibly, and O(1) work per token so that deep nesting stays linear.
//
// Prose is what a reader of the article sees: site chrome (nav, forms,
// asides, a page <header> and <footer>), comment areas, post metadata
// (bylines, dates, categories), scripts, captions and code are left out.
// When the page marks where its article is, only what is inside counts;
// finish says which element that is.

// Element sets, by lower-case tag name.
var (
	// htmlVoid elements have no end tag.
	htmlVoid = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
		"meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame")
	// htmlRawText elements hold raw text up to their end tag, also when
	// written "<script/>" (the tokenizer reads them so).
	htmlRawText = setOf("iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style",
		"textarea", "title", "xmp")
	// htmlSkip elements never hold prose: code and media, site chrome,
	// forms, and captions, which label a figure rather than say anything.
	htmlSkip = setOf("script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer",
		"aside", "form", "button", "select", "option", "datalist", "textarea", "iframe", "object",
		"canvas", "video", "audio", "noembed", "noframes", "plaintext", "figcaption", "caption",
		"search", "dialog")
	// htmlSkipRoles are ARIA landmarks that mean site chrome.
	htmlSkipRoles = setOf("navigation", "banner", "contentinfo", "complementary", "search")
	// htmlSkipClasses mark post metadata (WordPress's and most themes'
	// names) and comment areas: never the article's prose.
	htmlSkipClasses = setOf("entry-meta", "post-meta", "byline", "posted-on", "posted-by", "entry-footer",
		"cat-links", "tags-links", "comments-area", "comment-respond")
	// htmlSkipIDs are comment areas by id.
	htmlSkipIDs = setOf("comments", "respond")
	// htmlCode elements are code: a placeholder in prose (pre: no block).
	htmlCode = setOf("code", "kbd", "samp", "tt", "pre", "xmp", "listing")
	// htmlClosesP start tags end an open <p>, as in HTML's tree builder.
	htmlClosesP = setOf("address", "article", "aside", "blockquote", "center", "details", "dialog",
		"dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main",
		"menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
		"h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp")
	// htmlBlock elements end the block of prose before them and in them.
	htmlBlock = union(htmlClosesP, setOf("html", "body", "head", "caption", "colgroup", "tbody",
		"thead", "tfoot", "tr", "td", "th", "legend", "option", "optgroup"))
	// htmlOwner elements bound their block: its span is the whole element.
	htmlOwner = setOf("p", "li", "td", "th", "dd", "dt", "blockquote")
	// htmlBreaksHeading start tags end an unclosed heading. HTML would
	// nest them in it; a linter reads "<h2>Title<p>text" as two things.
	htmlBreaksHeading = setOf("p", "ul", "ol", "dl", "table", "blockquote", "pre", "section",
		"article", "main", "nav", "aside", "header", "footer", "form", "figure", "hr", "li",
		"address", "details", "dialog", "fieldset", "h1", "h2", "h3", "h4", "h5", "h6")
	// htmlBoundary elements stop an end tag from closing what is outside
	// them ("</div>" in a table cell does not close a div around the table).
	htmlBoundary = setOf("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template")
	// htmlTable end tags close their element without the boundary check.
	htmlTable = setOf("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption")
	// htmlHeadOnly elements may stay in <head>; any other start tag ends it.
	htmlHeadOnly = setOf("base", "basefont", "bgsound", "link", "meta", "noscript", "script",
		"style", "template", "title", "head")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

func headingLevel(name string) int {
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		return int(name[1] - '0')
	}
	return 0
}

// Kinds of element that may hold the article, weakest first.
const (
	candMain    = iota // <main>, role=main: the article and what goes around it
	candBody           // itemprop=articleBody, .entry-content: the article's body
	candArticle        // <article>
)

// hCand is an element that may hold the article.
type hCand struct {
	kind   int
	parent int // the innermost candidate around it, or -1
	start  int // offset of its start tag
}

// hElem is an open element.
type hElem struct {
	name     string
	start    int  // offset of the start tag
	skip     bool // in an element that is never prose
	cand     int  // the innermost candidate it is in, or -1
	inBody   bool // in an article's marked body: no bylines there
	code     bool // in code: text is not prose
	codeOpen bool // this element opened the code
	foreign  bool // in <svg> or <math>
	kind     BlockKind
	boundary int  // stack index of the nearest htmlBoundary element at or below
	link     int  // index into htmlParser.links of the link this <a> opened, or -1
	byline   bool // a byline element (.byline, .author): its text is a credit
	jsonLD   bool // a <script type="application/ld+json">
}

// hProse is prose being read: a block, or a heading's text.
type hProse struct {
	b     proseBuilder
	start int // -1 until something is read
	end   int // end of the last thing read
	owner int // stack index of the element whose tags bound it, or -1
	kind  BlockKind
	cand  int
	meta  bool // holds a <time> or an author link: maybe a byline
	// A run of white space waiting for the next word; it becomes one space.
	ws              bool
	wsStart, wsEnd  int
	wsExact, wsLink bool
	brs             int   // <br>s since the last word
	links, images   []int // links and images read into this block
	level           int   // of a heading
}

type hLink struct {
	Link
	cand int
	open bool
	drop bool // in a byline
	text []byte
}

type hBlock struct {
	Block
	cand int
}

type hSection struct {
	Section
	cand int
}

type hCode struct {
	Span
	cand int
}

type hAttr struct{ key, val string }

type htmlParser struct {
	src   []byte
	stack []hElem
	open  map[string][]int // stack indices of the open elements, by name
	cur   hProse           // the block being read
	head  *hProse          // the heading being read, or nil
	hElem int              // its stack index
	link  int              // the open link, or -1

	blocks   []hBlock
	sections []hSection
	links    []hLink
	images   []hLink
	code     []hCode
	comments []Comment

	cands      []hCand
	titleElem  int // stack index of an open <title>, or -1
	titleStart int
	titleText  []byte
	titleTag   *Title

	lang    string        // <html lang>
	decls   []Declaration // <meta>, JSON-LD and C2PA declarations of AI use
	bylines []Byline
}

func parseHTML(d *Document, start int) {
	p := &htmlParser{
		src:       d.Source,
		stack:     []hElem{{boundary: 0, cand: -1, link: -1}}, // a root that is never popped
		open:      map[string][]int{},
		cur:       hProse{start: -1, owner: -1, cand: -1},
		link:      -1,
		titleElem: -1,
	}
	z := html.NewTokenizer(bytes.NewReader(d.Source[start:]))
	off := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: the tokenizer fails on nothing else
		}
		raw := z.Raw()
		// Tokens partition the input; every offset below relies on it.
		if off+len(raw) > len(p.src) || !bytes.Equal(raw, p.src[off:off+len(raw)]) {
			break
		}
		tok := Span{off, off + len(raw)}
		off = tok.End
		switch tt {
		case html.TextToken:
			p.text(z, tok)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			var attrs []hAttr
			for more := hasAttr; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs = append(attrs, hAttr{string(k), string(v)})
			}
			p.startTag(string(name), tok, attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			p.endTag(string(name), tok)
		case html.CommentToken:
			p.comment(tok)
		}
	}
	p.popTo(1, Span{off, off}, false)
	p.flush(-1)
	p.finish(d)
}

func (p *htmlParser) top() *hElem { return &p.stack[len(p.stack)-1] }

// last returns the stack index of the innermost open element named name,
// or 0.
func (p *htmlParser) last(name string) int {
	if l := p.open[name]; len(l) > 0 {
		return l[len(l)-1]
	}
	return 0
}

// inScope returns the stack index of the innermost open element named
// name if no boundary element lies above it, or 0.
func (p *htmlParser) inScope(name string) int {
	if i := p.last(name); i > 0 && i >= p.top().boundary {
		return i
	}
	return 0
}

// target is the prose that text goes to: the open heading or the block.
func (p *htmlParser) target() *hProse {
	if p.head != nil {
		return p.head
	}
	return &p.cur
}

// trimEnd is the end of what precedes off, before any white space: where
// an element ends when something else ends it.
func (p *htmlParser) trimEnd(off int) int {
	for off > 0 && isHTMLSpace(p.src[off-1]) {
		off--
	}
	return off
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func (p *htmlParser) startTag(name string, tok Span, attrs []hAttr, selfClosing bool) {
	// Implied end tags.
	if i := p.last("head"); i > 0 && !htmlHeadOnly[name] {
		p.popTo(i, tok, false)
	}
	if htmlClosesP[name] {
		if i := p.inScope("p"); i > 0 {
			p.popTo(i, tok, false)
		}
	}
	switch name {
	case "li":
		if i := p.inScope("li"); i > max(p.last("ul"), p.last("ol")) {
			p.popTo(i, tok, false)
		}
	case "dd", "dt":
		if i := max(p.inScope("dd"), p.inScope("dt")); i > p.last("dl") {
			p.popTo(i, tok, false)
		}
	case "td", "th", "tr":
		i := max(p.last("td"), p.last("th"))
		if name == "tr" {
			i = p.last("tr")
		}
		if i > 0 && i > p.last("table") {
			p.popTo(i, tok, false)
		}
	case "a":
		if p.link >= 0 {
			p.endLink(p.link, p.trimEnd(tok.Start))
		}
	}
	if p.head != nil && htmlBreaksHeading[name] {
		p.popTo(p.hElem, tok, false)
	}
	if htmlBlock[name] {
		p.flush(-1)
	}

	parent := *p.top()
	e := hElem{
		name:     name,
		start:    tok.Start,
		skip:     parent.skip || htmlSkip[name],
		cand:     parent.cand,
		inBody:   parent.inBody,
		code:     parent.code,
		foreign:  parent.foreign || name == "svg" || name == "math",
		kind:     parent.kind,
		boundary: parent.boundary,
		link:     -1,
	}
	cand := -1
	switch name {
	case "article":
		cand = candArticle
	case "main":
		cand = candMain
	}
	chromeHeader := name == "header" && parent.cand < 0 // a page's header, not a post's
	authorLink := false
	for _, a := range attrs {
		switch a.key {
		case "hidden":
			e.skip = true
		case "role":
			switch r := strings.ToLower(strings.TrimSpace(a.val)); {
			case htmlSkipRoles[r]:
				e.skip = true
			case r == "main":
				cand = max(cand, candMain)
			}
		case "id":
			e.skip = e.skip || htmlSkipIDs[strings.TrimSpace(a.val)]
		case "class":
			for _, c := range strings.Fields(a.val) {
				e.skip = e.skip || htmlSkipClasses[c]
				if c == "entry-content" {
					cand = max(cand, candBody)
				}
				if c == "entry-header" {
					chromeHeader = false // a post's header outside <article>
				}
			}
		case "itemprop":
			if hasToken(a.val, "articleBody") {
				cand = max(cand, candBody)
			}
		case "rel":
			authorLink = name == "a" && hasToken(strings.ToLower(a.val), "author")
		}
	}
	e.skip = e.skip || chromeHeader
	p.declarations(name, tok, attrs, &e)
	switch name {
	case "li":
		e.kind = ListItem
	case "blockquote":
		e.kind = Quote
	case "td", "th":
		e.kind = TableCell
	}
	if cand >= 0 && !e.skip {
		e.inBody = e.inBody || cand == candBody
		e.cand = len(p.cands)
		p.cands = append(p.cands, hCand{kind: cand, parent: parent.cand, start: tok.Start})
	}
	counts := !e.skip && !parent.code
	if counts && htmlCode[name] {
		e.code, e.codeOpen = true, true
	}
	if counts && (name == "time" || authorLink) && p.head == nil && !e.inBody {
		p.cur.meta = true
	}
	k := len(p.stack)
	if htmlBoundary[name] {
		e.boundary = k
	}

	if htmlVoid[name] {
		if counts {
			p.void(name, tok, attrs, e)
		}
		return
	}
	if counts && name == "a" {
		if dest, ok := attrValue(attrs, "href"); ok {
			dspan := p.attrSpan(tok, attrs, "href")
			dest, dspan = p.trimURL(dest, dspan)
			e.link = len(p.links)
			p.links = append(p.links, hLink{Link: Link{Kind: InlineLink, Dest: dest, DestSpan: dspan, Span: tok, Block: -1}, cand: e.cand, open: true})
			p.link = e.link
			if p.head == nil {
				p.cur.links = append(p.cur.links, e.link)
			}
		}
	}
	p.stack = append(p.stack, e)
	p.open[name] = append(p.open[name], k)

	switch {
	case name == "title" && !e.foreign && p.titleTag == nil && p.titleElem < 0:
		p.titleElem, p.titleStart, p.titleText = k, tok.Start, p.titleText[:0]
	case !counts:
	case headingLevel(name) > 0:
		p.head = &hProse{start: tok.Start, owner: -1, level: headingLevel(name), cand: e.cand}
		p.hElem = k
	case htmlOwner[name] && p.head == nil:
		p.cur.start, p.cur.owner, p.cur.kind, p.cur.cand = tok.Start, k, e.kind, e.cand
	case !htmlBlock[name]:
		p.begin(p.target(), tok.Start)
	}
	if selfClosing && !htmlRawText[name] {
		p.popTo(k, tok, true) // "<div/>": nothing in it
	}
}

// void reads a void element that counts as content: <br>, <img>.
func (p *htmlParser) void(name string, tok Span, attrs []hAttr, e hElem) {
	switch name {
	case "br":
		p.br(tok)
	case "img":
		src, ok := attrValue(attrs, "src")
		key := "src"
		if !ok || strings.TrimSpace(src) == "" {
			if s, ok := attrValue(attrs, "data-src"); ok {
				src, key = s, "data-src" // lazy loading
			}
		}
		alt, _ := attrValue(attrs, "alt")
		dest, dspan := p.trimURL(src, p.attrSpan(tok, attrs, key))
		ii := len(p.images)
		p.images = append(p.images, hLink{Link: Link{Kind: InlineLink, Dest: dest, DestSpan: dspan, Text: alt, Span: tok, Block: -1}, cand: e.cand})
		if p.head == nil {
			p.cur.images = append(p.cur.images, ii)
		}
		// Inside a sentence an image stands for something; around text it
		// is decoration and leaves no trace.
		if p.target().b.sb.Len() > 0 {
			p.word(CodePlaceholder, tok.Start, tok.End, false)
		}
	}
}

func (p *htmlParser) endTag(name string, tok Span) {
	switch {
	case name == "br": // "</br>" is read as "<br>"
		if e := p.top(); !e.skip && !e.code {
			p.br(tok)
		}
		return
	case headingLevel(name) > 0: // any </hN> ends any heading
		i := 0
		for _, h := range [...]string{"h1", "h2", "h3", "h4", "h5", "h6"} {
			i = max(i, p.last(h))
		}
		if i > 0 && i >= p.top().boundary {
			p.popTo(i, tok, true)
		}
		return
	}
	i := p.last(name)
	if i <= 0 || !htmlTable[name] && i < p.top().boundary {
		return // a stray end tag
	}
	p.popTo(i, tok, true)
}

// popTo pops the open elements down to stack index i, which ends at tok:
// at its end if tok is its own end tag (explicit), else before tok.
func (p *htmlParser) popTo(i int, tok Span, explicit bool) {
	for k := len(p.stack) - 1; k >= i && k > 0; k-- {
		e := p.stack[k]
		own := explicit && k == i
		end := tok.End
		if !own {
			end = p.trimEnd(tok.Start)
		}
		p.close(k, e, end, own)
		p.stack = p.stack[:k]
		l := p.open[e.name]
		p.open[e.name] = l[:len(l)-1]
	}
}

// close ends the element e at stack index k.
func (p *htmlParser) close(k int, e hElem, end int, own bool) {
	if e.byline && end > e.start {
		if text := strings.Join(strings.Fields(stripTags(p.src[e.start:end])), " "); text != "" {
			p.bylines = append(p.bylines, Byline{Text: text, Span: Span{e.start, end}})
		}
	}
	if e.jsonLD && end > e.start {
		p.jsonLDDeclarations(Span{e.start, end})
	}
	if e.link >= 0 {
		p.endLink(e.link, end)
	}
	if e.codeOpen {
		span := Span{e.start, max(end, e.start)}
		p.code = append(p.code, hCode{span, e.cand})
		if e.name != "pre" && e.name != "xmp" && e.name != "listing" {
			p.word(CodePlaceholder, span.Start, span.End, false)
		}
	}
	if p.titleElem == k {
		p.titleElem = -1
		p.titleTag = &Title{Text: strings.Join(strings.Fields(string(p.titleText)), " "), Span: Span{p.titleStart, max(end, p.titleStart)}}
	}
	if p.head != nil && p.hElem == k {
		p.endHeading(end)
	}
	switch {
	case htmlBlock[e.name]:
		if own && p.cur.owner == k {
			p.flush(end)
		} else {
			p.flush(-1)
		}
	case own && !e.skip && !e.code:
		// An inline end tag after text ends the block's span there.
		if t := p.target(); t.b.sb.Len() > 0 {
			t.end = end
		}
	}
}

func (p *htmlParser) endLink(li, end int) {
	l := &p.links[li]
	if !l.open {
		return
	}
	l.open = false
	l.Span.End = max(end, l.Span.Start)
	l.Text = strings.Join(strings.Fields(string(l.text)), " ")
	l.text = nil
	if p.link == li {
		p.link = -1
	}
}

func (p *htmlParser) endHeading(end int) {
	h := p.head
	p.head = nil
	text := strings.Join(strings.Fields(h.b.sb.String()), " ")
	if text == "" {
		return // an empty or icon-only heading heads nothing
	}
	span := Span{h.start, max(end, h.start)}
	p.sections = append(p.sections, hSection{Section{Heading: text, Level: h.level, HeadingSpan: span}, h.cand})
}

// flush ends the block being read; end is where it ends, or -1 for the
// end of the last thing read. Inside a heading nothing breaks.
func (p *htmlParser) flush(end int) {
	if p.head != nil {
		return
	}
	t := &p.cur
	bi := -1
	text := t.b.sb.String()
	// A short paragraph with a date or an author link, outside a marked
	// body, is a byline or a dateline ("Posted on <time> by <a
	// rel=author>"); a paragraph that mentions a date is longer, and a
	// list of dates is a timeline.
	byline := t.meta && t.kind == Paragraph && len(strings.Fields(text)) <= bylineWords
	if t.start >= 0 && strings.TrimSpace(text) != "" && !byline {
		if end < 0 {
			end = t.end
		}
		bi = len(p.blocks)
		p.blocks = append(p.blocks, hBlock{Block{Kind: t.kind, Span: Span{t.start, max(end, t.start)}, Prose: t.b.prose()}, t.cand})
	}
	var carry []int
	for _, li := range t.links {
		switch {
		case bi >= 0:
			p.links[li].Block = bi
		case p.links[li].open:
			carry = append(carry, li) // a link around blocks: its text comes later
		case byline:
			p.links[li].drop = true
		}
	}
	for _, ii := range t.images {
		switch {
		case bi >= 0:
			p.images[ii].Block = bi
		case byline:
			p.images[ii].drop = true
		}
	}
	if p.link >= 0 && bi >= 0 {
		p.links[p.link].text = append(p.links[p.link].text, ' ')
	}
	p.cur = hProse{start: -1, owner: -1, cand: -1, links: carry}
}

// bylineWords is the most words a byline or dateline has.
const bylineWords = 12

// begin marks where t starts, if nothing was read into it yet.
func (p *htmlParser) begin(t *hProse, off int) {
	if t.start < 0 {
		e := p.top()
		t.start, t.end, t.kind, t.cand = off, off, e.kind, e.cand
	}
}

// word adds s, written at [src, srcEnd), to the prose being read: exact
// when s is the source text, synthetic for a character reference or a
// placeholder. A pending run of white space becomes one space before it.
func (p *htmlParser) word(s string, src, srcEnd int, exact bool) {
	t := p.target()
	p.begin(t, src)
	inLink := p.link >= 0
	if t.ws && t.b.sb.Len() > 0 {
		link := t.wsLink && inLink
		if t.wsExact {
			t.b.exact(" ", t.wsStart, link)
		} else {
			t.b.synthetic(" ", t.wsStart, t.wsEnd)
		}
		if inLink {
			p.links[p.link].text = append(p.links[p.link].text, ' ')
		}
	}
	t.ws, t.brs = false, 0
	if exact {
		t.b.exact(s, src, inLink)
	} else {
		t.b.synthetic(s, src, srcEnd)
	}
	t.end = max(t.end, srcEnd)
	if inLink {
		p.links[p.link].text = append(p.links[p.link].text, s...)
	}
}

// space notes a run of white space at [src, srcEnd); HTML collapses it.
func (p *htmlParser) space(src, srcEnd int, exact bool) {
	t := p.target()
	if t.ws {
		return
	}
	t.ws, t.wsStart, t.wsEnd, t.wsExact, t.wsLink = true, src, srcEnd, exact, p.link >= 0
}

// br is a line break: a space, and with the one before it, the end of a
// paragraph ("text<br><br>text", as CMSs write paragraphs).
func (p *htmlParser) br(tok Span) {
	t := p.target()
	if t.b.sb.Len() == 0 {
		return
	}
	if t.brs > 0 && p.head == nil {
		p.flush(-1)
		return
	}
	t.brs++
	if !t.ws {
		p.space(tok.Start, tok.End, false)
	}
}

func (p *htmlParser) text(z *html.Tokenizer, tok Span) {
	if p.titleElem >= 0 {
		p.titleText = append(p.titleText, z.Text()...)
		return
	}
	raw := p.src[tok.Start:tok.End]
	if p.top().name == "head" && len(bytes.Trim(raw, " \t\n\r\f")) > 0 {
		p.popTo(p.last("head"), tok, false) // text ends <head>
	}
	if e := p.top(); e.skip || e.code {
		return
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case isHTMLSpace(c):
			j := i + 1
			for j < len(raw) && isHTMLSpace(raw[j]) {
				j++
			}
			p.space(tok.Start+i, tok.Start+j, j == i+1 && c == ' ')
			i = j
		case c == '&':
			if n, dec := charRef(raw[i:]); n > 0 {
				p.word(dec, tok.Start+i, tok.Start+i+n, false)
				i += n
				continue
			}
			p.word("&", tok.Start+i, tok.Start+i+1, true)
			i++
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '&' && !isHTMLSpace(raw[j]) {
				j++
			}
			p.word(string(raw[i:j]), tok.Start+i, tok.Start+j, true)
			i = j
		}
	}
}

// charRef returns the length of the character reference that s starts
// with ("&amp;", "&#8217;", a legacy "&copy" without ";") and its text, or
// 0 if s does not start with one. It reads exactly what the tokenizer
// decodes, so that the text around it maps back byte for byte.
func charRef(s []byte) (int, string) {
	j := 1
	if j < len(s) && s[j] == '#' {
		j++
		hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || hex && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'f')) {
			j++
		}
		if j == d {
			return 0, ""
		}
		if j < len(s) && s[j] == ';' {
			j++
		}
		return j, html.UnescapeString(string(s[:j]))
	}
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == 1 {
		return 0, ""
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	ref := string(s[:j])
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, ""
	}
	// A legacy reference decodes a prefix ("&copy2024" is "©2024"): the
	// rest is text, kept as written.
	k := 0
	for k < len(dec)-1 && k < j-1 && ref[j-1-k] == dec[len(dec)-1-k] {
		k++
	}
	return j - k, dec[:len(dec)-k]
}

func (p *htmlParser) comment(tok Span) {
	raw := p.src[tok.Start:tok.End]
	if !bytes.HasPrefix(raw, []byte("<!--")) {
		return // a doctype, "<?xml …?>", "<!foo>": not a comment
	}
	body := raw[4:]
	switch {
	case bytes.Equal(body, []byte(">")), bytes.Equal(body, []byte("->")): // "<!-->", "<!--->"
		body = nil
	case bytes.HasSuffix(body, []byte("-->")):
		body = body[:len(body)-3]
	case bytes.HasSuffix(body, []byte("--!>")):
		body = body[:len(body)-4]
	}
	p.comments = append(p.comments, Comment{Span: tok, Text: string(body)})
}

func attrValue(attrs []hAttr, key string) (string, bool) {
	for _, a := range attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}

// attrSpan returns where the value of attribute key is written in the tag
// at tok, or an empty span if the tag's attributes cannot be matched with
// the tokenizer's.
func (p *htmlParser) attrSpan(tok Span, attrs []hAttr, key string) Span {
	spans := scanAttrs(p.src[tok.Start:tok.End])
	if len(spans) != len(attrs) {
		return Span{}
	}
	for i, a := range attrs {
		if spans[i].key != a.key {
			return Span{}
		}
		if a.key == key {
			return Span{tok.Start + spans[i].val[0], tok.Start + spans[i].val[1]}
		}
	}
	return Span{}
}

// trimURL strips the white space a browser strips from a URL attribute.
func (p *htmlParser) trimURL(v string, span Span) (string, Span) {
	v = strings.Trim(v, " \t\n\r\f")
	if span.Len() > 0 {
		for span.Start < span.End && isHTMLSpace(p.src[span.Start]) {
			span.Start++
		}
		for span.End > span.Start && isHTMLSpace(p.src[span.End-1]) {
			span.End--
		}
	}
	return v, span
}

type rawAttr struct {
	key string
	val [2]int // offsets of the value in the tag
}

// scanAttrs reads the attributes of a start tag as the tokenizer does
// (a port of its readTag), returning where each value is written. Like
// the tokenizer it keeps the first of repeated names.
func scanAttrs(tag []byte) []rawAttr {
	n := len(tag)
	i := 2 // past "<" and the first letter of the name
	for i < n {
		c := tag[i]
		i++
		if isHTMLSpace(c) {
			break
		}
		if c == '/' || c == '>' {
			i--
			break
		}
	}
	skip := func() {
		for i < n && isHTMLSpace(tag[i]) {
			i++
		}
	}
	var out []rawAttr
	seen := map[string]bool{}
	skip()
	for i < n && tag[i] != '>' {
		// The name.
		ks := i
		for i < n {
			c := tag[i]
			i++
			if c == '=' && ks+1 == i {
				continue // "=" may start a name
			}
			if c == '=' || isHTMLSpace(c) || c == '/' || c == '>' {
				i--
				break
			}
		}
		ke := i
		// The value.
		vs, ve := i, i
		skip()
		if i < n {
			switch c := tag[i]; {
			case c == '/':
				i++
			case c == '=':
				i++
				skip()
				if i < n {
					switch q := tag[i]; q {
					case '>':
					case '\'', '"':
						i++
						vs = i
						for i < n && tag[i] != q {
							i++
						}
						ve = i
						if i < n {
							i++
						}
					default:
						vs = i
						for i < n && !isHTMLSpace(tag[i]) && tag[i] != '>' {
							i++
						}
						ve = i
					}
				}
			}
		}
		key := strings.ToLower(string(tag[ks:ke]))
		if ks != ke && !seen[key] {
			seen[key] = true
			out = append(out, rawAttr{key, [2]int{vs, ve}})
		}
		skip()
	}
	return out
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// article picks the candidate that holds the article, or -1 for the whole
// page. The <article>, itemprop=articleBody or .entry-content with the
// most text wins (an archive's teasers lose to the post); a body inside
// an <article> stands for that article, whose header has the title. A
// <main> wins only when it has no such element or more text outside
// them than the winner has (a page whose only <article> is a small card).
func (p *htmlParser) article() int {
	n := len(p.cands)
	total := make([]int, n) // text in the candidate
	free := make([]int, n)  // text in a <main> outside articles and bodies
	for _, b := range p.blocks {
		if b.cand >= 0 {
			total[b.cand] += len(b.Prose.Text)
		}
	}
	for _, s := range p.sections {
		if s.cand >= 0 {
			total[s.cand] += len(s.Heading)
		}
	}
	for c := range p.cands {
		if p.cands[c].kind == candMain {
			free[c] = total[c]
		}
	}
	// Parents come before their children: one pass from the end sums
	// nested text, linear however deep the nesting.
	for c := n - 1; c >= 0; c-- {
		if up := p.cands[c].parent; up >= 0 {
			total[up] += total[c]
			if p.cands[c].kind == candMain {
				free[up] += free[c]
			}
		}
	}
	best, main := -1, -1
	for c, k := range p.cands {
		switch {
		case total[c] == 0:
		case k.kind == candMain:
			if main < 0 || total[c] > total[main] {
				main = c
			}
		case best < 0 || total[c] > total[best]:
			best = c
		}
	}
	if best >= 0 && p.cands[best].kind == candBody {
		for up := p.cands[best].parent; up >= 0; up = p.cands[up].parent {
			if p.cands[up].kind == candArticle {
				best = up
				break
			}
		}
	}
	if best < 0 || main >= 0 && free[main] > total[best] {
		return main
	}
	return best
}

// finish moves what was read into d: only what is inside the article's
// element, when the page has one that holds anything.
func (p *htmlParser) finish(d *Document) {
	d.htmlLang = p.lang
	d.Declarations = append(d.Declarations, p.decls...)
	d.Bylines = append(d.Bylines, p.bylines...)
	d.Comments = append(d.Comments, p.comments...)
	chosen := p.article()
	in := make([]bool, len(p.cands)) // in the chosen candidate
	for c, k := range p.cands {
		in[c] = c == chosen || k.parent >= 0 && in[k.parent]
	}
	keep := func(c int) bool { return chosen < 0 || c >= 0 && in[c] }
	blockIdx := make([]int, len(p.blocks))
	for i, b := range p.blocks {
		blockIdx[i] = -1
		if keep(b.cand) {
			blockIdx[i] = len(d.Blocks)
			d.Blocks = append(d.Blocks, b.Block)
		}
	}
	// The title: the article's first <h1>; for a body without one, the
	// last <h1> before it (a theme's post header outside the body).
	var h1, before *Title
	for _, s := range p.sections {
		switch {
		case keep(s.cand):
			d.Sections = append(d.Sections, s.Section)
			if s.Level == 1 && h1 == nil {
				h1 = &Title{Text: s.Heading, Span: s.HeadingSpan}
			}
		case s.Level == 1 && chosen >= 0 && p.cands[chosen].kind == candBody && s.HeadingSpan.Start < p.cands[chosen].start:
			before = &Title{Text: s.Heading, Span: s.HeadingSpan}
		}
	}
	if h1 == nil {
		h1 = before
	}
	for _, l := range p.links {
		if keep(l.cand) && !l.drop {
			if l.Block >= 0 {
				l.Block = blockIdx[l.Block]
			}
			d.Links = append(d.Links, l.Link)
		}
	}
	for _, l := range p.images {
		if keep(l.cand) && !l.drop {
			if l.Block >= 0 {
				l.Block = blockIdx[l.Block]
			}
			d.Images = append(d.Images, l.Link)
		}
	}
	for _, c := range p.code {
		if keep(c.cand) {
			d.Code = append(d.Code, c.Span)
		}
	}
	sort.Slice(d.Code, func(i, j int) bool { return d.Code[i].Start < d.Code[j].Start })

	// The title: front matter, then the article's <h1>, then <title>.
	switch t, span, ok := d.FrontMatter.Lookup(d, "title"); {
	case ok && strings.TrimSpace(t) != "":
		d.Title = &Title{Text: t, Span: span, FromFrontMatter: true}
	case h1 != nil:
		d.Title = h1
	case p.titleTag != nil && p.titleTag.Text != "":
		d.Title = p.titleTag
	}
}

// metaDeclarations are <meta> names that declare AI use.
var metaDeclarations = setOf("ai-generated", "ai-usage", "ai-disclosure", "ai-content", "ai-assisted", "digitalsourcetype")

// bylineClasses mark the elements whose text credits the author.
var bylineClasses = setOf("byline", "author", "posted-by", "entry-author", "post-author", "author-name")

// declarations notes what a start tag declares: the page's language, an
// AI-use <meta>, a C2PA manifest, the start of JSON-LD, a byline.
func (p *htmlParser) declarations(name string, tok Span, attrs []hAttr, e *hElem) {
	switch name {
	case "html":
		if v, ok := attrValue(attrs, "lang"); ok && p.lang == "" {
			p.lang = strings.TrimSpace(v)
		}
	case "meta":
		key, ok := attrValue(attrs, "name")
		if !ok {
			key, ok = attrValue(attrs, "property")
		}
		if v, has := attrValue(attrs, "content"); ok && has && metaDeclarations[strings.ToLower(strings.TrimSpace(key))] {
			p.decls = append(p.decls, Declaration{Kind: "meta", Key: key, Value: v, Use: declaredUse(key, v), Span: p.attrSpan(tok, attrs, "content")})
		}
	case "script":
		switch t, _ := attrValue(attrs, "type"); strings.ToLower(strings.TrimSpace(t)) {
		case "application/c2pa":
			p.decls = append(p.decls, Declaration{Kind: "c2pa", Key: "C2PA manifest", Use: UseUnknown, Span: tok})
		case "application/ld+json":
			e.jsonLD = true
		}
	}
	for _, a := range attrs {
		if a.key == "class" {
			for _, c := range strings.Fields(a.val) {
				e.byline = e.byline || bylineClasses[c]
			}
		}
	}
}

// jsonLDDeclarations reads schema.org digitalSourceType values in the
// JSON-LD script at span (its tags included).
func (p *htmlParser) jsonLDDeclarations(span Span) {
	raw := p.src[span.Start:span.End]
	open := bytes.IndexByte(raw, '>')
	end := bytes.LastIndex(raw, []byte("</"))
	if open < 0 || end <= open {
		return
	}
	body := raw[open+1 : end]
	var v any
	if json.Unmarshal(body, &v) != nil {
		return // a broken script declares nothing
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, val := range x {
				if s, ok := val.(string); ok && strings.EqualFold(k, "digitalSourceType") {
					at := span.Start + open + 1
					if i := bytes.Index(body, []byte(s)); i >= 0 {
						at += i
					}
					p.decls = append(p.decls, Declaration{Kind: "json-ld", Key: "digitalSourceType", Value: s, Use: declaredUse(k, s), Span: Span{at, at + len(s)}})
				}
				walk(val)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
}

// stripTags returns the text of an HTML fragment: tags removed,
// character references decoded.
func stripTags(b []byte) string {
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] == '<' {
			if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
				i += j
				sb.WriteByte(' ')
				continue
			}
		}
		sb.WriteByte(b[i])
	}
	return html.UnescapeString(sb.String())
}
