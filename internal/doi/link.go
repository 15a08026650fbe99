package doi

import (
	"strings"
	"unicode"
)

// Fault is a set of reasons a written DOI reference does not resolve as
// written, though the DOI it names is plain.
type Fault uint8

const (
	// TrailingPunct is punctuation or an unbalanced closing bracket after
	// the DOI: "https://doi.org/10.1016/j.x." or "...j.x)".
	TrailingPunct Fault = 1 << iota
	// Spaces are white space inside: "https://doi.org/10.1016/ j.x".
	Spaces
	// DoubledPrefix is a resolver URL written after another prefix:
	// "https://doi.org/https://doi.org/10.1/x", "http://dx.doi.org/doi.org/10.1/x",
	// or "doi:" written twice. A "doi:" after a resolver URL is not one.
	DoubledPrefix
)

// Ref is a whole string read as one reference to a DOI: a resolver URL, a
// "doi:" prefixed DOI or a bare DOI, possibly damaged.
type Ref struct {
	// DOI is the DOI it names, normalised, with the damage undone.
	DOI string
	// Form is ResolverURL, Prefixed or Bare: how the string starts.
	Form Form
	// Scheme is "http" or "https" for a resolver URL with a scheme, else "".
	Scheme string
	// Faults says what keeps the string from resolving as written.
	Faults Fault
	// Tail is the trailing punctuation (TrailingPunct) and Prefix what
	// comes before the DOI when DoubledPrefix is set, as written.
	Tail, Prefix string
}

// ParseRef reads all of s (surrounding white space aside) as one reference
// to a DOI and says what, if anything, keeps it from resolving. It reports
// false for anything else: another URL, prose around the DOI, punctuation
// before a query, or a DOI that is not valid even once repaired, so that a
// caller never suggests a guess.
func ParseRef(s string) (Ref, bool) {
	s = strings.TrimSpace(s)
	var r Ref
	rest, ok := "", false
	if r.Scheme, rest, ok = cutResolverURL(s); ok {
		r.Form = ResolverURL
	} else if rest, ok = cutSchemeless(s); ok {
		r.Form = ResolverURL
	} else if rest, ok = cutDOIPrefix(s); ok {
		r.Form = Prefixed
	} else {
		r.Form, rest = Bare, s
	}
	// Prefixes written again after the first: a resolver URL pasted after
	// another, or a "doi:" left in front of the DOI. The DOI proxy reads
	// "https://doi.org/doi:10..." (Bioconductor links every package so),
	// so that one is not a fault, only not canonical.
	for {
		t := strings.TrimLeftFunc(rest, unicode.IsSpace)
		after, ok := "", false
		if _, after, ok = cutResolverURL(t); ok {
			r.Faults |= DoubledPrefix
		} else if after, ok = cutSchemeless(t); ok {
			r.Faults |= DoubledPrefix
		} else if hasPrefixFold(t, "doi:") {
			after = t[len("doi:"):]
			if r.Form != ResolverURL {
				r.Faults |= DoubledPrefix
			}
		} else {
			break
		}
		if len(t) != len(rest) {
			r.Faults |= Spaces
		}
		rest = after
	}
	if r.Faults&DoubledPrefix != 0 {
		r.Prefix = s[:len(s)-len(strings.TrimLeftFunc(rest, unicode.IsSpace))]
	}
	if strings.IndexFunc(rest, unicode.IsSpace) >= 0 {
		r.Faults |= Spaces
		rest = strings.Map(func(c rune) rune {
			if unicode.IsSpace(c) {
				return -1
			}
			return c
		}, rest)
	}
	if !strings.HasPrefix(rest, "10.") {
		return Ref{}, false
	}
	var stops stopSet
	if r.Form == ResolverURL {
		stops = stopQuery
	}
	end := trimTail(rest, len("10."), scanToken(rest, 0, stops))
	if tail := rest[end:]; tail != "" {
		if tail[0] == '?' || tail[0] == '#' {
			if r.Form != ResolverURL {
				return Ref{}, false
			}
			// A query or fragment: the resolver ignores it.
		} else if strings.TrimFunc(tail, isTrailingPunct) != "" {
			return Ref{}, false
		} else {
			r.Faults |= TrailingPunct
			r.Tail = tail
		}
	}
	r.DOI, _ = normalise(rest[:end])
	if Validate(r.DOI) != "" {
		return Ref{}, false
	}
	return r, true
}

// isTrailingPunct reports the runes trimTail and scanToken leave after a
// DOI that a writer's sentence or brackets put there.
func isTrailingPunct(c rune) bool {
	return strings.ContainsRune(`.,;:'"!?*…)]}>`, c)
}

// cutResolverURL cuts "http(s)://" and a resolver host and "/" from the
// start of s.
func cutResolverURL(s string) (scheme, rest string, ok bool) {
	switch {
	case hasPrefixFold(s, "https://"):
		scheme = "https"
	case hasPrefixFold(s, "http://"):
		scheme = "http"
	default:
		return "", "", false
	}
	rest, ok = cutSchemeless(s[len(scheme)+3:])
	return scheme, rest, ok
}

// cutSchemeless cuts a resolver host and "/" from the start of s. It
// reads no further than the longest host, so that ParseRef stays linear
// on "doi:doi:doi:...".
func cutSchemeless(s string) (string, bool) {
	i := strings.IndexByte(s[:min(len(s), len("www.doi.org/"))], '/')
	if i < 0 || !resolverHosts[strings.ToLower(s[:i])] {
		return "", false
	}
	return s[i+1:], true
}

// cutDOIPrefix cuts "doi:" and any white space after it from the start of s.
func cutDOIPrefix(s string) (string, bool) {
	if !hasPrefixFold(s, "doi:") {
		return "", false
	}
	return strings.TrimLeftFunc(s[len("doi:"):], unicode.IsSpace), true
}
