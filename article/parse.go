package article

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Options tune parsing. The zero value uses the defaults.
type Options struct {
	// Format forces the input format; nil detects it from the file name.
	Format *Format
	// Disclosure are the patterns that recognise an AI-use statement;
	// nil uses disclosure.Patterns.
	Disclosure []*regexp.Regexp
}

// Input errors. Parse wraps them with the file name.
var (
	ErrEmpty     = errors.New("file is empty")
	ErrBinary    = errors.New("file is binary (it contains NUL bytes), not an article")
	ErrEncoding  = errors.New("file is not valid UTF-8")
	ErrNoContent = errors.New("file has no text")
)

// FormatFromPath picks the format from a file extension.
func FormatFromPath(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm":
		return HTML
	}
	return Markdown
}

// ParseFormat parses a format name as given on the command line.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "markdown", "md":
		return Markdown, nil
	case "text", "txt":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	}
	return 0, fmt.Errorf("unknown input format %q (want markdown, text or html)", s)
}

// CheckInput reports why src cannot be parsed as an article, naming the
// byte offset of the first offending byte where there is one.
func CheckInput(src []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\uFEFF")))) == 0 {
		if len(src) == 0 {
			return ErrEmpty
		}
		return ErrNoContent
	}
	probe := src
	if len(probe) > 8000 {
		probe = probe[:8000]
	}
	if bytes.IndexByte(probe, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		li := NewLineIndex(src)
		p := li.Position(off)
		return fmt.Errorf("%w (invalid byte 0x%02X at line %d, column %d)", ErrEncoding, src[off], p.Line, p.Column)
	}
	return nil
}

// Parse parses src as the article at path. It never panics on any input;
// it fails only for input that is not an article (see CheckInput).
func Parse(path string, src []byte, opts Options) (*Document, error) {
	if err := CheckInput(src); err != nil {
		return nil, err
	}
	d := &Document{Path: path, Source: src, text: string(src), Lines: NewLineIndex(src)}
	d.Format = FormatFromPath(path)
	if opts.Format != nil {
		d.Format = *opts.Format
	}
	start := d.Lines.LineStart(1) // after a BOM
	d.FrontMatter = parseFrontMatter(d, start)
	if d.FrontMatter != nil {
		start = d.FrontMatter.Span.End
	}
	switch d.Format {
	case Text:
		parseText(d, start)
	case HTML:
		parseHTML(d, start)
	default:
		parseMarkdown(d, start)
	}
	finish(d, opts)
	return d, nil
}

// finish derives everything that is the same for every format: sections'
// bodies, sentences, bare URLs, DOIs and the disclosure.
func finish(d *Document, opts Options) {
	for i := range d.Sections {
		end := len(d.Source)
		if i+1 < len(d.Sections) {
			end = d.Sections[i+1].HeadingSpan.Start
		}
		d.Sections[i].BodySpan = Span{d.Sections[i].HeadingSpan.End, end}
		if d.Sections[i].BodySpan.Start > end {
			d.Sections[i].BodySpan.Start = end
		}
	}
	var ranges [][2]int
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		b.Section = d.SectionAt(b.Span.Start)
		b.FirstSentence = len(d.Sentences)
		ranges = AppendSentences(ranges[:0], b.Prose.Text)
		for _, r := range ranges {
			d.Sentences = append(d.Sentences, Sentence{
				Span:  b.Prose.SourceSpan(r[0], r[1]),
				Text:  b.Prose.Text[r[0]:r[1]],
				Prose: r,
				Block: bi,
			})
		}
		b.SentenceCount = len(d.Sentences) - b.FirstSentence
		if b.Label == "" {
			b.Label = label(b.Prose.Text)
		}
	}
	extractBareURLs(d)
	extractDOIs(d)
	findLanguage(d, d.htmlLang)
	d.Disclosure = findDisclosure(d, opts.Disclosure)
	if d.Disclosure == nil {
		d.Disclosure = findCredit(d)
	}
	findFrontMatterDeclarations(d)
}

// label returns "Disclaimer" for "Disclaimer: text": a short capitalised
// label before a colon and a space.
func label(s string) string {
	i := strings.Index(s, ": ")
	if i <= 0 || i > 40 {
		return ""
	}
	l := s[:i]
	if strings.ContainsAny(l, ".!?()[]\"") || len(strings.Fields(l)) > 4 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(l)
	if r < 'A' || r > 'Z' {
		return ""
	}
	return l
}
