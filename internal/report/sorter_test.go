package report

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// A Sorter gives back every record once, in key order, records with equal
// keys in the order they were added: with everything in memory, and with
// records spilled to its file in many runs.
func TestSorterOrdersRecords(t *testing.T) {
	paths := []string{"a.md", "a/b.md", "a-b.md", "b/c/d.md", "b/c.md", "z.md", "a/b/c.md"}
	for _, memory := range []int{1 << 30, 2 << 10} {
		t.Run(fmt.Sprintf("memory %d", memory), func(t *testing.T) {
			defer func(m int) { sortMemory = m }(sortMemory)
			sortMemory = memory
			rng := rand.New(rand.NewPCG(1, 2))
			const n = 5000
			keys := make([]Key, n)
			var s Sorter
			defer s.Release()
			for i := range keys {
				// Few distinct keys, so that many are equal.
				keys[i] = Key{paths[rng.IntN(len(paths))], rng.IntN(3) + 1, rng.IntN(2) + 1, []string{"x", "y"}[rng.IntN(2)]}
				if err := s.Add(keys[i], []byte(strconv.Itoa(i))); err != nil {
					t.Fatal(err)
				}
			}
			if spilled := len(s.runs) > 1; spilled != (memory < 1<<20) {
				t.Fatalf("%d runs on disk with %d bytes of memory", len(s.runs), memory)
			}
			seen := make([]bool, n)
			prev := -1
			err := s.Each(func(p []byte) error {
				i, err := strconv.Atoi(string(p))
				if err != nil || i < 0 || i >= n || seen[i] {
					return fmt.Errorf("record %q: not one added, or given twice", p)
				}
				seen[i] = true
				if prev >= 0 {
					c := CompareKeys(keys[prev], keys[i])
					if c > 0 || c == 0 && prev > i {
						return fmt.Errorf("record %d (%v) after record %d (%v)", i, keys[i], prev, keys[prev])
					}
				}
				prev = i
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, ok := range seen {
				if !ok {
					t.Fatalf("record %d never given back", i)
				}
			}
		})
	}
}

// Paths are ordered as a directory walk lists them: a folder's files
// before a sibling whose name continues past the folder's.
func TestComparePaths(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"a/x.md", "a-b.md"},
		{"a/z.md", "a.md"},
		{"a/b/c.md", "a/bc.md"},
		{"A.md", "a.md"},
		{"", "a.md"},
	} {
		if ComparePaths(c.a, c.b) >= 0 || ComparePaths(c.b, c.a) <= 0 {
			t.Errorf("%s should come before %s", c.a, c.b)
		}
	}
	if ComparePaths("a/b.md", "a/b.md") != 0 {
		t.Error("a path is not equal to itself")
	}
}
