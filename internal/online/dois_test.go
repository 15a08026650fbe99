package online

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
)

const sici = "10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-I"

// fakeDOI is doi.org's handle API, Crossref and DataCite, each on its own
// local server.
type fakeDOI struct {
	handles, crossref, datacite *server
	rateLimit                   string // X-Rate-Limit-Limit sent by Crossref, "" for none
	crossrefDelay               time.Duration
	handlePaths                 []string // escaped paths the handle API saw
	ratelimited                 atomic.Int64
}

var crossrefWorks = map[string]string{
	"10.1234/NORMAL": `{"status":"ok","message":{"DOI":"10.1234/normal","title":["A normal\n   work on vitamin D<sub>3</sub> &amp; <i>milk</i>"]}}`,
	"10.1234/RETRACTED": `{"status":"ok","message":{"title":["A retracted work"],"updated-by":[
		{"DOI":"10.1234/notice","type":"Retraction","label":"Retraction","source":"publisher","updated":{"date-parts":[[2020,5,17]]}},
		{"DOI":"10.1234/NOTICE","type":"retraction","label":"Retraction","source":"retraction-watch","updated":{"date-parts":[[2020,5,17]]}},
		{"DOI":"10.1234/eoc","type":"expression-of-concern","label":"Expression of Concern","updated":{"date-parts":[[2019,1,2]]}}]}}`,
	"10.1234/CORRECTED": `{"status":"ok","message":{"title":["A corrected work"],"updated-by":[
		{"DOI":"10.1234/fix","type":"corrigendum","label":"Corrigendum","updated":{"date-parts":[[2021,3]]}}]}}`,
	"10.1234/RATELIMITED": `{"status":"ok","message":{"title":["Worth the wait"]}}`,
	doi.Key(sici):         `{"status":"ok","message":{"title":["A SICI work"]}}`,
}

var dataciteDOIs = map[string]string{
	"10.5061/DRYAD.ABC": `{"data":{"id":"10.5061/dryad.abc","attributes":{"titles":[{"title":"Data from: a study"}]}}}`,
}

// registered are the DOIs the handle API knows.
var registered = []string{"10.1234/NORMAL", "10.1234/RETRACTED", "10.1234/CORRECTED", "10.1234/RATELIMITED",
	doi.Key(sici), "10.5061/DRYAD.ABC", "10.9999/OTHERRA", "10.1234/METAFAIL"}

func newFakeDOI(t *testing.T) *fakeDOI {
	t.Helper()
	f := &fakeDOI{}
	f.handles = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, ok := strings.CutPrefix(r.URL.Path, "/api/handles/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		f.handles.mu.Lock()
		f.handlePaths = append(f.handlePaths, r.URL.EscapedPath())
		f.handles.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch k := doi.Key(d); {
		case k == "10.1234/DOWN":
			w.WriteHeader(http.StatusServiceUnavailable)
		case k == "10.1234/ODD":
			fmt.Fprintf(w, `{"responseCode":100,"handle":%q}`, d)
		case slices.Contains(registered, k), strings.HasPrefix(k, "10.1234/PACED"), strings.HasPrefix(k, "10.1234/MANY"):
			fmt.Fprintf(w, `{"responseCode":1,"handle":%q,"values":[{"index":1,"type":"URL","data":{"format":"string","value":"https://example.org/"}}]}`, d)
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `{"responseCode":100,"handle":%q}`, d)
		}
	}))
	f.crossref = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(f.crossrefDelay)
		if f.rateLimit != "" {
			w.Header().Set("X-Rate-Limit-Limit", f.rateLimit)
			w.Header().Set("X-Rate-Limit-Interval", "1s")
		}
		d, _ := strings.CutPrefix(r.URL.Path, "/works/")
		k := doi.Key(d)
		if k == "10.1234/RATELIMITED" && f.ratelimited.Add(1) == 1 {
			w.Header().Set("Retry-After", "120") // capped by RetryAfterCap
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if k == "10.1234/METAFAIL" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		body, ok := crossrefWorks[k]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "Resource not found.")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	f.datacite = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, _ := strings.CutPrefix(r.URL.Path, "/dois/")
		body, ok := dataciteDOIs[doi.Key(d)]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"errors":[{"status":"404","title":"The resource you are looking for doesn't exist."}]}`)
			return
		}
		fmt.Fprint(w, body)
	}))
	return f
}

func (f *fakeDOI) config() Config {
	cfg := testConfig()
	cfg.DOIResolver = f.handles.URL
	cfg.CrossrefAPI = f.crossref.URL + "/" // a trailing slash is fine
	cfg.DataCiteAPI = f.datacite.URL
	cfg.Mailto = "lint@example.org"
	return cfg
}

func TestDOIs(t *testing.T) {
	f := newFakeDOI(t)
	cfg := f.config() // AllowPrivate is false: the services are trusted
	cfg.MaxRetries = 1
	c := newChecker(t, cfg)
	dois := []string{"10.1234/normal", "10.1234/retracted", "10.1234/corrected", "10.1234/ratelimited", sici,
		"10.5061/dryad.abc", "10.9999/otherRA", "10.1234/missing", "10.1234/odd", "10.1234/down", "10.1234/metafail",
		"10.1234/NORMAL"} // the same DOI in another case
	start := time.Now()
	res := c.Check(context.Background(), nil, dois)
	elapsed := time.Since(start)

	want := []DOIResult{
		{DOI: "10.1234/normal", Status: DOIFound, Agency: "crossref", Title: "A normal work on vitamin D3 & milk"},
		{DOI: "10.1234/retracted", Status: DOIFound, Agency: "crossref", Title: "A retracted work", Updates: []Update{
			{Type: "retraction", DOI: "10.1234/notice", Date: "2020-05-17", Label: "Retraction"},
			{Type: "expression_of_concern", DOI: "10.1234/eoc", Date: "2019-01-02", Label: "Expression of Concern"},
		}},
		{DOI: "10.1234/corrected", Status: DOIFound, Agency: "crossref", Title: "A corrected work", Updates: []Update{
			{Type: "correction", DOI: "10.1234/fix", Date: "2021-03", Label: "Corrigendum"},
		}},
		{DOI: "10.1234/ratelimited", Status: DOIFound, Agency: "crossref", Title: "Worth the wait"},
		{DOI: sici, Status: DOIFound, Agency: "crossref", Title: "A SICI work"},
		{DOI: "10.5061/dryad.abc", Status: DOIFound, Agency: "datacite", Title: "Data from: a study"},
		{DOI: "10.9999/otherRA", Status: DOIFound},
		{DOI: "10.1234/missing", Status: DOINotFound, Reason: "DOI not found"},
		{DOI: "10.1234/odd", Status: DOINotFound, Reason: "DOI not found"},
		{DOI: "10.1234/down", Status: DOIUnknown, Reason: "doi.org: 503 Service Unavailable after 2 tries"},
		{DOI: "10.1234/metafail", Status: DOIFound, Reason: "Crossref metadata unavailable: 500 Internal Server Error after 2 tries"},
	}
	if len(res.DOIs) != len(want) {
		t.Errorf("%d results, want %d", len(res.DOIs), len(want))
	}
	for _, w := range want {
		got := res.DOIs[doi.Key(w.DOI)]
		if got == nil {
			t.Errorf("%s: no result", w.DOI)
			continue
		}
		if !reflect.DeepEqual(*got, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", w.DOI, *got, w)
		}
	}

	if n := f.crossref.count("/works/10.1234/ratelimited"); n != 2 {
		t.Errorf("rate-limited work asked %d times, want 2", n)
	}
	if elapsed < 50*time.Millisecond || elapsed > 2*time.Second {
		t.Errorf("Check took %v; want Retry-After honoured up to the 50ms cap", elapsed)
	}
	f.handles.mu.Lock()
	paths := f.handlePaths
	f.handles.mu.Unlock()
	for _, p := range paths {
		if strings.Contains(p, "SICI") && !strings.HasSuffix(p, "/10.1002/%28SICI%291097-4636%28199706%2935:4%3C475::AID-JBM8%3E3.0.CO%3B2-I") {
			t.Errorf("SICI DOI sent as %q", p)
		}
	}
	if n := f.handles.count("/api/handles/" + sici); n != 1 {
		t.Errorf("SICI handle asked %d times, want 1", n)
	}
	f.crossref.mu.Lock()
	agents := f.crossref.agents
	f.crossref.mu.Unlock()
	for _, ua := range agents {
		if ua != "articlelint/test (https://github.com/articlelint/articlelint; mailto:lint@example.org)" {
			t.Errorf("Crossref User-Agent %q", ua)
		}
	}
	if n := f.datacite.requests.Load(); n != 2 {
		t.Errorf("DataCite asked %d times, want 2 (dryad and otherRA)", n)
	}
}

func TestDOILinks(t *testing.T) {
	f := newFakeDOI(t)
	site := linkSite(t)
	cfg := f.config()
	c := newChecker(t, cfg)
	urls := []string{"https://doi.org/10.1234/normal", "http://dx.doi.org/10.1234/missing",
		"https://www.doi.org/10.1234/down", "https://doi.org/10.5061/dryad.abc"}
	res := c.Check(context.Background(), urls, []string{"10.1234/normal"})
	want := map[string]struct {
		status LinkStatus
		reason string
	}{
		urls[0]: {LinkOK, ""},
		urls[1]: {LinkBroken, "DOI not found"},
		urls[2]: {LinkUnverifiable, "doi.org: 503 Service Unavailable after 4 tries"},
		urls[3]: {LinkOK, ""},
	}
	for u, w := range want {
		if r := res.Links[u]; r == nil || r.Status != w.status || r.Reason != w.reason {
			t.Errorf("%s: %+v, want %v %q", u, r, w.status, w.reason)
		}
	}
	if r := res.DOIs["10.5061/DRYAD.ABC"]; r == nil || r.Agency != "datacite" {
		t.Errorf("DOI of a doi.org link not checked: %+v", r)
	}
	if site.requests.Load() != 0 {
		t.Error("a link host was asked")
	}
}

func TestCrossrefRateLimitHeaders(t *testing.T) {
	f := newFakeDOI(t)
	f.rateLimit = "10" // per second: 100ms apart
	f.crossrefDelay = 10 * time.Millisecond
	var dois []string
	for i := range 9 {
		dois = append(dois, fmt.Sprintf("10.1234/paced%d", i))
	}
	newChecker(t, f.config()).Check(context.Background(), nil, dois)
	st := f.crossref.startTimes()
	slices.SortFunc(st, func(a, b time.Time) int { return a.Compare(b) })
	// Up to 5 requests start before the first answer brings the headers;
	// the rest must be 100ms apart. The server sees the starts with some
	// jitter, so check the pace over the whole span.
	if len(st) != 9 {
		t.Fatalf("%d Crossref requests, want 9", len(st))
	}
	if span := st[8].Sub(st[5]); span < 250*time.Millisecond {
		t.Errorf("last 4 Crossref requests started within %v, want 100ms apart", span)
	}
}

func TestCrossrefConcurrency(t *testing.T) {
	f := newFakeDOI(t)
	f.crossrefDelay = 30 * time.Millisecond
	cfg := f.config()
	cfg.HostConcurrency = 10
	cfg.MaxConcurrency = 20
	var dois []string
	for i := range 12 {
		dois = append(dois, fmt.Sprintf("10.1234/many%d", i))
	}
	newChecker(t, cfg).Check(context.Background(), nil, dois)
	if m := f.crossref.maxInFlight(); m > 5 {
		t.Errorf("%d Crossref requests in flight, want at most 5", m)
	}
}

func TestNormaliseType(t *testing.T) {
	for in, want := range map[string]string{
		"retraction":            "retraction",
		"Retraction":            "retraction",
		"retracted-article":     "retraction",
		"withdrawal":            "withdrawal",
		"removal":               "removal",
		"partial_retraction":    "partial_retraction",
		"partial-retraction":    "partial_retraction",
		"expression_of_concern": "expression_of_concern",
		"expression-of-concern": "expression_of_concern",
		"Expression of Concern": "expression_of_concern",
		"correction":            "correction",
		"corrigendum":           "correction",
		"erratum":               "erratum",
		"new_version":           "new_version",
		"Addendum":              "addendum",
	} {
		if got := normaliseType(in); got != want {
			t.Errorf("normaliseType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateParts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{`[[2020,5,17]]`, "2020-05-17"},
		{`[[2021,3]]`, "2021-03"},
		{`[[1998]]`, "1998"},
		{`[[null]]`, ""},
		{`[[]]`, ""},
		{`[]`, ""},
	} {
		var dp [][]int
		if err := json.Unmarshal([]byte(tt.in), &dp); err != nil {
			t.Fatal(err)
		}
		if got := dateParts(dp); got != tt.want {
			t.Errorf("dateParts(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Fri, 02 Jan 2026 03:04:35 GMT", 30 * time.Second, true},
		{"Fri, 02 Jan 2026 03:00:00 GMT", 0, true}, // in the past
		{"-3", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	} {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRateInterval(t *testing.T) {
	for _, tt := range []struct {
		limit, interval string
		want            time.Duration
	}{
		{"50", "1s", 20 * time.Millisecond},
		{"3000", "60s", 20 * time.Millisecond},
		{"5", "1", 200 * time.Millisecond},
		{"0", "1s", 0},
		{"", "1s", 0},
		{"50", "", 0},
	} {
		h := http.Header{}
		h.Set("X-Rate-Limit-Limit", tt.limit)
		h.Set("X-Rate-Limit-Interval", tt.interval)
		if got := rateInterval(h); got != tt.want {
			t.Errorf("rateInterval(%q, %q) = %v, want %v", tt.limit, tt.interval, got, tt.want)
		}
	}
}

func TestResolverDOI(t *testing.T) {
	for _, tt := range []struct {
		in, doi string
	}{
		{"https://doi.org/10.1234/abc", "10.1234/abc"},
		{"http://dx.doi.org/10.1234/abc", "10.1234/abc"},
		{"https://www.doi.org/10.1234/a%3Cb%3E", "10.1234/a<b>"},
		{"https://DOI.org/10.1234/abc?x=1#f", "10.1234/abc"},
		{"https://doi.org/", ""},
		{"https://doi.org/about", ""},
		{"https://example.org/10.1234/abc", ""},
		{"ftp://doi.org/10.1234/abc", ""},
	} {
		got, ok := resolverDOI(tt.in)
		if got != tt.doi || ok != (tt.doi != "") {
			t.Errorf("resolverDOI(%q) = %q, %v; want %q", tt.in, got, ok, tt.doi)
		}
	}
}

func FuzzParseCrossref(f *testing.F) {
	for _, body := range crossrefWorks {
		f.Add([]byte(body))
	}
	f.Add([]byte(`{"message":{"updated-by":[{"updated":{"date-parts":[[]]}}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var res DOIResult
		_ = parseCrossref(&response{body: body}, &res)
	})
}
