package phrase

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLits bounds a pattern's required literals: a set larger than this
// filters little and costs a slot each.
const maxLits = 256

// maxCross bounds the sets that exact builds by concatenation: a product
// past it costs more to build than it filters.
const maxCross = 32

// required returns literals one of which every match of re contains, so
// that the pattern need run only on a text holding one: the literal
// prefilter is derived from the pattern and cannot drift from it. ok is
// false when there is none (a pattern of wildcards).
func required(re *syntax.Regexp) (lits []string, ok bool) {
	// exact sets (every match is one of them) are better than required
	// ones: they concatenate ("here" + (" is"|"'s") is "here is" or
	// "here's").
	if ex, ok := exact(re); ok {
		return ex, len(ex) > 0 && !hasEmpty(ex)
	}
	switch re.Op {
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return dedupe(out), len(out) <= maxLits
	case syntax.OpConcat:
		// The best of its conjuncts: each run of adjacent subexpressions
		// with exact sets, joined, and each other subexpression's.
		var best []string
		for _, l := range conjuncts(re) {
			if better(l, best) {
				best = l
			}
		}
		return best, best != nil
	}
	return nil, false
}

// maxAlso bounds the further sets a pattern keeps (Derived.Also): each
// costs a look-up per window.
const maxAlso = 4

// conjuncts returns sets of literals every match of re holds one of
// each of: required finds the best single set, conjuncts every one it
// can, so that a window holding the best set's literal but lacking
// another set's is passed over without running the pattern.
func conjuncts(re *syntax.Regexp) [][]string {
	valid := func(l []string) bool { return len(l) > 0 && !hasEmpty(l) && len(l) <= maxLits }
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return conjuncts(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return conjuncts(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		if ex, ok := exact(re); ok {
			if valid(ex) {
				return [][]string{ex}
			}
			return nil
		}
		var out [][]string
		var run []string
		inRun := false
		flush := func() {
			if inRun && valid(run) {
				out = append(out, run)
			}
			inRun = false
		}
		for _, sub := range re.Sub {
			if ex, ok := exact(sub); ok {
				if !inRun {
					run, inRun = ex, true
				} else if j := cross(run, ex); j != nil {
					run = j
				} else {
					flush()
					run, inRun = ex, true
				}
				continue
			}
			flush()
			out = append(out, conjuncts(sub)...)
		}
		flush()
		return out
	}
	if l, ok := required(re); ok && valid(l) {
		return [][]string{l}
	}
	return nil
}

// also returns the sets of conjuncts(re) worth checking besides lits:
// the best few whose literals are at least three bytes long (shorter
// ones are in nearly every window).
func also(re *syntax.Regexp, lits []string) [][]string {
	var out [][]string
	for _, c := range conjuncts(re) {
		if minBytes(c) < 3 || slices.Equal(c, lits) || slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, c) }) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b []string) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
	if len(out) > maxAlso {
		out = out[:maxAlso]
	}
	return out
}

func minBytes(l []string) int {
	m := -1
	for _, s := range l {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

// exact returns the set of strings re matches, when it is small.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			s = strings.ToLower(s)
		}
		return []string{s}, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 8 {
				return nil, false
			}
		}
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return dedupe(lowerAll(out)), true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpQuest:
		ex, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return dedupe(append(ex, "")), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ex, ok := exact(sub)
			if !ok {
				return nil, false
			}
			out = append(out, ex...)
		}
		if len(out) > maxLits {
			return nil, false
		}
		return dedupe(out), true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			ex, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out = cross(out, ex); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// cross returns every a+b, or nil when there would be too many.
func cross(as, bs []string) []string {
	if len(as)*len(bs) > maxCross {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return dedupe(out)
}

// better reports whether set a filters better than b: its shortest
// literal is longer (rarer), or as long with fewer literals.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(l []string) int {
	m := -1
	for _, s := range l {
		if n := utf8.RuneCountInString(s); m < 0 || n < m {
			m = n
		}
	}
	return m
}

func hasEmpty(l []string) bool {
	for _, s := range l {
		if s == "" {
			return true
		}
	}
	return false
}

func lowerAll(l []string) []string {
	for i, s := range l {
		l[i] = strings.ToLower(s)
	}
	return l
}

func dedupe(l []string) []string {
	seen := make(map[string]bool, len(l))
	out := l[:0:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
