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
	if strings.ContainsAny(written, " \t") {
		return "link destination " + quoteShort(written) + " contains spaces: write them as %20 or remove them"
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
