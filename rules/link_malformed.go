package rules

import (
	"net/url"
	"strings"

	"github.com/articlelint/articlelint/internal/article"
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
	Explain: `Flags links that cannot work whatever the network says: an empty destination
("[study]()"), a destination with spaces, one that does not parse as a URL, an
unknown or misspelt scheme ("htps://", "http//"), or an http(s) URL with no host.
Relative links ("/about", "#key-findings", "../other.md") are fine.

Fix: correct the destination; write spaces as %20.`,
	Check: checkLinkMalformed,
}

func checkLinkMalformed(p *Pass) {
	check := func(l article.Link) {
		if msg := malformed(p.Doc, l); msg != "" {
			span := l.DestSpan
			if span.Len() == 0 {
				span = l.Span
			}
			p.Reportf(span, "%s", msg)
		}
	}
	for _, l := range p.Doc.Links {
		if l.Kind == article.ReferenceLink {
			continue // checked at its definition
		}
		check(l)
	}
	for _, l := range p.Doc.Images {
		check(l)
	}
}

func malformed(d *article.Document, l article.Link) string {
	written := strings.TrimSpace(d.Text(l.DestSpan))
	dest := strings.TrimSpace(l.Dest)
	if dest == "" && written == "" {
		return "link has an empty destination: add the URL it should point to"
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
