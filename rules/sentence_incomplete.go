package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// SentenceIncomplete reports paragraphs whose last sentence breaks off
// after a word that needs more words, the mark of text cut off while
// pasting.
var SentenceIncomplete = &Rule{
	ID:       "sentence-incomplete",
	Doc:      "A sentence must not break off where its words were cut.",
	Severity: Error,
	Explain: `A paragraph whose last sentence breaks off after a preposition, article,
conjunction, participle or comma ("... part of the growing body of
endocrinology research hosted") has lost its ending while the text was pasted
or edited, and readers notice.

Not reported: lines that are not sentences. List items, table cells, "Label:
value" lines, author and affiliation lines ("A. Author, MSc, PhD, and",
"Department of Medicine, University of X; and"), lists written as
consecutive paragraphs without full stops, lines in title case, short bold
taglines, lines that end in a link, URL, DOI, image, emoji or a closing
parenthesis, and lines set wholly in bold or italics. A sentence that only
lacks its full stop is sentence-unterminated's, a warning.

Fix: restore the missing words, then end the sentence with ".", "?" or "!"
(or ":" when a list follows).`,
	Languages: []string{"en"},
	Check:     checkSentenceIncomplete,
	phrases:   []*phrase.Table{captionPhrases},
}

// SentenceUnterminated reports paragraphs whose last sentence is complete
// but has no closing punctuation.
var SentenceUnterminated = &Rule{
	ID:       "sentence-unterminated",
	Doc:      "End every sentence of a paragraph with terminal punctuation.",
	Severity: Warning,
	Explain: `A paragraph whose last sentence has no full stop, question mark or
exclamation mark looks unfinished. Most often only the full stop is missing;
sometimes the words after it were cut too, so read the sentence before you
add the stop. A sentence that breaks off after "the", "of", "and" or a comma
is sentence-incomplete's, an error.

Not reported: the lines sentence-incomplete leaves alone (lists written as
paragraphs, author and affiliation lines, labels, captions, taglines,
pseudo-headings), and the value under a heading.

Fix: end the sentence with ".", "?" or "!" (or ":" before a list).`,
	Languages: []string{"en"},
	Check:     checkSentenceUnterminated,
}

// breakOffWords are words a sentence does not end on: after them,
// something is missing. Each maps to what it is, for the message.
var breakOffWords = wordKinds(map[string]string{
	"a preposition":  "at of by in on to for from with about into onto via per than as like under over between through across within without among toward towards upon",
	"an article":     "a an the",
	"a conjunction":  "and or but nor because while whereas although though which that whether if",
	"a determiner":   "our their its this these those your his her my",
	"a participle":   "hosted published found available based located provided listed shown described presented reported posted linked written accessible titled entitled called named including following regarding according",
	"a linking verb": "is are was were be been",
})

// lastWord returns the last word of s, lower-cased, without trailing
// punctuation.
func lastWord(s string) string {
	// After its last space's first byte, as before lastWordStart.
	w := s[lastSpace(s)+1:]
	return strings.ToLower(strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// breaksOff reports whether s ends on a word after which words must
// follow, or on a comma.
func breaksOff(s string) bool {
	_, ok := breakOffWords[lastWord(s)]
	return ok || strings.HasSuffix(strings.TrimSpace(s), ",")
}

func wordKinds(kinds map[string]string) map[string]string {
	m := map[string]string{}
	for kind, words := range kinds {
		for _, w := range strings.Fields(words) {
			m[w] = kind
		}
	}
	return m
}

// terminalPunct ends a sentence; ":" introduces a list, and ";" is a
// writer's choice rather than a cut.
const terminalPunct = ".!?…:;‽。！？．"

// domainWord is a bare domain such as "endometaboljournal.com".
var domainWord = plainRE(`(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|edu|gov|int|info|dev|ai|co|uk|de|fr|eu|us|ca|au)/?\S*$`)

// doiWord is a DOI written without a link, as in "doi:10.1234/x".
var doiWord = plainRE(`(?i)(?:^|doi:)10\.\d{4,9}/\S+$`)

func checkSentenceIncomplete(p *Pass)   { checkSentenceEnds(p, true) }
func checkSentenceUnterminated(p *Pass) { checkSentenceEnds(p, false) }

// checkSentenceEnds reports the paragraphs whose last sentence lacks
// terminal punctuation: those that break off (cut) or the others.
func checkSentenceEnds(p *Pass, cut bool) {
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind != article.Paragraph {
			continue
		}
		r, s, ok := unterminated(d, bi)
		if !ok || breaksOff(s) != cut || !sentenceExpected(p, bi, r) {
			continue
		}
		ws := lastWordStart(s)
		span := b.Prose.SourceSpan(r[0]+ws, r[0]+len(s))
		if kind, ok := breakOffWords[lastWord(s)]; ok {
			p.Reportf(span, "sentence breaks off after %s (%q): words are missing; complete the sentence and end it with punctuation", kind, s[ws:])
			continue
		}
		if cut {
			p.Reportf(span, "sentence breaks off at a comma (%q): words are missing; complete the sentence and end it with punctuation", s[ws:])
			continue
		}
		p.Reportf(span, "sentence has no closing punctuation after %q: end it with \".\", \"?\" or \"!\" (or \":\" before a list), after checking no words were cut", s[ws:])
	}
}

// unterminated returns the range and text of block bi's last sentence
// when it ends without terminal punctuation outside link text.
func unterminated(d *article.Document, bi int) ([2]int, string, bool) {
	b := &d.Blocks[bi]
	ss := d.BlockSentences(bi)
	if len(ss) == 0 {
		return [2]int{}, "", false
	}
	r := ss[len(ss)-1].Prose
	// Sentences are trimmed of ASCII space; a Unicode one (U+2004)
	// may still end one.
	s := trimRightSpace(b.Prose.Text[r[0]:r[1]])
	if s == "" || !lacksTerminal(s) || b.Prose.InLinkText(r[0]+len(s)-1) {
		return r, s, false
	}
	return r, s, true
}

// lacksTerminal reports whether s ends without terminal punctuation, and
// not in a way that often stands in for it: a closing parenthesis (a
// citation), an emoji, an image or code span, a URL, a DOI or a domain.
func lacksTerminal(s string) bool {
	t := trimRightSpace(s)
	if t == "" {
		return false
	}
	// Most sentences end in ASCII punctuation; the checks below say the
	// same of it.
	switch t[len(t)-1] {
	case ')', ']', '}', '>', '.', '!', '?', ':', ';':
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == ')' || last == ']' || last == '}' || last == '>' {
		return false // a citation, a footnote, a shortcode, markup
	}
	// Terminal punctuation before quotes, brackets, emphasis or stray
	// marks ("evolves.<sup>,</sup>") ends the sentence.
	for t != "" {
		r, n := utf8.DecodeLastRuneInString(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if strings.ContainsRune(terminalPunct, r) || r == placeholderRune || isEmoji(r) {
			return false
		}
		t = t[:len(t)-n]
	}
	w := t[lastWordStart(t):]
	// Both patterns need a dot: most words have none.
	if strings.Contains(w, "://") || strings.HasPrefix(w, "mailto:") || strings.IndexByte(w, '.') >= 0 && (domainWord().MatchString(w) || doiWord().MatchString(w)) {
		return false
	}
	return true
}

// trimRightSpace is strings.TrimRightFunc(s, unicode.IsSpace), without
// decoding runes while the end of s is ASCII.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c >= utf8.RuneSelf:
			return strings.TrimRightFunc(s, unicode.IsSpace)
		case c == ' ' || '\t' <= c && c <= '\r': // unicode.IsSpace's ASCII
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// lastWordStart returns where the last word of s starts: after its last
// space, which may be wider than a byte (U+2004).
func lastWordStart(s string) int {
	i := lastSpace(s)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// lastSpace is strings.LastIndexFunc(s, unicode.IsSpace), without
// decoding runes while the last word is ASCII.
func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.LastIndexFunc(s, unicode.IsSpace)
		case c == ' ' || '\t' <= c && c <= '\r':
			return i
		}
	}
	return -1
}

// lineStartOf is d.Lines.LineStart(d.Position(off).Line) for the index
// of src, without counting the columns of a long line: the start of the
// line of off (clamped to src), after a BOM on the first line.
func lineStartOf(src []byte, off int) int {
	off = max(0, min(off, len(src)))
	if i := bytes.LastIndexByte(src[:off], '\n'); i >= 0 {
		return i + 1
	}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return 3
	}
	return 0
}

// isEmoji reports whether r is a pictograph, dingbat, or the selector or
// joiner that trails one.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || r == 0xFE0F || r == 0x200D || r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF
}

// sentenceExpected reports whether the last sentence, r, of block bi
// stands where a sentence belongs, rather than being a label line, a
// caption, a pseudo-heading, a byline, a line of a line-broken block
// (an address, a schedule) or the lead-in to a code block, list or quote.
func sentenceExpected(p *Pass, bi int, r [2]int) bool {
	d := p.Doc
	b := &d.Blocks[bi]
	// Images and code spans before the sentence are not words of it.
	for r[0] < r[1] {
		c, n := utf8.DecodeRuneInString(b.Prose.Text[r[0]:])
		if c != placeholderRune && !unicode.IsSpace(c) {
			break
		}
		r[0] += n
	}
	s := b.Prose.Text[r[0]:r[1]]
	words := strings.Fields(s)
	if len(words) < 4 {
		return false
	}
	// A sentence that breaks off after "the", "of" or a comma is cut off
	// whatever its shape; the guesses below about labels, captions, titles
	// and values do not excuse it.
	cut := breaksOff(s)
	if !cut && b.Label != "" && !moreWords(b.Prose.Text, 25) {
		return false
	}
	src := strings.TrimSpace(d.Text(b.Span))
	lineStart := lineStartOf(d.Source, b.Span.Start)
	if first, _ := utf8.DecodeRuneInString(src); src == "" || strings.ContainsRune(`#|-—–:(\`, first) || strings.Contains(d.Text(article.Span{Start: lineStart, End: b.Span.Start}), "[^") {
		return false // a malformed heading or table, a byline, a definition, a note
	}
	for _, mark := range []string{"|", " · ", "{{", "}}", "{%", " = ", "<br", "<BR", "\n: "} {
		if strings.Contains(src, mark) {
			return false // a table, names in a row, a shortcode, a formula, line breaks, a definition list
		}
	}
	if strings.Contains(src, "  \n") || strings.Contains(src, "\\\n") || strings.HasPrefix(d.Text(article.Span{Start: b.Span.End, End: b.Span.End + 3}), "  ") {
		return false // hard line breaks: lines, not sentences
	}
	if strings.Contains(src, ":\n") || strings.Contains(src, ":\r\n") {
		return false // lines after a colon: a list set as lines
	}
	if !cut && len(words) <= 6 && b.SentenceCount == 1 {
		return false // a pseudo-heading: "Plotting annual data for countries"
	}
	if wholeQuoted(s) || isCaption(p, bi, r) {
		return false
	}
	// "Label: value", "the naming convention: **YEAR-MM-DD**": a value,
	// not a sentence.
	if i := strings.LastIndex(s, ": "); !cut && i >= 0 && !moreWords(s[i:], 12) {
		return false
	}
	// "[geoparser](...) - an interface to ...": a term and its description.
	if head := strings.Join(words[:min(len(words), 6)], " "); strings.Contains(head, " - ") || strings.Contains(head, " – ") || strings.Contains(head, " — ") {
		return false
	}
	if img := imageAt(d, b.Span.Start); img {
		return false // an image and its caption
	}
	// A caption or a bold pseudo-heading: the block, its last line or its
	// last sentence is wholly emphasised.
	ss := b.Prose.SourceSpan(r[0], r[1])
	lastLine := strings.TrimSpace(d.Text(article.Span{Start: lineStartOf(d.Source, b.Span.End), End: b.Span.End}))
	if ll := strings.Fields(lastLine); strings.Contains(src, "\n") && len(ll) <= 6 && titleCase(ll) {
		return false // a heading that lost its markup: "Posting Contact Information"
	}
	if emphasised(src) || emphasised(lastLine) || isEmphasis(src[len(src)-1]) && ss.Start > 0 && isEmphasis(d.Source[ss.Start-1]) {
		return false
	}
	// A bold lead-in ("**Schema changes.** To connect ...") in a short
	// block: a definition, not a sentence.
	if (strings.HasPrefix(src, "**") || strings.HasPrefix(src, "__")) && !moreWords(b.Prose.Text, 25) {
		return false
	}
	// Markup after the last word, a footnote or "<sup>1</sup>", but not
	// the end tag of the block itself.
	if strings.TrimFunc(stripEndTags(d.Text(article.Span{Start: ss.End, End: b.Span.End})), func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' }) != "" {
		return false
	}
	if last := words[len(words)-1]; strings.HasPrefix(last, "#") || strings.Contains(last, "@") {
		return false // hashtags, handles, e-mail addresses
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("-–—", last) {
		return false // speech broken off on purpose
	}
	// Short blocks on their own below a heading or between code blocks are
	// often values and comments, not prose.
	if !cut && soleInSection(d, bi) && !moreWords(b.Prose.Text, 25) {
		return false // the value under a heading: "When", "Affiliation"
	}
	if !cut && afterCode(d, b.Span.Start) && b.SentenceCount == 1 && len(words) <= 20 {
		return false // a comment between code blocks
	}
	if !cut && len(words) <= 12 && (strings.Contains(s, " - ") || strings.Contains(s, " – ") || strings.Contains(s, " — ")) {
		return false // "Some plotting - mean number of authors": a caption
	}
	if titleCase(words) && (!cut || len(words) <= 30) || mostlyLinks(b) {
		return false // a title, names, an affiliation, links in a row
	}
	if authorLine(words) || inUnpunctuatedRun(d, bi) || wholeEmphasisHTML(src) {
		return false
	}
	if next := nextProse(d, bi); next != "" {
		c, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLower(c) {
			return false // the sentence goes on in the next paragraph
		}
		if strings.HasSuffix(s, ",") {
			if nw := strings.Fields(next); len(nw) <= 8 || titleCase(nw) {
				return false // "Thanks in advance," before a signature
			}
		}
		if wholeQuoted(next) || startsQuotation(d, bi+1, next) {
			return false // the lead-in to a quotation
		}
		if leadInWords[lastWord(s)] && d.Blocks[bi+1].Section == b.Section {
			return false // "A classic definition is" before the definition
		}
		if strings.ContainsRune("-–—", c) {
			return false // "... the brief said," then "— and it went on"
		}
		if bi+2 < len(d.Blocks) && d.Blocks[bi+2].Kind == article.Paragraph && d.Blocks[bi+2].Section == b.Section {
			if c2, _ := utf8.DecodeRuneInString(strings.TrimSpace(d.Blocks[bi+2].Prose.Text)); unicode.IsLower(c2) {
				return false // the sentence resumes after a citation set between
			}
		}
	}
	return !leadIn(d, bi)
}

// leadInWords end a sentence that introduces what the next paragraph
// quotes or cites, when a writer leaves off the colon: "the belief
// that", "The classic reference is", "who refers to them as".
var leadInWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "that": true, "as": true, "by": true,
	"in": true, "from": true, "including": true, "like": true, "follows": true, "says": true,
	"said": true, "wrote": true, "writes": true, "states": true, "stated": true, "notes": true,
}

// startsQuotation reports whether block bi, whose prose is text, opens
// with a quotation mark, emphasis or a link: a quotation or a reference
// introduced by the paragraph before.
func startsQuotation(d *article.Document, bi int, text string) bool {
	if r, _ := utf8.DecodeRuneInString(text); strings.ContainsRune(`"“'‘«„`, r) {
		return true
	}
	src := strings.TrimSpace(d.Text(d.Blocks[bi].Span))
	return strings.HasPrefix(src, "*") || strings.HasPrefix(src, "_") || strings.HasPrefix(src, "[") ||
		strings.HasPrefix(src, "<em>") || strings.HasPrefix(src, "<i>") || strings.HasPrefix(src, "<q>")
}

var placeholderRune = []rune(article.CodePlaceholder)[0]

// endTags are the end tags of HTML blocks, "</p>", and of emphasis,
// "</em>"; not "</sup>", which ends a footnote mark.
var endTags = plainRE(`(?i)</(?:p|li|td|th|div|blockquote|dd|dt|figcaption|section|article|em|i|strong|b)\s*>`)

// stripEndTags removes endTags from s; without a "<" there is none.
func stripEndTags(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	return endTags().ReplaceAllString(s, "")
}

// wholeQuoted reports whether s is wholly in quotation marks: a title or
// a quotation.
func wholeQuoted(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`"“'‘«`, first) && strings.ContainsRune(`"”'’»`, last)
}

// captionPhrases start a caption or credit line (the first entry only
// at the start of the sentence), or hold a credit anywhere.
var captionPhrases = &phrase.Table{Name: "sentence-incomplete captions", Entries: []phrase.Entry{
	{Pattern: `(?:photo|image|picture|figure|fig\.|source|credit|illustration)`,
		Match: []string{"Photo of the team", "Fig. 2 shows", "SOURCE: the survey"}, NoMatch: []string{"figured out", "Sources of data"}},
	{Pattern: `(?:photo|image|picture) credits?`,
		Match: []string{"The image credit goes to Jane", "Our IMAGE Credits are below", "photo\u00a0credit"}, NoMatch: []string{"picturesque image"}},
	{Phrase: "photo by", Match: []string{"Taken by photo by x", "PHOTO BY Jane", "photo  by", "photo\tby", "photo\nby"},
		NoMatch: []string{"photograph by someone"}},
}}

// isCaption reports whether the sentence r of block bi is a caption or a
// credit line.
func isCaption(p *Pass, bi int, r [2]int) bool {
	for _, m := range p.phraseMatches(captionPhrases, bi) {
		s, e := p.proseRange(bi, m)
		if s >= r[0] && e <= r[1] && (m.Entry > 0 || s == r[0]) {
			return true
		}
	}
	return false
}

// soleInSection reports whether block bi is the only block under its
// heading.
func soleInSection(d *article.Document, bi int) bool {
	sec := d.Blocks[bi].Section
	if sec < 0 {
		return false
	}
	return (bi == 0 || d.Blocks[bi-1].Section != sec) && (bi+1 == len(d.Blocks) || d.Blocks[bi+1].Section != sec)
}

// afterCode reports whether a code block ends just before off.
func afterCode(d *article.Document, off int) bool {
	for off > 0 && strings.ContainsRune(" \t\r\n", rune(d.Source[off-1])) {
		off--
	}
	for _, c := range d.Code {
		if c.End >= off-4 && c.End <= off && strings.Contains(d.Text(c), "\n") {
			return true
		}
	}
	return false
}

func isEmphasis(c byte) bool { return c == '*' || c == '_' }

// emphasised reports whether s is wholly set in bold or italics.
func emphasised(s string) bool {
	return len(s) >= 2 && isEmphasis(s[0]) && isEmphasis(s[len(s)-1])
}

// imageAt reports whether an image starts at off.
func imageAt(d *article.Document, off int) bool {
	for _, im := range d.Images {
		if im.Span.Start == off {
			return true
		}
	}
	return false
}

// nextProse returns the prose of the paragraph after block bi, trimmed,
// or "".
func nextProse(d *article.Document, bi int) string {
	if bi+1 >= len(d.Blocks) || d.Blocks[bi+1].Kind != article.Paragraph {
		return ""
	}
	return strings.TrimSpace(d.Blocks[bi+1].Prose.Text)
}

// titleWords do not count for or against a title: "University of
// Illinois at Urbana-Champaign" is a title.
var titleWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "at": true, "in": true, "on": true, "for": true,
	"and": true, "or": true, "to": true, "by": true, "with": true, "from": true, "de": true, "la": true,
	"&": true, "-": true, "–": true, "—": true, "/": true,
}

// titleCase reports whether nearly every word is capitalised or a number:
// a title, a list of names, an affiliation, a date line.
func titleCase(words []string) bool {
	upper, n := 0, 0
	for _, w := range words {
		if titleWords[strings.ToLower(w)] {
			continue
		}
		n++
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, `"'“‘(*_[`))
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
			upper++
		}
	}
	return n > 0 && upper*10 >= n*8
}

// leadIn reports whether block bi is followed by something it introduces:
// a code block, a list, a quote, a table, an image or HTML, a shortcode.
// Writers often leave off the colon there; the text is not cut off.
func leadIn(d *article.Document, bi int) bool {
	off := d.Blocks[bi].Span.End
	for off < len(d.Source) && strings.ContainsRune(" \t\r\n", rune(d.Source[off])) {
		off++
	}
	if off >= len(d.Source) {
		return false
	}
	if d.InCode(off) {
		return true
	}
	if bi+1 < len(d.Blocks) {
		next := d.Blocks[bi+1]
		if next.Kind != article.Paragraph && (next.Span.Start <= off+4 || !headingBetween(d, off, next.Span.Start)) {
			return true
		}
	}
	if d.Format != article.Markdown && d.Format != article.Text {
		return false // HTML: "<" starts every block, a heading too
	}
	line := d.Text(article.Span{Start: off, End: d.Lines.LineEnd(d.Position(off).Line)})
	for _, p := range []string{"```", "~~~", ">", "|", "!", "<", "{{", "{%", "$$", "- ", "* ", "+ ", "•"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return listMarkerNumber(line)
}

// headingBetween reports whether a heading starts in [start, end).
func headingBetween(d *article.Document, start, end int) bool {
	for _, s := range d.Sections {
		if s.HeadingSpan.Start >= start && s.HeadingSpan.Start < end {
			return true
		}
	}
	return false
}

// listMarkerNumber reports whether line starts with "1. " or "1) ".
func listMarkerNumber(line string) bool {
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// mostlyLinks reports whether most letters of b's prose are link text:
// a line of links set as a paragraph.
func mostlyLinks(b *article.Block) bool {
	in, out := 0, 0
	for i, r := range b.Prose.Text {
		if !unicode.IsLetter(r) {
			continue
		}
		if b.Prose.InLinkText(i) {
			in++
		} else {
			out++
		}
	}
	return in > 0 && in >= out
}

// degrees are academic and professional degrees, which mark an author
// line: "A. Author, MSc, PhD, and".
var degrees = map[string]bool{
	"msc": true, "phd": true, "md": true, "mph": true, "bsc": true, "ba": true, "ma": true, "rn": true,
	"drph": true, "dphil": true, "scd": true, "mbbs": true, "mbchb": true, "frcp": true, "frcpc": true,
	"facp": true, "mba": true, "ms": true, "bs": true, "pharmd": true, "dds": true, "dmd": true,
	"do": true, "np": true, "pa": true, "mpa": true, "msn": true, "bsn": true, "dvm": true, "edd": true,
	"psyd": true, "lcsw": true, "rd": true, "ccrp": true, "mshs": true, "mhs": true, "mmed": true,
}

// authorLine reports whether a short line lists people with their
// degrees ("Jane Roe, MSc, PhDa, and"), or is an affiliation that goes
// on in the next line ("...; and").
func authorLine(words []string) bool {
	if len(words) > 40 {
		return false
	}
	if n := len(words); n >= 2 && strings.HasSuffix(words[n-2], ";") && strings.EqualFold(words[n-1], "and") {
		return true
	}
	for _, w := range words {
		w = strings.Trim(w, ",;.*_()")
		// "PhDa", "MD1": a degree with its affiliation mark.
		w = strings.TrimRightFunc(w, func(r rune) bool { return unicode.IsDigit(r) || r == '*' || r == '†' || r == '‡' })
		if len(w) >= 2 && degrees[strings.ToLower(w)] && isUpperInitial(w) ||
			len(w) >= 3 && degrees[strings.ToLower(w[:len(w)-1])] && isUpperInitial(w) && w[len(w)-1] >= 'a' && w[len(w)-1] <= 'f' {
			return true
		}
	}
	return false
}

func isUpperInitial(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// inUnpunctuatedRun reports whether block bi is one of consecutive
// paragraphs that end without terminal punctuation, or follows a lead-in
// that ends in a colon: a list written as paragraphs, whose entries are
// not sentences.
func inUnpunctuatedRun(d *article.Document, bi int) bool {
	sibling := func(j int) bool {
		if j < 0 || j >= len(d.Blocks) || d.Blocks[j].Kind != article.Paragraph || d.Blocks[j].Section != d.Blocks[bi].Section {
			return false
		}
		a, b := d.Blocks[min(j, bi)].Span.End, d.Blocks[max(j, bi)].Span.Start
		return a <= b && strings.Trim(stripEndTags(strings.NewReplacer("<p>", "", "<P>", "").Replace(d.Text(article.Span{Start: a, End: b}))), " \t\r\n*_") == ""
	}
	if moreWords(d.Blocks[bi].Prose.Text, 40) {
		return false // a paragraph of prose, not an entry
	}
	for _, j := range []int{bi - 1, bi + 1} {
		if !sibling(j) || moreWords(d.Blocks[j].Prose.Text, 40) {
			continue
		}
		if _, _, ok := unterminated(d, j); ok {
			return true
		}
	}
	if sibling(bi - 1) {
		// "**Keywords: **" is no emphasis to CommonMark: its stars are text.
		prev := strings.TrimRight(d.Blocks[bi-1].Prose.Text, " \t\r\n*_")
		return strings.HasSuffix(prev, ":")
	}
	return false
}

// wholeEmphasisHTML reports whether an HTML paragraph is wholly bold or
// italic: a tagline.
func wholeEmphasisHTML(src string) bool {
	if !strings.HasPrefix(src, "<") {
		return false
	}
	t := strings.TrimSpace(src)
	for _, tag := range []string{"p", "P"} {
		t = strings.TrimPrefix(t, "<"+tag+">")
		t = strings.TrimSuffix(t, "</"+tag+">")
	}
	t = strings.TrimSpace(t)
	for _, tag := range []string{"strong", "b", "em", "i"} {
		if strings.HasPrefix(strings.ToLower(t), "<"+tag+">") && strings.HasSuffix(strings.ToLower(t), "</"+tag+">") {
			return true
		}
	}
	return false
}
