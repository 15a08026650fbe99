package article

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// at returns "line:col" of an offset.
func at(d *Document, off int) string {
	p := d.Position(off)
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// Hugo's JSON front matter is read as YAML is: the same keys give the same
// values, each pointing at where it is written.
func TestJSONFrontMatter(t *testing.T) {
	type field struct{ key, value, at string }
	tests := []struct {
		name, src string
		fields    []field // looked up; value "" with at "" means absent
		bodyAt    string  // where the text after the front matter starts
	}{{
		name: "hugo example",
		src:  "{\n  \"title\": \"Vitamin D and bones\",\n  \"date\": \"2024-01-02\",\n  \"doi\": \"10.1234/abc\",\n  \"lang\": \"en\"\n}\n\nBody text.\n",
		fields: []field{
			{"title", "Vitamin D and bones", "2:12"}, {"doi", "10.1234/abc", "4:10"},
			{"lang", "en", "5:11"}, {"date", "2024-01-02", "3:11"}, {"Title", "Vitamin D and bones", "2:12"},
			{"author", "", ""},
		},
		bodyAt: "7:1",
	}, {
		name:   "CRLF, BOM and trailing spaces on the brace lines",
		src:    "\uFEFF{  \r\n\"title\": \"T\"\r\n} \t\r\nBody.\r\n",
		fields: []field{{"title", "T", "2:10"}},
		bodyAt: "4:1",
	}, {
		name:   "a nested brace at the start of a line does not close it",
		src:    "{\n\"params\": {\n\"a\": 1\n}\n,\n\"title\": \"Late\"\n}\nBody.\n",
		fields: []field{{"title", "Late", "6:10"}, {"params", "", ""}},
		bodyAt: "8:1",
	}, {
		name:   "escapes are decoded; the span is the token",
		src:    "{\n\"title\": \"\\\"Sun\\\" and \\u00e9t\\u00e9\"\n}\n",
		fields: []field{{"title", `"Sun" and été`, "2:10"}},
	}, {
		name:   "numbers keep their text, booleans are words, null is empty",
		src:    "{\n\"weight\": 1.50, \"year\": 2024,\n\"draft\": false, \"title\": null\n}\n",
		fields: []field{{"weight", "1.50", "2:11"}, {"year", "2024", "2:25"}, {"draft", "false", "3:10"}, {"title", "", "3:26"}},
	}, {
		name:   "the last of repeated keys wins, as encoding/json decodes it",
		src:    "{\n\"doi\": \"10.1234/old\",\n\"doi\": \"10.1234/new\"\n}\n",
		fields: []field{{"doi", "10.1234/new", "3:8"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, "a.md", tt.src)
			fm := d.FrontMatter
			if fm == nil || fm.Format != "json" || fm.Err != nil {
				t.Fatalf("front matter = %+v, want valid JSON", fm)
			}
			for _, f := range tt.fields {
				v, span, ok := fm.Lookup(d, f.key)
				if f.at == "" {
					if ok {
						t.Errorf("Lookup(%q) = %q, want absent", f.key, v)
					}
					continue
				}
				if !ok || v != f.value || at(d, span.Start) != f.at {
					t.Errorf("Lookup(%q) = %q, %v at %s; want %q at %s", f.key, v, ok, at(d, span.Start), f.value, f.at)
				}
			}
			if tt.bodyAt != "" {
				if got := at(d, fm.Span.End); got != tt.bodyAt {
					t.Errorf("front matter ends at %s, want %s", got, tt.bodyAt)
				}
			}
			for _, b := range d.Blocks {
				if b.Span.Start < fm.Span.End {
					t.Errorf("block %q lies in the front matter", b.Prose.Text)
				}
			}
		})
	}
}

// The title comes from JSON front matter, and findings about the whole
// article point at its text, not at the closing brace.
func TestJSONFrontMatterTitleAndEnd(t *testing.T) {
	for _, path := range []string{"a.md", "a.txt", "a.html"} {
		src := "{\n  \"title\": \"Vitamin D in winter\"\n}\n\nSunlight is scarce in winter.\n\nSupplements help.\n"
		d := mustParse(t, path, src)
		if path != "a.txt" && (d.Title == nil || d.Title.Text != "Vitamin D in winter" || !d.Title.FromFrontMatter || at(d, d.Title.Span.Start) != "2:12") {
			t.Errorf("%s: title = %+v, want from the front matter at 2:12", path, d.Title)
		}
		if got, want := d.End().Start, strings.Index(src, "help.")+len("help."); got != want {
			t.Errorf("%s: End() at %s, want %s (after the last paragraph)", path, at(d, got), at(d, want))
		}
		if got := at(d, d.Start().Start); got != "4:1" {
			t.Errorf("%s: Start() at %s, want 4:1", path, got)
		}
	}
}

// Invalid JSON front matter is an error at the character the decoder
// stopped at.
func TestJSONFrontMatterInvalid(t *testing.T) {
	tests := []struct{ src, at, msg string }{
		{"{\n  \"title\": \"T\",\n}\nBody.\n", "3:1", `invalid character '}' looking for beginning of object key string`},
		{"{\n  title: \"T\"\n}\nBody.\n", "2:3", `invalid character 't' looking for beginning of object key string`},
		{"{\n  \"title\": \"T\"\n  \"doi\": \"10.1234/x\"\n}\n", "3:3", `after object key:value pair`},
		{"{\n  \"a\": {\n}\n", "3:1", `unexpected end of JSON input`},
		// Valid up to a "}" that has text after it: the "}" line closes it.
		{"{\n\"a\": 1\n} trailing\n}\nBody.\n", "3:3", `invalid character 't' after top-level value`},
	}
	for _, tt := range tests {
		d := mustParse(t, "a.md", tt.src)
		fm := d.FrontMatter
		if fm == nil || fm.Err == nil {
			t.Errorf("%q: front matter %+v, want a JSON error", tt.src, fm)
			continue
		}
		if got := at(d, fm.Err.Span.Start); got != tt.at || !strings.HasPrefix(fm.Err.Message, "front matter is not valid JSON: ") || !strings.Contains(fm.Err.Message, tt.msg) {
			t.Errorf("%q: error %q at %s, want %q at %s", tt.src, fm.Err.Message, got, tt.msg, tt.at)
		}
		if fm.Node != nil {
			t.Errorf("%q: Node set despite the error", tt.src)
		}
	}
}

// Text that only starts with a brace is the article, not front matter.
func TestJSONFrontMatterNearMisses(t *testing.T) {
	for _, src := range []string{
		"{{< figure src=\"sun.png\" >}}\n\nVitamin D is made in the skin.\n",
		"{% raw %}\n{\n\"a\": 1\n}\n{% endraw %}\n",
		"{{\n\"title\": \"T\"\n}}\nBody.\n",
		"{ \"title\": \"One line\" }\n\nBody.\n",
		" {\n\"title\": \"Indented\"\n}\nBody.\n",
		"{\n\"title\": \"Never closed\"\n\nBody.\n",
		"{\n\"title\": \"Closed on its last line\" }\n\nBody.\n",
		"Body first.\n{\n\"title\": \"T\"\n}\n",
	} {
		d := mustParse(t, "a.md", src)
		if d.FrontMatter != nil {
			t.Errorf("%q: front matter %+v, want none", src, d.FrontMatter)
		}
	}
}

// YAML and JSON front matter give the same values for the same keys.
func TestJSONFrontMatterMatchesYAML(t *testing.T) {
	y := mustParse(t, "a.md", "---\ntitle: \"Vitamin D\"\ndoi: \"10.1234/abc\"\nlang: \"en\"\nyear: 2024\n---\nBody.\n")
	j := mustParse(t, "a.md", "{\n\"title\": \"Vitamin D\",\n\"doi\": \"10.1234/abc\",\n\"lang\": \"en\",\n\"year\": 2024\n}\nBody.\n")
	for _, key := range []string{"title", "doi", "lang", "year", "missing"} {
		yv, yspan, yok := y.FrontMatter.Lookup(y, key)
		jv, jspan, jok := j.FrontMatter.Lookup(j, key)
		if yv != jv || yok != jok || (yok && y.Position(yspan.Start).Line != j.Position(jspan.Start).Line) {
			t.Errorf("%s: YAML %q (%v) at line %d, JSON %q (%v) at line %d", key, yv, yok, y.Position(yspan.Start).Line, jv, jok, j.Position(jspan.Start).Line)
		}
	}
	// Readers of Node can decode it as they decode YAML.
	var m struct {
		Title string
		Year  int
	}
	if err := j.FrontMatter.Node.Decode(&m); err != nil || m.Title != "Vitamin D" || m.Year != 2024 {
		t.Errorf("Node.Decode = %+v, %v", m, err)
	}
}

// FuzzJSONFrontMatter checks that JSON front matter never panics, that a
// valid one's nodes lie inside its body (scalars with a span, containers
// at a point, as for YAML), and that each string node's span is a JSON
// string decoding to the node's value.
func FuzzJSONFrontMatter(f *testing.F) {
	for _, s := range []string{
		"{\n\"title\": \"T\"\n}\nBody.\n",
		"{\r\n\"a\": [1, {\"b\": null}],\r\n\"c\": \"\\u00e9\"\r\n}\r\n",
		"{\n\"a\": {\n}\n}\n}\n",
		"{\n\"a\": 1,\n}\n",
		"\uFEFF{\n\"title\": \"x\", \"title\": \"y\"\n}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f.md", []byte(src), Options{})
		if err != nil || d.FrontMatter == nil || d.FrontMatter.Format != "json" {
			return
		}
		fm := d.FrontMatter
		if fm.Span.Start > fm.Body.Start || fm.Body.End > fm.Span.End || fm.Span.End > len(src) {
			t.Fatalf("spans out of order: %+v", fm)
		}
		if fm.Err != nil {
			if !fm.Body.Contains(fm.Err.Span.Start) {
				t.Fatalf("error at %d, outside the body %+v", fm.Err.Span.Start, fm.Body)
			}
			return
		}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for _, c := range n.Content {
				s := fm.NodeSpan(d, c)
				if s.Start < fm.Body.Start || s.End > fm.Body.End || (c.Kind == yaml.ScalarNode) != (s.Start < s.End) {
					t.Fatalf("node %q at %+v, outside the body %+v", c.Value, s, fm.Body)
				}
				if c.Tag == "!!str" {
					var v string
					if err := json.Unmarshal(d.Source[s.Start:s.End], &v); err != nil || v != c.Value {
						t.Fatalf("node %q spans %q (%v)", c.Value, d.Source[s.Start:s.End], err)
					}
				}
				walk(c)
			}
		}
		walk(fm.Node)
	})
}
