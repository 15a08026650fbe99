package online

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable Config.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type cacheEnv struct {
	f    *fakeDOI
	site *server
	cfg  Config
	clk  *clock
	urls []string
	dois []string
}

func newCacheEnv(t *testing.T) *cacheEnv {
	e := &cacheEnv{f: newFakeDOI(t), site: linkSite(t), clk: &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}
	e.cfg = e.f.config()
	e.cfg.AllowPrivate = true
	e.cfg.MaxRetries = -1
	e.cfg.CachePath = filepath.Join(t.TempDir(), "sub", "online-v1.json")
	e.cfg.Now = e.clk.now
	e.urls = []string{e.site.URL + "/ok", e.site.URL + "/r1", "https://doi.org/10.1234/normal"}
	e.dois = []string{"10.1234/retracted", "10.5061/dryad.abc"}
	return e
}

// run checks e's links and DOIs with a new Checker and closes it.
func (e *cacheEnv) run(t *testing.T) (*Results, []string) {
	t.Helper()
	c, err := New(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := c.Check(context.Background(), e.urls, e.dois)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return res, c.Warnings()
}

func TestCacheSecondRunSendsNothing(t *testing.T) {
	e := newCacheEnv(t)
	first, warn := e.run(t)
	if len(warn) != 0 {
		t.Errorf("warnings on a missing cache: %v", warn)
	}
	if first.Requests == 0 {
		t.Fatal("first run sent no requests")
	}
	fi, err := os.Stat(e.cfg.CachePath)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("cache file mode %v, want 0644", fi.Mode().Perm())
	}
	var f map[string]any
	data, _ := os.ReadFile(e.cfg.CachePath)
	if err := json.Unmarshal(data, &f); err != nil || f["tool"] != "articlelint-online" || f["version"] != 1.0 {
		t.Errorf("cache file header: %v %v %v", err, f["tool"], f["version"])
	}
	entries, _ := os.ReadDir(filepath.Dir(e.cfg.CachePath))
	if len(entries) != 1 {
		t.Errorf("cache directory holds %d files, want 1 (no temporary left)", len(entries))
	}

	before := e.site.requests.Load() + e.f.handles.requests.Load() + e.f.crossref.requests.Load() + e.f.datacite.requests.Load()
	e.clk.add(6 * 24 * time.Hour)
	second, _ := e.run(t)
	after := e.site.requests.Load() + e.f.handles.requests.Load() + e.f.crossref.requests.Load() + e.f.datacite.requests.Load()
	if second.Requests != 0 || after != before {
		t.Errorf("second run: Results.Requests %d, servers saw %d more; want 0", second.Requests, after-before)
	}
	for u, r := range second.Links {
		want := *first.Links[u]
		want.Cached = true
		if !reflect.DeepEqual(*r, want) {
			t.Errorf("%s from cache:\n got %+v\nwant %+v", u, *r, want)
		}
	}
	for k, r := range second.DOIs {
		want := *first.DOIs[k]
		want.Cached = true
		if !reflect.DeepEqual(*r, want) {
			t.Errorf("%s from cache:\n got %+v\nwant %+v", k, *r, want)
		}
	}
}

func TestCacheInMemory(t *testing.T) {
	e := newCacheEnv(t)
	e.cfg.CachePath = ""
	c := newChecker(t, e.cfg)
	if first := c.Check(context.Background(), e.urls, e.dois); first.Requests == 0 {
		t.Fatal("first Check sent no requests")
	}
	if second := c.Check(context.Background(), e.urls, e.dois); second.Requests != 0 {
		t.Errorf("second Check sent %d requests, want 0", second.Requests)
	}
}

func TestCacheSkipsFailures(t *testing.T) {
	e := newCacheEnv(t)
	e.urls = []string{e.site.URL + "/gone", e.site.URL + "/forbidden", e.site.URL + "/error"}
	e.dois = []string{"10.1234/missing", "10.1234/down", "10.1234/metafail"}
	first, _ := e.run(t)
	second, _ := e.run(t)
	if second.Requests != first.Requests {
		t.Errorf("second run sent %d requests, first %d: failures were cached", second.Requests, first.Requests)
	}
}

func TestCacheExpiry(t *testing.T) {
	e := newCacheEnv(t)
	e.run(t)
	ok := e.site.count("/ok")
	works := e.f.crossref.count("/works/10.1234/retracted")

	e.clk.add(8 * 24 * time.Hour) // links expire after 7 days, DOIs after 30
	res, _ := e.run(t)
	if e.site.count("/ok") != ok+1 || res.Links[e.site.URL+"/ok"].Cached {
		t.Error("8-day-old link not checked again")
	}
	if e.f.crossref.count("/works/10.1234/retracted") != works || !res.DOIs["10.1234/RETRACTED"].Cached {
		t.Error("8-day-old DOI checked again")
	}

	e.clk.add(23 * 24 * time.Hour) // 31 days after the DOI was cached
	res, _ = e.run(t)
	if e.f.crossref.count("/works/10.1234/retracted") != works+1 || res.DOIs["10.1234/RETRACTED"].Cached {
		t.Error("31-day-old DOI not checked again")
	}
	if len(res.DOIs["10.1234/RETRACTED"].Updates) != 2 {
		t.Errorf("refetched DOI lost its updates: %+v", res.DOIs["10.1234/RETRACTED"])
	}
}

func TestCacheUnreadable(t *testing.T) {
	for name, content := range map[string]string{
		"corrupt":   `{"tool":"articlelint-online","version":1,"links":{`,
		"foreign":   `{"tool":"something-else","version":1}`,
		"version":   `{"tool":"articlelint-online","version":2,"links":{}}`,
		"not json":  "\x00\x01binary",
		"wrong key": `{"tool":"articlelint-online","version":1,"links":[1,2]}`,
	} {
		t.Run(name, func(t *testing.T) {
			e := newCacheEnv(t)
			if err := os.MkdirAll(filepath.Dir(e.cfg.CachePath), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(e.cfg.CachePath, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			res, warn := e.run(t)
			if len(warn) != 1 || !strings.Contains(warn[0], e.cfg.CachePath) || !strings.Contains(warn[0], "online cache ignored") {
				t.Errorf("warnings %q", warn)
			}
			if res.Links[e.site.URL+"/ok"].Status != LinkOK {
				t.Error("check failed after an unreadable cache")
			}
			// Close replaced the bad file with a good one.
			if _, warn := e.run(t); len(warn) != 0 {
				t.Errorf("rewritten cache: warnings %q", warn)
			}
		})
	}
}

// TestCacheMerge checks that two runs sharing a cache file keep each other's
// entries.
func TestCacheMerge(t *testing.T) {
	e := newCacheEnv(t)
	a, err := New(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	a.Check(context.Background(), []string{e.site.URL + "/ok"}, nil)
	b.Check(context.Background(), nil, []string{"10.1234/normal"})
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	c := newChecker(t, e.cfg)
	if res := c.Check(context.Background(), []string{e.site.URL + "/ok"}, []string{"10.1234/normal"}); res.Requests != 0 {
		t.Errorf("%d requests: an entry was lost", res.Requests)
	}
}

func TestDefaultCachePath(t *testing.T) {
	p := DefaultCachePath()
	if p != "" && !strings.HasSuffix(p, filepath.Join("articlelint", "online-v1.json")) {
		t.Errorf("DefaultCachePath() = %q", p)
	}
}
