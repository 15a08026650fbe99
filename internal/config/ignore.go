package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/internal/ignore"
)

// decodeIgnore reads ignore: (a list of gitignore patterns) and
// gitignore: (a switch). A pattern that does not compile is an error at
// its own line and column.
func (c *Config) decodeIgnore(d *decoder, list, git *yaml.Node) error {
	if git.Kind != 0 {
		if err := d.decodeStrict(git, reflect.ValueOf(&c.Gitignore).Elem()); err != nil {
			return err
		}
	}
	if list.Kind == 0 || list.Tag == "!!null" {
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		return at(d.path, list, "ignore: want a list of gitignore patterns (such as - drafts/), not %s", kindName(list))
	}
	m := ignore.New()
	for _, item := range list.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return at(d.path, item, "ignore: want a pattern, not %s", kindName(item))
		}
		v := item.Value
		switch {
		case strings.TrimSpace(v) == "":
			return at(d.path, item, "ignore: empty pattern")
		case strings.HasPrefix(v, "#"):
			return at(d.path, item, `ignore: %q would be a comment in gitignore syntax: write \# to match a name that starts with #`, v)
		case strings.ContainsAny(v, "\n\r"):
			return at(d.path, item, "ignore: one pattern per list item, not several lines")
		}
		p, err := ignore.Parse(v, true)
		if err != nil {
			e := &Error{Path: d.path, Line: item.Line, Column: item.Column, Msg: "ignore: " + err.Error()}
			if ie, ok := err.(*ignore.Error); ok {
				if item.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
					e.Column++
				}
				e.Column += utf8.RuneCountInString(v[:ie.Offset])
			}
			return e
		}
		m.Add(p)
	}
	if m.Len() > 0 {
		c.Ignore = m
		c.IgnoreBase, _ = filepath.Abs(filepath.Dir(d.path))
	}
	return nil
}
