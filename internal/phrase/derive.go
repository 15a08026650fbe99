package phrase

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// Derived is what Compile reads from a pattern's syntax: its required
// literals, whether it is anchored, how long a match can be. Parsing
// every pattern costs a few milliseconds at start-up, so packages with
// built-in tables save their patterns' Derived in a generated file
// (phrasetest.Derivations) and compile with CompileWith.
type Derived struct {
	Pattern string
	// Lits are literals one of which every match holds; nil when the
	// pattern has none and runs on every text.
	Lits []string
	// Also are further sets of literals every match holds one of each
	// of: a window around a literal of Lits that lacks one is passed
	// over.
	Also     [][]string
	Anchored bool
	// MaxLen is the longest match in bytes, or -1 (see maxLength);
	// MaxSpaces the most spaces in one, or -1 (see maxSpaces).
	MaxLen, MaxSpaces int
	// Exact is whether the pattern matches its Lits and nothing else,
	// none a prefix of another: it is then found as phrases are, with
	// no regular expression run.
	Exact bool
}

// Derive parses pattern and derives what Compile needs of it.
func Derive(pattern string) (Derived, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return Derived{}, err
	}
	s := re.Simplify()
	d := Derived{Pattern: pattern, Anchored: anchoredStart(re), MaxLen: maxLength(s), MaxSpaces: maxSpaces(s)}
	if lits, ok := required(s); ok {
		d.Lits = lits
		d.Also = also(s, lits)
	}
	if ex, ok := exact(s); ok && pure(s) && prefixFree(ex) {
		// exact folds case as the text is folded; a literal the pattern
		// itself would not match (upper case) keeps it a pattern.
		whole := regexp.MustCompile(`^(?:` + pattern + `)$`)
		d.Exact = slices.IndexFunc(ex, func(l string) bool { return l == "" || l != strings.ToLower(l) || !whole.MatchString(l) }) < 0
		if d.Exact {
			d.Lits, d.Also = ex, nil
		}
	}
	return d, nil
}

// pure reports whether re is literals, small classes, alternations,
// concatenations and optional parts only: no anchors, word boundaries or
// repetition, so that exact's set is all it matches.
func pure(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpEmptyMatch:
	case syntax.OpCapture, syntax.OpQuest, syntax.OpAlternate, syntax.OpConcat:
		for _, sub := range re.Sub {
			if !pure(sub) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// prefixFree reports whether no literal of l starts another: then at
// any offset at most one matches, as the leftmost-first expression would
// choose.
func prefixFree(l []string) bool {
	for i, a := range l {
		for j, b := range l {
			if i != j && strings.HasPrefix(b, a) {
				return false
			}
		}
	}
	return true
}

// Derivations are Derived values sorted by pattern.
type Derivations []Derived

// lookup returns the saved derivation of pattern. A pattern edited since
// the file was generated is simply not found and is derived again.
func (ds Derivations) lookup(pattern string) (Derived, bool) {
	i, ok := slices.BinarySearchFunc(ds, pattern, func(d Derived, p string) int { return strings.Compare(d.Pattern, p) })
	if !ok {
		return Derived{}, false
	}
	return ds[i], true
}

// Merge returns the derivations of all sets, sorted; a pattern in
// several keeps its first.
func Merge(sets ...Derivations) Derivations {
	var out Derivations
	for _, s := range sets {
		out = append(out, s...)
	}
	slices.SortStableFunc(out, func(a, b Derived) int { return strings.Compare(a.Pattern, b.Pattern) })
	return slices.CompactFunc(out, func(a, b Derived) bool { return a.Pattern == b.Pattern })
}

// DeriveTables derives every pattern of tables.
func DeriveTables(tables ...*Table) (Derivations, error) {
	var ds Derivations
	seen := map[string]bool{}
	for _, t := range tables {
		for _, e := range t.Entries {
			if e.Pattern == "" || seen[e.Pattern] {
				continue
			}
			seen[e.Pattern] = true
			d, err := Derive(e.Pattern)
			if err != nil {
				return nil, fmt.Errorf("%s: pattern %q: %v", t.Name, e.Pattern, err)
			}
			ds = append(ds, d)
		}
	}
	slices.SortFunc(ds, func(a, b Derived) int { return strings.Compare(a.Pattern, b.Pattern) })
	return ds, nil
}
