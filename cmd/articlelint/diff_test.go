package main

import (
	"strings"
	"testing"
)

// A hunk never removes a line and adds it back unchanged: deleting one
// of two equal lines shows one line removed and nothing added.
func TestDiffHunksAreMinimal(t *testing.T) {
	before := "Read more\nVitamin D\nRead more\nRead more\nThe trial.\nShare this:\n"
	after := "Read more\nVitamin D\nRead more\nThe trial.\nShare this:\n"
	d := unifiedDiff("a.md", before, after)
	var removed, added []string
	for _, l := range strings.Split(d, "\n") {
		switch {
		case strings.HasPrefix(l, "---") || strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			removed = append(removed, l[1:])
		case strings.HasPrefix(l, "+"):
			added = append(added, l[1:])
		}
	}
	if len(removed) != 1 || removed[0] != "Read more" || len(added) != 0 {
		t.Errorf("removed %q, added %q; want only one \"Read more\" removed:\n%s", removed, added, d)
	}
}
