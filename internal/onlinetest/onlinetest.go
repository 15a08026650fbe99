// Package onlinetest emulates, on one loopback server, the services that
// articlelint's online checks ask about DOIs: doi.org's handle API,
// Crossref's and DataCite's REST APIs and Europe PMC's search. It answers
// from fixture files written in each service's own JSON shapes, so that
// tests, test scripts and benchmarks check sources without the network.
//
// Point every service at the one server:
//
//	online.Config{DOIResolver: s.URL, CrossrefAPI: s.URL, DataCiteAPI: s.URL, EuropePMCAPI: s.URL}
//
// Paths: /api/handles/{doi} (doi.org), /works/{doi} (Crossref),
// /dois/{doi} (DataCite: always 404), /search?query=DOI:"{doi}"&resultType=core&format=json
// (Europe PMC).
package onlinetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/articlelint/articlelint/internal/doi"
)

// Fixtures are the services' answers, by doi.Key.
type Fixtures struct {
	// Crossref holds /works answers ({"message": {...}}).
	Crossref map[string][]byte
	// EuropePMC holds search answers ({"resultList": {"result": [...]}}).
	EuropePMC map[string][]byte
}

// Load reads every *.json file in dir. A file whose object has "message"
// is a Crossref work, filed under message.DOI; one with "resultList" is a
// Europe PMC search answer, filed under the DOI of its query
// (request.queryString DOI:"...") or else of its first result.
func Load(dir string) (*Fixtures, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no *.json fixtures", dir)
	}
	sort.Strings(paths)
	f := &Fixtures{Crossref: map[string][]byte{}, EuropePMC: map[string][]byte{}}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var probe struct {
			Message *struct {
				DOI string `json:"DOI"`
			} `json:"message"`
			Request *struct {
				QueryString string `json:"queryString"`
			} `json:"request"`
			ResultList *struct {
				Result []struct {
					DOI string `json:"doi"`
				} `json:"result"`
			} `json:"resultList"`
		}
		if err := json.Unmarshal(b, &probe); err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		switch {
		case probe.Message != nil && probe.Message.DOI != "":
			f.Crossref[doi.Key(probe.Message.DOI)] = b
		case probe.ResultList != nil:
			d := ""
			if probe.Request != nil {
				d, _ = queryDOI(probe.Request.QueryString)
			}
			if d == "" && len(probe.ResultList.Result) > 0 {
				d = probe.ResultList.Result[0].DOI
			}
			if d == "" {
				return nil, fmt.Errorf("%s: a Europe PMC answer names no DOI (request.queryString or a result's doi)", p)
			}
			f.EuropePMC[doi.Key(d)] = b
		default:
			return nil, fmt.Errorf("%s: neither a Crossref work (message.DOI) nor a Europe PMC search answer (resultList)", p)
		}
	}
	return f, nil
}

// queryDOI reads the DOI of a Europe PMC query: DOI:"10.1234/x".
func queryDOI(q string) (string, bool) {
	d, ok := strings.CutPrefix(strings.TrimSpace(q), `DOI:"`)
	if !ok {
		return "", false
	}
	d, ok = strings.CutSuffix(d, `"`)
	return strings.ReplaceAll(d, `\"`, `"`), ok
}

// Handler answers as the services do. It is safe for concurrent use.
type Handler struct {
	f        *Fixtures
	requests atomic.Int64

	mu sync.Mutex
	// fail maps a doi.Key to the status Europe PMC answers for it.
	fail map[string]int
}

// NewHandler returns a handler answering from f.
func NewHandler(f *Fixtures) *Handler { return &Handler{f: f, fail: map[string]int{}} }

// FailEuropePMC makes Europe PMC answer status (429, 503, ...) for d.
func (h *Handler) FailEuropePMC(d string, status int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fail[doi.Key(d)] = status
}

// Requests is how many requests the handler has answered.
func (h *Handler) Requests() int64 { return h.requests.Load() }

// ServeHTTP answers one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.requests.Add(1)
	path := r.URL.EscapedPath()
	unescape := func(prefix string) string {
		d, _ := url.PathUnescape(strings.TrimPrefix(path, prefix))
		return d
	}
	switch {
	case strings.HasPrefix(path, "/api/handles/"):
		d := unescape("/api/handles/")
		k := doi.Key(d)
		w.Header().Set("Content-Type", "application/json")
		if h.f.Crossref[k] == nil && h.f.EuropePMC[k] == nil {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `{"responseCode":100,"handle":%q}`, d)
			return
		}
		fmt.Fprintf(w, `{"responseCode":1,"handle":%q,"values":[{"index":1,"type":"URL","data":{"format":"string","value":"https://example.org/%s"}}]}`, d, d)
	case strings.HasPrefix(path, "/works/"):
		b := h.f.Crossref[doi.Key(unescape("/works/"))]
		if b == nil {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "Resource not found.")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	case strings.HasPrefix(path, "/dois/"):
		w.Header().Set("Content-Type", "application/vnd.api+json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"errors":[{"status":"404","title":"The resource you are looking for doesn't exist."}]}`)
	case path == "/search" || strings.HasSuffix(path, "/search"):
		q := r.URL.Query()
		d, ok := queryDOI(q.Get("query"))
		if !ok || q.Get("format") != "json" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"errCode":400,"errMsg":"bad query %q"}`, q.Get("query"))
			return
		}
		k := doi.Key(d)
		h.mu.Lock()
		status := h.fail[k]
		h.mu.Unlock()
		if status != 0 {
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		if b := h.f.EuropePMC[k]; b != nil {
			w.Write(b)
			return
		}
		fmt.Fprintf(w, `{"version":"6.9","hitCount":0,"request":{"queryString":%q,"resultType":"core","cursorMark":"*","pageSize":25,"sort":"","synonym":false},"resultList":{"result":[]}}`, q.Get("query"))
	default:
		http.NotFound(w, r)
	}
}

// Start serves f on a loopback port until Close.
func Start(f *Fixtures) *Server {
	h := NewHandler(f)
	return &Server{Handler: h, Server: httptest.NewServer(h)}
}

// Server is a running emulator.
type Server struct {
	*Handler
	*httptest.Server
}
