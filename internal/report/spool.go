package report

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// spoolMemory is how much of a report body a spool keeps in memory before
// it moves to a temporary file: runs with up to about 1,500 findings never
// touch the disk, and a large run's buffer stays small beside the linter's.
const spoolMemory = 1 << 20

// spool holds the part of a report that must be written after something
// known only at the end: SARIF's results follow the invocation that says
// whether every file was linted, JUnit's test cases follow the counts in
// <testsuite>. Past spoolMemory it is a temporary file, so a report of
// 100,000 articles costs disk, not memory. When no temporary file can be
// made it stays in memory, as reports did before.
type spool struct {
	mem  bytes.Buffer
	file *os.File
	bw   *bufio.Writer
	n    int64
}

func (s *spool) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	if s.bw != nil {
		return s.bw.Write(p)
	}
	if s.mem.Len()+len(p) > spoolMemory {
		if f, err := os.CreateTemp("", "articlelint-report-*"); err == nil {
			// Unlinked at once where the system allows it (not on
			// Windows), so that a killed run leaves nothing behind; the
			// open descriptor still reads and writes.
			os.Remove(f.Name())
			s.file = f
			s.bw = bufio.NewWriterSize(s.file, 64<<10)
			if _, err := s.bw.Write(s.mem.Bytes()); err != nil {
				return 0, err
			}
			s.mem = bytes.Buffer{}
			return s.bw.Write(p)
		}
	}
	return s.mem.Write(p)
}

// Len is how many bytes were written.
func (s *spool) Len() int64 { return s.n }

// WriteTo copies what was written to w, then releases the spool.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	defer s.release()
	if s.file == nil {
		return s.mem.WriteTo(w)
	}
	if err := s.bw.Flush(); err != nil {
		return 0, err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, s.file)
}

// release drops the spool's memory and closes and removes its file.
func (s *spool) release() {
	s.mem = bytes.Buffer{}
	if s.file != nil {
		name := s.file.Name()
		s.file.Close()
		os.Remove(name) // already gone where unlinking an open file works
		s.file, s.bw = nil, nil
	}
}
