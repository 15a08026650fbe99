package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// parseFrontMatter reads a YAML ("---"), TOML ("+++") or JSON ("{") block
// that opens the file. An unterminated block is not front matter: it is
// left as text.
func parseFrontMatter(d *Document, start int) *FrontMatter {
	src := d.Source
	first, next := lineAt(src, start)
	delim := string(bytes.TrimRight(first, " \t\r"))
	var format string
	switch delim {
	case "---":
		format = "yaml"
	case "+++":
		format = "toml"
	case "{":
		return parseJSONFrontMatter(d, start, next)
	default:
		return nil
	}
	for pos := next; pos < len(src); {
		line, after := lineAt(src, pos)
		l := string(bytes.TrimRight(line, " \t\r"))
		if l == delim || (format == "yaml" && l == "...") {
			fm := &FrontMatter{Format: format, Span: Span{start, after}, Body: Span{next, pos}}
			if format == "yaml" {
				parseYAMLFrontMatter(d, fm)
			}
			return fm
		}
		pos = after
	}
	return nil
}

// lineAt returns the line starting at off (without "\n") and the offset
// of the next line.
func lineAt(src []byte, off int) ([]byte, int) {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return src[off:], len(src)
	}
	return src[off : off+i], off + i + 1
}

// yamlLine is compiled on first use: few front matters are invalid.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): `) })

func parseYAMLFrontMatter(d *Document, fm *FrontMatter) {
	body := d.Source[fm.Body.Start:fm.Body.End]
	var node yaml.Node
	if err := yaml.Unmarshal(body, &node); err != nil {
		msg := err.Error()
		off := fm.Body.Start
		if m := yamlLine().FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			first := d.Lines.Position(fm.Body.Start).Line
			off = d.Lines.LineStart(first + n - 1)
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		fm.Err = &FrontMatterError{Span: Span{off, off}, Message: "front matter is not valid YAML: " + msg}
		return
	}
	if len(node.Content) > 0 {
		fm.Node = &node
	}
}

// Lookup returns the scalar value of a top-level key and its span.
func (fm *FrontMatter) Lookup(d *Document, key string) (string, Span, bool) {
	if fm == nil || fm.Node == nil || len(fm.Node.Content) == 0 {
		return "", Span{}, false
	}
	m := fm.Node.Content[0]
	if m.Kind != yaml.MappingNode {
		return "", Span{}, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !strings.EqualFold(k.Value, key) || v.Kind != yaml.ScalarNode {
			continue
		}
		return v.Value, fm.NodeSpan(d, v), true
	}
	return "", Span{}, false
}

// NodeSpan converts a YAML node's position in the front matter to a span
// in the file. A plain scalar's span covers its value on its line; a
// JSON scalar's covers its token, quotes included.
func (fm *FrontMatter) NodeSpan(d *Document, n *yaml.Node) Span {
	first := d.Lines.Position(fm.Body.Start).Line
	line := first + n.Line - 1
	start := d.Lines.Offset(line, n.Column)
	end := start
	if fm.Format == "json" {
		if n.Kind == yaml.ScalarNode {
			end = jsonTokenEnd(d.Source, start)
		}
		return Span{start, end}
	}
	if n.Kind == yaml.ScalarNode {
		end = d.Lines.LineEnd(line)
		if n.Style == 0 && start+len(n.Value) <= end {
			end = start + len(n.Value)
		}
	}
	return Span{start, end}
}

// parseJSONFrontMatter reads Hugo's JSON front matter: a first line that
// is exactly "{", the object, and a line that is exactly "}" closing it.
// Lines that merely start with "{" ("{{< shortcode >}}", "{% raw %}") never
// get here. first is the offset of the "{" line, next of the line after.
func parseJSONFrontMatter(d *Document, first, next int) *FrontMatter {
	src := d.Source
	// A valid object ends where the decoder says, so that a nested "}"
	// written at the start of a line does not close it early.
	dec := json.NewDecoder(bytes.NewReader(src[first:]))
	var raw json.RawMessage
	if dec.Decode(&raw) == nil {
		end := first + int(dec.InputOffset())
		lineStart := bytes.LastIndexByte(src[:end], '\n') + 1
		rest, after := lineAt(src, end)
		if lineStart == end-1 && len(bytes.TrimRight(rest, " \t\r")) == 0 {
			fm := &FrontMatter{Format: "json", Span: Span{first, after}, Body: Span{first, end}}
			fm.Node = jsonNodes(d, fm.Body.Start, src[first:end])
			return fm
		}
	}
	// Not valid, or not closed on a line of its own: the first "}" line
	// closes it, and the decoder's error says what is wrong.
	for pos := next; pos < len(src); {
		line, after := lineAt(src, pos)
		if string(bytes.TrimRight(line, " \t\r")) == "}" {
			fm := &FrontMatter{Format: "json", Span: Span{first, after}, Body: Span{first, pos + 1}}
			parseJSONBody(d, fm)
			return fm
		}
		pos = after
	}
	return nil
}

// parseJSONBody decodes the object in fm.Body into YAML nodes, so that
// Lookup, NodeSpan and readers of Node treat JSON front matter as they
// treat YAML, or sets fm.Err at the offending character.
//
// It validates into a json.RawMessage: the error's offset is all it
// needs, and no map is built for a value that is then thrown away.
func parseJSONBody(d *Document, fm *FrontMatter) {
	body := d.Source[fm.Body.Start:fm.Body.End]
	var raw json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		off := len(body) - 1
		var se *json.SyntaxError
		if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(body) {
			off = int(se.Offset) - 1 // the offset is just past the bad byte
		}
		off += fm.Body.Start
		fm.Err = &FrontMatterError{Span: Span{off, off}, Message: "front matter is not valid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
		return
	}
	fm.Node = jsonNodes(d, fm.Body.Start, body)
}

// jsonNodes turns valid JSON into a YAML document node with each node's
// line and column (1-based, relative to the body's first line, as yaml.v3
// gives them). Strings are double-quoted scalars, numbers keep their
// literal text, and of repeated keys the last wins, as encoding/json
// decodes them.
func jsonNodes(d *Document, base int, body []byte) *yaml.Node {
	firstLine := d.Lines.Position(base).Line
	doc := &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1}
	stack := []*yaml.Node{doc}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	prev := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break // io.EOF: the body was checked by json.Unmarshal
		}
		end := int(dec.InputOffset())
		start := prev
		for start < end && strings.IndexByte(" \t\r\n:,", body[start]) >= 0 {
			start++
		}
		prev = end
		if delim, ok := tok.(json.Delim); ok && (delim == '}' || delim == ']') {
			top := stack[len(stack)-1]
			if delim == '}' {
				dedupKeys(top)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		n := &yaml.Node{Kind: yaml.ScalarNode}
		switch t := tok.(type) {
		case json.Delim:
			n.Kind, n.Style, n.Tag = yaml.MappingNode, yaml.FlowStyle, "!!map"
			if t == '[' {
				n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			}
		case string:
			n.Style, n.Tag, n.Value = yaml.DoubleQuotedStyle, "!!str", t
		case json.Number:
			n.Tag, n.Value = "!!int", t.String()
			if strings.ContainsAny(n.Value, ".eE") {
				n.Tag = "!!float"
			}
		case bool:
			n.Tag, n.Value = "!!bool", strconv.FormatBool(t)
		case nil:
			n.Tag = "!!null" // empty, as yaml.v3 reads "key:" with no value
		}
		p := d.Lines.Position(base + start)
		n.Line, n.Column = p.Line-firstLine+1, p.Column
		parent := stack[len(stack)-1]
		parent.Content = append(parent.Content, n)
		if n.Kind != yaml.ScalarNode {
			stack = append(stack, n)
		}
	}
	return doc
}

// jsonTokenEnd returns the end of the JSON scalar starting at off in valid
// JSON: just past a string's closing quote, or past a number or literal.
func jsonTokenEnd(src []byte, off int) int {
	if off < len(src) && src[off] == '"' {
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(src)
	}
	i := off
	for i < len(src) && strings.IndexByte(" \t\r\n,:]}", src[i]) < 0 {
		i++
	}
	return i
}

// dedupKeys drops the earlier pairs of a mapping whose key comes again.
func dedupKeys(m *yaml.Node) {
	last := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		last[m.Content[i].Value] = i
	}
	if len(last)*2 == len(m.Content) {
		return
	}
	kept := m.Content[:0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if last[m.Content[i].Value] == i {
			kept = append(kept, m.Content[i], m.Content[i+1])
		}
	}
	m.Content = kept
}
