package article

import (
	"regexp"

	"github.com/articlelint/articlelint/internal/disclosure"
)

// findDisclosure returns the first sentence that is an AI-use statement:
// one in the built-in wordings (patterns nil, or starting with
// disclosure.Patterns as config makes them) or matched by a configured
// pattern.
func findDisclosure(d *Document, patterns []*regexp.Regexp) *Disclosure {
	builtin, configured := true, patterns
	if patterns != nil {
		builtin = samePrefix(patterns)
		if builtin {
			configured = patterns[disclosure.Len():]
		}
	}
	var ranges [][2]int
	for bi := range d.Blocks {
		sentences := d.BlockSentences(bi)
		first := -1
		if builtin {
			ranges = ranges[:0]
			for _, s := range sentences {
				ranges = append(ranges, s.Prose)
			}
			first = disclosure.First(d.Blocks[bi].Prose.Text, d.Norm(bi), ranges)
		}
		for k, s := range sentences {
			found := k == first
			for _, re := range configured {
				if found {
					break
				}
				found = re.MatchString(s.Text)
			}
			if found {
				return &Disclosure{Block: s.Block, Span: s.Span, Text: s.Text}
			}
		}
	}
	return nil
}

// samePrefix reports whether patterns start with the default patterns, as
// config builds them unless replace-defaults is set.
func samePrefix(patterns []*regexp.Regexp) bool {
	if len(patterns) < disclosure.Len() {
		return false
	}
	for i := range disclosure.Len() {
		if patterns[i] != disclosure.Pattern(i) {
			return false
		}
	}
	return true
}

// Warm makes the web-URL matcher and the disclosure matcher now rather
// than on first use (see lint.Warm).
func Warm() {
	webURL()
	disclosure.Warm()
}
