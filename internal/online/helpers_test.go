package online

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeResolver answers from a map and says "not found" for every other
// name, so no test can reach real DNS or the network.
type fakeResolver map[string][]string

func (f fakeResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	ips, ok := f[strings.ToLower(host)]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []net.IPAddr
	for _, s := range ips {
		out = append(out, net.IPAddr{IP: net.ParseIP(s)})
	}
	return out, nil
}

// server is an httptest server that counts connections and requests and
// tracks how many requests were in flight at once.
type server struct {
	*httptest.Server
	conns    atomic.Int64
	requests atomic.Int64

	mu       sync.Mutex
	inFlight int
	maxIn    int
	starts   []time.Time
	paths    map[string]int
	agents   []string
	auth     []string
}

func newServer(t *testing.T, h http.Handler) *server {
	t.Helper()
	s := &server{paths: map[string]int{}}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		s.mu.Lock()
		s.inFlight++
		s.maxIn = max(s.maxIn, s.inFlight)
		s.starts = append(s.starts, time.Now())
		s.paths[r.URL.Path]++
		s.agents = append(s.agents, r.UserAgent())
		s.auth = append(s.auth, r.Header.Get("Authorization"))
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			s.inFlight--
			s.mu.Unlock()
		}()
		h.ServeHTTP(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *server) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paths[path]
}

func (s *server) maxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxIn
}

func (s *server) startTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.starts...)
}

// testConfig is a fast configuration whose resolver knows no real names.
func testConfig() Config {
	return Config{
		Resolver:      fakeResolver{},
		Timeout:       2 * time.Second,
		HostInterval:  -1,
		RetryBackoff:  time.Millisecond,
		RetryAfterCap: 50 * time.Millisecond,
		Version:       "test",
	}
}

func newChecker(t *testing.T, cfg Config) *Checker {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// waitDone fails the test if the handler blocks the server for long after
// the client has gone.
func waitDone(r *http.Request, d time.Duration) {
	select {
	case <-r.Context().Done():
	case <-time.After(d):
	}
}
