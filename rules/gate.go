package rules

import (
	"regexp"
	"strings"
)

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

// groupMatches returns the spans of the matches of patterns in text (group
// 1 where a pattern has one), in pattern order, leaving out those that
// overlap an earlier span or that keep rejects. Pattern i is skipped when
// gates[i] exists and none of its words is in the text.
func groupMatches(text string, patterns []*regexp.Regexp, gates [][]string, keep func(s, e int) bool) [][2]int {
	lower := strings.ToLower(text)
	var found [][2]int
	for i, re := range patterns {
		if i < len(gates) && !mayMatch(lower, gates[i]) {
			continue
		}
	match:
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			s, e := m[0], m[1]
			if len(m) >= 4 && m[2] >= 0 {
				s, e = m[2], m[3]
			}
			for _, f := range found {
				if s < f[1] && e > f[0] {
					continue match
				}
			}
			if keep != nil && !keep(s, e) {
				continue
			}
			found = append(found, [2]int{s, e})
		}
	}
	return found
}
