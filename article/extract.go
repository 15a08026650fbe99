package article

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"mvdan.cc/xurls/v2"

	"github.com/articlelint/articlelint/internal/doi"
)

// bareURL matches URLs with a scheme; xurls trims trailing punctuation and
// keeps balanced parentheses.
var bareURL = sync.OnceValue(xurls.Strict)

// webURL is bareURL for http and https only: a tenth of its size, it
// compiles in a tenth of the time, which a run on one file notices. It
// serves the words whose only scheme is http(s), nearly all of them.
var webURL = sync.OnceValue(func() *regexp.Regexp {
	re, err := xurls.StrictMatchingScheme(`(?i)https?://`)
	if err != nil {
		panic(err) // a constant pattern
	}
	return re
})

// onlyWebScheme reports whether every colon in word is that of an
// "http://" or "https://" that starts a scheme name. Every match of
// bareURL then starts at one of those schemes, where webURL finds the
// same match, so webURL (a tenth of the size) finds what bareURL would.
// The scheme must not continue a longer name: bareURL reads "dhttp://" as
// the dhttp scheme, where webURL would start at its "http".
func onlyWebScheme(word string) bool {
	found := false
	for i := 0; ; {
		j := strings.IndexByte(word[i:], ':')
		if j < 0 {
			return found
		}
		c := i + j
		start := -1
		switch {
		case !strings.HasPrefix(word[c:], "://"):
			return false
		case c >= 5 && strings.EqualFold(word[c-5:c], "https"):
			start = c - 5
		case c >= 4 && strings.EqualFold(word[c-4:c], "http"):
			start = c - 4
		default:
			return false
		}
		if start > 0 && schemeByte(word[start-1]) {
			return false
		}
		found = true
		i = c + 1
	}
}

// schemeByte reports whether c may be part of a URL scheme's name.
func schemeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

func extractBareURLs(d *Document) {
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		// A URL in link text is the link's own text, never a bare URL.
		for _, m := range findURLsSkipping(pr.Text, pr.InLinkText) {
			if pr.InLinkText(m[0]) || !pr.Exact(m[0], m[1]) {
				continue
			}
			span := pr.SourceSpan(m[0], m[1])
			u := pr.Text[m[0]:m[1]]
			d.Links = append(d.Links, Link{Kind: BareURL, Dest: u, DestSpan: span, Text: u, Span: span, Block: bi})
		}
	}
	sort.SliceStable(d.Links, func(i, j int) bool { return d.Links[i].Span.Start < d.Links[j].Span.Start })
}

// findURLs runs xurls only on the words that hold "://" or "mailto:": its
// pattern (every TLD) is slow, and most prose has no URL at all.
func findURLs(s string) [][]int { return findURLsSkipping(s, nil) }

// findURLsSkipping is findURLs, leaving out the words that skip (if not
// nil) reports as inside link text at both their start and their "://".
func findURLsSkipping(s string, skip func(int) bool) [][]int {
	var out [][]int
	// The next "://" and "mailto:" at or after i; -1 when there is none
	// left. Each is searched for again only once i has passed it, so that
	// a long block with many URLs is read once, not once per URL.
	scheme, mailto := -2, -2
	next := func(at int, i int, sep string) int {
		if at == -1 || at >= i {
			return at
		}
		if n := strings.Index(s[i:], sep); n >= 0 {
			return i + n
		}
		return -1
	}
	for i := 0; i < len(s); {
		scheme, mailto = next(scheme, i, "://"), next(mailto, i, "mailto:")
		j := scheme
		if j < 0 || (mailto >= 0 && mailto < j) {
			j = mailto
		}
		if j < 0 {
			break
		}
		start := strings.LastIndexAny(s[i:j], " \t\n") + 1 + i
		end := strings.IndexAny(s[j:], " \t\n")
		if end < 0 {
			end = len(s)
		} else {
			end += j
		}
		if skip != nil && skip(start) && skip(j) {
			i = end
			continue
		}
		re := bareURL
		if onlyWebScheme(s[start:end]) {
			re = webURL
		}
		for _, m := range re().FindAllStringIndex(s[start:end], -1) {
			out = append(out, []int{start + m[0], start + m[1]})
		}
		i = end
	}
	return out
}

func extractDOIs(d *Document) {
	seen := map[Span]int{}
	add := func(m doi.Match, base int, link, block int, toSource func(int, int) Span) {
		ds := toSource(m.DOIStart, m.DOIEnd)
		if i, dup := seen[ds]; dup {
			if d.DOIs[i].Link < 0 {
				d.DOIs[i].Link = link
			}
			return
		}
		seen[ds] = len(d.DOIs)
		d.DOIs = append(d.DOIs, DOI{
			DOI: m.DOI, Raw: m.Raw, Form: DOIForm(m.Form.String()),
			Span: toSource(m.Start, m.End), DOISpan: ds,
			Scheme: m.Scheme, Host: m.Host, Encoded: m.Encoded, Invalid: m.Invalid,
			Link: link, Block: block,
		})
		_ = base
	}
	for li, l := range d.Links {
		if l.DestSpan.Len() == 0 {
			continue
		}
		base := l.DestSpan.Start
		for _, m := range doi.Find(d.Text(l.DestSpan)) {
			add(m, base, li, l.Block, func(s, e int) Span { return Span{base + s, base + e} })
		}
	}
	// Bare URLs and autolinks never overlap; in Links (sorted by start)
	// they are in the order of their destinations.
	var urls []int
	for i, l := range d.Links {
		if l.Kind == BareURL || l.Kind == AutoLink {
			urls = append(urls, i)
		}
	}
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		for _, m := range doi.Find(pr.Text) {
			if !pr.Exact(m.DOIStart, m.DOIEnd) {
				continue
			}
			add(m, 0, d.linkAt(urls, pr.Source(m.DOIStart)), bi, pr.SourceSpan)
		}
	}
	sort.SliceStable(d.DOIs, func(i, j int) bool { return d.DOIs[i].DOISpan.Start < d.DOIs[j].DOISpan.Start })
}

// linkAt returns the index of the link among urls (indices into Links of
// the bare URLs and autolinks, in order) whose destination contains off,
// or -1.
func (d *Document) linkAt(urls []int, off int) int {
	k := sort.Search(len(urls), func(k int) bool { return d.Links[urls[k]].DestSpan.Start > off }) - 1
	if k >= 0 && d.Links[urls[k]].DestSpan.Contains(off) {
		return urls[k]
	}
	return -1
}
