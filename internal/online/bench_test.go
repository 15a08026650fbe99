package online

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkLocalLinks checks the URLs listed, one a line, in the file named by
// ONLINE_BENCH_URLS, with AllowPrivate and the default politeness; bench/online.sh
// writes the file and runs this against its local server. ONLINE_BENCH_INTERVAL
// sets HostInterval (a negative duration: none). Without the file it is skipped.
func BenchmarkLocalLinks(b *testing.B) {
	path := os.Getenv("ONLINE_BENCH_URLS")
	if path == "" {
		b.Skip("ONLINE_BENCH_URLS is not set; run bench/online.sh")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	urls := strings.Fields(string(data))
	cfg := Config{AllowPrivate: true}
	if v := os.Getenv("ONLINE_BENCH_INTERVAL"); v != "" {
		if cfg.HostInterval, err = time.ParseDuration(v); err != nil {
			b.Fatal(err)
		}
	}
	var requests int64
	for b.Loop() {
		c, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		res := c.Check(context.Background(), urls, nil)
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
		for u, r := range res.Links {
			if r.Status != LinkOK {
				b.Fatalf("%s: %v %s", u, r.Status, r.Reason)
			}
		}
		requests = res.Requests
	}
	b.ReportMetric(float64(len(urls)), "links")
	b.ReportMetric(float64(requests), "requests")
}
