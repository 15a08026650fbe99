package online

import "sync/atomic"

// Progress is how far a Check has come, for a progress line.
type Progress struct {
	// Checked of Total links and DOIs have an answer (from the network,
	// the cache or the exclude list).
	Checked, Total int
	// InFlight requests are being sent or read.
	InFlight int
	// HostsWaiting are hosts with requests held back by their
	// concurrency or interval limit.
	HostsWaiting int
}

// progress counts what Check has done; Checker.Progress reads it.
type progress struct {
	checked, total atomic.Int64
}

// Progress returns how far the running Check has come. It is safe to call
// from any goroutine while Check runs.
func (c *Checker) Progress() Progress {
	p := Progress{
		Checked:  int(c.prog.checked.Load()),
		Total:    int(c.prog.total.Load()),
		InFlight: len(c.global),
	}
	c.hosts.mu.Lock()
	for _, h := range c.hosts.m {
		if h.waiting.Load() > 0 {
			p.HostsWaiting++
		}
	}
	c.hosts.mu.Unlock()
	return p
}
