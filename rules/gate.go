package rules

import "strings"

// Go's regexp is slow on case-insensitive alternations, and most prose
// holds none of the words a rule looks for. A gate is the lower-cased
// words at least one of which a match must contain; checking them with
// strings.Contains first skips the regexp for most blocks.

// longestWords returns the lower-cased longest word of each phrase: the
// rarest, so the gate opens least often ("effects" of "no side effects").
func longestWords(phrases []string) []string {
	var out []string
	for _, ph := range phrases {
		best := ""
		for _, w := range strings.Fields(strings.ToLower(ph)) {
			if len(w) > len(best) {
				best = w
			}
		}
		if best != "" {
			out = append(out, best)
		}
	}
	return out
}

// mayMatch reports whether lower (lower-cased text) contains any of words.
// No words means no gate.
func mayMatch(lower string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
