package article

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position is a 1-based line and column. Column counts characters (runes);
// Column16 counts UTF-16 code units, as SARIF and LSP expect.
type Position struct {
	Offset   int
	Line     int
	Column   int
	Column16 int
}

// LineIndex maps byte offsets to positions. It is built once per file.
type LineIndex struct {
	src    []byte
	starts []int // byte offset of each line start
	bom    int   // length of a leading UTF-8 BOM, which takes no column
	// marks are the columns of a rune start about every markEvery bytes
	// of lines longer than that, in offset order, so that Position never
	// counts more than markEvery bytes: on a 5 MB line, each finding would
	// otherwise count from the line start. A finding takes four positions
	// (its span and its fix's): with marks 2 KiB apart, positions were 40%
	// of the run on such a line with 58,000 findings.
	marks []mark
}

type mark struct{ off, col, col16 int }

const markEvery = 256

// NewLineIndex indexes src. Lines end at "\n"; a "\r" before it is part of
// the line ending and never counted as a column of text before it.
func NewLineIndex(src []byte) *LineIndex {
	li := &LineIndex{src: src, starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1)}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		li.bom = 3
	}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		li.starts = append(li.starts, i)
	}
	for n := 1; n <= len(li.starts); n++ {
		start, end := li.LineStart(n), len(src)
		if n < len(li.starts) {
			end = li.starts[n]
		}
		if end-start <= markEvery {
			continue
		}
		col, col16, next := 1, 1, start+markEvery
		for i := start; i < end; {
			if i >= next {
				li.marks = append(li.marks, mark{i, col, col16})
				next = i + markEvery
			}
			if src[i] < utf8.RuneSelf {
				col, col16, i = col+1, col16+1, i+1
				continue
			}
			r, size := utf8.DecodeRune(src[i:])
			col, col16 = col+1, col16+1
			if r >= 0x10000 {
				col16++
			}
			i += size
		}
	}
	return li
}

// Lines returns the number of lines.
func (li *LineIndex) Lines() int { return len(li.starts) }

// LineStart returns the byte offset where 1-based line n starts.
func (li *LineIndex) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(li.starts) {
		return len(li.src)
	}
	if n == 1 {
		return li.bom
	}
	return li.starts[n-1]
}

// LineEnd returns the offset of the end of line n, before "\r\n" or "\n".
func (li *LineIndex) LineEnd(n int) int {
	end := len(li.src)
	if n < len(li.starts) {
		end = li.starts[n] - 1
	}
	if end > 0 && end <= len(li.src) && end > li.LineStart(n) && li.src[end-1] == '\r' {
		end--
	}
	return end
}

// Position converts a byte offset (clamped to the source) to a position.
func (li *LineIndex) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
	start := li.starts[line-1]
	if line == 1 && off >= li.bom {
		start = li.bom
	}
	col, col16 := 1, 1
	if k := sort.Search(len(li.marks), func(k int) bool { return li.marks[k].off > off }) - 1; k >= 0 && li.marks[k].off >= start {
		m := li.marks[k]
		start, col, col16 = m.off, m.col, m.col16
	}
	for i := start; i < off; {
		if li.src[i] < utf8.RuneSelf {
			col, col16, i = col+1, col16+1, i+1
			continue
		}
		r, size := utf8.DecodeRune(li.src[i:])
		if i+size > off {
			break // off points inside a rune: stay on its first byte
		}
		col++
		if r >= 0x10000 {
			col16 += 2
		} else {
			col16++
		}
		i += size
	}
	return Position{Offset: off, Line: line, Column: col, Column16: col16}
}

// Offset converts a 1-based line and rune column back to a byte offset.
func (li *LineIndex) Offset(line, col int) int {
	i := li.LineStart(line)
	for c := 1; c < col && i < len(li.src) && li.src[i] != '\n'; c++ {
		_, size := utf8.DecodeRune(li.src[i:])
		i += size
	}
	return i
}
