package article

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseFrontMatter reads a YAML ("---") or TOML ("+++") block that opens
// the file. An unterminated block is not front matter: it is left as text.
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

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func parseYAMLFrontMatter(d *Document, fm *FrontMatter) {
	body := d.Source[fm.Body.Start:fm.Body.End]
	var node yaml.Node
	if err := yaml.Unmarshal(body, &node); err != nil {
		msg := err.Error()
		off := fm.Body.Start
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
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
// in the file. A plain scalar's span covers its value on its line.
func (fm *FrontMatter) NodeSpan(d *Document, n *yaml.Node) Span {
	first := d.Lines.Position(fm.Body.Start).Line
	line := first + n.Line - 1
	start := d.Lines.Offset(line, n.Column)
	end := start
	if n.Kind == yaml.ScalarNode {
		end = d.Lines.LineEnd(line)
		if n.Style == 0 && start+len(n.Value) <= end {
			end = start + len(n.Value)
		}
	}
	return Span{start, end}
}
