package rules

import (
	"regexp"
	"sort"
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

// asciiLower lower-cases ASCII letters only, so that offsets into the
// result are offsets into s (strings.ToLower may change byte lengths).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// windows returns the stretches of text, radius bytes either side of each
// occurrence of a gate word, widened to whitespace and merged: a pattern
// whose matches are shorter than radius and contain a gate word matches
// inside them exactly as in the whole text, at a fraction of the cost.
func windows(text, lower string, words []string, radius int) [][2]int {
	var out [][2]int
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			j += i
			s, e := max(0, j-radius), min(len(text), j+len(w)+radius)
			if k := strings.LastIndexAny(text[:s], " \t\n"); s > 0 {
				s = k + 1
			}
			if k := strings.IndexAny(text[e:], " \t\n"); k >= 0 {
				e += k
			} else {
				e = len(text)
			}
			out = append(out, [2]int{s, e})
			i = j + len(w)
		}
	}
	if len(out) < 2 {
		return out
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	merged := out[:1]
	for _, w := range out[1:] {
		last := &merged[len(merged)-1]
		if w[0] <= last[1] {
			last[1] = max(last[1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}
