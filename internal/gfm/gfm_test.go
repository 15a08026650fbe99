package gfm

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var (
	copied   = goldmark.New(goldmark.WithParser(Parser()))
	upstream = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote))
)

// TestSameAsGoldmark parses goldmark's own test inputs for these
// extensions (testdata/cases.md), every Markdown file under the
// repository's testdata and, when present, the corpus (ARTICLELINT_CORPUS,
// default ../shared/corpus beside the repository) with the copy and with
// goldmark/extension, and wants the same tree: node kinds, positions,
// lines, text segments and every field of the extension nodes.
func TestSameAsGoldmark(t *testing.T) {
	cases, err := os.ReadFile("testdata/cases.md")
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{"testdata/cases.md (whole)": cases}
	for i, c := range strings.Split(string(cases), "\n%%%%\n") {
		inputs[fmt.Sprintf("testdata/cases.md #%d", i+1)] = []byte(c)
	}
	dirs := []string{"../../testdata"}
	corpus := os.Getenv("ARTICLELINT_CORPUS")
	if corpus == "" {
		corpus = "../../../shared/corpus"
	}
	if _, err := os.Stat(corpus); err == nil {
		dirs = append(dirs, corpus)
	} else {
		t.Logf("no corpus at %s: only the test inputs", corpus)
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch filepath.Ext(path) {
			case ".md", ".markdown", ".qmd", ".txt":
				src, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				inputs[path] = src
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var gfmNodes int
	for name, src := range inputs {
		want, got := dump(upstream, src), dump(copied, src)
		if got != want {
			t.Errorf("%s: the copy parses differently from goldmark/extension\ncopy:\n%s\ngoldmark:\n%s", name, got, want)
		}
		gfmNodes += strings.Count(want, "gfm:")
	}
	// The inputs must exercise the copied parsers at all.
	if gfmNodes < 100 {
		t.Errorf("only %d table, strikethrough, task list and footnote nodes in %d inputs", gfmNodes, len(inputs))
	}
}

// dump prints the tree md parses from src, one node a line.
func dump(md goldmark.Markdown, src []byte) string {
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var b strings.Builder
	depth := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s%s pos=%d", strings.Repeat("  ", depth), n.Kind(), n.Pos())
		depth++
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				fmt.Fprintf(&b, " %v", n.Lines().At(i))
			}
		}
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, " @%s=%v", a.Name, a.Value)
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %v soft=%v hard=%v raw=%v", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
		case *ast.String:
			fmt.Fprintf(&b, " %q", n.Value)
		case *east.Table, *east.TableHeader, *east.TableRow, *east.TableCell, *east.Strikethrough,
			*east.TaskCheckBox, *east.Footnote, *east.FootnoteLink, *east.FootnoteBacklink, *east.FootnoteList:
			b.WriteString(" gfm:" + fields(n))
		default:
			b.WriteString(" " + fields(n))
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// fields prints the node's own fields: those of its struct but the
// embedded base node, which links it to others.
func fields(n ast.Node) string {
	v := reflect.ValueOf(n).Elem()
	var parts []string
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		switch fv.Kind() {
		case reflect.Pointer, reflect.Interface:
			parts = append(parts, fmt.Sprintf("%s.nil=%v", f.Name, fv.IsNil()))
		case reflect.Slice:
			if fv.Type().Elem().Kind() == reflect.Uint8 {
				parts = append(parts, fmt.Sprintf("%s=%q", f.Name, fv.Bytes()))
			} else {
				parts = append(parts, fmt.Sprintf("%s=%v", f.Name, fv.Interface()))
			}
		default:
			parts = append(parts, fmt.Sprintf("%s=%v", f.Name, fv.Interface()))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}
