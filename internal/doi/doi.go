// Package doi finds Digital Object Identifiers in text and normalises them.
//
// It follows Crossref's guidance: a DOI is "10.", a registrant code of 4-9
// digits (optionally with ".digits" sub-parts), "/" and a suffix; DOIs are
// compared case-insensitively and displayed as https://doi.org/<doi>.
//
// Find is a hand-written single-pass scanner, so it runs in linear time on any
// input and needs no regular expressions.
package doi

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Form says how a DOI was written.
type Form int

const (
	// Bare is a DOI on its own: 10.1038/nature12373.
	Bare Form = iota
	// Prefixed is a DOI after "doi:" or "DOI: " (case-insensitive).
	Prefixed
	// ResolverURL is a DOI in a doi.org, dx.doi.org or www.doi.org URL.
	ResolverURL
	// PublisherURL is a DOI anywhere else in an http(s) URL, path or query:
	// https://www.science.org/doi/10.1126/science.abc1234,
	// https://link.springer.com/article/10.1007/s00125-020-05148-x,
	// https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456.
	PublisherURL
)

// String returns the name used in lint messages and configuration.
func (f Form) String() string {
	switch f {
	case Bare:
		return "bare"
	case Prefixed:
		return "doi-prefix"
	case ResolverURL:
		return "resolver-url"
	case PublisherURL:
		return "publisher-url"
	}
	return "Form(" + strconv.Itoa(int(f)) + ")"
}

// Match is one DOI occurrence in the text given to Find.
type Match struct {
	// Start and End span the whole written form: the URL from its scheme
	// (or from the host for a scheme-less doi.org/ link), the "doi:" prefix,
	// or just the DOI for Bare.
	Start, End int
	// DOIStart and DOIEnd span the DOI as written (possibly percent-encoded).
	DOIStart, DOIEnd int
	// Raw is input[DOIStart:DOIEnd].
	Raw string
	// DOI is Raw percent-decoded (when that yields valid UTF-8) and trimmed;
	// case is kept.
	DOI  string
	Form Form
	// Scheme is "http" or "https" for URL forms, else "".
	Scheme string
	// Host is the lower-cased host for URL forms, else "".
	Host string
	// Encoded is true when Raw contains %-escapes.
	Encoded bool
	// Invalid is "" for a syntactically valid DOI, else the reason.
	Invalid string
}

// Reasons returned by Validate and set in Match.Invalid.
const (
	reasonStart      = `must start with "10."`
	reasonRegistrant = `registrant code must be 4-9 digits after "10."`
	reasonPrefix     = `prefix may contain only digits and dots before "/"`
	reasonSlash      = `missing "/" after prefix`
	reasonEmpty      = `empty suffix after "/"`
	reasonUTF8       = `suffix is not valid UTF-8`
	reasonSpace      = `suffix contains whitespace or non-printable characters`
)

// Key returns the comparison key of a normalised DOI. DOIs are
// case-insensitive (Crossref), so the key is the upper-cased DOI.
func Key(doi string) string { return strings.ToUpper(doi) }

// Equal reports whether two normalised DOIs name the same object.
func Equal(a, b string) bool { return Key(a) == Key(b) }

// Canonical returns the https://doi.org/ URL of a normalised DOI, escaping only
// what cannot appear literally in a URL path, so SICI "<" and ">" become %3C
// and %3E while "(", ")", ";" and ":" stay readable. What Find would not read
// back as part of the DOI is escaped too: a closing bracket with no opener
// before it, and punctuation at the end ("10.1234/x%2E" stays so, never
// "10.1234/x."), so that the URL names the same DOI when it is read again.
func Canonical(doi string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len("https://doi.org/") + len(doi))
	b.WriteString("https://doi.org/")
	keep := trimTail(doi, min(len("10."), len(doi)), len(doi))
	var paren, square, brace int
	for i := 0; i < len(doi); i++ {
		c := doi[i]
		unopened := false
		switch c {
		case '(':
			paren++
		case '[':
			square++
		case '{':
			brace++
		case ')':
			unopened, paren = paren == 0, max(paren-1, 0)
		case ']':
			unopened, square = square == 0, max(square-1, 0)
		case '}':
			unopened, brace = brace == 0, max(brace-1, 0)
		}
		if c <= ' ' || c >= 0x7f || strings.IndexByte("%\"<>#?`", c) >= 0 || unopened || i >= keep {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Validate returns "" if doi is a syntactically valid DOI, else a short reason.
func Validate(doi string) string {
	if !strings.HasPrefix(doi, "10.") {
		return reasonStart
	}
	k := 3
	n := digitsAt(doi, k)
	if n < 4 || n > 9 {
		return reasonRegistrant
	}
	k += n
	for k+1 < len(doi) && doi[k] == '.' && isDigit(doi[k+1]) {
		k++
		k += digitsAt(doi, k)
	}
	if k == len(doi) {
		return reasonSlash
	}
	if doi[k] != '/' {
		if strings.IndexByte(doi[k:], '/') < 0 {
			return reasonSlash
		}
		return reasonPrefix
	}
	suffix := doi[k+1:]
	if suffix == "" {
		return reasonEmpty
	}
	if !utf8.ValidString(suffix) {
		return reasonUTF8
	}
	for _, r := range suffix {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return reasonSpace
		}
	}
	return ""
}

// Find returns every DOI in s in order of Start. Spans never overlap.
//
// Invalid DOIs are reported only where the context says "DOI" (after "doi:",
// in a doi.org URL, after /doi/ or /content/ or in a query parameter of a
// URL) or for "10.NNNN/" with nothing after it; "10.5/10" in prose is a
// score, not a DOI, and is not reported.
func Find(s string) []Match {
	// Every DOI starts "10.": most text has none, and one fast search
	// says so.
	if !strings.Contains(s, "10.") {
		return nil
	}
	f := finder{s: s}
	var out []Match
	skip := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if f.url.active {
			if c < utf8.RuneSelf {
				if endsURL(rune(c)) {
					f.url.active = false
				} else if (c == '?' || c == '#') && f.url.query < 0 && i >= f.url.hostEnd {
					f.url.query = i
				}
			} else if r, _ := utf8.DecodeRuneInString(s[i:]); endsURL(r) {
				f.url.active = false
			}
		}
		if c == 'h' || c == 'H' {
			if u, ok := openURL(s, i); ok {
				f.url = u
			}
		}
		if i < skip || c != '1' || !strings.HasPrefix(s[i:], "10.") {
			continue
		}
		if m, ok := f.candidate(i); ok {
			out = append(out, m)
			skip = m.End
			f.lastEnd = m.End
		}
	}
	return out
}

// urlCtx is the http(s) URL the scanner is inside, if any.
type urlCtx struct {
	active   bool
	start    int // index of the scheme
	scheme   string
	host     string
	hostEnd  int // index just past the host, where the path starts
	query    int // index of the first '?' or '#' after the host, or -1
	resolver bool
}

var resolverHosts = map[string]bool{"doi.org": true, "dx.doi.org": true, "www.doi.org": true}

// openURL parses the scheme and host of an http(s) URL starting at i. The host
// ends at the first '/', so hosts of different URLs barely overlap and the
// total work stays linear.
func openURL(s string, i int) (urlCtx, bool) {
	var scheme string
	switch {
	case hasPrefixFold(s[i:], "https://"):
		scheme = "https"
	case hasPrefixFold(s[i:], "http://"):
		scheme = "http"
	default:
		return urlCtx{}, false
	}
	hs := i + len(scheme) + 3
	he := hs
	for he < len(s) {
		c := s[he]
		if c == '/' || c == '?' || c == '#' {
			break
		}
		r, size := utf8.DecodeRuneInString(s[he:])
		if endsURL(r) {
			break
		}
		he += size
	}
	host := strings.ToLower(s[hs:he])
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if c := strings.LastIndexByte(host, ':'); c >= 0 && allDigits(host[c+1:]) {
		host = host[:c]
	}
	u := urlCtx{active: true, start: i, scheme: scheme, host: host, hostEnd: he, query: -1, resolver: resolverHosts[host]}
	if he < len(s) && (s[he] == '?' || s[he] == '#') {
		u.query = he
	}
	return u, true
}

type finder struct {
	s       string
	url     urlCtx
	lastEnd int // End of the last match; later spans must not start before it
}

// candidate decides what the "10." at p is, if anything.
func (f *finder) candidate(p int) (Match, bool) {
	s, u := f.s, &f.url
	inURL := u.active && p > u.hostEnd
	inQuery := inURL && u.query >= 0 && p > u.query
	var stops stopSet
	if inURL {
		stops = stopQuery
		if inQuery {
			stops |= stopAmp
		}
	}
	urlOK := u.active && u.start >= f.lastEnd

	if urlOK && u.resolver && p == u.hostEnd+1 && s[u.hostEnd] == '/' {
		return f.build(u.start, p, -1, ResolverURL, u.scheme, u.host, stopQuery), true
	}
	if inURL {
		return f.publisher(p, inQuery, urlOK, stops)
	}
	if st, ok := prefixedStart(s, p); ok && st >= f.lastEnd {
		return f.build(st, p, -1, Prefixed, "", "", stops), true
	}
	if st, host, ok := schemelessResolver(s, p); ok && st >= f.lastEnd {
		return f.build(st, p, -1, ResolverURL, "", host, stops|stopQuery), true
	}
	// Past here the context does not say "DOI", so a 4-9 digit registrant
	// and a "/" are required before anything is reported.
	if _, ok := prefixGate(s, p); !ok {
		return Match{}, false
	}
	if !bareBoundary(s, p) {
		return Match{}, false
	}
	return f.build(p, p, -1, Bare, "", "", stops), true
}

// publisher handles a "10." inside a URL other than a doi.org path start.
// Such a DOI is reported with the whole URL, never as Bare or Prefixed, so
// that no fix rewrites it to a doi.org link in the middle of that URL.
func (f *finder) publisher(p int, inQuery, urlOK bool, stops stopSet) (Match, bool) {
	s, u := f.s, &f.url
	_, pref := prefixedStart(s, p)
	sep, gated := prefixGate(s, p)
	if !urlOK || !(gated || pref) || !(pref || s[p-1] == '/' || bareBoundary(s, p)) {
		return Match{}, false
	}
	if !gated {
		sep = -1 // no page tails to strip from a broken DOI
	}
	m := f.build(u.start, p, sep, PublisherURL, u.scheme, u.host, stops)
	if m.Invalid == reasonEmpty && !inQuery && !pref && !hasDOIMarker(s[u.hostEnd:p]) {
		// Only /doi/, /content/, "doi:" or a query parameter say "DOI"
		// clearly enough to report a cut-off DOI; elsewhere "/10.1234/" is
		// just a path.
		return Match{}, false
	}
	return m, true
}

// build scans the DOI at p and fills in a Match. sep >= 0 marks a publisher
// URL: sep is where the suffix starts, and page tails like ".full.pdf" are
// stripped.
func (f *finder) build(start, p, sep int, form Form, scheme, host string, stops stopSet) Match {
	s := f.s
	end := scanToken(s, p, stops)
	floor := p + len("10.") // never trim into "10."
	if end < floor {
		end = floor
	}
	end = trimTail(s, floor, end)
	if sep >= 0 {
		end = stripTails(s, floor, sep+1, end)
	}
	raw := s[p:end]
	m := Match{Start: start, End: end, DOIStart: p, DOIEnd: end, Raw: raw, Form: form, Scheme: scheme, Host: host}
	m.DOI, m.Encoded = normalise(raw)
	m.Invalid = Validate(m.DOI)
	return m
}

// stopSet holds the URL delimiters that end a DOI in the current context.
type stopSet uint8

const (
	stopQuery stopSet = 1 << iota // '?' and '#' end a URL path
	stopAmp                       // '&' ends a query parameter
)

func (st stopSet) has(c byte) bool {
	switch c {
	case '?', '#':
		return st&stopQuery != 0
	case '&':
		return st&stopAmp != 0
	}
	return false
}

// scanToken returns where the DOI starting at p ends: at whitespace, a
// quote, a stop, an unbalanced closing bracket, or a '<' with no '>' before
// the end of the word. Percent-escapes are opaque, so %29 never closes a
// parenthesis.
func scanToken(s string, p int, stops stopSet) int {
	var paren, square, brace int
	j := p
	for j < len(s) {
		c := s[j]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[j:])
			if hardStop(r) {
				return j
			}
			j += size
			continue
		}
		if hardStop(rune(c)) || stops.has(c) {
			return j
		}
		switch c {
		case '%':
			if j+2 < len(s) && isHex(s[j+1]) && isHex(s[j+2]) {
				j += 3
				continue
			}
		case '(':
			paren++
		case ')':
			if paren == 0 {
				return j
			}
			paren--
		case '[':
			square++
		case ']':
			if square == 0 {
				return j
			}
			square--
		case '{':
			brace++
		case '}':
			if brace == 0 {
				return j
			}
			brace--
		case '>':
			return j
		case '<':
			// SICI DOIs hold "<475::AID-JBM8>"; jump to the '>'. The
			// look-ahead stops at the next '<', so no byte is looked at
			// twice from different '<'.
			k := closeAngle(s, j+1, stops)
			if k < 0 {
				return j
			}
			j = k + 1
			continue
		}
		j++
	}
	return j
}

// closeAngle returns the index of the '>' closing a '<', or -1 if a stop or
// another '<' comes first.
func closeAngle(s string, k int, stops stopSet) int {
	for k < len(s) {
		c := s[k]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[k:])
			if hardStop(r) {
				return -1
			}
			k += size
			continue
		}
		switch {
		case c == '>':
			return k
		case c == '<' || hardStop(rune(c)) || stops.has(c):
			return -1
		}
		k++
	}
	return -1
}

// trimTail drops sentence punctuation and unbalanced closing brackets from the
// end of s[:end], never going below floor.
func trimTail(s string, floor, end int) int {
	for end > floor {
		r, size := utf8.DecodeLastRuneInString(s[floor:end])
		switch r {
		case '.', ',', ';', ':', '\'', '"', '!', '?', '*', '…', '\\': // a Markdown escape: "\\]"
			end -= size
			continue
		case ')', ']', '}':
			if unbalanced(s[floor:end], r) {
				end -= size
				continue
			}
		}
		return end
	}
	return end
}

// unbalanced reports whether s has more closers than openers of kind closer.
func unbalanced(s string, closer rune) bool {
	opener := byte('(')
	switch closer {
	case ']':
		opener = '['
	case '}':
		opener = '{'
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case opener:
			n++
		case byte(closer):
			n--
		}
	}
	return n < 0
}

// publisherTails are page-type suffixes publishers append to the DOI in a URL.
// Version suffixes such as bioRxiv's "v3" are part of the identifier and stay.
var publisherTails = []string{".pdf", ".full", ".abstract", "/full", "/abstract", "/pdf", "/epdf", "/meta", "/"}

// stripTails removes publisherTails from the end, keeping at least one
// suffix character (keep is the least end allowed).
func stripTails(s string, floor, keep, end int) int {
	for changed := true; changed; {
		changed = false
		for _, t := range publisherTails {
			if end-len(t) >= keep && strings.EqualFold(s[end-len(t):end], t) {
				end -= len(t)
				changed = true
			}
		}
		if changed {
			end = trimTail(s, floor, end)
		}
	}
	return end
}

// prefixedStart returns the start of "doi:" or "doi: " right before p.
func prefixedStart(s string, p int) (int, bool) {
	q := p
	if q > 0 && s[q-1] == ' ' {
		q--
	}
	st := q - len("doi:")
	if st < 0 || !strings.EqualFold(s[st:q], "doi:") {
		return 0, false
	}
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		if isAlnum(r) {
			return 0, false
		}
	}
	return st, true
}

// schemelessResolver recognises "doi.org/", "dx.doi.org/" and "www.doi.org/"
// written without a scheme right before p.
func schemelessResolver(s string, p int) (start int, host string, ok bool) {
	h := p - len("doi.org/")
	if h < 0 || !strings.EqualFold(s[h:p], "doi.org/") {
		return 0, "", false
	}
	switch {
	case h >= 3 && strings.EqualFold(s[h-3:h], "dx."):
		h -= 3
	case h >= 4 && strings.EqualFold(s[h-4:h], "www."):
		h -= 4
	}
	if h > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:h])
		if isAlnum(r) || r == '.' || r == '-' || r == '_' || r == '@' {
			return 0, "", false
		}
	}
	return h, strings.ToLower(s[h : p-1]), true
}

// prefixGate checks "10." + 4-9 digits (+ ".digits"...) + "/" or "%2F" at p
// and returns the index just past the separator.
func prefixGate(s string, p int) (int, bool) {
	k := p + len("10.")
	n := digitsAt(s, k)
	if n < 4 || n > 9 {
		return 0, false
	}
	k += n
	for k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]) {
		k++
		k += digitsAt(s, k)
	}
	switch {
	case k < len(s) && s[k] == '/':
		return k + 1, true
	case k+3 <= len(s) && strings.EqualFold(s[k:k+3], "%2F"):
		return k + 3, true
	}
	return 0, false
}

// bareBoundary reports whether a DOI may start at p: not inside a word,
// number, file name or URL path.
func bareBoundary(s string, p int) bool {
	if p == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	return !isAlnum(r) && r != '/' && r != '.' && r != '-' && r != '_'
}

// hasDOIMarker reports whether a URL path ends with /doi/ (optionally with a
// page type after it) or /content/, where publishers put the DOI.
func hasDOIMarker(path string) bool {
	if hasSuffixFold(path, "/content/") {
		return true
	}
	for _, sub := range []string{"", "abs/", "full/", "pdf/", "epdf/", "epub/", "book/"} {
		if hasSuffixFold(path, "/doi/"+sub) {
			return true
		}
	}
	return false
}

// normalise percent-decodes raw when that yields valid UTF-8 and trims it.
func normalise(raw string) (doi string, encoded bool) {
	if strings.IndexByte(raw, '%') < 0 {
		return strings.TrimSpace(raw), false
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '%' && i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2]) {
			b.WriteByte(unhex(raw[i+1])<<4 | unhex(raw[i+2]))
			i += 2
			encoded = true
			continue
		}
		b.WriteByte(raw[i])
	}
	if d := b.String(); encoded && utf8.ValidString(d) {
		return strings.TrimSpace(d), true
	}
	return strings.TrimSpace(raw), encoded
}

// hardStop reports runes that end a DOI in running text: whitespace,
// invisible format characters, controls, and quotes DOIs never contain.
func hardStop(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7f || r == '"' || r == '`'
	}
	switch r {
	case '"', '`', '“', '”', '‘', '’', '«', '»':
		return true
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cc, unicode.Cf)
}

// endsURL reports runes that end a URL in running text.
func endsURL(r rune) bool { return r == '<' || r == '>' || hardStop(r) }

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func digitsAt(s string, k int) int {
	n := 0
	for k+n < len(s) && isDigit(s[k+n]) {
		n++
	}
	return n
}

func allDigits(s string) bool { return digitsAt(s, 0) == len(s) }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
