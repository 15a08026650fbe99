package lsp

import (
	"bytes"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
)

var bom = []byte("\uFEFF")

// position converts a 1-based line and UTF-16 column, as lint.Located
// gives them, to an LSP position. The LineIndex gives a leading BOM no
// column, but a client that keeps one in the text counts it as a character.
func position(src []byte, line, col16 int) Position {
	p := Position{Line: line - 1, Character: col16 - 1}
	if line == 1 && bytes.HasPrefix(src, bom) {
		p.Character++
	}
	return p
}

// offset converts an LSP position in src to a byte offset. Positions past
// the end of a line mean its end (as the specification asks), and lines
// past the end of the text mean its end. A character in the middle of a
// surrogate pair stays before the pair.
func offset(src []byte, li *article.LineIndex, p Position) int {
	switch {
	case p.Line < 0:
		return 0
	case p.Line >= li.Lines():
		return len(src)
	}
	i, end := 0, li.LineEnd(p.Line+1)
	if p.Line > 0 {
		i = li.LineStart(p.Line + 1)
	}
	for units := 0; i < end && units < p.Character; {
		r, size := utf8.DecodeRune(src[i:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > p.Character {
			break
		}
		units += w
		i += size
	}
	return i
}
