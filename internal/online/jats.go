package online

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// PlainText turns the markup of an abstract or title into plain text: the
// JATS XML Crossref deposits (<jats:sec>, <jats:title>, <jats:p>,
// <jats:italic>) and the HTML Europe PMC returns (<h4>, <p>, <i>, <sup>).
// Paragraphs, headings and list items become lines; other white space is one
// space; entities are decoded; comments, scripts, styles and TeX duplicates
// of formulas are dropped. A superscript number keeps a caret (10^6, not
// 106), so that a number check never reads a power as a count. The result is
// valid UTF-8 without control characters, and no "<" in it is followed by a
// letter or "/", so no tag of the input survives.
func PlainText(markup string) string {
	var b textBuilder
	z := html.NewTokenizer(strings.NewReader(markup))
	z.AllowCDATA(true)
	skip := 0 // depth inside elements whose text is not prose
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.sb.String()
		case html.TextToken:
			if skip == 0 {
				b.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if tt == html.StartTagToken {
				// Read <title>, <script> and the like as markup too, so
				// that no tag inside them is passed through as text.
				z.NextIsNotRawText()
			}
			name, _ := z.TagName()
			local := string(name)
			if i := strings.LastIndexByte(local, ':'); i >= 0 {
				local = local[i+1:] // jats:p, mml:mi
			}
			switch elementKind[local] {
			case kindSkip:
				switch tt {
				case html.StartTagToken:
					skip++
				case html.EndTagToken:
					skip = max(skip-1, 0)
				}
			case kindBlock:
				b.lineBreak()
			case kindSpaced:
				b.space = true
			case kindSup:
				b.sup = tt == html.StartTagToken // a caret before its first character
			}
		}
	}
}

type kind uint8

const (
	kindInline kind = iota // the default: no break, as <i> or <jats:bold>
	kindBlock              // a line of its own
	kindSpaced             // separated by a space, as table cells
	kindSup                // superscript
	kindSkip               // not prose
)

var elementKind = map[string]kind{
	// JATS
	"abstract": kindBlock, "trans-abstract": kindBlock, "sec": kindBlock, "title": kindBlock,
	"p": kindBlock, "list": kindBlock, "list-item": kindBlock, "def-list": kindBlock,
	"def-item": kindBlock, "term": kindBlock, "def": kindBlock, "disp-quote": kindBlock,
	"boxed-text": kindBlock, "table-wrap": kindBlock, "caption": kindBlock, "fig": kindBlock,
	"statement": kindBlock, "disp-formula": kindBlock, "break": kindBlock,
	"entry": kindSpaced, "tex-math": kindSkip, "annotation": kindSkip, "annotation-xml": kindSkip,
	// HTML
	"h1": kindBlock, "h2": kindBlock, "h3": kindBlock, "h4": kindBlock, "h5": kindBlock, "h6": kindBlock,
	"div": kindBlock, "section": kindBlock, "article": kindBlock, "header": kindBlock, "footer": kindBlock,
	"ul": kindBlock, "ol": kindBlock, "li": kindBlock, "dl": kindBlock, "dt": kindBlock, "dd": kindBlock,
	"blockquote": kindBlock, "pre": kindBlock, "br": kindBlock, "hr": kindBlock, "table": kindBlock,
	"tr": kindBlock, "figcaption": kindBlock, "figure": kindBlock,
	"td": kindSpaced, "th": kindSpaced, "sup": kindSup,
	"script": kindSkip, "style": kindSkip, "head": kindSkip,
}

// textBuilder collapses white space and places line breaks lazily, so that
// the text never starts or ends with either and never doubles them.
type textBuilder struct {
	sb    strings.Builder
	last  rune
	space bool // a space is due before the next character
	brk   bool // a line break is due before the next character
	sup   bool // inside <sup>, before its first character
}

func (b *textBuilder) lineBreak() { b.brk = true }

func (b *textBuilder) text(s []byte) {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:] // an invalid byte decodes as U+FFFD, one byte long
		if unicode.IsSpace(r) {
			b.space = true
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if b.sup {
			b.sup = false
			if b.sb.Len() > 0 && !b.space && !b.brk && (unicode.IsDigit(r) || strings.ContainsRune("+-−–", r)) {
				b.write('^')
			}
		}
		if b.sb.Len() > 0 {
			switch {
			case b.brk:
				b.write('\n')
			case b.space:
				b.write(' ')
			}
		}
		b.space, b.brk = false, false
		if b.last == '<' && (r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '/' || r == '!' || r == '?')) {
			// Text such as "&lt;b" or "<<i></i>b" would read as a tag.
			b.write(' ')
		}
		b.write(r)
	}
}

func (b *textBuilder) write(r rune) {
	b.sb.WriteRune(r)
	b.last = r
}
