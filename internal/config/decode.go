package config

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// decoder decodes one config file, collecting warnings on the way.
type decoder struct {
	path  string
	warns []*Error
}

// decodeStrict decodes n into v, reporting unknown keys and type errors at
// the node that caused them. yaml.v3's own strict mode stops at the first
// error without a column; this walks the nodes to keep both.
func (d *decoder) decodeStrict(n *yaml.Node, v reflect.Value) error {
	path := d.path
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if v.CanAddr() {
		if _, ok := v.Addr().Interface().(yaml.Unmarshaler); ok {
			if err := n.Decode(v.Addr().Interface()); err != nil {
				return at(path, n, "%s", cleanYAMLError(err))
			}
			return nil
		}
	}
	if v.Type() == reflect.TypeOf(yaml.Node{}) {
		v.Set(reflect.ValueOf(*n))
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return at(path, n, "want a mapping, not %s", kindName(n))
		}
		fields, names := fieldsOf(v.Type())
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			key, ok := d.key(k, fields)
			if !ok {
				return at(path, k, "unknown key %q%s", k.Value, suggest(k.Value, names))
			}
			if seen[key] {
				return at(path, k, "key %q is set twice", key)
			}
			seen[key] = true
			if err := d.decodeStrict(val, v.Field(fields[key])); err != nil {
				return err
			}
		}
		// Options may check themselves as a whole ("set exactly one of").
		if val, ok := v.Addr().Interface().(interface{ Validate() error }); ok {
			if err := val.Validate(); err != nil {
				return at(path, n, "%s", err)
			}
		}
		return nil
	case reflect.Map:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		if n.Kind != yaml.MappingNode || v.Type().Key().Kind() != reflect.String {
			return at(path, n, "want a mapping, not %s", kindName(n))
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
				return at(path, k, "key %q is set twice", k.Value)
			}
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := d.decodeStrict(val, elem); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), elem)
		}
		v.Set(m)
		return nil
	case reflect.Slice:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		// "key: {extend: [...]}" adds to the default list; a list replaces it.
		base := reflect.MakeSlice(v.Type(), 0, 0)
		if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "extend" {
			base = reflect.AppendSlice(base, v)
			n = n.Content[1]
		}
		if n.Kind != yaml.SequenceNode {
			return at(path, n, "want a list, not %s", kindName(n))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := d.decodeStrict(item, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(reflect.AppendSlice(base, s))
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return at(path, n, "want a %s, not %s", v.Kind(), kindName(n))
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		return at(path, n, "%s", cleanYAMLError(err))
	}
	return nil
}

// fieldsOf maps a struct's YAML keys to field indexes; names lists them in
// field order, for suggestions.
func fieldsOf(t reflect.Type) (fields map[string]int, names []string) {
	fields = map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			fields[tag] = i
			names = append(names, tag)
		}
	}
	return fields, names
}

// key returns the key that k names among fields. Keys are kebab-case
// (like rule ids); the snake_case spelling that some keys had is still
// read, with a warning that names the new key.
func (d *decoder) key(k *yaml.Node, fields map[string]int) (string, bool) {
	if _, ok := fields[k.Value]; ok {
		return k.Value, true
	}
	kebab := strings.ReplaceAll(k.Value, "_", "-")
	if _, ok := fields[kebab]; ok && kebab != k.Value {
		d.warns = append(d.warns, &Error{Path: d.path, Line: k.Line, Column: k.Column,
			Msg: fmt.Sprintf("key %q is deprecated: write %q (config keys are kebab-case)", k.Value, kebab)})
		return kebab, true
	}
	return "", false
}

func at(path string, n *yaml.Node, format string, args ...any) error {
	return &Error{Path: path, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

var yamlInnerLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line \d+: `) })

var yamlLinePrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^yaml: (?:unmarshal errors:\s*)?(?:line (\d+)(?:, column (\d+))?: )?`)
})

// cleanYAMLError removes yaml.v3's "yaml: line N:" prefix; the caller
// puts the position in front.
func cleanYAMLError(err error) string {
	msg := strings.TrimSpace(err.Error())
	msg = yamlLinePrefix().ReplaceAllString(msg, "")
	msg = strings.TrimSpace(yamlInnerLine().ReplaceAllString(msg, ""))
	return msg
}

// yamlError turns a syntax error in data into path:line:col. yaml.v3
// gives no line for input it cannot decode (invalid UTF-8, an unsupported
// %YAML version): those point at the first bad byte, or at 1:1.
func yamlError(path string, data []byte, err error) error {
	m := yamlLinePrefix().FindStringSubmatch(err.Error())
	line, col := 0, 0
	if m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
	}
	if line == 0 {
		line, col = 1, 1
		if !utf8.Valid(data) {
			line, col = firstBadByte(data)
		}
	}
	if col == 0 {
		col = 1
	}
	return &Error{Path: path, Line: line, Column: col, Msg: "invalid YAML: " + cleanYAMLError(err)}
}

// firstBadByte returns the line and column of the first byte of data that
// is not UTF-8.
func firstBadByte(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if col++; r == '\n' {
			line, col = line+1, 1
		}
		i += n
	}
	return line, col
}

// suggest returns `; did you mean "x"?` for a near miss.
func suggest(got string, names []string) string {
	best := Nearest(got, names)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(`; did you mean %q?`, best)
}

// Nearest returns the name closest to got when it is a near miss (a typo,
// another case, _ for -), or "" when none is near.
func Nearest(got string, names []string) string {
	g := strings.ToLower(strings.ReplaceAll(got, "_", "-"))
	best, bestD := "", max(3, len(g)/4+1)
	for _, n := range names {
		if d := distance(g, strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
