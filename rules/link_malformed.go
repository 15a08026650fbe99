package rules

import (
	"net/url"
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/doi"
)

// knownSchemes are the URL schemes an article may link to.
var knownSchemes = map[string]bool{
	"http": true, "https": true, "mailto": true, "tel": true, "ftp": true, "ftps": true,
	"sftp": true, "doi": true, "urn": true, "data": true, "news": true, "irc": true,
	"ircs": true, "xmpp": true, "sms": true, "geo": true, "git": true, "ssh": true,
}

// LinkMalformed reports links that cannot work.
var LinkMalformed = &Rule{
	ID:       "link-malformed",
	Doc:      "A link must have a destination that parses as a URL with a known scheme.",
	Severity: Error,
	Fixable:  true,
	Explain: `Flags links that cannot work whatever the network says: an empty destination
("[study]()"), a destination with spaces, one that does not parse as a URL, an
unknown or misspelt scheme ("htps://", "http//"), or an http(s) URL with no host.
Relative links ("/about", "#key-findings", "../other.md") are fine, and so are
destinations a site generator writes ("{{ '/about' | relative_url }}") and a
mailto: link whose subject has spaces.

A DOI link whose destination holds more than the DOI cannot resolve either: a
full stop, comma, semicolon, colon or unbalanced ")" after the DOI
("https://doi.org/10.1016/j.x." leads to "DOI not found"), spaces inside, or
the resolver written twice ("https://doi.org/https://doi.org/10.1/x",
"http://dx.doi.org/doi.org/10.1/x"). A full stop after the link's closing ")"
is the sentence's, brackets that balance inside the DOI are part of it
("10.1016/S0140-6736(20)30183-5"), and "https://doi.org/doi:10.1/x" resolves
(doi-format asks for it without the "doi:").

Fix: correct the destination; write spaces as %20. articlelint --fix rewrites a
broken DOI link to https://doi.org/<doi>, and its text too where the text is
the same broken link or DOI, so that text and destination name the same DOI.`,
	Check: checkLinkMalformed,
}

func checkLinkMalformed(p *Pass) {
	broken := brokenDOILinks(p.Doc)
	for li, l := range p.Doc.Links {
		if l.Kind == article.ReferenceLink {
			continue // checked at its definition
		}
		if len(broken) > 0 && broken[0].link == li {
			p.Report(broken[0].finding)
			broken = broken[1:]
			continue
		}
		reportMalformed(p, l)
	}
	for _, l := range p.Doc.Images {
		reportMalformed(p, l)
	}
}

func reportMalformed(p *Pass, l article.Link) {
	if msg := malformed(p.Doc, l); msg != "" {
		span := l.DestSpan
		if span.Len() == 0 {
			span = l.Span
		}
		p.Reportf(span, "%s", msg)
	}
}

// doiLinkFinding is a finding about Links[link].
type doiLinkFinding struct {
	link    int
	finding Finding
}

// brokenDOILinks finds the links to a DOI resolver whose destination
// cannot resolve as written, in order, each with a fix to
// https://doi.org/<doi>. Where a link's text is the same DOI with the same
// kind of damage (a URL pasted as both), the fix rewrites the text too,
// in one fix with the destination, so that --fix never leaves text and
// destination naming different things; for a reference definition, that
// is the text of each link that uses it.
func brokenDOILinks(d *article.Document) []doiLinkFinding {
	var out []doiLinkFinding
	var refs map[article.Span][]int // reference links by definition, made when needed
	for li, l := range d.Links {
		if l.Kind == article.ReferenceLink || l.DestSpan.Len() == 0 || !mayBeDOILink(l.Dest) {
			continue
		}
		ref, ok := doi.ParseRef(l.Dest)
		if !ok || ref.Form != doi.ResolverURL || ref.Scheme == "" || ref.Faults == 0 {
			continue
		}
		want := doi.Canonical(ref.DOI)
		edits := []Edit{{Span: l.DestSpan, New: want}}
		texts := []int{li}
		if l.Kind == article.DefinitionLink {
			if refs == nil {
				refs = map[article.Span][]int{}
				for i, r := range d.Links {
					if r.Kind == article.ReferenceLink {
						refs[r.DestSpan] = append(refs[r.DestSpan], i)
					}
				}
			}
			texts = refs[l.DestSpan]
		}
		for _, ti := range texts {
			ts, ok := linkTextSpan(d, d.Links[ti])
			if !ok {
				continue
			}
			if t, ok := doi.ParseRef(d.Text(ts)); ok && t.Faults != 0 && doi.Equal(t.DOI, ref.DOI) {
				edits = append(edits, Edit{Span: ts, New: want})
			}
		}
		fix := "link to " + want
		if len(edits) > 1 {
			fix += " and show it as the link text"
		}
		out = append(out, doiLinkFinding{li, Finding{
			Span: l.DestSpan,
			Message: "DOI link " + quoteShort(strings.TrimSpace(l.Dest)) + " cannot resolve: it " + describeDOIFaults(ref) +
				"; link to " + want,
			Fixes: []Fix{{Message: fix, Edits: edits}},
		}})
	}
	return out
}

// brokenDOILinkEdits returns the spans that brokenDOILinks' fixes
// rewrite, for doi-format to leave alone: one fix repairs each such link.
func brokenDOILinkEdits(d *article.Document) []article.Span {
	var out []article.Span
	for _, b := range brokenDOILinks(d) {
		for _, e := range b.finding.Fixes[0].Edits {
			out = append(out, e.Span)
		}
	}
	return out
}

// mayBeDOILink is a quick test that dest mentions a DOI resolver, so that
// most links are not parsed again.
func mayBeDOILink(dest string) bool {
	for i := 0; i+len("doi.org/") <= len(dest); i++ {
		if c := dest[i]; (c == 'd' || c == 'D') && strings.EqualFold(dest[i:i+len("doi.org/")], "doi.org/") {
			return true
		}
	}
	return false
}

// linkTextSpan returns where a link's text is written, "[text](dest)",
// "[text][label]" or "<a href=dest>text</a>", when the source there is the
// text as parsed (no markup, escapes or entities inside it).
func linkTextSpan(d *article.Document, l article.Link) (article.Span, bool) {
	if l.Kind != article.InlineLink && l.Kind != article.ReferenceLink {
		return article.Span{}, false
	}
	var ts article.Span
	switch src := d.Text(l.Span); {
	case strings.HasPrefix(src, "["):
		ts = article.Span{Start: l.Span.Start + 1, End: l.Span.Start + 1 + len(l.Text)}
		if d.Text(article.Span{Start: ts.End, End: ts.End + 1}) != "]" {
			return article.Span{}, false
		}
	case len(src) > len("<a></a>") && strings.EqualFold(src[:2], "<a") && strings.EqualFold(src[len(src)-4:], "</a>") &&
		l.Span.Start < l.DestSpan.Start && l.DestSpan.End < l.Span.End:
		gt := strings.IndexByte(src[l.DestSpan.End-l.Span.Start:], '>')
		if gt < 0 {
			return article.Span{}, false
		}
		ts = article.Span{Start: l.DestSpan.End + gt + 1, End: l.Span.End - len("</a>")}
	default:
		return article.Span{}, false
	}
	if ts.Start > ts.End || ts.End > l.Span.End || d.Text(ts) != l.Text {
		return article.Span{}, false
	}
	return ts, true
}

// describeDOIFaults says what keeps a DOI link from resolving.
func describeDOIFaults(r doi.Ref) string {
	var parts []string
	if r.Faults&doi.DoubledPrefix != 0 {
		parts = append(parts, "repeats its prefix ("+quoteShort(r.Prefix)+")")
	}
	if r.Faults&doi.Spaces != 0 {
		parts = append(parts, "has spaces inside")
	}
	if r.Faults&doi.TrailingPunct != 0 {
		parts = append(parts, "ends with "+quoteShort(r.Tail)+" after the DOI")
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func malformed(d *article.Document, l article.Link) string {
	written := strings.TrimSpace(d.Text(l.DestSpan))
	dest := strings.TrimSpace(l.Dest)
	if dest == "" && written == "" {
		return "link has an empty destination: add the URL it should point to"
	}
	// "{{ '/about' | relative_url }}", "{% link a.md %}": the site
	// generator writes the URL.
	if strings.Contains(written, "{{") || strings.Contains(written, "{%") {
		return ""
	}
	// A mail client takes a subject with spaces, and browsers pass it on.
	if q := strings.IndexByte(written, '?'); q >= 0 && strings.HasPrefix(strings.ToLower(written), "mailto:") && !strings.ContainsAny(written[:q], " \t") {
		return ""
	}
	if strings.IndexByte(written, ' ') >= 0 || strings.IndexByte(written, '\t') >= 0 {
		return "link destination " + quoteShort(written) + " contains spaces: write them as %20 or remove them"
	}
	if plainWebURL(dest) || plainRelURL(dest) {
		return ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "link destination " + quoteShort(dest) + " is not a valid URL: " + strings.TrimPrefix(err.Error(), "parse ")
	}
	lower := strings.ToLower(dest)
	for _, typo := range []string{"http//", "https//", "http:/", "https:/", "htp:", "htps:", "http;", "https;", "hhttp", "www,", "http:\\", "https:\\"} {
		if strings.HasPrefix(lower, typo) && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
			return "link destination " + quoteShort(dest) + " has a misspelt scheme: write http:// or https://"
		}
	}
	if u.Scheme == "" {
		return ""
	}
	if !knownSchemes[strings.ToLower(u.Scheme)] {
		return "link destination " + quoteShort(dest) + " has an unknown scheme \"" + u.Scheme + ":\": check it"
	}
	if (u.Scheme == "http" || u.Scheme == "https") && u.Host == "" {
		return "link destination " + quoteShort(dest) + " has no host: write it as " + u.Scheme + "://host/path"
	}
	return ""
}

// plainWebURL reports whether s is an http(s) URL of the plainest kind:
// a lower-case scheme, a host of ASCII letters, digits, dots and hyphens,
// then URL characters only, with valid percent escapes and at most one #.
// url.Parse accepts every such URL, with its host, so malformed has
// nothing to say; most links are such, and parsing them was most of the
// rule's time (FuzzPlainWebURL checks it against url.Parse).
func plainWebURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	if hostEnd == 0 {
		return false
	}
	for i := 0; i < hostEnd; i++ {
		if c := rest[i]; !isAlnumASCII(c) && c != '.' && c != '-' {
			return false
		}
	}
	hash := false
	for i := hostEnd; i < len(rest); i++ {
		c := rest[i]
		switch {
		case urlByte[c]:
		case c == '#' && !hash:
			hash = true
		case c == '%' && i+2 < len(rest) && isHexASCII(rest[i+1]) && isHexASCII(rest[i+2]):
			i += 2
		default:
			return false
		}
	}
	return true
}

// urlByte holds the bytes plainWebURL passes in a path, query or
// fragment; a table costs one load a byte, most of a link's check.
var urlByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isAlnumASCII(byte(c)) || strings.IndexByte("-._~/?&=+:;,!$'()*@", byte(c)) >= 0
	}
	return t
}()

// plainRelURL reports whether s is a relative reference of the plainest
// kind: printable ASCII without a colon, not starting "//", with valid
// percent escapes, and not starting like a misspelt scheme ("http//").
// url.Parse accepts every such reference, without a scheme, so malformed
// has nothing to say (FuzzPlainWebURL checks it).
func plainRelURL(s string) bool {
	if s == "" || strings.HasPrefix(s, "//") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ':' || c < 0x20 || c >= 0x7f:
			return false
		case c == '%':
			if i+2 >= len(s) || !isHexASCII(s[i+1]) || !isHexASCII(s[i+2]) {
				return false
			}
		}
	}
	// The typos of malformed without a colon.
	for _, typo := range []string{"http//", "https//", "http;", "https;", "hhttp", "www,"} {
		if len(s) >= len(typo) && strings.EqualFold(s[:len(typo)], typo) {
			return false
		}
	}
	return true
}

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isHexASCII(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
