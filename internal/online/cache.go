package online

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
)

const (
	cacheTool    = "articlelint-online"
	cacheVersion = 1
	// How long a good answer is trusted. Failures are never cached: a
	// broken link or an unreachable service is asked again next run.
	linkMaxAge = 7 * 24 * time.Hour
	doiMaxAge  = 30 * 24 * time.Hour
)

type cacheFile struct {
	Tool    string                `json:"tool"`
	Version int                   `json:"version"`
	Links   map[string]cachedLink `json:"links"`
	DOIs    map[string]cachedDOI  `json:"dois"` // by doi.Key
	// Sources are source records (Config.Sources), by doi.Key. Added
	// within version 1: older caches have none, and older articlelints
	// ignore them.
	Sources map[string]cachedSource `json:"sources,omitempty"`
}

type cachedLink struct {
	Checked   time.Time `json:"checked"`
	Status    string    `json:"status"` // "ok" or "redirect"
	Code      int       `json:"code,omitempty"`
	FinalURL  string    `json:"final_url,omitempty"`
	Permanent bool      `json:"permanent,omitempty"`
	Reason    string    `json:"reason,omitempty"`
}

type cachedDOI struct {
	Checked time.Time `json:"checked"`
	DOI     string    `json:"doi"`
	Agency  string    `json:"agency,omitempty"`
	Title   string    `json:"title,omitempty"`
	Updates []Update  `json:"updates,omitempty"`
}

// cache keeps good answers in memory for the Checker's life and, with a
// path, on disk between runs.
type cache struct {
	path string
	now  func() time.Time

	mu    sync.Mutex
	f     cacheFile
	dirty bool
}

func newCache(path string, now func() time.Time) *cache {
	return &cache{path: path, now: now, f: emptyCacheFile()}
}

func emptyCacheFile() cacheFile {
	return cacheFile{Tool: cacheTool, Version: cacheVersion, Links: map[string]cachedLink{}, DOIs: map[string]cachedDOI{}, Sources: map[string]cachedSource{}}
}

// load reads the cache file and returns a warning if it had to be ignored.
func (c *cache) load() string {
	if c.path == "" {
		return ""
	}
	f, err := readCacheFile(c.path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		return err.Error()
	}
	c.f = f
	return ""
}

func readCacheFile(path string) (cacheFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return cacheFile{}, err
	}
	f := emptyCacheFile()
	if err := json.Unmarshal(data, &f); err != nil {
		return cacheFile{}, fmt.Errorf("%s: online cache ignored: %v", path, err)
	}
	if f.Tool != cacheTool {
		return cacheFile{}, fmt.Errorf("%s: online cache ignored: not an %s cache file", path, cacheTool)
	}
	if f.Version != cacheVersion {
		return cacheFile{}, fmt.Errorf("%s: online cache ignored: version %d, this articlelint reads version %d", path, f.Version, cacheVersion)
	}
	if f.Links == nil {
		f.Links = map[string]cachedLink{}
	}
	if f.DOIs == nil {
		f.DOIs = map[string]cachedDOI{}
	}
	if f.Sources == nil {
		f.Sources = map[string]cachedSource{}
	}
	return f, nil
}

func (c *cache) fresh(checked time.Time, maxAge time.Duration) bool {
	return c.now().Sub(checked) < maxAge
}

func (c *cache) link(u string) (*LinkResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.f.Links[u]
	if !ok || !c.fresh(e.Checked, linkMaxAge) {
		return nil, false
	}
	lr := &LinkResult{URL: u, Status: LinkOK, Code: e.Code, FinalURL: e.FinalURL, Permanent: e.Permanent, Reason: e.Reason, Cached: true}
	switch e.Status {
	case "ok":
	case "redirect":
		lr.Status = LinkRedirect
	default:
		return nil, false
	}
	return lr, true
}

func (c *cache) putLink(lr *LinkResult) {
	if lr.Cached || (lr.Status != LinkOK && lr.Status != LinkRedirect) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Links[lr.URL] = cachedLink{Checked: c.now(), Status: lr.Status.String(), Code: lr.Code, FinalURL: lr.FinalURL, Permanent: lr.Permanent, Reason: lr.Reason}
	c.dirty = true
}

func (c *cache) doi(d string) (*DOIResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.f.DOIs[doi.Key(d)]
	if !ok || !c.fresh(e.Checked, doiMaxAge) {
		return nil, false
	}
	return &DOIResult{DOI: d, Status: DOIFound, Agency: e.Agency, Title: e.Title, Updates: e.Updates, Cached: true}, true
}

// putDOI caches a found DOI whose metadata was fetched completely (Reason
// empty): a half answer could hide a retraction for a month.
func (c *cache) putDOI(dr *DOIResult) {
	if dr.Cached || dr.Status != DOIFound || dr.Reason != "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.DOIs[doi.Key(dr.DOI)] = cachedDOI{Checked: c.now(), DOI: dr.DOI, Agency: dr.Agency, Title: dr.Title, Updates: dr.Updates}
	c.dirty = true
}

// save writes the cache atomically: a temporary file in the same directory,
// renamed over the old one. Entries another run wrote meanwhile are kept when
// newer, and expired entries are dropped.
func (c *cache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path == "" || !c.dirty {
		return nil
	}
	f := emptyCacheFile()
	if disk, err := readCacheFile(c.path); err == nil {
		mergeInto(f.Links, disk.Links)
		mergeInto(f.DOIs, disk.DOIs)
		mergeInto(f.Sources, disk.Sources)
	}
	mergeInto(f.Links, c.f.Links)
	mergeInto(f.DOIs, c.f.DOIs)
	mergeInto(f.Sources, c.f.Sources)
	for k, e := range f.Links {
		if !c.fresh(e.Checked, linkMaxAge) {
			delete(f.Links, k)
		}
	}
	for k, e := range f.DOIs {
		if !c.fresh(e.Checked, doiMaxAge) {
			delete(f.DOIs, k)
		}
	}
	for k, e := range f.Sources {
		if !c.fresh(e.Checked, e.maxAge()) {
			delete(f.Sources, k)
		}
	}
	data, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("%s: %w", c.path, err)
	}
	if err := writeAtomic(c.path, data); err != nil {
		return err
	}
	c.dirty = false
	return nil
}

type dated interface{ checked() time.Time }

func (e cachedLink) checked() time.Time { return e.Checked }
func (e cachedDOI) checked() time.Time  { return e.Checked }

// mergeInto copies src entries into dst where dst has none or an older one.
func mergeInto[E dated](dst, src map[string]E) {
	for k, e := range src {
		if old, ok := dst[k]; !ok || e.checked().After(old.checked()) {
			dst[k] = e
		}
	}
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
