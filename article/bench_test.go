package article

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/testcorpus"
)

// Benchmarks read the real corpus (internal/testcorpus) once, and the
// seed articles. Each reports MB/s: go test -bench . -benchmem ./article/

// seeds returns the seed articles and rule inputs under testdata with ext.
func seeds(b *testing.B, ext string) []testcorpus.File {
	var out []testcorpus.File
	_ = filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ext) {
			if src, err := os.ReadFile(path); err == nil {
				out = append(out, testcorpus.File{Path: path, Src: src})
			}
		}
		return nil
	})
	if len(out) == 0 {
		b.Skipf("no %s files under testdata", ext)
	}
	return out
}

// benchParse parses every file per iteration, as format.
func benchParse(b *testing.B, files []testcorpus.File, format Format) {
	b.SetBytes(testcorpus.Size(files))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse(f.Path, f.Src, Options{Format: &format}); err != nil && err != ErrEmpty && err != ErrNoContent {
				b.Fatalf("%s: %v", f.Path, err)
			}
		}
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	b.Run("corpus", func(b *testing.B) { benchParse(b, testcorpus.Markdown(b), Markdown) })
	b.Run("seed", func(b *testing.B) { benchParse(b, seeds(b, ".md"), Markdown) })
}

func BenchmarkParseText(b *testing.B) {
	// The corpus read as plain text: every line a paragraph or heading.
	b.Run("corpus", func(b *testing.B) { benchParse(b, testcorpus.Markdown(b), Text) })
	b.Run("seed", func(b *testing.B) { benchParse(b, seeds(b, ".txt"), Text) })
}

var (
	htmlOnce   sync.Once
	htmlCorpus []testcorpus.File
)

// gfmHTML renders Markdown with GFM as a CMS would.
var gfmHTML = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote))

func BenchmarkParseHTML(b *testing.B) {
	b.Run("corpus", func(b *testing.B) {
		// The corpus rendered to HTML once, as a CMS would publish it.
		files := testcorpus.Markdown(b)
		htmlOnce.Do(func() {
			for _, f := range files {
				var buf bytes.Buffer
				if err := gfmHTML.Convert(f.Src, &buf); err == nil {
					htmlCorpus = append(htmlCorpus, testcorpus.File{Path: strings.TrimSuffix(f.Path, ".md") + ".html", Src: buf.Bytes()})
				}
			}
		})
		benchParse(b, htmlCorpus, HTML)
	})
	b.Run("seed", func(b *testing.B) { benchParse(b, seeds(b, ".html"), HTML) })
}

// BenchmarkGoldmarkFloor is the floor: goldmark parsing every corpus file
// with the extensions articlelint uses, and nothing else ("parse"). With
// "parse+yaml", yaml.v3 also reads each YAML front matter into a node
// tree, as front-matter-invalid needs: what the two libraries cost before
// articlelint does anything of its own.
func BenchmarkGoldmarkFloor(b *testing.B) {
	files := testcorpus.Markdown(b)
	p := goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote,
	)).Parser()
	for _, withYAML := range []bool{false, true} {
		name := "parse"
		if withYAML {
			name = "parse+yaml"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(testcorpus.Size(files))
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					src := f.Src
					if withYAML {
						if body, rest, ok := yamlFrontMatter(src); ok {
							var node yaml.Node
							_ = yaml.Unmarshal(body, &node)
							src = rest
						}
					}
					p.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
				}
			}
		})
	}
}

// yamlFrontMatter splits a leading "---" block from the Markdown after it.
func yamlFrontMatter(src []byte) (body, rest []byte, ok bool) {
	after, found := bytes.CutPrefix(src, []byte("---\n"))
	if !found {
		return nil, src, false
	}
	end := bytes.Index(after, []byte("\n---"))
	if end < 0 {
		return nil, src, false
	}
	rest = after[end+4:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	}
	return after[:end+1], rest, true
}

// BenchmarkExtract times what Parse derives after the format's parser:
// sentences, bare URLs, DOIs and the disclosure (all), and each extractor
// alone over the prose of every block.
func BenchmarkExtract(b *testing.B) {
	files := testcorpus.Markdown(b)
	var docs []*Document
	var prose []string
	for _, f := range files {
		d, err := Parse(f.Path, f.Src, Options{})
		if err != nil {
			continue
		}
		// Undo finish: keep what the Markdown parser produced.
		d.Sentences, d.DOIs, d.Disclosure = nil, nil, nil
		d.Links = slices.DeleteFunc(d.Links, func(l Link) bool { return l.Kind == BareURL })
		docs = append(docs, d)
		for _, bl := range d.Blocks {
			prose = append(prose, bl.Prose.Text)
		}
	}
	size := testcorpus.Size(files)
	b.Run("all", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				c := *d
				c.Links = slices.Clone(d.Links)
				c.Blocks = slices.Clone(d.Blocks)
				finish(&c, Options{})
			}
		}
	})
	each := func(name string, fn func(string)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range prose {
					fn(s)
				}
			}
		})
	}
	each("sentences", func(s string) { SplitSentences(s) })
	each("urls", func(s string) { findURLs(s) })
	each("dois", func(s string) { doi.Find(s) })
	// Normalising every block for phrase matching (Document.Norm), and
	// the disclosure finder after it.
	b.Run("normalise", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, d := range docs {
				d.norm = nil
				if len(d.Blocks) > 0 {
					d.Norm(0)
				}
			}
		}
	})
	b.Run("disclosure", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, d := range docs {
				findDisclosure(d, nil)
			}
		}
	})
}
