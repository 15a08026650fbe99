package article

import (
	"bytes"
	"cmp"
	"html"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/gfm"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// md is shared: goldmark parsers are safe for concurrent use. Linkify is
// left out because bare URLs are found by xurls for every format alike.
// md is built on first use: a run on plain-text or HTML articles, or
// --version, does not pay for it. The GFM parsers come from internal/gfm,
// a copy of goldmark/extension's: importing that package costs every
// process about 3 ms at start-up (see there).
var md = sync.OnceValue(gfm.Parser)

type mdParser struct {
	d     *Document
	src   []byte
	text  string // src as a string (a slice of Document.text)
	base  int    // offset of the parsed text in Source (after front matter)
	defs  map[string]Span
	title *Title
	// pieces is spare room for the next block's prose pieces: blocks
	// share arrays instead of each growing its own from one piece.
	pieces []piece
}

func parseMarkdown(d *Document, start int) {
	p := &mdParser{d: d, src: d.Source[start:], text: d.text[start:], base: start, defs: map[string]Span{}}
	src, m := p.dialect(defuseNesting(defuseLinkOpeners(p.src)))
	root := m.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	// Definitions first: a reference link may come before its definition.
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if def, ok := n.(*ast.LinkReferenceDefinition); ok && entering {
			p.definition(def)
		}
		if entering && n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	p.blocks(root)
	sortByStart(d)
	if t, span, ok := d.FrontMatter.Lookup(d, "title"); ok && strings.TrimSpace(t) != "" {
		d.Title = &Title{Text: t, Span: span, FromFrontMatter: true}
	} else if p.title != nil {
		d.Title = p.title
	}
}

// defuseLinkOpeners protects goldmark from lines of unclosed link
// openers. For each "](" goldmark scans for the end of the destination,
// up to the next space (or, after "(<", the next ">") on the line, and
// starts again at the next "](": 100,000 unclosed "[x](" on one line take
// minutes. On a line where those scans would read more than a few times
// the line, the "(" of each "](" whose scan is longer than any real
// destination is given to goldmark as a space, so it reads "[x] " instead:
// the offsets are unchanged and such a line is not prose anyway. Other
// sources are returned as they are.
func defuseLinkOpeners(src []byte) []byte {
	const minOpeners, maxDest = 64, 2048
	if bytes.Count(src, []byte("](")) < minOpeners {
		return src // no line can have minOpeners: skip the line by line count
	}
	out := src
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n') + start + 1
		if end == start {
			end = len(src)
		}
		line := src[start:end]
		if bytes.Count(line, []byte("](")) < minOpeners {
			start = end
			continue
		}
		// scanEnd[i]: where goldmark's scan from i stops, from the right.
		nextSpace, nextGT := len(line), len(line)
		scanEnd := make([]int, len(line))
		cost := 0
		for i := len(line) - 1; i >= 0; i-- {
			switch line[i] {
			case ' ', '\t', '\n', '\r', '\f', '\v':
				nextSpace = i
			case '>':
				nextGT = i
			}
			scanEnd[i] = nextSpace
			if line[i] == '<' {
				scanEnd[i] = nextGT
			}
		}
		// scan is the length of goldmark's scan for the "](" at i.
		scan := func(i int) int {
			d := i + 2
			for d < len(line) && (line[d] == ' ' || line[d] == '\t') {
				d++
			}
			if d == len(line) {
				return 0
			}
			return scanEnd[d] - d
		}
		var openers []int
		for i := 0; ; i += 2 {
			j := bytes.Index(line[i:], []byte("]("))
			if j < 0 {
				break
			}
			i += j
			openers = append(openers, i)
			cost += scan(i)
		}
		if cost > 4*len(line) {
			if len(out) > 0 && &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			for _, i := range openers {
				if scan(i) > maxDest {
					out[start+i+1] = ' '
				}
			}
		}
		start = end
	}
	return out
}

// maxNesting is the deepest list or block quote nesting on one line that
// goldmark is given.
const maxNesting = 100

// defuseNesting protects goldmark from list and block quote markers nested
// deep on one line ("- - - … x", "> > > … x"): at each level goldmark
// reads the rest of the line again (is it a thematic break?), so 20,000
// levels take seconds and a few megabytes hours. Markers past maxNesting
// are given to goldmark as spaces, with the offsets unchanged: what
// follows is read as code, which no prose rule reads. Other sources are
// returned as they are.
func defuseNesting(src []byte) []byte {
	out := src
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n') + start + 1
		if end == start {
			end = len(src)
		}
		depth, i := 0, start
		for i < end {
			j := i
			for j < end && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			k := j
			switch {
			case k < end && src[k] == '>':
				k++
			case k+1 < end && (src[k] == '-' || src[k] == '*' || src[k] == '+') && (src[k+1] == ' ' || src[k+1] == '\t'):
				k++
			default:
				for k < end && k-j < 9 && src[k] >= '0' && src[k] <= '9' {
					k++
				}
				if k == j || k+1 >= end || (src[k] != '.' && src[k] != ')') || (src[k+1] != ' ' && src[k+1] != '\t') {
					k = j // not a marker
				} else {
					k++
				}
			}
			if k == j {
				break
			}
			if depth++; depth > maxNesting {
				if len(out) > 0 && &out[0] == &src[0] {
					out = bytes.Clone(src)
				}
				for m := j; m < k; m++ {
					out[m] = ' '
				}
			}
			i = k
		}
		start = end
	}
	return out
}

// sortByStart puts blocks, sections, images, code and comments in source
// order: goldmark moves footnote definitions to the end of the document,
// and rules (and Document.End) read these slices in order.
func sortByStart(d *Document) {
	byStart := func(a, b Span) int { return cmp.Compare(a.Start, b.Start) }
	slices.SortStableFunc(d.Sections, func(a, b Section) int { return byStart(a.HeadingSpan, b.HeadingSpan) })
	slices.SortStableFunc(d.Images, func(a, b Link) int { return byStart(a.Span, b.Span) })
	slices.SortStableFunc(d.Code, byStart)
	slices.SortStableFunc(d.Comments, func(a, b Comment) int { return byStart(a.Span, b.Span) })
	if slices.IsSortedFunc(d.Blocks, func(a, b Block) int { return byStart(a.Span, b.Span) }) {
		return
	}
	// Links and images name their block by index: renumber them.
	order := make([]int, len(d.Blocks)) // new index -> old
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return byStart(d.Blocks[a].Span, d.Blocks[b].Span) })
	renum := make([]int, len(order)) // old index -> new
	blocks := make([]Block, len(order))
	for n, o := range order {
		blocks[n], renum[o] = d.Blocks[o], n
	}
	d.Blocks = blocks
	for _, ls := range [][]Link{d.Links, d.Images} {
		for i := range ls {
			if b := ls[i].Block; b >= 0 && b < len(renum) {
				ls[i].Block = renum[b]
			}
		}
	}
}

// blocks walks block nodes in document order.
func (p *mdParser) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			p.heading(c)
		case *ast.Paragraph, *ast.TextBlock:
			p.block(c, p.kindOf(c))
		case *east.TableCell:
			p.block(c, TableCell)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			p.d.Code = append(p.d.Code, p.codeBlockSpan(c))
		case *ast.HTMLBlock:
			p.htmlBlock(c)
		case *ast.LinkReferenceDefinition:
			// collected before the walk
		default:
			p.blocks(c)
		}
	}
}

func (p *mdParser) kindOf(n ast.Node) BlockKind {
	for a := n.Parent(); a != nil; a = a.Parent() {
		switch a.Kind() {
		case ast.KindListItem:
			return ListItem
		case ast.KindBlockquote:
			return Quote
		}
	}
	return Paragraph
}

// linesSpan is the span of a block's lines, in Source offsets.
func (p *mdParser) linesSpan(n ast.Node) (Span, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return Span{}, false
	}
	first, last := lines.At(0), lines.At(lines.Len()-1)
	stop := last.Stop
	for stop > first.Start && (p.src[stop-1] == '\n' || p.src[stop-1] == '\r' || p.src[stop-1] == ' ') {
		stop--
	}
	return Span{p.base + first.Start, p.base + stop}, true
}

func (p *mdParser) heading(h *ast.Heading) {
	var b proseBuilder
	p.inlines(h, &b, false, -1)
	pr := b.prose()
	start := h.Pos()
	span, ok := p.linesSpan(h)
	if !ok {
		if start < 0 {
			return
		}
		span = Span{p.base + start, p.base + start}
	}
	// The heading span covers its markers: from the line start to the end
	// of the line, and the underline of a setext heading.
	ls := p.d.Lines.LineStart(p.d.Lines.Position(span.Start).Line)
	endLine := p.d.Lines.Position(span.End).Line
	if next := endLine + 1; next <= p.d.Lines.Lines() {
		u := strings.TrimSpace(p.d.Text(Span{p.d.Lines.LineStart(next), p.d.Lines.LineEnd(next)}))
		if u != "" && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "") && !bytes.HasPrefix(bytes.TrimLeft(p.d.Source[ls:], " "), []byte("#")) {
			endLine = next
		}
	}
	hs := Span{ls, p.d.Lines.LineEnd(endLine)}
	text := strings.TrimSpace(pr.Text)
	p.d.Sections = append(p.d.Sections, Section{Heading: text, Level: h.Level, HeadingSpan: hs})
	if h.Level == 1 && p.title == nil {
		p.title = &Title{Text: text, Span: hs}
	}
}

func (p *mdParser) block(n ast.Node, kind BlockKind) {
	if cap(p.pieces) < 16 {
		p.pieces = make([]piece, 0, 64)
	}
	b := proseBuilder{pieces: p.pieces}
	bi := len(p.d.Blocks)
	links, images := len(p.d.Links), len(p.d.Images)
	span, ok := p.linesSpan(n)
	if ok {
		// Prose is about as long as its source: grow once.
		b.sb.Grow(span.Len() + 16)
	}
	p.inlines(n, &b, false, bi)
	// drop leaves out a block with no prose: the links read from it
	// (such as "[]()") belong to no block.
	drop := func() {
		for _, ls := range [][]Link{p.d.Links[links:], p.d.Images[images:]} {
			for i := range ls {
				ls[i].Block = -1
			}
		}
	}
	if !ok {
		if len(b.pieces) == 0 {
			drop()
			return
		}
		span = Span{b.pieces[0].src, b.pieces[len(b.pieces)-1].srcEnd}
	}
	pr := b.prose()
	if len(pr.Text) == 0 && kind != TableCell {
		// Only images or HTML: nothing to read as prose.
		drop()
		return
	}
	p.d.Blocks = append(p.d.Blocks, Block{Kind: kind, Span: span, Prose: pr})
	p.pieces = b.pieces[len(b.pieces):]
}

// inlines appends the prose of n's inline children to b and records links,
// images, code spans and comments. bi is the block index, -1 for headings.
func (p *mdParser) inlines(n ast.Node, b *proseBuilder, inLink bool, bi int) {
	outer := inLink
	var anchor *Link // an open <a href> written as inline HTML
	anchorText := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			b.exact(p.text[seg.Start:seg.Stop], p.base+seg.Start, inLink)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.synthetic(" ", p.base+seg.Stop, p.base+seg.Stop)
			}
		case *ast.String:
			b.synthetic(string(c.Value), b.end(), b.end())
		case *ast.CodeSpan:
			span := p.codeSpan(c)
			p.d.Code = append(p.d.Code, span)
			b.synthetic(CodePlaceholder, span.Start, span.End)
		case *ast.Link:
			p.link(c, b, bi)
		case *ast.Image:
			start := p.base + c.Pos()
			var alt proseBuilder
			p.inlines(c, &alt, true, bi)
			end, dest := p.linkTail(c.Pos(), p.textEnd(c, c.Pos()+1), c.Reference)
			p.d.Images = append(p.d.Images, Link{Kind: InlineLink, Dest: string(c.Destination), DestSpan: dest, Text: alt.sb.String(), Span: Span{start, end}, Block: bi})
			b.synthetic(CodePlaceholder, start, end)
		case *ast.AutoLink:
			p.autoLink(c, b, bi)
		case *ast.RawHTML:
			p.rawHTML(c)
			// Text between <a href> and </a> is link text, as in HTML.
			if c.Segments.Len() == 0 || bi < 0 {
				break
			}
			seg := c.Segments.At(0)
			start := p.base + seg.Start
			tag := p.text[seg.Start:c.Segments.At(c.Segments.Len()-1).Stop]
			switch {
			case anchor == nil && !outer && isAnchorOpen(tag):
				// <a name="x"> is a target, not a link.
				m := hrefAttr().FindStringSubmatchIndex(tag)
				if m == nil {
					break
				}
				l := Link{Kind: InlineLink, Span: Span{start, start + len(tag)}, Block: bi}
				for g := 2; g < len(m); g += 2 {
					if m[g] >= 0 {
						l.Dest = html.UnescapeString(tag[m[g]:m[g+1]])
						l.DestSpan = Span{start + m[g], start + m[g+1]}
					}
				}
				anchor, anchorText, inLink = &l, b.sb.Len(), true
			case anchor != nil && isAnchorClose(tag):
				anchor.Text = b.sb.String()[anchorText:]
				anchor.Span.End = start + len(tag)
				p.d.Links = append(p.d.Links, *anchor)
				anchor, inLink = nil, outer
			}
		default:
			p.inlines(c, b, inLink, bi)
		}
	}
}

func (b *proseBuilder) end() int {
	if len(b.pieces) == 0 {
		return 0
	}
	return b.pieces[len(b.pieces)-1].srcEnd
}

func (p *mdParser) link(c *ast.Link, b *proseBuilder, bi int) {
	pos := c.Pos()
	first := len(b.pieces)
	textStart := b.sb.Len()
	p.inlines(c, b, true, bi)
	text := b.sb.String()[textStart:]
	_ = first
	end, dest := p.linkTail(pos, p.textEnd(c, pos+1), c.Reference)
	kind := InlineLink
	if c.Reference != nil {
		kind = ReferenceLink
		label := string(c.Reference.Value)
		if dspan, ok := p.defs[normLabel(label)]; ok {
			dest = dspan
		}
	}
	p.d.Links = append(p.d.Links, Link{Kind: kind, Dest: string(c.Destination), DestSpan: dest, Text: text, Span: Span{p.base + pos, end}, Block: bi})
}

// textEnd returns the source offset just past the last text inside n, or
// def when n has none.
func (p *mdParser) textEnd(n ast.Node, def int) int {
	end := def
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > end {
			end = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return end
}

// linkTail scans the source after a link's text for "]", then the
// destination and title of an inline link or the label of a reference
// link. It returns the end of the link and the destination span (in
// Source offsets). It only reads bytes; it never fails.
func (p *mdParser) linkTail(pos, textEnd int, ref *ast.ReferenceLink) (int, Span) {
	src := p.src
	i := textEnd
	for i < len(src) && src[i] != ']' {
		if src[i] == '\\' {
			i++
		}
		i++
	}
	if i >= len(src) {
		return p.base + len(src), Span{}
	}
	i++ // past "]"
	if ref != nil {
		switch ref.Type {
		case ast.ReferenceLinkFull, ast.ReferenceLinkCollapsed:
			if j := bytes.IndexByte(src[i:], ']'); j >= 0 {
				return p.base + i + j + 1, Span{}
			}
		}
		return p.base + i, Span{}
	}
	if i >= len(src) || src[i] != '(' {
		return p.base + i, Span{}
	}
	i = skipWS(src, i+1)
	var ds, de int
	if i < len(src) && src[i] == '<' {
		ds = i + 1
		for i++; i < len(src) && src[i] != '>' && src[i] != '\n'; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		de = min(i, len(src))
		i++
	} else {
		ds = i
		depth := 0
	scan:
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break scan
				}
				depth--
			case ' ', '\t', '\n', '\r':
				break scan
			}
		}
		i = min(i, len(src))
		de = i
	}
	i = skipWS(src, min(i, len(src)))
	if i < len(src) && (src[i] == '"' || src[i] == '\'' || src[i] == '(') {
		closer := src[i]
		if closer == '(' {
			closer = ')'
		}
		for i++; i < len(src) && src[i] != closer; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		i = skipWS(src, min(i+1, len(src)))
	}
	if i < len(src) && src[i] == ')' {
		i++
	}
	return p.base + min(i, len(src)), Span{p.base + ds, p.base + de}
}

func skipWS(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

func normLabel(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (p *mdParser) definition(def *ast.LinkReferenceDefinition) {
	span, ok := p.linesSpan(def)
	if !ok {
		return
	}
	// "[label]: dest": the destination follows the first "]:".
	line := p.d.Source[span.Start:span.End]
	ds := Span{}
	if j := bytes.Index(line, []byte("]:")); j >= 0 {
		k := skipWS(line, j+2)
		e := k
		if k < len(line) && line[k] == '<' {
			k++
			e = k
			for e < len(line) && line[e] != '>' {
				e++
			}
		} else {
			for e < len(line) && line[e] != ' ' && line[e] != '\t' && line[e] != '\n' && line[e] != '\r' {
				e++
			}
		}
		ds = Span{span.Start + k, span.Start + e}
	}
	key := normLabel(string(def.Label))
	if _, dup := p.defs[key]; !dup {
		p.defs[key] = ds
	}
	p.d.Links = append(p.d.Links, Link{Kind: DefinitionLink, Dest: string(def.Destination), DestSpan: ds, Text: string(def.Label), Span: span, Block: -1})
}

func (p *mdParser) autoLink(c *ast.AutoLink, b *proseBuilder, bi int) {
	label := c.Label(p.src)
	pos := c.Pos()
	// The label sits right after "<".
	ls := bytes.Index(p.src[max(pos, 0):], label)
	if pos < 0 || ls < 0 {
		return
	}
	ls += pos
	b.exact(string(label), p.base+ls, true)
	end := ls + len(label)
	if end < len(p.src) && p.src[end] == '>' {
		end++
	}
	dest := string(c.URL(p.src))
	if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(dest, "mailto:") {
		dest = "mailto:" + dest
	}
	p.d.Links = append(p.d.Links, Link{Kind: AutoLink, Dest: dest, DestSpan: Span{p.base + ls, p.base + ls + len(label)}, Text: string(label), Span: Span{p.base + pos, p.base + end}, Block: bi})
}

func (p *mdParser) codeSpan(c *ast.CodeSpan) Span {
	pos := max(c.Pos(), 0)
	ticks := 0
	for pos+ticks < len(p.src) && p.src[pos+ticks] == '`' {
		ticks++
	}
	end := p.textEnd(c, pos+ticks)
	fence := strings.Repeat("`", max(ticks, 1))
	if j := bytes.Index(p.src[end:], []byte(fence)); j >= 0 {
		end += j + len(fence)
	}
	return Span{p.base + pos, p.base + end}
}

func (p *mdParser) codeBlockSpan(n ast.Node) Span {
	li := p.d.Lines
	startOff := n.Pos()
	span, ok := p.linesSpan(n)
	if startOff < 0 {
		if !ok {
			return Span{}
		}
		startOff = span.Start - p.base
	}
	first := li.Position(p.base + startOff).Line
	last := first
	if ok {
		last = li.Position(span.End).Line
	}
	if _, fenced := n.(*ast.FencedCodeBlock); fenced && last+1 <= li.Lines() {
		last++ // the closing fence
	}
	return Span{li.LineStart(first), li.LineEnd(last)}
}

func (p *mdParser) htmlBlock(n *ast.HTMLBlock) {
	span, ok := p.linesSpan(n)
	if !ok {
		return
	}
	if n.HasClosure() {
		c := n.ClosureLine
		span.End = max(span.End, p.base+c.Stop)
	}
	p.comments(span)
}

func (p *mdParser) rawHTML(c *ast.RawHTML) {
	if c.Segments.Len() == 0 {
		return
	}
	first, last := c.Segments.At(0), c.Segments.At(c.Segments.Len()-1)
	p.comments(Span{p.base + first.Start, p.base + last.Stop})
}

// comments records every "<!-- … -->" inside span.
func (p *mdParser) comments(span Span) {
	s := p.d.Source[:span.End]
	for i := span.Start; i < span.End; {
		j := bytes.Index(s[i:], []byte("<!--"))
		if j < 0 {
			return
		}
		start := i + j
		k := bytes.Index(s[start+4:], []byte("-->"))
		if k < 0 {
			return
		}
		end := start + 4 + k + 3
		p.d.Comments = append(p.d.Comments, Comment{Span: Span{start, end}, Text: string(s[start+4 : end-3])})
		i = end
	}
}

// hrefAttr is the href attribute of an <a> tag, its value in group 1, 2
// or 3 by how it is quoted.
// Compiled on first use: few articles have one.
var hrefAttr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
})

// isAnchorOpen reports whether tag is an opening <a ...> tag.
func isAnchorOpen(tag string) bool {
	return len(tag) > 3 && (tag[1] == 'a' || tag[1] == 'A') && (tag[2] == ' ' || tag[2] == '\t' || tag[2] == '\n' || tag[2] == '\r')
}

// isAnchorClose reports whether tag is </a>.
func isAnchorClose(tag string) bool {
	return len(tag) >= 4 && tag[1] == '/' && (tag[2] == 'a' || tag[2] == 'A') && strings.TrimSpace(tag[3:len(tag)-1]) == ""
}
