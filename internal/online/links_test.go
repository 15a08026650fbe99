package online

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// linkSite is a host with one page for each behaviour a link check meets.
func linkSite(t *testing.T) *server {
	var flaky, ra atomic.Int64
	chunk := make([]byte, 32<<10)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<html>ok</html>") })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { waitDone(r, 5*time.Second) })
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "back")
	})
	mux.HandleFunc("/ra", func(w http.ResponseWriter, r *http.Request) {
		if ra.Add(1) == 1 {
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/always429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	redirect := func(code int, to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	mux.HandleFunc("/r1", redirect(301, "/r2"))
	mux.HandleFunc("/r2", redirect(308, "/final"))
	mux.HandleFunc("/t1", redirect(301, "/t2"))
	mux.HandleFunc("/t2", redirect(302, "/final"))
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "final") })
	mux.HandleFunc("/loop-a", redirect(301, "/loop-b"))
	mux.HandleFunc("/loop-b", redirect(301, "/loop-a"))
	mux.HandleFunc("/to-gone", redirect(301, "/gone"))
	mux.HandleFunc("/to-ftp", redirect(302, "ftp://files.example/x"))
	for i := range 12 {
		mux.HandleFunc(fmt.Sprintf("/chain%d", i), redirect(302, fmt.Sprintf("/chain%d", i+1)))
	}
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusUnauthorized) })
	mux.HandleFunc("/linkedin", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(999) })
	mux.HandleFunc("/challenge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(100<<20))
		for range (100 << 20) / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) })
	mux.HandleFunc("/removed", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/teapot", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/count", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "counted") })
	mux.HandleFunc("/sleep", func(w http.ResponseWriter, r *http.Request) { time.Sleep(40 * time.Millisecond) })
	return newServer(t, mux)
}

func TestLinks(t *testing.T) {
	s := linkSite(t)
	u := func(p string) string { return s.URL + p }
	cfg := testConfig()
	cfg.AllowPrivate = true // the site is on 127.0.0.1
	cfg.Timeout = 150 * time.Millisecond
	cfg.MaxRetries = 2
	cfg.Exclude = []*regexp.Regexp{regexp.MustCompile(`^https://skip\.example/`)}
	c := newChecker(t, cfg)

	tests := []struct {
		path      string
		status    LinkStatus
		code      int
		reason    string // substring
		final     string // path of FinalURL, "" for none
		permanent bool
		requests  int // on the path itself, 0 = don't care
	}{
		{path: "/ok", status: LinkOK, code: 200},
		{path: "/slow", status: LinkUnverifiable, reason: "timeout after 3 tries", requests: 3},
		{path: "/flaky", status: LinkOK, code: 200, requests: 3},
		{path: "/ra", status: LinkOK, code: 200, requests: 2},
		{path: "/always429", status: LinkUnverifiable, code: 429, reason: "429: rate limited after 3 tries", requests: 3},
		{path: "/r1", status: LinkRedirect, code: 200, final: "/final", permanent: true, reason: "moved permanently to " + u("/final")},
		{path: "/t1", status: LinkOK, code: 200, final: "/final"},
		{path: "/loop-a", status: LinkBroken, code: 301, reason: "redirect loop", final: "/loop-b", permanent: true},
		{path: "/to-gone", status: LinkBroken, code: 404, final: "/gone", permanent: true, reason: "404 Not Found"},
		{path: "/to-ftp", status: LinkUnverifiable, code: 302, reason: "redirects to scheme ftp", final: "ftp://files.example/x"},
		{path: "/chain0", status: LinkBroken, code: 302, reason: "more than 10 redirects", final: "/chain10"},
		{path: "/forbidden", status: LinkUnverifiable, code: 403, reason: "403: the site blocks automated checks"},
		{path: "/login", status: LinkUnverifiable, code: 401, reason: "401"},
		{path: "/linkedin", status: LinkUnverifiable, code: 999, reason: "999: the site blocks automated checks"},
		{path: "/challenge", status: LinkUnverifiable, code: 403, reason: "bot challenge"},
		{path: "/huge", status: LinkOK, code: 200},
		{path: "/gone", status: LinkBroken, code: 404, reason: "404 Not Found", requests: 2}, // one from /to-gone
		{path: "/removed", status: LinkBroken, code: 410, reason: "410 Gone"},
		{path: "/teapot", status: LinkBroken, code: 418, reason: "418 I'm a teapot"},
		{path: "/error", status: LinkBroken, code: 500, reason: "500 Internal Server Error after 3 tries", requests: 3},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, u(tt.path))
	}
	odd := []string{"mailto:someone@example.org", "ftp://files.example/x", "https://skip.example/page", "http://nowhere.invalid/"}
	start := time.Now()
	res := c.Check(context.Background(), append(urls, odd...), nil)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Check took %v", d)
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := res.Links[u(tt.path)]
			if r == nil {
				t.Fatal("no result")
			}
			if r.Status != tt.status || (tt.code != 0 && r.Code != tt.code) || !strings.Contains(r.Reason, tt.reason) {
				t.Errorf("got %v %d %q, want %v %d %q", r.Status, r.Code, r.Reason, tt.status, tt.code, tt.reason)
			}
			wantFinal := tt.final
			if strings.HasPrefix(tt.final, "/") {
				wantFinal = u(tt.final)
			}
			if r.FinalURL != wantFinal || r.Permanent != tt.permanent {
				t.Errorf("final %q permanent %v, want %q %v", r.FinalURL, r.Permanent, wantFinal, tt.permanent)
			}
			if n := s.count(tt.path); tt.requests != 0 && n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
		})
	}
	want := map[string]struct {
		status LinkStatus
		reason string
	}{
		odd[0]: {LinkUnverifiable, "scheme mailto is not checked"},
		odd[1]: {LinkUnverifiable, "scheme ftp is not checked"},
		odd[2]: {LinkExcluded, `matches exclude pattern ^https://skip\.example/`},
		odd[3]: {LinkBroken, "host nowhere.invalid not found"},
	}
	for link, w := range want {
		if r := res.Links[link]; r == nil || r.Status != w.status || r.Reason != w.reason {
			t.Errorf("%s: got %+v, want %v %q", link, r, w.status, w.reason)
		}
	}
	if got := s.count("/loop-a") + s.count("/loop-b"); got != 2 {
		t.Errorf("redirect loop: %d requests, want 2", got)
	}
	if int(res.Requests) != int(s.requests.Load()) {
		t.Errorf("Results.Requests = %d, server saw %d", res.Requests, s.requests.Load())
	}
}

func TestConnectionRefused(t *testing.T) {
	s := newServer(t, http.NotFoundHandler())
	addr := s.URL
	s.Close() // nothing listens there now
	cfg := testConfig()
	cfg.AllowPrivate = true
	res := newChecker(t, cfg).Check(context.Background(), []string{addr + "/x"}, nil)
	if r := res.Links[addr+"/x"]; r.Status != LinkBroken || r.Reason != "connection refused" {
		t.Errorf("got %v %q, want broken, connection refused", r.Status, r.Reason)
	}
}

func TestHugeBodyIsCapped(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	start := time.Now()
	res := newChecker(t, cfg).Check(context.Background(), []string{s.URL + "/huge"}, nil)
	if r := res.Links[s.URL+"/huge"]; r.Status != LinkOK {
		t.Errorf("got %+v", r)
	}
	// Reading 100 MB over loopback takes well over this; reading 64 KiB
	// does not.
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v: body not capped", d)
	}
}

func TestDedup(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	var urls []string
	for range 50 {
		urls = append(urls, s.URL+"/count")
	}
	urls = append(urls, s.URL+"/count#a", s.URL+"/count#b")
	res := newChecker(t, cfg).Check(context.Background(), urls, nil)
	if n := s.count("/count"); n != 1 || res.Requests != 1 {
		t.Errorf("%d requests to the server, Results.Requests %d; want 1, 1", n, res.Requests)
	}
	if len(res.Links) != 3 {
		t.Errorf("%d results, want 3", len(res.Links))
	}
	for _, u := range []string{s.URL + "/count", s.URL + "/count#a", s.URL + "/count#b"} {
		if r := res.Links[u]; r == nil || r.URL != u || r.Status != LinkOK {
			t.Errorf("%s: %+v", u, r)
		}
	}
}

func TestRedirectKeepsFragment(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	res := newChecker(t, cfg).Check(context.Background(), []string{s.URL + "/r1#methods"}, nil)
	if r := res.Links[s.URL+"/r1#methods"]; r.FinalURL != s.URL+"/final#methods" || r.Reason != "moved permanently to "+r.FinalURL {
		t.Errorf("FinalURL %q, Reason %q", r.FinalURL, r.Reason)
	}
}

func TestHostPoliteness(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	cfg.HostConcurrency = 2
	cfg.HostInterval = 30 * time.Millisecond
	var urls []string
	for i := range 8 {
		urls = append(urls, fmt.Sprintf("%s/sleep?%d", s.URL, i))
	}
	newChecker(t, cfg).Check(context.Background(), urls, nil)
	if m := s.maxInFlight(); m > 2 {
		t.Errorf("%d requests in flight to one host, want at most 2", m)
	}
	// Starts are spaced at the client; the server sees them with some
	// jitter, so check the pace over the whole run.
	st := s.startTimes()
	if span := st[len(st)-1].Sub(st[0]); span < time.Duration(len(st)-1)*30*time.Millisecond-10*time.Millisecond {
		t.Errorf("%d requests started within %v, want them 30ms apart", len(st), span)
	}
}

func TestGlobalConcurrency(t *testing.T) {
	var in, maxIn atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := in.Add(1)
		for {
			m := maxIn.Load()
			if n <= m || maxIn.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		in.Add(-1)
	})
	var urls []string
	for range 3 {
		s := newServer(t, h)
		for i := range 4 {
			urls = append(urls, fmt.Sprintf("%s/%d", s.URL, i))
		}
	}
	cfg := testConfig()
	cfg.AllowPrivate = true
	cfg.MaxConcurrency = 2
	newChecker(t, cfg).Check(context.Background(), urls, nil)
	if m := maxIn.Load(); m > 2 {
		t.Errorf("%d requests in flight, want at most 2", m)
	}
}

func TestAcceptCodes(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	cfg.Accept = []int{200, 418}
	res := newChecker(t, cfg).Check(context.Background(), []string{s.URL + "/teapot"}, nil)
	if r := res.Links[s.URL+"/teapot"]; r.Status != LinkOK {
		t.Errorf("got %+v", r)
	}
}

func TestCanceled(t *testing.T) {
	s := linkSite(t)
	f := newFakeDOI(t)
	cfg := f.config()
	cfg.AllowPrivate = true
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := newChecker(t, cfg).Check(ctx, []string{s.URL + "/ok"}, []string{"10.1234/normal"})
	if r := res.Links[s.URL+"/ok"]; r.Status != LinkUnverifiable || r.Reason != "check canceled" {
		t.Errorf("link: %+v", r)
	}
	if r := res.DOIs["10.1234/NORMAL"]; r.Status != DOIUnknown {
		t.Errorf("DOI: %+v", r)
	}
	if res.Requests != 0 {
		t.Errorf("%d requests after cancel", res.Requests)
	}
}

func TestDeadline(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.AllowPrivate = true
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	res := newChecker(t, cfg).Check(ctx, []string{s.URL + "/slow"}, nil)
	if r := res.Links[s.URL+"/slow"]; r.Status != LinkUnverifiable || r.Reason != "check stopped: time limit reached" {
		t.Errorf("got %+v", r)
	}
}

// TestGitHubToken checks the token goes to github.com and api.github.com over
// HTTPS and nowhere else, not even after a redirect.
func TestGitHubToken(t *testing.T) {
	var mu sync.Mutex
	auth := map[string]string{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth[r.Host+r.URL.Path] = r.Header.Get("Authorization")
		mu.Unlock()
		if r.URL.Path == "/org/repo" {
			http.Redirect(w, r, "https://objects.example/blob", http.StatusFound)
		}
	})
	plain := httptest.NewServer(h)
	defer plain.Close()
	secure := httptest.NewTLSServer(h)
	defer secure.Close()
	cfg := testConfig()
	cfg.GitHubToken = "secret"
	// Public-looking addresses, all sent by the injected transport to the
	// local servers: nothing leaves the machine.
	cfg.Resolver = fakeResolver{"github.com": {"192.0.2.1"}, "objects.example": {"192.0.2.2"}, "api.github.com": {"192.0.2.3"}}
	cfg.Transport = &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // the test certificate is not for github.com
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			target := plain.Listener.Addr().String()
			if _, port, _ := net.SplitHostPort(addr); port == "443" {
				target = secure.Listener.Addr().String()
			}
			return (&net.Dialer{}).DialContext(ctx, network, target)
		},
	}
	res := newChecker(t, cfg).Check(context.Background(),
		[]string{"https://github.com/org/repo", "https://api.github.com/repos/x", "http://github.com/plain"}, nil)
	for u, r := range res.Links {
		if r.Status != LinkOK {
			t.Errorf("%s: %+v", u, r)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]string{
		"github.com/org/repo":    "Bearer secret",
		"api.github.com/repos/x": "Bearer secret",
		"objects.example/blob":   "",
		"github.com/plain":       "",
	}
	for k, v := range want {
		if got, ok := auth[k]; !ok || got != v {
			t.Errorf("%s: Authorization %q (requested: %v), want %q", k, got, ok, v)
		}
	}
}
