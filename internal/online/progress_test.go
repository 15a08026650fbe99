package online

import (
	"context"
	"net/http"
	"runtime"
	"testing"
)

// While a Check runs, Progress shows the requests in flight and the hosts
// whose limit holds others back; when it ends, everything is checked.
func TestProgress(t *testing.T) {
	entered := make(chan struct{}, 4)
	release := make(chan struct{})
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	}))
	cfg := testConfig()
	cfg.AllowPrivate = true
	cfg.HostConcurrency = 1
	c := newChecker(t, cfg)
	urls := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c", "ftp://example.org/x"}
	done := make(chan *Results)
	go func() { done <- c.Check(context.Background(), urls, nil) }()
	<-entered // one request is at the server; the others wait for the host
	var p Progress
	for {
		p = c.Progress()
		if p.HostsWaiting == 1 {
			break
		}
		runtime.Gosched()
	}
	if p.Total != 4 || p.Checked != 1 || p.InFlight != 1 {
		t.Errorf("during the check: %+v; want 1 of 4 checked (the ftp link), 1 in flight, 1 host waiting", p)
	}
	close(release)
	<-done
	if p := c.Progress(); p.Checked != 4 || p.Total != 4 || p.InFlight != 0 || p.HostsWaiting != 0 {
		t.Errorf("after the check: %+v; want 4 of 4 and nothing in flight or waiting", p)
	}
}
