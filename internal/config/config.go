// Package config loads .articlelint.yaml: per-rule severities and options,
// checked strictly so that every mistake is reported as path:line:col.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/internal/disclosure"
	"github.com/articlelint/articlelint/internal/ignore"
	"github.com/articlelint/articlelint/rules"
)

// FileNames are the names looked for, in order, in each directory.
var FileNames = []string{".articlelint.yaml", ".articlelint.yml"}

// Config is the configuration that applies to one article.
type Config struct {
	// Path is the file it came from, or "" for the defaults.
	Path  string
	Rules map[string]*RuleConfig
	// Disclosure are the patterns the parser uses to find the AI-use
	// statement (from rules.ai-disclosure).
	Disclosure []*regexp.Regexp
	// Online configures --online.
	Online Online
	// Ignore holds the ignore: patterns (gitignore syntax), relative to
	// IgnoreBase, the config file's absolute directory; nil when none.
	Ignore     *ignore.Matcher
	IgnoreBase string
	// Gitignore: a directory walk inside a git work tree skips what its
	// .gitignore files ignore (gitignore: true, the default).
	Gitignore bool
	// Warnings are what loads but should change: deprecated spellings of
	// keys, each at its line and column.
	Warnings []*Error
}

// RuleConfig is one rule's severity and decoded options.
type RuleConfig struct {
	Severity rules.Severity
	Options  any
}

// Error is a config error at a line and column of the config file.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Default returns the built-in configuration.
func Default() *Config {
	c := &Config{Rules: map[string]*RuleConfig{}, Gitignore: true}
	for _, r := range rules.All {
		rc := &RuleConfig{Severity: r.Severity}
		if r.Options != nil {
			rc.Options = r.Options()
		}
		c.Rules[r.ID] = rc
	}
	c.link()
	return c
}

// link resolves shared options and the parser's disclosure patterns.
func (c *Config) link() {
	for _, r := range rules.All {
		if r.OptionsOf != "" {
			c.Rules[r.ID].Options = c.Rules[r.OptionsOf].Options
		}
	}
	if o, ok := c.Rules[rules.Require.ID].Options.(*rules.RequireOptions); ok {
		o.UseSections(c.Rules[rules.RequiredSection.ID].Options.(*rules.SectionOptions))
	}
	// nil means the parser's defaults, compiled only as needed.
	c.Disclosure = nil
	if o, ok := c.Rules[rules.AIDisclosure.ID].Options.(*rules.DisclosureOptions); ok && (o.ReplaceDefaults || len(o.Patterns) > 0) {
		c.Disclosure = []*regexp.Regexp{}
		if !o.ReplaceDefaults {
			c.Disclosure = append(c.Disclosure, disclosure.Patterns()...)
		}
		for _, p := range o.Patterns {
			re := p.Regexp
			if !strings.HasPrefix(re.String(), "(?i)") {
				re = regexp.MustCompile("(?i)" + re.String()) // it compiled once already
			}
			c.Disclosure = append(c.Disclosure, re)
		}
	}
}

// file is the top level of .articlelint.yaml.
type file struct {
	Rules     yaml.Node `yaml:"rules"`
	Online    yaml.Node `yaml:"online"`
	Ignore    yaml.Node `yaml:"ignore"`
	Gitignore yaml.Node `yaml:"gitignore"`
}

// Load reads a config file. Every error names path:line:col.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read config: %w", path, unwrapPath(err))
	}
	return Parse(path, data)
}

// Parse parses config data read from path.
func Parse(path string, data []byte) (*Config, error) {
	c, err := parse(path, data)
	var ce *Error
	if errors.As(err, &ce) && ce.Line > 0 {
		ce.Line, ce.Column = within(data, ce.Line, ce.Column)
	}
	return c, err
}

// within moves a line:col past the end of data, or of its line, back to
// that end: yaml.v3 places an empty value ("---", "key:" on the last line)
// on the line after it.
func within(data []byte, line, col int) (int, int) {
	lines := bytes.Split(data, []byte("\n"))
	line = min(line, len(lines))
	return line, max(1, min(col, utf8.RuneCount(lines[line-1])+1))
}

func parse(path string, data []byte) (*Config, error) {
	c := Default()
	c.Path = path
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(path, data, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return c, nil // an empty file, or document, means the defaults
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, at(path, root, "config must be a mapping of keys (rules: ...), not %s", kindName(root))
	}
	var f file
	d := &decoder{path: path}
	if err := d.decodeStrict(root, reflect.ValueOf(&f).Elem()); err != nil {
		return nil, err
	}
	if f.Rules.Kind != 0 {
		if err := c.decodeRules(d, &f.Rules); err != nil {
			return nil, err
		}
	}
	if f.Online.Kind != 0 {
		if err := d.decodeStrict(&f.Online, reflect.ValueOf(&c.Online).Elem()); err != nil {
			return nil, err
		}
	}
	if err := c.decodeIgnore(d, &f.Ignore, &f.Gitignore); err != nil {
		return nil, err
	}
	c.Warnings = d.warns
	c.link()
	return c, nil
}

func (c *Config) decodeRules(d *decoder, n *yaml.Node) error {
	path := d.path
	if n.Kind != yaml.MappingNode {
		return at(path, n, "rules must be a mapping of rule ids, not %s", kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r := rules.Lookup(k.Value)
		if r == nil {
			return at(path, k, "unknown rule %q%s", k.Value, suggest(k.Value, ruleIDs()))
		}
		rc := c.Rules[r.ID]
		switch v.Kind {
		case yaml.ScalarNode: // "rule: warning" shorthand
			if err := v.Decode(&rc.Severity); err != nil {
				return at(path, v, "%s", cleanYAMLError(err))
			}
		case yaml.MappingNode:
			if err := decodeRule(d, r, rc, v); err != nil {
				return err
			}
		default:
			return at(path, v, "rule %s: want a severity or a mapping (severity: ..., options), not %s", r.ID, kindName(v))
		}
	}
	return nil
}

func decodeRule(d *decoder, r *rules.Rule, rc *RuleConfig, v *yaml.Node) error {
	path := d.path
	var fields map[string]int
	names := []string{"severity"}
	if r.Options != nil {
		var opts []string
		fields, opts = fieldsOf(reflect.TypeOf(r.Options()).Elem())
		names = append(names, opts...)
	}
	optNode := &yaml.Node{Kind: yaml.MappingNode, Line: v.Line, Column: v.Column}
	for j := 0; j+1 < len(v.Content); j += 2 {
		key, val := v.Content[j], v.Content[j+1]
		if key.Value == "severity" {
			if err := val.Decode(&rc.Severity); err != nil {
				return at(path, val, "%s", cleanYAMLError(err))
			}
			continue
		}
		// A misspelt severity is not an option: suggest it among them.
		if _, ok := fields[strings.ReplaceAll(key.Value, "_", "-")]; !ok && Nearest(key.Value, names) == "severity" {
			return at(path, key, "rule %s: unknown key %q; did you mean \"severity\"?", r.ID, key.Value)
		}
		optNode.Content = append(optNode.Content, key, val)
	}
	if len(optNode.Content) == 0 {
		return nil
	}
	if r.Options == nil {
		owner := ""
		if r.OptionsOf != "" {
			owner = " (it uses the options of " + r.OptionsOf + ")"
		}
		return at(path, optNode.Content[0], "rule %s has no option %q; only severity%s", r.ID, optNode.Content[0].Value, owner)
	}
	return d.decodeStrict(optNode, reflect.ValueOf(rc.Options).Elem())
}

// Find returns the config file that applies to files in dir: the first
// found walking up from dir, or "" if none.
func Find(dir string) (string, error) { return FindCached(dir, nil) }

// FindCached is Find, remembering in seen (absolute directory -> result)
// what it learns about every directory it walks through, so that many
// directories under one root stat each parent once. seen may be nil.
func FindCached(dir string, seen map[string]string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var walked []string
	found := ""
walk:
	for {
		if p, ok := seen[dir]; ok {
			found = p
			break
		}
		walked = append(walked, dir)
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				found = relative(p)
				break walk
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("%s: %w", p, unwrapPath(err))
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if seen != nil {
		for _, d := range walked {
			seen[d] = found
		}
	}
	return found, nil
}

// relative shortens p to a path relative to the working directory when it
// lies below it, as users name files in messages.
func relative(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return ids
}

// unwrapPath drops the *fs.PathError wrapper: callers name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
