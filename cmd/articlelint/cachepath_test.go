package main

import (
	"path/filepath"
	"testing"

	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/online"
)

// online.cache in a config file is relative to that file, wherever the
// run starts; an absolute path and the default are kept.
func TestCachePathRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "site", ".articlelint.yaml")
	for _, c := range []struct{ cache, want string }{
		{"sources-cache.json", filepath.Join(dir, "site", "sources-cache.json")},
		{"../shared/cache.json", filepath.Join(dir, "shared", "cache.json")},
		{filepath.Join(dir, "abs.json"), filepath.Join(dir, "abs.json")},
		{"", online.DefaultCachePath()},
	} {
		cfg := &config.Config{Path: cfgPath}
		cfg.Online.Cache = c.cache
		if got := checkerConfig(cfg, false).CachePath; got != c.want {
			t.Errorf("cache %q: got %q, want %q", c.cache, got, c.want)
		}
	}
}
