package article

import (
	"bytes"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/gfm"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Dialect is the kind of Markdown a file's extension names: MDX (.mdx),
// Quarto and R Markdown (.qmd, .Rmd), or CommonMark with GFM.
type Dialect int

const (
	CommonMark Dialect = iota
	MDX
	Quarto
)

// DialectOf returns the Markdown dialect of a file name.
func DialectOf(path string) Dialect {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mdx":
		return MDX
	case ".qmd", ".rmd":
		return Quarto
	}
	return CommonMark
}

// mdx parses MDX: Markdown without indented code, which MDX does not
// have (prose indented inside a JSX element is prose): an indented line
// starts a paragraph, as any other line does.
var mdx = sync.OnceValue(func() parser.Parser {
	indented := reflect.TypeOf(parser.NewCodeBlockParser())
	para := reflect.TypeOf(parser.NewParagraphParser())
	var blocks []util.PrioritizedValue
	for _, b := range parser.DefaultBlockParsers() {
		switch reflect.TypeOf(b.Value) {
		case indented:
			continue
		case para:
			b.Value = indentedParagraph{parser.NewParagraphParser()}
		}
		blocks = append(blocks, b)
	}
	p := parser.NewParser(parser.WithBlockParsers(blocks...), parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	gfm.Add(p)
	return p
})

// indentedParagraph is goldmark's paragraph parser, also for lines
// indented four spaces or more.
type indentedParagraph struct{ parser.BlockParser }

func (indentedParagraph) CanAcceptIndentedLine() bool { return true }

// dialect prepares src, the Markdown that goldmark is given, for the
// file's dialect, and returns it with the parser to use. What is not
// prose in the dialect is blanked out (offsets are unchanged) and
// recorded as code: MDX's import/export blocks, JSX elements and
// expressions on lines of their own; Quarto's fenced div markers (:::)
// and shortcode lines ({{< >}}), and the attributes of headings
// ({#sec-intro .unnumbered}). Code chunks (```{r}) are fenced code in
// every dialect already. A JSX comment {/* ... */} on its own line is a
// comment, so suppressions can be written in MDX.
func (p *mdParser) dialect(src []byte) ([]byte, parser.Parser) {
	switch DialectOf(p.d.Path) {
	case MDX:
		return p.maskMDX(src), mdx()
	case Quarto:
		return p.maskQuarto(src), md()
	}
	return src, md()
}

// eachLine calls f with the start and end (before "\n") of each line
// outside fenced code; f returns the offset to go on from.
func eachLine(src []byte, f func(start, end int, blank bool) int) {
	fence := ""
	for i := 0; i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i
		}
		line := src[i:end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		next := end + 1
		switch {
		case fence != "":
			if indent <= 3 && bytes.HasPrefix(trimmed, []byte(fence)) && len(bytes.Trim(trimmed, fence[:1]+" \t\r")) == 0 {
				fence = ""
			}
		case indent <= 3 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			n := 0
			for n < len(trimmed) && trimmed[n] == trimmed[0] {
				n++
			}
			fence = string(trimmed[:n])
		default:
			next = f(i, end, len(bytes.TrimSpace(line)) == 0)
		}
		i = next
	}
}

// blank returns src with [start, end) turned to spaces (line breaks
// kept), copying src first if out is still src.
func blank(out, src []byte, start, end int) []byte {
	if len(out) > 0 && &out[0] == &src[0] {
		out = bytes.Clone(src)
	}
	for i := start; i < end; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}

func (p *mdParser) maskMDX(src []byte) []byte {
	out := src
	atBlockStart := true
	eachLine(src, func(start, end int, isBlank bool) int {
		if isBlank {
			atBlockStart = true
			return end + 1
		}
		first := atBlockStart
		atBlockStart = false
		line := src[start:end]
		if first && (bytes.HasPrefix(line, []byte("import ")) || bytes.HasPrefix(line, []byte("export ")) ||
			bytes.HasPrefix(line, []byte("import{")) || bytes.HasPrefix(line, []byte("export{"))) {
			stop := esmEnd(src, start)
			out = blank(out, src, start, stop)
			p.d.Code = append(p.d.Code, Span{p.base + start, p.base + trimEnd(src, start, stop)})
			atBlockStart = true
			return stop + 1
		}
		i := start
		for i < end && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		pos, limit := i, scanLimit(src, i)
		var exprs [][2]int // expressions on the line, for comments
		for pos < len(src) {
			var stop int
			switch {
			case src[pos] == '<' && pos+1 < len(src) && (isLetter(src[pos+1]) || src[pos+1] == '/' || src[pos+1] == '>'):
				stop = jsxTag(src, pos, limit)
			case src[pos] == '{':
				stop = braces(src, pos, limit)
				exprs = append(exprs, [2]int{pos, stop})
			default:
				stop = -1
			}
			if stop < 0 {
				break
			}
			pos = stop
			for pos < len(src) && (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\r') {
				pos++
			}
			if pos == len(src) || src[pos] == '\n' {
				// Only JSX up to the end of a line: a flow element.
				out = blank(out, src, start, pos)
				p.d.Code = append(p.d.Code, Span{p.base + i, p.base + trimEnd(src, i, pos)})
				for _, e := range exprs {
					p.jsxComment(src, e[0], e[1])
				}
				return pos + 1
			}
		}
		return end + 1
	})
	return out
}

// maxJSXLines bounds how many lines a JSX element's tags or an expression
// on lines of its own may span: scanning from every line start to the end
// of an unclosed one would take time quadratic in the lines.
const maxJSXLines = 64

// scanLimit is where a scan for JSX starting at i stops.
func scanLimit(src []byte, i int) int {
	for n := 0; n < maxJSXLines; n++ {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return len(src)
		}
		i += j + 1
	}
	return i
}

// jsxComment records {/* text */} as a comment.
func (p *mdParser) jsxComment(src []byte, start, end int) {
	inner := bytes.TrimSpace(src[start+1 : end-1])
	if bytes.HasPrefix(inner, []byte("/*")) && bytes.HasSuffix(inner, []byte("*/")) && len(inner) >= 4 {
		p.d.Comments = append(p.d.Comments, Comment{Span: Span{p.base + start, p.base + end}, Text: string(inner[2 : len(inner)-2])})
	}
}

func trimEnd(src []byte, start, end int) int {
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\r' || src[end-1] == '\n') {
		end--
	}
	return end
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// esmEnd returns the end of the import/export block at start: the first
// line break followed by a blank line (or the end) with its brackets
// closed.
func esmEnd(src []byte, start int) int {
	depth := 0
	for i := start; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			i = stringEnd(src, i, len(src))
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case '\n':
			if depth <= 0 && blankLineAfter(src, i) {
				return i
			}
		}
	}
	return len(src)
}

// stringEnd returns the offset of the quote that closes the string
// opening at i, or where it breaks off: a line break (a template literal
// runs to a blank line), or the end of src.
func stringEnd(src []byte, i, limit int) int {
	q := src[i]
	for i++; i < limit; i++ {
		switch src[i] {
		case '\\':
			i++
		case q:
			return i
		case '\n':
			if q != '`' || blankLineAfter(src, i) {
				return i
			}
		}
	}
	return limit
}

// blankLineAfter reports whether the line after the line break at i is
// blank: JSX and expressions stop there, so that an unclosed one costs a
// paragraph's reading, not the rest of the file's.
func blankLineAfter(src []byte, i int) bool {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// jsxTag returns the end of the JSX tag at i ("<Name attr={...}>",
// "</Name>", "<>", "<Name/>"), or -1 if there is none: unclosed, or
// running over a blank line.
func jsxTag(src []byte, i, limit int) int {
	for i++; i < limit; i++ {
		switch c := src[i]; c {
		case '>':
			return i + 1
		case '{':
			end := braces(src, i, limit)
			if end < 0 {
				return -1
			}
			i = end - 1
		case '"', '\'':
			i = stringEnd(src, i, limit)
		case '<':
			return -1
		case '\n':
			if blankLineAfter(src, i) {
				return -1
			}
		}
	}
	return -1
}

// braces returns the end (past "}") of the JavaScript expression whose
// "{" is at i, or -1.
func braces(src []byte, i, limit int) int {
	depth := 0
	for ; i < limit; i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i + 1
			}
		case '"', '\'', '`':
			i = stringEnd(src, i, limit)
		case '\n':
			if blankLineAfter(src, i) {
				return -1
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '*' {
				j := bytes.Index(src[i+2:limit], []byte("*/"))
				if j < 0 {
					return -1
				}
				i += j + 3
			}
		}
	}
	return -1
}

// Compiled on first use: only Quarto and R Markdown files need them.
var (
	// quartoDiv is a fenced div marker: ":::" and more, with attributes or
	// a class name after an opening one.
	quartoDiv = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}:::+(?:\s*\{[^\n]*\}|\s*[\w.-]+)?\s*$`) })
	// quartoShortcode is a line of shortcodes: {{< include _x.qmd >}}.
	quartoShortcode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:\{\{<[^\n]*?>\}\}\s*)+$`) })
	// headingAttrs are the attributes after a heading's text.
	headingAttrs = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}#{1,6}[ \t].*?[ \t](\{[#.-][^{}\n]*\}|\{[^{}\n]*=[^{}\n]*\})[ \t]*$`)
	})
)

func (p *mdParser) maskQuarto(src []byte) []byte {
	out := src
	eachLine(src, func(start, end int, _ bool) int {
		line := src[start:end]
		switch {
		case quartoDiv().Match(line), quartoShortcode().Match(line):
			out = blank(out, src, start, end)
			p.d.Code = append(p.d.Code, Span{p.base + start, p.base + trimEnd(src, start, end)})
		default:
			if m := headingAttrs().FindSubmatchIndex(line); m != nil {
				out = blank(out, src, start+m[2], start+m[3])
			}
		}
		return end + 1
	})
	return out
}
