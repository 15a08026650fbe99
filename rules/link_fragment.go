package rules

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/articlelint/articlelint/article"
)

// LinkFragment reports same-document links to headings that do not exist.
var LinkFragment = &Rule{
	ID:       "link-fragment",
	Doc:      "A link to #fragment in the same article must match a heading.",
	Severity: Warning,
	Explain: `A link such as [the results](#key-findings) jumps to a heading of the same
page. The fragment is compared with each heading's anchor as GitHub and Hugo
make it: lower case, punctuation dropped, spaces as hyphens ("Key Findings"
becomes key-findings), an explicit {#id} after the heading, or an HTML
anchor in the article (<a name="x">, id="x"), or a Pandoc or Quarto id
("::: {#tbl-doses}", "{#fig-1}", "#| label: fig-trend"). A renamed heading
breaks such links silently.

Fix: point the link at an existing heading's anchor, or rename the heading.`,
	Check: checkLinkFragment,
}

func checkLinkFragment(p *Pass) {
	var anchors map[string]bool
	for _, l := range p.Doc.Links {
		if !strings.HasPrefix(l.Dest, "#") || len(l.Dest) == 1 {
			continue
		}
		if anchors == nil {
			anchors = headingAnchors(p.Doc)
		}
		frag := l.Dest[1:]
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
		if anchors[strings.ToLower(frag)] {
			continue
		}
		span := l.DestSpan
		if span.Len() == 0 {
			span = l.Span
		}
		p.Reportf(span, "no heading has the anchor %q: link to one of the article's headings", "#"+frag)
	}
}

// headingAnchors returns the anchors of every heading, with the "-1",
// "-2" suffixes GitHub gives repeated headings.
func headingAnchors(d *article.Document) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	for _, s := range d.Sections {
		text := s.Heading
		if i := strings.LastIndex(text, "{#"); i >= 0 && strings.HasSuffix(text, "}") {
			out[strings.ToLower(text[i+2:len(text)-1])] = true
			text = strings.TrimSpace(text[:i])
		}
		slug := Slug(text)
		if n := seen[slug]; n > 0 {
			out[slug+"-"+itoa(n)] = true
		}
		seen[slug]++
		out[slug] = true
	}
	// Anchors written as HTML: <a name="x">, <span id="x">.
	for _, m := range htmlAnchor().FindAllSubmatch(d.Source, -1) {
		out[strings.ToLower(string(m[1]))] = true
	}
	// Pandoc and Quarto ids: "::: {#tbl-doses}", "![...](a.png){#fig-1}",
	// and a code chunk's "#| label: fig-trend".
	for _, m := range pandocID().FindAllSubmatch(d.Source, -1) {
		id := m[1]
		if id == nil {
			id = m[2]
		}
		out[strings.ToLower(string(id))] = true
	}
	return out
}

// pandocID is a Pandoc or Quarto id: "{#fig-1}", "#| label: fig-trend".
var pandocID = plainRE(`\{[^{}
]*?#([A-Za-z][\w:.-]*)[^{}
]*\}|#\|\s*label:\s*["']?([A-Za-z][\w:.-]*)`)

// htmlAnchor is an HTML element's id or name attribute.
var htmlAnchor = plainRE(`<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*["']([^"'<>]+)["']`)

// Slug makes a heading's anchor the way GitHub does: lower case, letters,
// digits, hyphens and underscores kept, spaces turned into hyphens.
func Slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
