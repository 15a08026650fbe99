// Package fix applies suggested edits to a file's bytes and writes the
// result back without ever losing what the user wrote.
package fix

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/articlelint/articlelint/rules"
)

// Apply applies every fix that does not overlap an earlier one (by
// position) and returns the new source and the number of fixes applied.
// A fix's edits go in together or not at all.
func Apply(src []byte, findings []rules.Finding) ([]byte, int) {
	type edit struct {
		start, end int
		new        string
	}
	var chosen []edit
	taken := func(s, e int) bool {
		for _, c := range chosen {
			// Overlap, or two insertions at one point: order would be a guess.
			if s < c.end && c.start < e || s == c.start && e == c.end {
				return true
			}
		}
		return false
	}
	applied := 0
	for _, f := range findings {
		for _, fx := range f.Fixes {
			ok := len(fx.Edits) > 0
			for _, ed := range fx.Edits {
				if ed.Span.Start < 0 || ed.Span.End > len(src) || ed.Span.Start > ed.Span.End || taken(ed.Span.Start, ed.Span.End) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			for _, ed := range fx.Edits {
				chosen = append(chosen, edit{ed.Span.Start, ed.Span.End, ed.New})
			}
			applied++
			break // one fix per finding
		}
	}
	if applied == 0 {
		return src, 0
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].start < chosen[j].start })
	out := make([]byte, 0, len(src))
	last := 0
	var cuts []int // where in out a deletion left its two sides joined
	for _, e := range chosen {
		out = append(out, src[last:e.start]...)
		out = append(out, e.new...)
		if e.new == "" && e.end > e.start {
			cuts = append(cuts, len(out))
		}
		last = e.end
	}
	out = append(out, src[last:]...)
	return tidyCuts(out, cuts, src), applied
}

// tidyCuts removes the blank lines a deleted line leaves behind: a blank
// line at the end of a file that had none, or two blank lines in a row
// where there was one. cuts are positions in out, ascending.
func tidyCuts(out []byte, cuts []int, src []byte) []byte {
	for i := len(cuts) - 1; i >= 0; i-- {
		p := cuts[i]
		switch {
		case p == len(out) && bytes.HasSuffix(out, []byte("\n\n")) && !bytes.HasSuffix(src, []byte("\n\n")):
			out = bytes.TrimRight(out, "\n")
			out = append(out, '\n')
		case p >= 2 && p < len(out) && out[p-2] == '\n' && out[p-1] == '\n' && out[p] == '\n':
			out = append(out[:p], out[p+1:]...)
		}
	}
	return out
}

// WriteFile replaces path with data atomically: a temporary file in the
// same directory, synced, given the original's mode, then renamed over it.
// A crash leaves either the old file or the new one, never half of each.
func WriteFile(path string, data []byte) error {
	// Write through a symlink to its target, keeping the link.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".articlelint-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write fix: %w", path, err)
	}
	name := tmp.Name()
	cleanup := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("%s: cannot write fix: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return cleanup(err)
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return cleanup(err)
	}
	if err := tmp.Sync(); err != nil {
		return cleanup(err)
	}
	if err := tmp.Close(); err != nil {
		return cleanup(err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("%s: cannot write fix: %w", path, err)
	}
	return nil
}
