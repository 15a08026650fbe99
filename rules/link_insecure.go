package rules

import (
	"net/url"
	"strings"

	"github.com/articlelint/articlelint/article"
)

// InsecureOptions configure link-insecure.
type InsecureOptions struct {
	// Hosts are known to serve https; a subdomain matches too.
	Hosts []string `yaml:"hosts"`
}

// DefaultSecureHosts serve https, so an http link to them is needless.
func DefaultSecureHosts() []string {
	return []string{
		"doi.org", "dx.doi.org", "ncbi.nlm.nih.gov", "nih.gov", "who.int", "cdc.gov",
		"nature.com", "science.org", "thelancet.com", "bmj.com", "nejm.org", "jamanetwork.com",
		"sciencedirect.com", "springer.com", "wiley.com", "plos.org", "frontiersin.org",
		"mdpi.com", "cell.com", "oup.com", "tandfonline.com", "sagepub.com", "arxiv.org",
		"biorxiv.org", "medrxiv.org", "zenodo.org", "github.com", "wikipedia.org",
		"crossref.org", "orcid.org", "europepmc.org", "cochranelibrary.com",
	}
}

// LinkInsecure reports http links to hosts that serve https.
var LinkInsecure = &Rule{
	ID:       "link-insecure",
	Doc:      "Link over https to hosts that serve it.",
	Severity: Warning,
	Fixable:  true,
	Explain: `An http:// link to a host that serves https (doi.org, PubMed, the major
publishers) costs readers a redirect and exposes what they read. The list of
hosts is rules.link-insecure.hosts; a host matches with its subdomains.
A reference definition that no link uses is left alone.

Fix: articlelint --fix rewrites http:// to https:// for these hosts.`,
	Options: func() any { return &InsecureOptions{Hosts: DefaultSecureHosts()} },
	Check:   checkLinkInsecure,
}

func checkLinkInsecure(p *Pass) {
	opts := p.Options.(*InsecureOptions)
	var used map[int]bool // definitions' destinations that a link uses
	for _, l := range p.Doc.Links {
		if l.Kind == article.ReferenceLink || l.DestSpan.Len() < len("http://") {
			continue
		}
		if l.Kind == article.DefinitionLink {
			if used == nil {
				used = map[int]bool{}
				for _, r := range p.Doc.Links {
					if r.Kind == article.ReferenceLink {
						used[r.DestSpan.Start] = true
					}
				}
			}
			if !used[l.DestSpan.Start] {
				continue // no link uses it: readers never follow it
			}
		}
		written := p.Doc.Text(l.DestSpan)
		if !strings.EqualFold(written[:7], "http://") {
			continue
		}
		host := plainHost(written)
		if host == "" {
			u, err := url.Parse(written)
			if err != nil {
				continue
			}
			host = u.Hostname()
		}
		if !hostIn(host, opts.Hosts) {
			continue
		}
		scheme := article.Span{Start: l.DestSpan.Start, End: l.DestSpan.Start + len("http")}
		p.Report(Finding{
			Span:    l.DestSpan,
			Message: host + " serves https: link to https://" + written[7:] + " instead",
			Fixes:   []Fix{{Message: "use https", Edits: []Edit{{Span: scheme, New: "https"}}}},
		})
	}
}

// plainHost returns the host of s if plainWebURL(s), else "": url.Parse
// would give the same (FuzzPlainWebURL), at many times the cost.
func plainHost(s string) string {
	if !plainWebURL(s) {
		return ""
	}
	rest := s[strings.Index(s, "//")+2:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		return rest[:i]
	}
	return rest
}

func hostIn(host string, hosts []string) bool {
	host = strings.ToLower(host)
	for _, h := range hosts {
		h = strings.ToLower(h)
		// host ends in "."+h, without building "."+h.
		if host == h || len(host) > len(h) && host[len(host)-len(h)-1] == '.' && host[len(host)-len(h):] == h {
			return true
		}
	}
	return false
}
