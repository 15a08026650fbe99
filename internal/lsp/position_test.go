package lsp

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

func TestOffset(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		pos  Position
		want int
	}{
		{"start", "abc\ndef\n", Position{0, 0}, 0},
		{"second line", "abc\ndef\n", Position{1, 2}, 6},
		{"past the line end", "abc\ndef\n", Position{0, 99}, 3},
		{"CRLF line end", "abc\r\ndef\r\n", Position{0, 99}, 3},
		{"last empty line", "abc\n", Position{1, 0}, 4},
		{"past the last line", "abc\n", Position{5, 0}, 4},
		{"negative line", "abc\n", Position{-1, 3}, 0},
		{"after an emoji", "a🌞b", Position{0, 3}, 5},
		{"inside a surrogate pair", "a🌞b", Position{0, 2}, 1},
		{"two-byte rune", "éb", Position{0, 1}, 2},
		{"BOM counts as a character", "\uFEFFab", Position{0, 1}, 3},
		{"BOM then second line", "\uFEFFab\ncd", Position{1, 1}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			if got := offset(src, article.NewLineIndex(src), tc.pos); got != tc.want {
				t.Errorf("offset(%q, %+v) = %d, want %d", tc.src, tc.pos, got, tc.want)
			}
		})
	}
}

// FuzzPosition checks that offset and position invert each other at every
// rune boundary, and agree with counting UTF-16 units directly.
func FuzzPosition(f *testing.F) {
	for _, s := range []string{"abc\ndef", "a🌞b\r\nc", "\uFEFFx\ny", "", "\n\n", "é🌞\n🌞é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4096 {
			return // Position is linear in the line, so long inputs are slow
		}
		src := []byte(s)
		li := article.NewLineIndex(src)
		var want Position // counted rune by rune
		for off, r := range s {
			if off > 0 || r != '\uFEFF' { // the BOM is no place for a finding
				p := li.Position(off)
				if got := position(src, p.Line, p.Column16); got != want {
					t.Fatalf("position at %d of %q = %+v, want %+v", off, s, got, want)
				}
				inCRLF := r == '\r' && strings.HasPrefix(s[off:], "\r\n") || r == '\n' && strings.HasSuffix(s[:off], "\r")
				if back := offset(src, li, want); back != off && !inCRLF { // offset clamps to before "\r\n"
					t.Fatalf("offset(%+v) of %q = %d, want %d", want, s, back, off)
				}
			}
			if r == '\n' {
				want = Position{Line: want.Line + 1}
			} else {
				want.Character += utf16.RuneLen(r)
			}
		}
	})
}

func TestApplyChange(t *testing.T) {
	text := []byte("a🌞b\ncd\n")
	got := applyChange(text, contentChange{Range: &Range{Start: Position{0, 1}, End: Position{1, 1}}, Text: "X"})
	if string(got) != "aXd\n" {
		t.Errorf("ranged change = %q", got)
	}
	if got := applyChange(text, contentChange{Text: "new"}); string(got) != "new" {
		t.Errorf("full change = %q", got)
	}
	if string(text) != "a🌞b\ncd\n" {
		t.Errorf("the old text changed: %q", text)
	}
}

func TestReadMessage(t *testing.T) {
	in := "Content-Length: 2\r\n\r\n{}" +
		"\r\ncontent-length:3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]" +
		"Content-Type: x\r\n\r\n" + // no length
		"Content-Length: 1\r\n\r\n1"
	br := bufio.NewReader(strings.NewReader(in))
	for _, want := range []string{"{}", "[1]", "", "1"} {
		body, err := readMessage(br)
		if want == "" {
			if !errors.Is(err, errFraming) {
				t.Errorf("got %q, %v; want a framing error", body, err)
			}
			continue
		}
		if err != nil || string(body) != want {
			t.Errorf("got %q, %v; want %q", body, err, want)
		}
	}
	if _, err := readMessage(br); err != io.EOF {
		t.Errorf("at the end: %v, want EOF", err)
	}
	_, err := readMessage(bufio.NewReader(strings.NewReader("Content-Length: 10\r\n\r\n{}")))
	if err != io.ErrUnexpectedEOF {
		t.Errorf("short body: %v, want ErrUnexpectedEOF", err)
	}
}

// FuzzServe feeds arbitrary bytes to a server: it must return, never panic.
func FuzzServe(f *testing.F) {
	frame := func(s string) string { return "Content-Length: " + strconv.Itoa(len(s)) + "\r\n\r\n" + s }
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","version":1,"text":"doi:10.1000/182"}}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.md"},"position":{"line":0,"character":3}}}`) +
		frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.md"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}}}`)))
	f.Add([]byte("Content-Length: 5\r\n\r\n{]}[\"Content-Length: x\r\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 16<<10 {
			return // enough for any framing or request; longer only lints longer
		}
		var log bytes.Buffer
		_ = Serve(bytes.NewReader(in), io.Discard, Options{Log: &log})
		if strings.Contains(log.String(), "panic") {
			t.Fatal(log.String())
		}
	})
}
