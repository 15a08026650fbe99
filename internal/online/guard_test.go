package online

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestClassify(t *testing.T) {
	for _, tt := range []struct{ addr, kind string }{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"10.0.0.1", "private"},
		{"172.16.5.4", "private"},
		{"172.31.255.255", "private"},
		{"172.32.0.1", ""},
		{"192.168.1.1", "private"},
		{"100.64.0.1", "shared (CGNAT)"},
		{"100.128.0.1", ""},
		{"169.254.169.254", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"224.0.0.251", "multicast"},
		{"255.255.255.255", "reserved"},
		{"8.8.8.8", ""},
		{"192.0.2.1", ""},
		{"::1", "loopback"},
		{"::", "unspecified"},
		{"fd00::1", "private"},
		{"fc00::1", "private"},
		{"fe80::1", "link-local"},
		{"ff02::1", "multicast"},
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:10.1.2.3", "private"},
		{"64:ff9b::a01:203", "private"}, // NAT64 of 10.1.2.3
		{"64:ff9b::808:808", ""},        // NAT64 of 8.8.8.8
		{"2001:4860:4860::8888", ""},
	} {
		if got := classify(netip.MustParseAddr(tt.addr)); got != tt.kind {
			t.Errorf("classify(%s) = %q, want %q", tt.addr, got, tt.kind)
		}
	}
}

func TestRefusedMessage(t *testing.T) {
	e := &RefusedError{Addr: netip.MustParseAddr("127.0.0.1"), Kind: "loopback"}
	if got, want := e.Error(), "refused: 127.0.0.1 is a loopback address (set online.allow-private: true to check it)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDialControl checks the second line of defence: the dialer's Control
// hook refuses a private address even if resolution were bypassed.
func TestDialControl(t *testing.T) {
	d := &net.Dialer{}
	newGuard(false, fakeResolver{}, d)
	var refused *RefusedError
	if err := d.Control("tcp4", "127.0.0.1:80", nil); !errors.As(err, &refused) {
		t.Errorf("Control(127.0.0.1) = %v, want refusal", err)
	}
	if err := d.Control("tcp4", "8.8.8.8:443", nil); err != nil {
		t.Errorf("Control(8.8.8.8) = %v, want nil", err)
	}
	d = &net.Dialer{}
	newGuard(true, fakeResolver{}, d)
	if d.Control != nil {
		t.Error("AllowPrivate still installs a Control hook")
	}
}

// TestPrivateRefused checks that by default no link reaches a loopback or
// private address, named directly or through DNS, and that no connection is
// even opened.
func TestPrivateRefused(t *testing.T) {
	s := linkSite(t)
	port := s.Listener.Addr().(*net.TCPAddr).Port
	cfg := testConfig()
	cfg.Resolver = fakeResolver{
		"internal.test": {"127.0.0.1"},
		"intranet.test": {"10.1.2.3"},
		"mixed.test":    {"fd12::1", "192.168.0.10"},
	}
	c := newChecker(t, cfg)
	// Should the guard ever regress, dials to anything but loopback fail
	// here instead of leaving the machine.
	var elsewhere atomic.Int64
	realDial := c.guard.dial
	c.guard.dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if ap, err := netip.ParseAddrPort(addr); err == nil && ap.Addr().IsLoopback() {
			return realDial(ctx, network, addr)
		}
		elsewhere.Add(1)
		return nil, fmt.Errorf("test dialer: refusing %s", addr)
	}
	want := map[string]string{
		s.URL + "/ok": "refused: 127.0.0.1 is a loopback address (set online.allow-private: true to check it)",
		fmt.Sprintf("http://internal.test:%d/ok", port): "refused: 127.0.0.1 is a loopback address",
		"http://intranet.test/":                         "refused: 10.1.2.3 is a private address",
		"https://mixed.test/":                           "refused: fd12::1 is a private address",
		"http://[::1]:1/":                               "refused: ::1 is a loopback address",
		"http://169.254.169.254/latest/meta-data/":      "refused: 169.254.169.254 is a link-local address",
		"http://0.0.0.0:1/":                             "refused: 0.0.0.0 is an unspecified address",
		"http://100.64.1.1/":                            "refused: 100.64.1.1 is a shared (CGNAT) address",
	}
	var urls []string
	for u := range want {
		urls = append(urls, u)
	}
	res := c.Check(context.Background(), urls, nil)
	for u, reason := range want {
		r := res.Links[u]
		if r.Status != LinkUnverifiable || !strings.HasPrefix(r.Reason, reason) {
			t.Errorf("%s: %v %q, want unverifiable %q", u, r.Status, r.Reason, reason)
		}
	}
	if n := s.conns.Load(); n != 0 {
		t.Errorf("%d connections reached the server", n)
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("%d dials to non-loopback addresses", n)
	}
	if res.Requests != 0 {
		t.Errorf("Results.Requests = %d, want 0", res.Requests)
	}
}

// TestRedirectToPrivateRefused checks the guard on every hop: a public page
// that redirects to a loopback or private address is stopped there.
func TestRedirectToPrivateRefused(t *testing.T) {
	inner := linkSite(t)
	outer := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, inner.URL+"/ok", http.StatusFound)
		case "/to-intranet":
			http.Redirect(w, r, "http://intranet.test/admin", http.StatusMovedPermanently)
		}
	}))
	cfg := testConfig()
	cfg.Resolver = fakeResolver{"public.test": {"192.0.2.10"}, "intranet.test": {"10.1.2.3"}}
	c := newChecker(t, cfg)
	// public.test's documentation address is routed to the outer server;
	// any other dial fails here, so the test can reach nothing else.
	outerAddr := outer.Listener.Addr().String()
	c.guard.dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, _ := net.SplitHostPort(addr); host == "192.0.2.10" {
			return (&net.Dialer{}).DialContext(ctx, network, outerAddr)
		}
		return nil, fmt.Errorf("test dialer: unexpected dial to %s", addr)
	}
	res := c.Check(context.Background(), []string{"http://public.test/to-loopback", "http://public.test/to-intranet"}, nil)
	for _, tt := range []struct{ url, final, reason string }{
		{"http://public.test/to-loopback", inner.URL + "/ok", "refused: 127.0.0.1 is a loopback address"},
		{"http://public.test/to-intranet", "http://intranet.test/admin", "refused: 10.1.2.3 is a private address"},
	} {
		r := res.Links[tt.url]
		if r.Status != LinkUnverifiable || !strings.HasPrefix(r.Reason, tt.reason) || r.FinalURL != tt.final {
			t.Errorf("%s: %+v, want unverifiable %q at %s", tt.url, r, tt.reason, tt.final)
		}
	}
	if n := outer.requests.Load(); n != 2 {
		t.Errorf("outer server saw %d requests, want 2", n)
	}
	if n := inner.conns.Load(); n != 0 {
		t.Errorf("%d connections reached the loopback server", n)
	}
}

func TestAllowPrivate(t *testing.T) {
	s := linkSite(t)
	port := s.Listener.Addr().(*net.TCPAddr).Port
	cfg := testConfig()
	cfg.AllowPrivate = true
	cfg.Resolver = fakeResolver{"internal.test": {"127.0.0.1"}}
	named := fmt.Sprintf("http://internal.test:%d/ok", port)
	res := newChecker(t, cfg).Check(context.Background(), []string{s.URL + "/ok", named}, nil)
	for _, u := range []string{s.URL + "/ok", named} {
		if r := res.Links[u]; r.Status != LinkOK {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if s.conns.Load() == 0 || s.count("/ok") != 2 {
		t.Errorf("%d connections, %d requests; want both links checked", s.conns.Load(), s.count("/ok"))
	}
}

// TestInjectedTransportGuarded checks that a Config.Transport, which dials
// on its own, still cannot be pointed at a private address.
func TestInjectedTransportGuarded(t *testing.T) {
	s := linkSite(t)
	cfg := testConfig()
	cfg.Transport = http.DefaultTransport
	res := newChecker(t, cfg).Check(context.Background(), []string{s.URL + "/ok"}, nil)
	if r := res.Links[s.URL+"/ok"]; r.Status != LinkUnverifiable || !strings.HasPrefix(r.Reason, "refused: 127.0.0.1") {
		t.Errorf("got %+v", r)
	}
	if n := s.conns.Load(); n != 0 {
		t.Errorf("%d connections reached the server", n)
	}
}
