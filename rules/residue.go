package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/article"
)

// ResidueOptions configure residue.
type ResidueOptions struct {
	// Phrases are further lines of page furniture, matched against a whole
	// paragraph, case-insensitively and ignoring surrounding punctuation.
	Phrases []string `yaml:"phrases"`
}

// Residue reports page furniture pasted along with an article's text.
var Residue = &Rule{
	ID:       "residue",
	Doc:      "Remove page furniture pasted with the text (\"Leave a comment\", \"Share this:\", cookie banners).",
	Severity: Warning,
	Fixable:  true,
	Explain: `Text copied from a web page brings the page's furniture with it: "Leave a
comment", "Share this:", "Like this:", "Related posts", "Posted in ...",
"Subscribe to our newsletter", cookie banners, "Back to top". In the article
they are noise, and they show it was pasted without being read.

Only a paragraph that consists of such a line is reported, never the same
words inside a sentence. "Read more" and "Continue reading" count only when
they are not links. Add your own lines under rules.residue.phrases.

Fix: articlelint --fix deletes the line.`,
	Options: func() any { return &ResidueOptions{} },
	Check:   checkResidue,
}

// residueLines match a whole paragraph, lower-cased and trimmed of space
// and punctuation.
var residueLines = lazyRE(`^(?:` + strings.Join([]string{
	`leave a (?:comment|reply)`, `(?:\d+ )?comments?`, `share this(?: post| article| story)?`, `share on (?:twitter|facebook|linkedin|x|email)`,
	`like this`, `like loading`, `loading`, `related(?: posts| articles| stories)?`,
	`subscribe to (?:our|the) newsletter`, `sign up (?:for|to) (?:our|the) newsletter`,
	`accept(?: all)? cookies`, `cookie (?:settings|preferences|policy)`,
	`read more`, `continue reading(?: (?:this|the) (?:post|article|story))?`, `print(?: this)? (?:page|article|post)`,
	`back to top`, `skip to (?:main )?content`, `advertisement`, `sponsored content`,
	`click to (?:share|print|email)(?: on [^ ]+)?(?: \(opens in new window\)?)?`,
	`you (?:might|may) also like`, `previous post`, `next post`, `(?:previous|next) article`,
}, "|") + `)$`)

// residuePrefixes start a short line of furniture: "Posted in News",
// "Tagged vitamin D, lactation", a cookie banner.
var residuePrefixes = lazyRE(`^(?:posted (?:in|on|by) |filed under |tagged(?: with| as)?:? |categories: |we use cookies\b|this (?:web)?site uses cookies\b|by continuing to (?:use|browse) this (?:web)?site\b)`)

// cookieBanner words show that a line about cookies is a banner.
var cookieBanner = lazyRE(`\b(?:site|website|experience|browsing|browser|consent|accept|privacy|policy|settings)\b`)

// residueLinkOnly are lines that are furniture only when they are not
// links: "Sign up to our [newsletter](...)" is an invitation that works.
var residueLinkOnly = lazyRE(`^(?:read more|continue reading\b.*|subscribe to .*|sign up .*)$`)

func checkResidue(p *Pass) {
	opts := p.Options.(*ResidueOptions)
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == article.TableCell {
			continue
		}
		if !isResidue(b.Prose.Text, opts.Phrases) || residueLinkOnly.MatchString(normResidue(b.Prose.Text)) && p.linkOrDOIIn(b.Span) {
			continue
		}
		reportResidue(p, b.Prose.Text, b.Prose.SourceSpan(0, len(b.Prose.Text)), b.Span)
	}
	// A plain-text article's parser takes short capitalised lines followed
	// by text for headings: "Related posts", "Posted in News".
	for _, s := range d.Sections {
		if isResidue(s.Heading, opts.Phrases) {
			reportResidue(p, s.Heading, s.HeadingSpan, s.HeadingSpan)
		}
	}
}

// reportResidue reports the furniture text at span, with a fix that
// deletes the lines of block when nothing else is on them.
func reportResidue(p *Pass, text string, span, block article.Span) {
	f := Finding{
		Span:    span,
		Message: "page furniture " + quoteShort(strings.TrimSpace(text)) + " was pasted with the text: delete it",
	}
	if del, ok := wholeLines(p.Doc, block); ok {
		f.Fixes = []Fix{{Message: "delete the line", Edits: []Edit{{Span: del, New: ""}}}}
	}
	p.Report(f)
}

// isResidue reports whether text, a whole paragraph or heading, is page
// furniture.
func isResidue(text string, extra []string) bool {
	var w string
	if raw := firstWordRaw(text); raw != "" {
		var known bool
		if w, known = residueFirstWord(raw); !known {
			if len(extra) == 0 {
				return false // as !residueFirstWords[w] below, without lowering raw
			}
			w = strings.ToLower(raw)
		}
	}
	if w != "" && !slices.ContainsFunc(extra, func(ph string) bool { return firstWord(ph) == w }) {
		if !residueFirstWords[w] {
			return false
		}
		// "We", "This" and "By" start many paragraphs, but furniture only
		// as a cookie banner: look at its first words before all of it.
		if w == "we" || w == "this" || w == "by" {
			head := normResidue(text[:min(len(text), 40)])
			if !strings.HasPrefix(head, "we use cookies") && !strings.HasPrefix(head, "this site uses cookies") &&
				!strings.HasPrefix(head, "this website uses cookies") && !strings.HasPrefix(head, "by continuing to") {
				return false
			}
		}
	}
	// A built-in line has at most 9 words ("Click to share on Facebook
	// (Opens in new window)"), a "Posted in" line 15, a cookie banner 60;
	// an extra phrase matches a line of its own length. normResidue may
	// trim a word of punctuation at either end.
	limit := 9
	switch w {
	case "posted", "filed", "tagged", "categories":
		limit = 15
	case "we", "this", "by":
		limit = 60
	}
	for _, ph := range extra {
		limit = max(limit, len(strings.Fields(ph)))
	}
	if moreWords(text, limit+2) {
		return false
	}
	line := normResidue(text)
	if line == "" {
		return false
	}
	if residueLines.MatchString(line) {
		return true
	}
	for _, ph := range extra {
		if n := normResidue(ph); n != "" && n == line {
			return true
		}
	}
	if !residuePrefixes.MatchString(line) {
		return false
	}
	// Cookie banners run to a few sentences; "Posted in" and "Tagged" lines
	// are short and are not sentences: "Tagged proteins were ..." is.
	if strings.Contains(line, "cookies") {
		return len(strings.Fields(line)) <= 60 && cookieBanner.MatchString(line)
	}
	t := strings.TrimSpace(text)
	return len(strings.Fields(line)) <= 15 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ". ")
}

// residueFirstWords are the first words of residueLines and
// residuePrefixes: most paragraphs start with none of them, and need not
// be normalised and matched.
var residueFirstWords = wordSet("leave", "comment", "comments", "share", "like", "loading", "related",
	"subscribe", "sign", "accept", "cookie", "read", "continue", "print", "back", "skip",
	"advertisement", "sponsored", "click", "you", "previous", "next",
	"posted", "filed", "tagged", "categories", "we", "this", "by")

// firstWord returns the lower-cased ASCII letters that start text after
// any leading punctuation, or "" when it starts with anything else (a
// digit, as in "12 comments", or another script): those are checked in
// full.
func firstWord(text string) string { return strings.ToLower(firstWordRaw(text)) }

// firstWordRaw is firstWord before lower-casing, with an ASCII fast path.
func firstWordRaw(text string) string {
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	if j < len(text) && text[j] >= 0x80 {
		return "" // a word that goes on in another script
	}
	return text[i:j]
}

// residueFirstWord returns raw lower-cased and whether it is one of
// residueFirstWords, without allocating: most paragraphs start with
// another word, and need it only for that look-up.
func residueFirstWord(raw string) (string, bool) {
	var buf [16]byte
	if len(raw) > len(buf) {
		return "", false
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	w, ok := residueCanon[string(buf[:len(raw)])]
	return w, ok
}

// residueCanon maps each of residueFirstWords to itself.
var residueCanon = func() map[string]string {
	m := make(map[string]string, len(residueFirstWords))
	for w := range residueFirstWords {
		m[w] = w
	}
	return m
}()

// moreWords reports whether s has more than n words (runs of non-space),
// reading no further than it must.
func moreWords(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return true
			}
		}
	}
	return false
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// normResidue lower-cases s, folds runs of space and trims it of space,
// punctuation and symbols ("Share this:", "Like Loading...", "Read more »").
func normResidue(s string) string {
	if n, ok := normResidueASCII(s); ok {
		return n
	}
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// normResidueASCII is normResidue in one pass and one allocation, for
// ASCII s only (ok is false otherwise): it runs on many paragraphs.
func normResidueASCII(s string) (string, bool) {
	// Only letters and digits survive the trim at either end.
	start, end := 0, len(s)
	for start < end && s[start] < utf8.RuneSelf && !isASCIIAlnum(s[start]) {
		start++
	}
	for end > start && s[end-1] < utf8.RuneSelf && !isASCIIAlnum(s[end-1]) {
		end--
	}
	var b strings.Builder
	b.Grow(end - start)
	space := false
	for i := start; i < end; i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case asciiSpace(c):
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	// A non-ASCII byte at either end stopped the trim: read it slowly.
	if start < len(s) && s[start] >= utf8.RuneSelf || end > 0 && s[end-1] >= utf8.RuneSelf {
		return "", false
	}
	return b.String(), true
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// wholeLines returns the span of the lines that span covers, with the
// final line break, when nothing but space and Markdown markers ("- ",
// "> ") shares those lines.
func wholeLines(d *article.Document, span article.Span) (article.Span, bool) {
	first, last := d.Position(span.Start).Line, d.Position(span.End).Line
	start, end := d.Lines.LineStart(first), d.Lines.LineEnd(last)
	before := strings.TrimLeft(d.Text(article.Span{Start: start, End: span.Start}), " \t>#-*+•–0123456789.)")
	after := strings.TrimSpace(d.Text(article.Span{Start: span.End, End: end}))
	if strings.TrimSpace(before) != "" || after != "" {
		return article.Span{}, false
	}
	if last < d.Lines.Lines() {
		end = d.Lines.LineStart(last + 1)
	} else {
		end = len(d.Source)
	}
	return article.Span{Start: start, End: end}, true
}
