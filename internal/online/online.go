package online

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
)

// Config says where and how politely to check. Zero fields take the defaults
// given beside them; for MaxRetries, HostInterval and RetryAfterCap a negative
// value means none (no retries, no spacing, never wait for Retry-After).
type Config struct {
	DOIResolver string // default "https://doi.org"; handle API at {DOIResolver}/api/handles/{doi}
	CrossrefAPI string // default "https://api.crossref.org"; {CrossrefAPI}/works/{doi}
	DataCiteAPI string // default "https://api.datacite.org"; {DataCiteAPI}/dois/{doi}
	// EuropePMCAPI is asked for source records: default
	// "https://www.ebi.ac.uk/europepmc/webservices/rest";
	// {EuropePMCAPI}/search?query=DOI:"{doi}"&resultType=core&format=json
	EuropePMCAPI string
	// Sources also fetches each DOI's source record (Crossref and Europe
	// PMC) into Results.Sources: one more request per DOI. Off, nothing
	// is sent to Europe PMC.
	Sources bool
	// Mailto is the contact address sent to the DOI services, as Crossref
	// asks: User-Agent "articlelint/VERSION (https://github.com/articlelint/articlelint; mailto:X)".
	// It is never sent to article links.
	Mailto  string
	Version string // default "dev"
	// AllowPrivate lets article links reach loopback, private, link-local,
	// unspecified, CGNAT, multicast and reserved addresses.
	AllowPrivate bool
	// Resolver resolves link hosts before the private-address check; nil
	// is net.DefaultResolver.
	Resolver        Resolver
	CachePath       string        // "" = no disk cache (answers are still kept for the Checker's life)
	Timeout         time.Duration // per request, including reading the body; default 10s
	MaxConcurrency  int           // requests in flight overall; default 32
	HostConcurrency int           // requests in flight to one link host; default 2 (DOI services: 5)
	HostInterval    time.Duration // least time between request starts to one host; default 100ms
	Accept          []int         // status codes that mean the link works; default 200-299
	Exclude         []*regexp.Regexp
	// GitHubToken is sent as "Authorization: Bearer" to https://github.com
	// and https://api.github.com only, never after a redirect elsewhere.
	GitHubToken string
	// MaxRetries is how many times a request is repeated after a 408, 429
	// or 5xx answer or a timeout; default 3.
	MaxRetries int
	// RetryBackoff is the first delay before a retry, doubled for each
	// later one, with jitter; default 500ms.
	RetryBackoff  time.Duration
	RetryAfterCap time.Duration // longest Retry-After honoured; default 30s
	MaxBody       int64         // bytes read from any response body; default 1 MiB
	// Now gives the time for cache ages; nil is time.Now. Network timing
	// always uses the real clock.
	Now func() time.Time
	// Transport replaces the HTTP transport, for tests. The guard cannot
	// see its connections, so it checks each link's host before the
	// request instead; nil (production) checks at dial time.
	Transport http.RoundTripper
}

// LinkStatus is the outcome of checking one link.
type LinkStatus int

const (
	// LinkOK: the page answered with an accepted status, directly or after
	// a temporary redirect.
	LinkOK LinkStatus = iota
	// LinkBroken: the page is gone or unreachable (4xx, 5xx after retries,
	// unknown host, connection refused, redirect loop).
	LinkBroken
	// LinkRedirect: the page works but only through permanent redirects;
	// FinalURL is the address to link to instead.
	LinkRedirect
	// LinkUnverifiable: the check could not decide (bot wall, login, rate
	// limit, timeout, refused private address, scheme not checked).
	LinkUnverifiable
	// LinkExcluded: the URL matches Config.Exclude and was not checked.
	LinkExcluded
)

// String returns the status as used in reports: ok, broken, redirect,
// unverifiable or excluded.
func (s LinkStatus) String() string {
	switch s {
	case LinkOK:
		return "ok"
	case LinkBroken:
		return "broken"
	case LinkRedirect:
		return "redirect"
	case LinkUnverifiable:
		return "unverifiable"
	case LinkExcluded:
		return "excluded"
	}
	return "LinkStatus(" + strconv.Itoa(int(s)) + ")"
}

// LinkResult is what is known about one link.
type LinkResult struct {
	URL       string
	Status    LinkStatus
	Code      int    // last HTTP status, 0 if none
	FinalURL  string // where redirects ended, "" if none
	Permanent bool   // every redirect hop was 301 or 308
	Reason    string // for people: "404 Not Found", "timeout after 3 tries", ...
	Cached    bool
}

// DOIStatus is the outcome of checking one DOI.
type DOIStatus int

const (
	// DOIFound: the DOI is registered.
	DOIFound DOIStatus = iota
	// DOINotFound: doi.org does not know it.
	DOINotFound
	// DOIUnknown: doi.org could not be asked (network, 5xx).
	DOIUnknown
)

// String returns found, not-found or unknown.
func (s DOIStatus) String() string {
	switch s {
	case DOIFound:
		return "found"
	case DOINotFound:
		return "not-found"
	case DOIUnknown:
		return "unknown"
	}
	return "DOIStatus(" + strconv.Itoa(int(s)) + ")"
}

// Update is a notice registered against a work: a retraction, correction,
// expression of concern and so on.
type Update struct {
	// Type is normalised: retraction, withdrawal, removal,
	// partial_retraction, expression_of_concern, correction or erratum;
	// other Crossref types are kept lower-cased with "_" for "-" and " ".
	Type  string `json:"type"`
	DOI   string `json:"doi,omitempty"`   // the notice's DOI
	Date  string `json:"date,omitempty"`  // YYYY-MM-DD, or YYYY-MM or YYYY when that is all there is
	Label string `json:"label,omitempty"` // the publisher's wording, e.g. "Retraction"
}

// DOIResult is what is known about one DOI.
type DOIResult struct {
	DOI    string
	Status DOIStatus
	// Reason explains NotFound and Unknown, and for Found says when the
	// metadata could not be fetched.
	Reason  string
	Agency  string // "crossref", "datacite" or "" (another agency, or not known)
	Title   string
	Updates []Update
	Cached  bool
}

// Results holds the outcome of one Check.
type Results struct {
	Links    map[string]*LinkResult // by URL as given
	DOIs     map[string]*DOIResult  // by doi.Key
	Requests int64                  // HTTP requests sent during this Check
	// Sources are the source records, by doi.Key, of every DOI not
	// DOINotFound; nil unless Config.Sources.
	Sources map[string]*SourceRecord
}

// Checker checks links and DOIs. It is safe for concurrent use.
type Checker struct {
	cfg      Config
	ua       string // for article links
	svcUA    string // for DOI services, with mailto
	links    *http.Client
	services *http.Client
	guard    *guard
	hosts    hostLimits
	global   chan struct{}
	trusted  map[string]bool // host:port of the DOI services
	crossref string          // host:port of the Crossref API
	cache    *cache
	warnings []string
	prog     progress
}

const (
	maxRedirects      = 10
	serviceConc       = 5 // Crossref allows 5 concurrent requests per client
	linkBodyRead      = 64 << 10
	defaultUserAgent  = "articlelint/%s (https://github.com/articlelint/articlelint)"
	mailtoUserAgent   = "articlelint/%s (https://github.com/articlelint/articlelint; mailto:%s)"
	defaultHTMLAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
)

// DefaultCachePath returns the cache file in the user's cache directory, or
// "" if there is none.
func DefaultCachePath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "articlelint", "online-v1.json")
}

// New returns a Checker. It loads the cache at CachePath; a cache that cannot
// be read is ignored and reported by Warnings.
func New(cfg Config) (*Checker, error) {
	cfg, err := withDefaults(cfg)
	if err != nil {
		return nil, err
	}
	c := &Checker{
		cfg:     cfg,
		ua:      fmt.Sprintf(defaultUserAgent, cfg.Version),
		svcUA:   fmt.Sprintf(defaultUserAgent, cfg.Version),
		global:  make(chan struct{}, cfg.MaxConcurrency),
		trusted: map[string]bool{},
	}
	if cfg.Mailto != "" {
		c.svcUA = fmt.Sprintf(mailtoUserAgent, cfg.Version, cfg.Mailto)
	}
	c.hosts = hostLimits{m: map[string]*hostLimiter{}, conc: cfg.HostConcurrency, interval: cfg.HostInterval, special: map[string]int{}}
	for _, ep := range []string{cfg.DOIResolver, cfg.CrossrefAPI, cfg.DataCiteAPI, cfg.EuropePMCAPI} {
		u, _ := url.Parse(ep) // validated by withDefaults
		h := hostKey(u)
		c.trusted[h] = true
		c.hosts.special[h] = serviceConc
	}
	cu, _ := url.Parse(cfg.CrossrefAPI)
	c.crossref = hostKey(cu)

	dialer := &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}
	c.guard = newGuard(cfg.AllowPrivate, cfg.Resolver, dialer)
	linkRT, svcRT := cfg.Transport, cfg.Transport
	if linkRT == nil {
		linkRT = newTransport(c.guard.DialContext, cfg.HostConcurrency)
		plain := &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}
		svcRT = newTransport(plain.DialContext, serviceConc)
	}
	// No Jar: cookies are never kept. Redirects are followed by hand, so
	// each hop is counted, spaced and guarded like a first request.
	noRedirect := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.links = &http.Client{Transport: linkRT, CheckRedirect: noRedirect}
	c.services = &http.Client{Transport: svcRT, CheckRedirect: noRedirect}

	c.cache = newCache(cfg.CachePath, cfg.Now)
	if w := c.cache.load(); w != "" {
		c.warnings = append(c.warnings, w)
	}
	return c, nil
}

func newTransport(dial func(context.Context, string, string) (net.Conn, error), perHost int) *http.Transport {
	return &http.Transport{
		Proxy:                 nil, // a proxy would hide the real destination from the guard
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   perHost,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

func withDefaults(cfg Config) (Config, error) {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
		*s = strings.TrimRight(*s, "/")
	}
	def(&cfg.DOIResolver, "https://doi.org")
	def(&cfg.CrossrefAPI, "https://api.crossref.org")
	def(&cfg.DataCiteAPI, "https://api.datacite.org")
	def(&cfg.EuropePMCAPI, "https://www.ebi.ac.uk/europepmc/webservices/rest")
	for _, ep := range []string{cfg.DOIResolver, cfg.CrossrefAPI, cfg.DataCiteAPI, cfg.EuropePMCAPI} {
		u, err := url.Parse(ep)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cfg, fmt.Errorf("online: service URL %q must be an http(s) URL", ep)
		}
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxConcurrency <= 0 {
		cfg.MaxConcurrency = 32
	}
	if cfg.HostConcurrency <= 0 {
		cfg.HostConcurrency = 2
	}
	switch {
	case cfg.HostInterval == 0:
		cfg.HostInterval = 100 * time.Millisecond
	case cfg.HostInterval < 0:
		cfg.HostInterval = 0
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = 3
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = 500 * time.Millisecond
	}
	switch {
	case cfg.RetryAfterCap == 0:
		cfg.RetryAfterCap = 30 * time.Second
	case cfg.RetryAfterCap < 0:
		cfg.RetryAfterCap = 0
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if len(cfg.Accept) == 0 {
		for code := 200; code <= 299; code++ {
			cfg.Accept = append(cfg.Accept, code)
		}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg, nil
}

// Warnings returns problems that did not stop the Checker, such as an
// unreadable cache file.
func (c *Checker) Warnings() []string { return c.warnings }

// Close writes the cache file, if any, atomically.
func (c *Checker) Close() error {
	c.links.CloseIdleConnections()
	c.services.CloseIdleConnections()
	return c.cache.save()
}

// run is the state of one Check.
type run struct {
	requests atomic.Int64
}

// Check checks every unique URL and DOI once, concurrently, and returns what
// it found. doi.org links in urls are not fetched: their DOIs are checked
// (added to the DOIs if the caller did not pass them) and the link result
// follows the DOI result. Check returns when ctx is done, with what is left
// marked unverifiable or unknown.
func (c *Checker) Check(ctx context.Context, urls []string, dois []string) *Results {
	r := &run{}
	res := &Results{Links: map[string]*LinkResult{}, DOIs: map[string]*DOIResult{}}
	if c.cfg.Sources {
		res.Sources = map[string]*SourceRecord{}
	}

	// DOIs first, so that doi.org links can join them.
	doiOrder := []string{}
	doiFirst := map[string]string{} // key -> DOI as first given
	addDOI := func(d string) string {
		k := doi.Key(d)
		if _, ok := doiFirst[k]; !ok {
			doiFirst[k] = d
			doiOrder = append(doiOrder, k)
		}
		return k
	}
	for _, d := range dois {
		if d = strings.TrimSpace(d); d != "" {
			addDOI(d)
		}
	}

	resolverLinks := map[string]string{} // URL -> DOI key
	fetches := map[string][]string{}     // URL without fragment -> URLs
	var fetchOrder []string              // keys of fetches, first seen first
	seen := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		if re := c.excluded(u); re != nil {
			res.Links[u] = &LinkResult{URL: u, Status: LinkExcluded, Reason: "matches exclude pattern " + re.String()}
			continue
		}
		if d, ok := resolverDOI(u); ok {
			resolverLinks[u] = addDOI(d)
			continue
		}
		pu, err := url.Parse(u)
		if err != nil {
			res.Links[u] = &LinkResult{URL: u, Status: LinkBroken, Reason: "malformed URL: " + unwrapURLError(err).Error()}
			continue
		}
		if pu.Scheme != "http" && pu.Scheme != "https" {
			scheme := pu.Scheme
			if scheme == "" {
				scheme = "(none)"
			}
			res.Links[u] = &LinkResult{URL: u, Status: LinkUnverifiable, Reason: "scheme " + scheme + " is not checked"}
			continue
		}
		if pu.Host == "" {
			res.Links[u] = &LinkResult{URL: u, Status: LinkBroken, Reason: "malformed URL: no host"}
			continue
		}
		if lr, ok := c.cache.link(u); ok {
			res.Links[u] = lr
			continue
		}
		key := withoutFragment(pu)
		if _, ok := fetches[key]; !ok {
			fetchOrder = append(fetchOrder, key)
		}
		fetches[key] = append(fetches[key], u)
	}

	// Every unique URL but doi.org links (their DOI stands for them),
	// and every DOI; what is already known counts as checked.
	c.prog.total.Store(int64(len(seen) - len(resolverLinks) + len(doiOrder)))
	c.prog.checked.Store(int64(len(res.Links)))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range doiOrder {
		d := doiFirst[k]
		dr, haveDOI := c.cache.doi(d)
		var sr *SourceRecord
		haveSource := !c.cfg.Sources
		if c.cfg.Sources {
			sr, haveSource = c.cache.source(d)
		}
		if haveDOI && haveSource {
			res.DOIs[k] = dr
			if sr != nil {
				res.Sources[k] = sr
			}
			c.prog.checked.Add(1)
			continue
		}
		wg.Go(func() {
			defer c.prog.checked.Add(1)
			var cr *reply // Crossref's answer to the DOI check, reused for the source
			if !haveDOI {
				dr, cr = c.checkDOI(ctx, r, d)
				c.cache.putDOI(dr)
			}
			if !haveSource && dr.Status != DOINotFound {
				sr = c.checkSource(ctx, r, d, cr)
				c.cache.putSource(sr)
			}
			mu.Lock()
			res.DOIs[k] = dr
			if sr != nil {
				res.Sources[k] = sr
			}
			mu.Unlock()
		})
	}
	for _, key := range fetchOrder {
		us := fetches[key]
		wg.Go(func() {
			lr := c.checkLink(ctx, r, key)
			defer c.prog.checked.Add(int64(len(us)))
			mu.Lock()
			defer mu.Unlock()
			for _, u := range us {
				cp := *lr
				cp.URL = u
				if cp.FinalURL != "" {
					cp.FinalURL = keepFragment(u, cp.FinalURL)
					if cp.Status == LinkRedirect {
						cp.Reason = "moved permanently to " + cp.FinalURL
					}
				}
				res.Links[u] = &cp
				c.cache.putLink(&cp)
			}
		})
	}
	wg.Wait()

	for u, k := range resolverLinks {
		res.Links[u] = linkFromDOI(u, res.DOIs[k])
	}
	res.Requests = r.requests.Load()
	return res
}

func (c *Checker) excluded(u string) *regexp.Regexp {
	for _, re := range c.cfg.Exclude {
		if re.MatchString(u) {
			return re
		}
	}
	return nil
}

// resolverDOI returns the DOI of a doi.org, dx.doi.org or www.doi.org link.
func resolverDOI(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	switch strings.ToLower(u.Hostname()) {
	case "doi.org", "dx.doi.org", "www.doi.org":
	default:
		return "", false
	}
	d := strings.TrimPrefix(u.Path, "/")
	if doi.Validate(d) != "" {
		return "", false
	}
	return d, true
}

func linkFromDOI(u string, dr *DOIResult) *LinkResult {
	lr := &LinkResult{URL: u, Cached: dr.Cached}
	switch dr.Status {
	case DOIFound:
		lr.Status = LinkOK
	case DOINotFound:
		lr.Status, lr.Reason = LinkBroken, "DOI not found"
	default:
		lr.Status, lr.Reason = LinkUnverifiable, dr.Reason
	}
	return lr
}

// hostKey is the limiter and trust key of a URL: lower-cased host:port.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

func withoutFragment(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}

// keepFragment gives final the fragment of orig when the redirect dropped
// it, as browsers do.
func keepFragment(orig, final string) string {
	o, err1 := url.Parse(orig)
	f, err2 := url.Parse(final)
	if err1 != nil || err2 != nil || o.Fragment == "" || f.Fragment != "" {
		return final
	}
	f.Fragment, f.RawFragment = o.Fragment, o.RawFragment
	return f.String()
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
