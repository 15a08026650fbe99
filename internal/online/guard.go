package online

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// Resolver looks up the addresses of a host name. *net.Resolver implements it.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// RefusedError is returned when the SSRF guard stops a connection.
type RefusedError struct {
	Addr netip.Addr
	Kind string // "loopback", "private", "link-local", ...
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refused: %s is %s address (set online.allow-private: true to check it)", e.Addr, article(e.Kind))
}

func article(kind string) string {
	switch kind[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + kind
	}
	return "a " + kind
}

// blocked lists the ranges an article link may not reach unless AllowPrivate
// is set: anything that is not the public Internet, where a link could reach
// the machine running the linter or its network.
var blocked = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (CGNAT)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("fc00::/7"), "private"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// nat64 is the well-known NAT64 prefix: its last 32 bits are an IPv4 address
// that a NAT64 gateway would connect to, so that address is what is checked.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// classify returns why a may not be reached, or "" if it may.
func classify(a netip.Addr) string {
	a = a.Unmap()
	if nat64.Contains(a) {
		b := a.As16()
		a = netip.AddrFrom4([4]byte(b[12:]))
	}
	for _, r := range blocked {
		if r.prefix.Contains(a) {
			return r.kind
		}
	}
	return ""
}

// guard dials only addresses that classify allows, unless allowPrivate.
// Checking at dial time, after resolution, covers every redirect and defeats
// DNS answers that change between a check and the connection.
type guard struct {
	allowPrivate bool
	resolver     Resolver
	// dial connects to one resolved address; tests replace it so that
	// "public" addresses reach a local server.
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

func newGuard(allowPrivate bool, r Resolver, d *net.Dialer) *guard {
	if r == nil {
		r = net.DefaultResolver
	}
	g := &guard{allowPrivate: allowPrivate, resolver: r}
	if !allowPrivate {
		// A second check on the address the socket is really connecting
		// to, in case anything upstream resolved differently.
		d.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return err
			}
			if kind := classify(ap.Addr()); kind != "" {
				return &RefusedError{Addr: ap.Addr().Unmap(), Kind: kind}
			}
			return nil
		}
	}
	g.dial = d.DialContext
	return g
}

// resolve returns the addresses of host that may be dialled. It fails with a
// *RefusedError when every address is refused.
func (g *guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ips, err := g.resolver.LookupIPAddr(ctx, host)
		if err != nil {
			return nil, err
		}
		for _, ip := range ips {
			if a, ok := netip.AddrFromSlice(ip.IP); ok {
				addrs = append(addrs, a.Unmap())
			}
		}
		if len(addrs) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
	}
	if g.allowPrivate {
		return addrs, nil
	}
	var ok []netip.Addr
	var refused error
	for _, a := range addrs {
		if kind := classify(a); kind != "" {
			if refused == nil {
				refused = &RefusedError{Addr: a.Unmap(), Kind: kind}
			}
			continue
		}
		ok = append(ok, a)
	}
	if len(ok) == 0 {
		return nil, refused
	}
	return ok, nil
}

// DialContext resolves addr's host, refuses disallowed addresses and dials
// the allowed ones in turn.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	addrs, err := g.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, a := range addrs {
		c, err := g.dial(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}
