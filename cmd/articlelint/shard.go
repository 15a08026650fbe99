package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// shardFlag is --shard K/N: lint the K-th of N parts of the articles.
// The zero value lints everything.
type shardFlag struct{ K, N int }

func (s *shardFlag) UnmarshalText(text []byte) error {
	k, n, ok := strings.Cut(string(text), "/")
	ki, err1 := strconv.Atoi(strings.TrimSpace(k))
	ni, err2 := strconv.Atoi(strings.TrimSpace(n))
	switch {
	case !ok || err1 != nil || err2 != nil:
		return fmt.Errorf("%q: want K/N, such as 2/3 (the second of three parts)", text)
	case ni < 1:
		return fmt.Errorf("%q: N, the number of parts, must be at least 1", text)
	case ki < 1 || ki > ni:
		return fmt.Errorf("%q: K counts from 1 to N (%d)", text, ni)
	}
	*s = shardFlag{ki, ni}
	return nil
}

func (s shardFlag) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// pick keeps the files of this shard. Each file's part comes from a hash
// of its path relative to the working directory (the checkout, in CI), so
// a file stays in its part however the tree around it changes, and N runs
// with the same arguments lint every file exactly once.
func (s shardFlag) pick(files []string) []string {
	if s.N <= 1 {
		return files
	}
	wd, _ := os.Getwd()
	out := files[:0:0]
	for _, f := range files {
		if shardOf(shardKey(wd, f), s.N) == s.K {
			out = append(out, f)
		}
	}
	return out
}

// shardKey is the path that decides a file's part: relative to the working
// directory with forward slashes, so that ./a.md, a.md and the absolute
// path agree, and so do runners that check out to different places.
func shardKey(wd, path string) string {
	p := path
	if wd != "" {
		abs := path
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// shardOf is the part (1..n) of a key: the first 8 bytes of its SHA-256,
// an even spread that no Go release or platform changes.
func shardOf(key string, n int) int {
	sum := sha256.Sum256([]byte(key))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(n)) + 1
}
