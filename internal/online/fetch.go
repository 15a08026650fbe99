package online

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// response is a finished HTTP exchange with as much body as was asked for.
type response struct {
	code   int
	header http.Header
	body   []byte
	tooBig bool // the body was longer than kept
	tries  int
}

// errStopped marks a request abandoned because the caller's context ended,
// as opposed to a per-request timeout.
var errStopped = errors.New("check stopped")

func stopped(ctx context.Context) error { return fmt.Errorf("%w: %w", errStopped, ctx.Err()) }

// fetchError is the last error of a request and how many tries it took.
type fetchError struct {
	err   error
	tries int
}

func (e *fetchError) Error() string { return e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

// request says how to send one GET.
type request struct {
	service bool  // to a trusted DOI service: no guard, service User-Agent
	keep    int64 // body bytes to keep (JSON); 0 = read up to linkBodyRead and discard
}

// fetch GETs u with the host's politeness limits and retries on 408, 429, 5xx
// and transient network errors.
func (c *Checker) fetch(ctx context.Context, r *run, q request, u *url.URL) (*response, error) {
	lim := c.hosts.get(hostKey(u))
	for tries := 1; ; tries++ {
		if err := lim.acquire(ctx); err != nil {
			return nil, &fetchError{stopped(ctx), tries - 1}
		}
		select {
		case c.global <- struct{}{}:
		case <-ctx.Done():
			lim.release()
			return nil, &fetchError{stopped(ctx), tries - 1}
		}
		resp, err := c.once(ctx, r, q, u)
		if resp != nil && q.service && hostKey(u) == c.crossref {
			// Before releasing the slot, so that no waiting request
			// starts at the old pace.
			if d := rateInterval(resp.header); d > 0 {
				lim.slowTo(min(d, max(c.cfg.RetryAfterCap, time.Second)))
			}
		}
		<-c.global
		lim.release()
		if ctx.Err() != nil {
			return nil, &fetchError{stopped(ctx), tries}
		}
		if resp != nil {
			resp.tries = tries
		}
		if tries > c.cfg.MaxRetries || !retryable(resp, err) {
			if err != nil {
				return nil, &fetchError{err, tries}
			}
			return resp, nil
		}
		wait := c.backoff(tries)
		if resp != nil && (resp.code == http.StatusTooManyRequests || resp.code == http.StatusServiceUnavailable) {
			if d, ok := retryAfter(resp.header.Get("Retry-After"), time.Now()); ok {
				// The host asked everyone to wait, not just this request.
				wait = min(d, c.cfg.RetryAfterCap)
				lim.pauseUntil(time.Now().Add(wait))
			}
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, &fetchError{stopped(ctx), tries}
		}
	}
}

// once sends one GET within the per-request timeout and reads the body.
func (c *Checker) once(ctx context.Context, r *run, q request, u *url.URL) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	client := c.links
	if q.service {
		client = c.services
		req.Header.Set("User-Agent", c.svcUA)
		req.Header.Set("Accept", "application/json")
	} else {
		req.Header.Set("User-Agent", c.ua)
		req.Header.Set("Accept", defaultHTMLAccept)
		if c.cfg.GitHubToken != "" && u.Scheme == "https" {
			switch strings.ToLower(u.Hostname()) {
			case "github.com", "api.github.com":
				req.Header.Set("Authorization", "Bearer "+c.cfg.GitHubToken)
			}
		}
		if c.cfg.Transport != nil && !c.cfg.AllowPrivate {
			// An injected transport dials on its own; check the host
			// here instead.
			if _, err := c.guard.resolve(ctx, u.Hostname()); err != nil {
				return nil, err
			}
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		if sent(err) {
			r.requests.Add(1)
		}
		return nil, err
	}
	r.requests.Add(1)
	defer resp.Body.Close()
	out := &response{code: resp.StatusCode, header: resp.Header}
	if q.keep == 0 {
		// The status is the answer; read a little so that a small page
		// frees its connection for reuse, and drop the rest unread.
		_, _ = io.CopyN(io.Discard, resp.Body, min(c.cfg.MaxBody, linkBodyRead))
		return out, nil
	}
	limit := min(q.keep, c.cfg.MaxBody)
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		b, out.tooBig = b[:limit], true
	}
	out.body = b
	return out, nil
}

// sent reports whether a failed request may have reached a server: not when
// resolving, the guard or connecting failed.
func sent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return false
	}
	return !errors.As(err, new(*RefusedError)) && !errors.As(err, new(*net.DNSError))
}

func retryable(resp *response, err error) bool {
	if err != nil {
		return transient(err)
	}
	switch c := resp.code; {
	case c == http.StatusRequestTimeout, c == http.StatusTooManyRequests:
		return true
	case c >= 500 && c <= 599:
		return c != http.StatusNotImplemented && c != http.StatusHTTPVersionNotSupported
	}
	return false
}

// transient reports errors worth another try: timeouts, temporary DNS
// failures and connections dropped mid-way.
func transient(err error) bool {
	if isTimeout(err) {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return !dns.IsNotFound && (dns.IsTemporary || dns.IsTimeout)
	}
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// backoff is the wait before try n+1: RetryBackoff doubled per try, with
// jitter so that many checks do not retry in step.
func (c *Checker) backoff(n int) time.Duration {
	d := c.cfg.RetryBackoff << min(n-1, 10)
	return d/2 + rand.N(d/2+1)
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// rateInterval turns Crossref's X-Rate-Limit-Limit and X-Rate-Limit-Interval
// ("50" and "1s") into the least time between two requests.
func rateInterval(h http.Header) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-Rate-Limit-Limit")))
	if err != nil || n <= 0 {
		return 0
	}
	iv := strings.TrimSpace(h.Get("X-Rate-Limit-Interval"))
	d, err := time.ParseDuration(iv)
	if err != nil {
		secs, err := strconv.Atoi(iv)
		if err != nil {
			return 0
		}
		d = time.Duration(secs) * time.Second
	}
	if d <= 0 {
		return 0
	}
	return d / time.Duration(n)
}

// describe turns a request error into a link status and a reason for people.
func describe(err error) (LinkStatus, string) {
	tries := 1
	var fe *fetchError
	if errors.As(err, &fe) {
		tries = fe.tries
	}
	var refused *RefusedError
	var dns *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &refused):
		return LinkUnverifiable, refused.Error()
	case errors.Is(err, errStopped) && errors.Is(err, context.DeadlineExceeded):
		return LinkUnverifiable, "check stopped: time limit reached"
	case errors.Is(err, errStopped):
		return LinkUnverifiable, "check canceled"
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return LinkBroken, "host " + dns.Name + " not found"
		}
		return LinkUnverifiable, "DNS lookup of " + dns.Name + " failed" + afterTries(tries)
	case isTimeout(err):
		return LinkUnverifiable, "timeout" + afterTries(tries)
	case errors.Is(err, syscall.ECONNREFUSED):
		return LinkBroken, "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return LinkUnverifiable, "connection reset" + afterTries(tries)
	case errors.As(err, &certErr), errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalid):
		return LinkBroken, "TLS certificate problem: " + unwrapURLError(err).Error()
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return LinkBroken, "server closed the connection" + afterTries(tries)
	}
	return LinkBroken, unwrapURLError(err).Error()
}

func afterTries(n int) string {
	switch {
	case n <= 1:
		return ""
	default:
		return fmt.Sprintf(" after %d tries", n)
	}
}
