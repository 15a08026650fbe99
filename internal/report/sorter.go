package report

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// sortMemory is about how many bytes of records a Sorter holds before it
// sorts them and moves them to its temporary file as one run. Merging the
// shards of 21,220 files (60 MB of SARIF) makes about a dozen runs.
var sortMemory = 4 << 20

// Key is where a record of a report goes in the report's order.
type Key struct {
	Path         string
	Line, Column int
	Rule         string
}

// ComparePaths orders paths as a directory walk lists them: element by
// element, so that a/b.md comes before a-c.md as it does in a run.
func ComparePaths(a, b string) int {
	for {
		ae, arest, amore := strings.Cut(a, "/")
		be, brest, bmore := strings.Cut(b, "/")
		if c := strings.Compare(ae, be); c != 0 {
			return c
		}
		switch {
		case !amore && !bmore:
			return 0
		case !amore:
			return -1
		case !bmore:
			return 1
		}
		a, b = arest, brest
	}
}

// CompareKeys orders by path (as ComparePaths), line, column, then rule.
func CompareKeys(a, b Key) int {
	if c := ComparePaths(a.Path, b.Path); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	if a.Column != b.Column {
		return a.Column - b.Column
	}
	return strings.Compare(a.Rule, b.Rule)
}

// Sorter gives back records, each a key and the bytes to write for it, in
// key order; records with equal keys keep the order they were added in,
// as a stable sort of them all would. They may be more than fit in
// memory: past sortMemory they are sorted and written to a temporary file
// as a run, and Each merges the runs. When no temporary file can be made
// it keeps them in memory.
type Sorter struct {
	recs  []sortRec
	arena []byte // the payloads of recs
	held  int
	file  *os.File
	w     *bufio.Writer
	size  int64
	runs  []sortRun
	inMem bool
	enc   []byte
}

type sortRec struct {
	key      Key
	off, len int
}

type sortRun struct{ off, len int64 }

// recOverhead is about what a record costs beyond its strings.
const recOverhead = 64

// Add adds a record. The Sorter keeps a copy of payload.
func (s *Sorter) Add(k Key, payload []byte) error {
	if s.held > sortMemory && !s.inMem {
		if err := s.spill(); err != nil {
			return err
		}
	}
	s.recs = append(s.recs, sortRec{k, len(s.arena), len(payload)})
	s.arena = append(s.arena, payload...)
	s.held += len(payload) + len(k.Path) + len(k.Rule) + recOverhead
	return nil
}

func (s *Sorter) sortHeld() {
	cmp := func(a, b sortRec) int { return CompareKeys(a.key, b.key) }
	if !slices.IsSortedFunc(s.recs, cmp) {
		slices.SortStableFunc(s.recs, cmp)
	}
}

// spill writes the records held as one sorted run.
func (s *Sorter) spill() error {
	if len(s.recs) == 0 {
		return nil
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "articlelint-merge-*")
		if err != nil {
			s.inMem = true
			return nil
		}
		// Unlinked at once where the system allows it, so that a killed
		// run leaves nothing behind.
		os.Remove(f.Name())
		s.file, s.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	s.sortHeld()
	start := s.size
	for _, r := range s.recs {
		b := s.enc[:0]
		b = binary.AppendUvarint(b, uint64(len(r.key.Path)))
		b = append(b, r.key.Path...)
		b = binary.AppendUvarint(b, uint64(r.key.Line))
		b = binary.AppendUvarint(b, uint64(r.key.Column))
		b = binary.AppendUvarint(b, uint64(len(r.key.Rule)))
		b = append(b, r.key.Rule...)
		b = binary.AppendUvarint(b, uint64(r.len))
		s.enc = b
		if _, err := s.w.Write(b); err != nil {
			return fmt.Errorf("cannot write a temporary file: %w", err)
		}
		if _, err := s.w.Write(s.arena[r.off : r.off+r.len]); err != nil {
			return fmt.Errorf("cannot write a temporary file: %w", err)
		}
		s.size += int64(len(b) + r.len)
	}
	s.runs = append(s.runs, sortRun{start, s.size - start})
	clear(s.recs) // drop the paths
	s.recs, s.arena, s.held = s.recs[:0], s.arena[:0], 0
	return nil
}

// Each calls fn with every record's payload in order, then releases the
// Sorter. The payload is valid only until fn returns.
func (s *Sorter) Each(fn func(payload []byte) error) error {
	defer s.Release()
	if len(s.runs) == 0 {
		s.sortHeld()
		for _, r := range s.recs {
			if err := fn(s.arena[r.off : r.off+r.len]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := s.spill(); err != nil {
		return err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("cannot write a temporary file: %w", err)
	}
	h := make(runHeap, 0, len(s.runs))
	for i, r := range s.runs {
		c := &runCursor{run: i, r: bufio.NewReaderSize(io.NewSectionReader(s.file, r.off, r.len), 32<<10)}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, c)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		c := h[0]
		if err := fn(c.payload); err != nil {
			return err
		}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

// Release drops the records and removes the temporary file.
func (s *Sorter) Release() {
	s.recs, s.arena, s.held, s.runs = nil, nil, 0, nil
	if s.file != nil {
		name := s.file.Name()
		s.file.Close()
		os.Remove(name) // already gone where unlinking an open file works
		s.file, s.w = nil, nil
	}
}

// runCursor reads one run back, a record at a time.
type runCursor struct {
	run     int
	r       *bufio.Reader
	key     Key
	buf     []byte
	payload []byte
}

// next reads the run's next record; false at its end.
func (c *runCursor) next() (bool, error) {
	n, err := binary.ReadUvarint(c.r)
	if err == io.EOF {
		return false, nil
	}
	var line, col uint64
	path, rule := "", ""
	if err == nil {
		path, err = c.str(n)
	}
	if err == nil {
		line, err = binary.ReadUvarint(c.r)
	}
	if err == nil {
		col, err = binary.ReadUvarint(c.r)
	}
	if err == nil {
		n, err = binary.ReadUvarint(c.r)
	}
	if err == nil {
		rule, err = c.str(n)
	}
	if err == nil {
		n, err = binary.ReadUvarint(c.r)
	}
	if err == nil {
		c.payload, err = c.bytes(n) // after the strings: it reuses buf
	}
	if err != nil {
		return false, fmt.Errorf("cannot read a temporary file back: %w", err)
	}
	c.key = Key{path, int(line), int(col), rule}
	return true, nil
}

func (c *runCursor) bytes(n uint64) ([]byte, error) {
	c.buf = slices.Grow(c.buf[:0], int(n))[:n]
	_, err := io.ReadFull(c.r, c.buf)
	return c.buf, err
}

func (c *runCursor) str(n uint64) (string, error) {
	if n == 0 {
		return "", nil
	}
	b, err := c.bytes(n)
	return string(b), err
}

// runHeap orders the runs' current records; equal keys go to the earlier
// run, which holds earlier records.
type runHeap []*runCursor

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := CompareKeys(h[i].key, h[j].key); c != 0 {
		return c < 0
	}
	return h[i].run < h[j].run
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runCursor)) }
func (h *runHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
