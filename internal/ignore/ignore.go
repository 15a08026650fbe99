// Package ignore matches paths against gitignore patterns, with git's
// semantics: "*", "?" and "[...]" never cross a "/", "**" spans
// directories, a leading "!" re-includes, a trailing "/" matches
// directories only, a pattern with a "/" before its end is anchored to its
// base directory, and the last pattern that matches decides.
//
// It is written here, not taken from a library: go-git's matcher (the one
// kept up) does not backtrack over "**" ("a/**/b/c" misses a/b/x/b/c,
// which git ignores) and never reports a malformed pattern, and the other
// Go packages are unmaintained. The tests compare it with git itself.
package ignore

import (
	"fmt"
	"regexp"
	"strings"
)

// Pattern is one compiled gitignore line.
type Pattern struct {
	// Text is the line as written.
	Text    string
	negate  bool
	dirOnly bool
	// anchored patterns match the whole path below the base; others
	// match the last element at any depth.
	anchored bool
	re       *regexp.Regexp
}

// Error is a pattern that does not parse: Offset is the byte in the line
// where the problem is.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Parse compiles one line. It returns nil, nil for a blank line or a
// comment. With strict false it behaves as git does with a malformed
// pattern (an unclosed "[", a trailing "\"): the pattern matches nothing,
// and no error is returned.
func Parse(line string, strict bool) (*Pattern, error) {
	p, err := parse(line)
	if err != nil && !strict {
		return nil, nil
	}
	return p, err
}

func parse(line string) (*Pattern, error) {
	text := line
	line = strings.TrimSuffix(line, "\r")
	line = trimTrailingSpaces(line)
	if line == "" || line[0] == '#' {
		return nil, nil
	}
	p := &Pattern{Text: text}
	off := 0
	if line[0] == '!' {
		p.negate = true
		line, off = line[1:], 1
		if line == "" {
			return nil, &Error{0, `"!" negates a pattern, and none follows it`}
		}
	}
	if strings.HasSuffix(line, "/") && !strings.HasSuffix(line, `\/`) {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
		if line == "" {
			return nil, &Error{off, `"/" alone matches nothing: name a directory, such as drafts/`}
		}
	}
	if i := strings.Index(line, "/"); i >= 0 {
		p.anchored = true
		if i == 0 {
			line, off = line[1:], off+1
		}
	}
	body, err := translate(line, off)
	if err != nil {
		return nil, err
	}
	p.re = regexp.MustCompile("^" + body + "$")
	return p, nil
}

// trimTrailingSpaces drops trailing spaces unless escaped with "\".
func trimTrailingSpaces(s string) string {
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		// Count the backslashes before this space.
		k := end - 1
		for k > 0 && s[k-1] == '\\' {
			k--
		}
		if (end-1-k)%2 == 1 {
			break // escaped
		}
		end--
	}
	return s[:end]
}

// translate turns a gitignore glob (without "!", leading "/" and trailing
// "/") into a regular expression over slash-separated paths. off is the
// glob's offset in the line, for errors.
func translate(g string, off int) (string, error) {
	var b strings.Builder
	for i := 0; i < len(g); {
		c := g[i]
		switch {
		case c == '*' && strings.HasPrefix(g[i:], "**") && (i == 0 || g[i-1] == '/') && (i+2 == len(g) || g[i+2] == '/'):
			// "**" as a whole element spans directories.
			switch {
			case i+2 == len(g) && i == 0:
				b.WriteString(".*")
			case i+2 == len(g):
				b.WriteString(".*") // "a/**": everything inside a
			default:
				b.WriteString("(?:.*/)?") // "**/" : zero or more directories
				i++                       // and the "/"
			}
			i += 2
		case c == '*':
			for i < len(g) && g[i] == '*' {
				i++ // other runs of "*" are one "*"
			}
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
			i++
		case c == '[':
			cls, n, err := bracket(g[i:], off+i)
			if err != nil {
				return "", err
			}
			b.WriteString(cls)
			i += n
		case c == '\\':
			if i+1 == len(g) {
				return "", &Error{off + i, `a trailing "\" escapes nothing: write "\\" for a backslash`}
			}
			b.WriteString(regexp.QuoteMeta(g[i+1 : i+2]))
			i += 2
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
			i++
		}
	}
	return b.String(), nil
}

var classes = map[string]string{
	"alnum": `\p{L}\p{N}`, "alpha": `\p{L}`, "blank": ` \t`, "cntrl": `\x00-\x1f\x7f`,
	"digit": `0-9`, "graph": `!-~`, "lower": `a-z`, "print": ` -~`,
	"punct": `!-/:-@\[-` + "`" + `{-~`, "space": `\s`, "upper": `A-Z`, "xdigit": `0-9A-Fa-f`,
}

// bracket translates the bracket expression at the start of g; it
// returns the class and the bytes it used.
func bracket(g string, off int) (string, int, error) {
	var b strings.Builder
	b.WriteString("[")
	i := 1
	if i < len(g) && (g[i] == '!' || g[i] == '^') {
		b.WriteString("^/") // a negated class still never matches "/"
		i++
	}
	first := true
	for ; i < len(g); i++ {
		c := g[i]
		switch {
		case c == ']' && !first:
			b.WriteString("]")
			return b.String(), i + 1, nil
		case c == '[' && strings.HasPrefix(g[i:], "[:"):
			end := strings.Index(g[i+2:], ":]")
			if end < 0 {
				return "", 0, &Error{off + i, `"[:" starts a character class but no ":]" ends it`}
			}
			name := g[i+2 : i+2+end]
			cls, ok := classes[name]
			if !ok {
				return "", 0, &Error{off + i, fmt.Sprintf("unknown character class [:%s:]", name)}
			}
			b.WriteString(cls)
			i += 2 + end + 1
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		default:
			if c == '-' && !first && i+1 < len(g) && g[i+1] != ']' {
				b.WriteString("-")
				continue
			}
			if c == '\\' || c == ']' || c == '[' || c == '^' || c == '-' {
				b.WriteString(`\`)
			}
			b.WriteByte(c)
		}
		first = false
	}
	return "", 0, &Error{off, `"[" opens a bracket expression that no "]" closes: write "\[" for a literal bracket`}
}

// Matcher is an ordered list of patterns that share one base directory.
type Matcher struct {
	patterns []*Pattern
}

// New returns a Matcher of patterns, in order.
func New(patterns ...*Pattern) *Matcher { return &Matcher{patterns: patterns} }

// Add appends a pattern.
func (m *Matcher) Add(p *Pattern) { m.patterns = append(m.patterns, p) }

// Len is the number of patterns.
func (m *Matcher) Len() int { return len(m.patterns) }

// ParseLines compiles a .gitignore file's lines as git does: malformed
// patterns match nothing.
func ParseLines(data string) *Matcher {
	m := &Matcher{}
	for _, line := range strings.Split(data, "\n") {
		if p, _ := Parse(line, false); p != nil {
			m.Add(p)
		}
	}
	return m
}

// Match reports whether some pattern matches rel, a slash-separated path
// relative to the base directory, and if so whether the last one that
// does ignores it (true) or re-includes it (false). A directory is
// matched as itself; its contents are for the caller to skip.
func (m *Matcher) Match(rel string, isDir bool) (matched, ignored bool) {
	if m == nil || rel == "" || rel == "." || strings.HasPrefix(rel, "../") || rel == ".." {
		return false, false
	}
	base := rel
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		base = rel[i+1:]
	}
	for i := len(m.patterns) - 1; i >= 0; i-- {
		p := m.patterns[i]
		if p.dirOnly && !isDir {
			continue
		}
		s := base
		if p.anchored {
			s = rel
		}
		if p.re.MatchString(s) {
			return true, !p.negate
		}
	}
	return false, false
}

// Excludes reports whether rel is left out: it, or a directory above it,
// is ignored by the last pattern that matches. As in git, a file in an
// ignored directory cannot be re-included.
func (m *Matcher) Excludes(rel string, isDir bool) bool {
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' {
			if _, ign := m.Match(rel[:i], true); ign {
				return true
			}
		}
	}
	_, ign := m.Match(rel, isDir)
	return ign
}
