package article

import (
	"sort"
	"strings"

	"mvdan.cc/xurls/v2"

	"github.com/articlelint/articlelint/internal/doi"
)

// bareURL matches URLs with a scheme; xurls trims trailing punctuation and
// keeps balanced parentheses.
var bareURL = xurls.Strict()

func extractBareURLs(d *Document) {
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		for _, m := range findURLs(pr.Text) {
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
func findURLs(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "://")
		k := strings.Index(s[i:], "mailto:")
		if j < 0 || (k >= 0 && k < j) {
			j = k
		}
		if j < 0 {
			break
		}
		j += i
		start := strings.LastIndexAny(s[i:j], " \t\n") + 1 + i
		end := strings.IndexAny(s[j:], " \t\n")
		if end < 0 {
			end = len(s)
		} else {
			end += j
		}
		for _, m := range bareURL.FindAllStringIndex(s[start:end], -1) {
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
	for bi := range d.Blocks {
		pr := &d.Blocks[bi].Prose
		for _, m := range doi.Find(pr.Text) {
			if !pr.Exact(m.DOIStart, m.DOIEnd) {
				continue
			}
			add(m, 0, d.linkAt(pr.Source(m.DOIStart)), bi, pr.SourceSpan)
		}
	}
	sort.SliceStable(d.DOIs, func(i, j int) bool { return d.DOIs[i].DOISpan.Start < d.DOIs[j].DOISpan.Start })
}

// linkAt returns the index of a bare URL or autolink whose destination
// contains off, or -1.
func (d *Document) linkAt(off int) int {
	for i, l := range d.Links {
		if (l.Kind == BareURL || l.Kind == AutoLink) && l.DestSpan.Contains(off) {
			return i
		}
	}
	return -1
}
