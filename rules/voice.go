package rules

import (
	"strings"

	"github.com/articlelint/articlelint/article"
)

// abstractLabels open the parts of a structured abstract. Two in a row,
// or one under a heading "Abstract", mark the study's own abstract pasted
// into the post.
var abstractLabels = map[string]bool{
	"context": true, "background": true, "objective": true, "objectives": true, "aim": true, "aims": true,
	"purpose": true, "importance": true, "design": true, "setting": true, "participants": true,
	"methods": true, "interventions": true, "exposure": true, "exposures": true, "measurements": true,
	"main outcome measures": true, "main outcomes and measures": true, "results": true,
	"conclusion": true, "conclusions": true, "conclusions and relevance": true, "limitations": true,
	"design, setting, and participants": true, "trial registration": true, "findings": true,
	"interpretation": true, "funding": true, "meaning": true,
}

// strongAbstractLabels open a structured abstract even alone: a post's
// own paragraphs rarely start with them.
var strongAbstractLabels = map[string]bool{
	"context": true, "objective": true, "objectives": true, "importance": true, "design": true,
	"main outcome measures": true, "main outcomes and measures": true, "conclusions and relevance": true,
	"design, setting, and participants": true, "interpretation": true,
}

// seeAlso opens a line or heading that lists other pages: their titles
// are not the article's claims.
var seeAlso = []string{
	"see also", "related", "read more", "read also", "also read", "further reading", "more on this",
	"more reading", "you may also like", "you might also like", "recommended", "more from",
	"more like this", "also on", "previously", "elsewhere", "other stories", "latest", "popular",
}

// ownVoice reports whether block bi says something in the article's own
// voice, rather than quoting its source (a block quote, a pasted
// abstract, an italic quotation after "states that"), giving another
// speaker's words (a transcript) or listing other pages (a see-also line
// or section), whose claims and titles are not the article's to back or
// tone down.
func ownVoice(d *article.Document, bi int) bool {
	b := &d.Blocks[bi]
	if b.Kind == article.Quote {
		return false
	}
	if sec := b.Section; sec >= 0 {
		h := strings.ToLower(strings.TrimSpace(d.Sections[sec].Heading))
		if strings.HasPrefix(h, "abstract") || hasSeeAlsoPrefix(h) {
			return false
		}
	}
	if hasSeeAlsoPrefix(strings.ToLower(strings.TrimLeft(b.Prose.Text, " *_"))) {
		return false
	}
	if italicQuotation(d, bi) || speakerLabel(d, bi) {
		return false
	}
	l := strings.ToLower(b.Label)
	if !abstractLabels[l] {
		return true
	}
	if strongAbstractLabels[l] {
		return false
	}
	for _, j := range []int{bi - 1, bi + 1} {
		if j >= 0 && j < len(d.Blocks) && abstractLabels[strings.ToLower(d.Blocks[j].Label)] {
			return false
		}
	}
	return true
}

// hasSeeAlsoPrefix reports whether s starts with a seeAlso phrase that
// ends there or is followed by a colon, dash or the end of a heading.
func hasSeeAlsoPrefix(s string) bool {
	for _, p := range seeAlso {
		if !strings.HasPrefix(s, p) {
			continue
		}
		rest := strings.TrimLeft(s[len(p):], " *_")
		if rest == "" || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") ||
			strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "articles") || strings.HasPrefix(rest, "posts") ||
			strings.HasPrefix(rest, "stories") || strings.HasPrefix(rest, "reading") || strings.HasPrefix(rest, "content") {
			return true
		}
	}
	return false
}

// italicQuotation reports whether block bi is wholly in italics and
// follows a lead-in ("the report states that") or another such block: a
// quotation set in italics rather than as a block quote.
func italicQuotation(d *article.Document, bi int) bool {
	// A quotation runs a few blocks at most; the bound keeps a file of
	// italic paragraphs linear.
	for j := bi; j >= 0 && j > bi-maxQuoteBlocks; j-- {
		if !wholeItalic(strings.TrimSpace(d.Text(d.Blocks[j].Span))) {
			return false
		}
		if j == 0 {
			return false
		}
		prev := strings.TrimRight(d.Blocks[j-1].Prose.Text, " \t\r\n*_")
		if strings.HasSuffix(prev, ":") || leadInWords[lastWord(prev)] {
			return true
		}
	}
	return false
}

// wholeItalic reports whether Markdown src is wholly set in italics (not
// bold): "*...*" or "_..._", after a list marker.
func wholeItalic(src string) bool {
	for _, m := range []string{"- ", "* ", "+ "} {
		if strings.HasPrefix(src, m) && len(src) > 2 && (src[2] == '*' || src[2] == '_') {
			src = strings.TrimSpace(src[2:])
			break
		}
	}
	if len(src) < 3 || !isEmphasis(src[0]) || src[len(src)-1] != src[0] {
		return false
	}
	return !strings.HasPrefix(src, "**") && !strings.HasPrefix(src, "__")
}

// maxQuoteBlocks bounds how far italicQuotation and speakerLabel look.
const maxQuoteBlocks = 16

// editorialLabels start the article's own notes, even when repeated.
var editorialLabels = map[string]bool{
	"note": true, "update": true, "updated": true, "edit": true, "source": true, "sources": true,
	"tip": true, "warning": true, "disclaimer": true, "summary": true, "example": true, "caveat": true,
	"bottom line": true, "key point": true, "takeaway": true, "why it matters": true,
}

// speakerLabel reports whether block bi starts with a label that starts
// other blocks too ("ChatGPT:", "Q:", "Dr Lee:"): a speaker in a
// transcript, whose words are theirs, not the article's.
func speakerLabel(d *article.Document, bi int) bool {
	l := d.Blocks[bi].Label
	if l == "" || editorialLabels[strings.ToLower(l)] || abstractLabels[strings.ToLower(l)] || len(strings.Fields(l)) > 3 {
		return false
	}
	// Turns alternate nearby; looking only there keeps the rule linear.
	n := 0
	for j := max(0, bi-maxQuoteBlocks); j < min(len(d.Blocks), bi+maxQuoteBlocks); j++ {
		if d.Blocks[j].Label == l {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}
