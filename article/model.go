package article

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/internal/phrase"
)

// Span is a half-open byte range [Start, End) into Document.Source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside s.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Format is the input format of an article.
type Format int

// Input formats.
const (
	Markdown Format = iota
	Text
	HTML
)

func (f Format) String() string {
	switch f {
	case Text:
		return "text"
	case HTML:
		return "html"
	}
	return "markdown"
}

// Document is one parsed article.
type Document struct {
	Path   string
	Source []byte
	Format Format
	Lines  *LineIndex
	// text is Source as a string, made once so that Text and the
	// parsers slice it instead of copying.
	text string

	FrontMatter *FrontMatter
	Title       *Title
	Sections    []Section
	Blocks      []Block
	Sentences   []Sentence
	Links       []Link
	Images      []Link
	DOIs        []DOI
	Disclosure  *Disclosure
	// Comments are HTML comments; they hold suppressions, never prose.
	Comments []Comment
	// Code are code blocks and code spans, excluded from every prose rule.
	Code []Span
	// Lang is the article's language.
	Lang Language
	// Bylines are credit lines outside the prose (an HTML page's header).
	Bylines []Byline
	// Declarations are machine-readable statements of AI use (front
	// matter, JSON-LD, <meta>, a C2PA manifest).
	Declarations []Declaration
	// htmlLang is the lang attribute of an HTML page's <html>.
	htmlLang string

	// norm holds each block's prose normalised for phrase matching,
	// made once for the parser's disclosure finder and every rule.
	norm []phrase.Text
}

// Norm returns block bi's prose normalised for phrase matching
// (phrase.Normalize), made for all blocks on first use. Not safe for
// concurrent first use.
func (d *Document) Norm(bi int) *phrase.Text {
	if d.norm == nil {
		d.norm = make([]phrase.Text, len(d.Blocks))
		for i := range d.Blocks {
			d.norm[i] = phrase.Normalize(d.Blocks[i].Prose.Text)
		}
	}
	return &d.norm[bi]
}

// Title is the article's title.
type Title struct {
	Text string
	Span Span
	// FromFrontMatter is true when the title came from a "title:" key.
	FromFrontMatter bool
}

// FrontMatter is a leading YAML ("---"), TOML ("+++") or JSON ("{") block.
type FrontMatter struct {
	Format string // "yaml", "toml" or "json"
	Span   Span   // the whole block, delimiters included
	// Body is what lies between the delimiters; for JSON, the object,
	// braces included.
	Body Span
	// Node is the YAML document node; for JSON, the object as YAML nodes
	// (nil for TOML or on error).
	Node *yaml.Node
	// Err is the YAML or JSON syntax error, with its position in the file.
	Err *FrontMatterError
}

// FrontMatterError is a front matter syntax error.
type FrontMatterError struct {
	Span    Span
	Message string
}

// Section is a heading and the text under it up to the next heading.
type Section struct {
	Heading     string
	Level       int
	HeadingSpan Span
	BodySpan    Span
}

// BlockKind says what kind of prose block a Block is.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	ListItem
	Quote
	TableCell
)

func (k BlockKind) String() string {
	switch k {
	case ListItem:
		return "list-item"
	case Quote:
		return "quote"
	case TableCell:
		return "table-cell"
	}
	return "paragraph"
}

// Block is a unit of prose: a paragraph, list item, quote or table cell.
type Block struct {
	Kind    BlockKind
	Span    Span
	Section int // index into Sections, -1 before the first heading
	Prose   Prose
	// Label is the label of a "Label: text" line, such as "Disclaimer".
	Label string
	// Sentences is the range [First, First+Count) of Document.Sentences.
	FirstSentence, SentenceCount int
}

// BlockSentences returns the sentences of block bi.
func (d *Document) BlockSentences(bi int) []Sentence {
	b := &d.Blocks[bi]
	return d.Sentences[b.FirstSentence : b.FirstSentence+b.SentenceCount]
}

// Sentence is one sentence of a block.
type Sentence struct {
	Span Span
	Text string
	// Prose is the range of Text in its block's Prose.Text.
	Prose [2]int
	Block int
}

// LinkKind says how a link was written.
type LinkKind int

// Link kinds.
const (
	InlineLink LinkKind = iota
	ReferenceLink
	AutoLink
	BareURL
	DefinitionLink // a reference definition "[label]: url"
)

func (k LinkKind) String() string {
	switch k {
	case ReferenceLink:
		return "reference"
	case AutoLink:
		return "autolink"
	case BareURL:
		return "bare"
	case DefinitionLink:
		return "definition"
	}
	return "inline"
}

// Link is a hyperlink or image.
type Link struct {
	Kind LinkKind
	// Dest is the destination as the parser resolved it.
	Dest string
	// DestSpan is where the destination is written; for a reference link,
	// the destination in its definition. Empty span if not written.
	DestSpan Span
	Text     string
	Span     Span
	Block    int // index into Blocks, -1 outside prose
}

// DOIForm says how a DOI was written.
type DOIForm string

// DOI is one DOI occurrence.
type DOI struct {
	// DOI is the normalised DOI (percent-decoded, case kept).
	DOI string
	// Raw is the DOI as written.
	Raw string
	// Form is how the DOI was written: bare, doi-prefix, resolver-url, publisher-url.
	Form DOIForm
	// Span is the whole written form (URL or "doi:" prefix included).
	Span Span
	// DOISpan is the DOI itself.
	DOISpan Span
	Scheme  string
	Host    string
	Encoded bool
	// Invalid says why the DOI breaks DOI syntax, or is empty.
	Invalid string
	// Link is the index into Links of the link whose destination this is, or -1.
	Link  int
	Block int
}

// Disclosure is the AI-use statement found in the article.
type Disclosure struct {
	Block int
	Span  Span // the matching sentence
	Text  string
}

// Use is how much AI use the statement says there was.
func (d *Disclosure) Use() AIUse { return disclosedUse(d.Text) }

// Comment is an HTML comment.
type Comment struct {
	Span Span
	Text string // without "<!--" and "-->"
}

// Text returns the source text of a span.
func (d *Document) Text(s Span) string {
	if s.Start < 0 || s.End > len(d.Source) || s.Start > s.End {
		return ""
	}
	if len(d.text) != len(d.Source) {
		return string(d.Source[s.Start:s.End]) // a Document not made by Parse
	}
	return d.text[s.Start:s.End]
}

// Position returns the position of a byte offset.
func (d *Document) Position(off int) Position { return d.Lines.Position(off) }

// End returns an empty span at the end of the article's text: after the
// last prose block or heading, so that "missing" findings point at the
// last line of the article, not at trailing markup or page furniture.
func (d *Document) End() Span {
	end := -1
	if n := len(d.Blocks); n > 0 {
		end = d.Blocks[n-1].Span.End
	}
	if n := len(d.Sections); n > 0 && d.Sections[n-1].HeadingSpan.End > end {
		end = d.Sections[n-1].HeadingSpan.End
	}
	if end < 0 {
		end = len(d.Source)
		for end > 0 && strings.ContainsRune(" \t\r\n", rune(d.Source[end-1])) {
			end--
		}
	}
	return Span{end, end}
}

// Start returns an empty span at the start of the first line of text.
func (d *Document) Start() Span {
	off := d.Lines.LineStart(1)
	if d.FrontMatter != nil {
		off = d.FrontMatter.Span.End
	}
	return Span{off, off}
}

// SectionAt returns the index of the section containing off, or -1.
func (d *Document) SectionAt(off int) int {
	// Sections are in source order; a binary search keeps a file with
	// many sections and blocks linear.
	return sort.Search(len(d.Sections), func(i int) bool { return d.Sections[i].HeadingSpan.Start > off }) - 1
}

// InCode reports whether off lies inside a code block or span.
func (d *Document) InCode(off int) bool {
	for _, c := range d.Code {
		if c.Contains(off) {
			return true
		}
	}
	return false
}
