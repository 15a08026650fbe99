package online

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// hostLimiter bounds the requests in flight to one host and spaces their
// starts at least interval apart.
type hostLimiter struct {
	sem chan struct{}
	// waiting counts requests in acquire, for Checker.Progress.
	waiting atomic.Int32

	mu       sync.Mutex
	interval time.Duration
	next     time.Time // earliest start of the next request
}

func newHostLimiter(concurrency int, interval time.Duration) *hostLimiter {
	return &hostLimiter{sem: make(chan struct{}, concurrency), interval: interval}
}

// acquire waits for a slot and for the host's next start time. On success the
// caller must call release.
func (h *hostLimiter) acquire(ctx context.Context) error {
	h.waiting.Add(1)
	defer h.waiting.Add(-1)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	// Reserve the start time under the lock, then wait outside it, so that
	// waiting requests queue up interval apart.
	h.mu.Lock()
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(h.interval)
	h.mu.Unlock()
	if err := sleep(ctx, time.Until(start)); err != nil {
		h.release()
		return err
	}
	return nil
}

func (h *hostLimiter) release() { <-h.sem }

// pauseUntil delays every later start to the host until t (Retry-After).
func (h *hostLimiter) pauseUntil(t time.Time) {
	h.mu.Lock()
	if t.After(h.next) {
		h.next = t
	}
	h.mu.Unlock()
}

// slowTo raises the interval to d if d is longer (a rate limit the host
// announced).
func (h *hostLimiter) slowTo(d time.Duration) {
	h.mu.Lock()
	if d > h.interval {
		h.interval = d
	}
	h.mu.Unlock()
}

// hostLimits hands out one hostLimiter per host.
type hostLimits struct {
	mu       sync.Mutex
	m        map[string]*hostLimiter
	conc     int
	interval time.Duration
	special  map[string]int // per-host concurrency overrides (service APIs)
}

func (l *hostLimits) get(host string) *hostLimiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.m[host]
	if !ok {
		conc := l.conc
		if n, ok := l.special[host]; ok {
			conc = n
		}
		h = newHostLimiter(conc, l.interval)
		l.m[host] = h
	}
	return h
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
