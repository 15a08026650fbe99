package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/lint"
)

type inspectCmd struct {
	Path          string `arg:"" help:"The article to inspect; - reads standard input."`
	Format        string `short:"f" enum:"text,json" default:"text" help:"Output format: text or json."`
	Config        string `short:"c" help:"Config file to use instead of the nearest .articlelint.yaml."`
	InputFormat   string `enum:",markdown,text,html" default:"" help:"Read the article as markdown, text or html, whatever its extension."`
	StdinFilename string `help:"File name to use when reading standard input."`
	Online        bool   `help:"Also fetch each cited study's record (Crossref, Europe PMC) and show it with the sentences checked against it (network)."`
	NoCache       bool   `help:"With --online, neither read nor write the cache of online results."`
}

// Model is the JSON form of a parsed article (version 1).
type Model struct {
	Version     int         `json:"version"`
	Path        string      `json:"path"`
	Format      string      `json:"format"`
	Title       *ModelText  `json:"title"`
	FrontMatter *ModelRange `json:"frontMatter"`
	Sections    []ModelSect `json:"sections"`
	Links       []ModelLink `json:"links"`
	Images      []ModelLink `json:"images"`
	DOIs        []ModelDOI  `json:"dois"`
	Disclosure  *ModelText  `json:"disclosure"`
	// DisclosureUse is what the disclosure says of AI use: none,
	// ai-assisted or ai-generated.
	DisclosureUse string         `json:"disclosureUse,omitempty"`
	Language      ModelLang      `json:"language"`
	Declarations  []ModelDecl    `json:"declarations"`
	Counts        map[string]int `json:"counts"`
	// Sources are the cited studies' records, with --online.
	Sources []ModelSource `json:"sources,omitempty"`
}

// ModelRange is a located range.
type ModelRange struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
}

// ModelText is located text.
type ModelText struct {
	ModelRange
	Text string `json:"text"`
}

// ModelSect is a section.
type ModelSect struct {
	ModelRange
	Heading string `json:"heading"`
	Level   int    `json:"level"`
}

// ModelLink is a link or image.
type ModelLink struct {
	ModelRange
	Kind string `json:"kind"`
	Dest string `json:"dest"`
	Text string `json:"text"`
}

// ModelDOI is a DOI occurrence.
type ModelDOI struct {
	ModelRange
	DOI     string `json:"doi"`
	Raw     string `json:"raw"`
	Form    string `json:"form"`
	Invalid string `json:"invalid,omitempty"`
}

func (c *inspectCmd) Run(e *env) error {
	opts := lint.Options{ConfigPath: c.Config, Warn: e.warn}
	if c.InputFormat != "" {
		f, err := article.ParseFormat(c.InputFormat)
		if err != nil {
			return err
		}
		opts.Format = &f
	}
	path := c.Path
	var src []byte
	var err error
	if path == "-" {
		path = c.StdinFilename
		if path == "" {
			path = "<stdin>"
		}
		if src, err = io.ReadAll(e.stdin); err != nil {
			return fmt.Errorf("%s: cannot read standard input: %v", path, err)
		}
	} else if src, err = lint.ReadFile(path); err != nil {
		return err
	}
	l := lint.New(opts)
	cfg, err := l.Config(path)
	if err != nil {
		return err
	}
	doc, err := article.Parse(path, src, article.Options{Format: opts.Format, Disclosure: cfg.Disclosure})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	m := buildModel(doc)
	if c.Online {
		if m.Sources, err = inspectSources(e, cfg, doc, c.NoCache); err != nil {
			return err
		}
	}
	if c.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	}
	return writeModelText(e.stdout, m)
}

// ModelLang is the article's language and where it came from.
type ModelLang struct {
	Code     string `json:"code"`
	Source   string `json:"source"`
	Declared string `json:"declared,omitempty"`
}

// ModelDecl is a machine-readable AI-use declaration.
type ModelDecl struct {
	ModelRange
	Kind  string `json:"kind"`
	Key   string `json:"key"`
	Value string `json:"value"`
	Use   string `json:"use"`
}

func rangeOf(d *article.Document, s article.Span) ModelRange {
	a, b := d.Position(s.Start), d.Position(s.End)
	return ModelRange{Line: a.Line, Column: a.Column, EndLine: b.Line, EndColumn: b.Column}
}

func buildModel(d *article.Document) Model {
	m := Model{Version: 1, Path: d.Path, Format: d.Format.String(),
		Sections: []ModelSect{}, Links: []ModelLink{}, Images: []ModelLink{}, DOIs: []ModelDOI{},
		Counts: map[string]int{"blocks": len(d.Blocks), "sentences": len(d.Sentences), "comments": len(d.Comments), "code": len(d.Code)}}
	if d.Title != nil {
		m.Title = &ModelText{ModelRange: rangeOf(d, d.Title.Span), Text: d.Title.Text}
	}
	if d.FrontMatter != nil {
		r := rangeOf(d, d.FrontMatter.Span)
		m.FrontMatter = &r
	}
	for _, s := range d.Sections {
		m.Sections = append(m.Sections, ModelSect{ModelRange: rangeOf(d, s.HeadingSpan), Heading: s.Heading, Level: s.Level})
	}
	for _, l := range d.Links {
		m.Links = append(m.Links, ModelLink{ModelRange: rangeOf(d, l.Span), Kind: l.Kind.String(), Dest: l.Dest, Text: l.Text})
	}
	for _, l := range d.Images {
		m.Images = append(m.Images, ModelLink{ModelRange: rangeOf(d, l.Span), Kind: "image", Dest: l.Dest, Text: l.Text})
	}
	for _, x := range d.DOIs {
		m.DOIs = append(m.DOIs, ModelDOI{ModelRange: rangeOf(d, x.DOISpan), DOI: x.DOI, Raw: x.Raw, Form: string(x.Form), Invalid: x.Invalid})
	}
	if d.Disclosure != nil {
		m.Disclosure = &ModelText{ModelRange: rangeOf(d, d.Disclosure.Span), Text: d.Disclosure.Text}
		m.DisclosureUse = d.Disclosure.Use().String()
	}
	m.Language = ModelLang{Code: d.Lang.Code, Source: d.Lang.Source, Declared: d.Lang.Declared}
	m.Declarations = []ModelDecl{}
	for _, x := range d.Declarations {
		m.Declarations = append(m.Declarations, ModelDecl{ModelRange: rangeOf(d, x.Span), Kind: x.Kind, Key: x.Key, Value: x.Value, Use: x.Use.String()})
	}
	return m
}

func writeModelText(w io.Writer, m Model) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", m.Path, m.Format)
	if m.Title != nil {
		fmt.Fprintf(&b, "title %d:%d %q\n", m.Title.Line, m.Title.Column, m.Title.Text)
	}
	fmt.Fprintf(&b, "sections (%d):\n", len(m.Sections))
	for _, s := range m.Sections {
		fmt.Fprintf(&b, "  %d:%d %s %s\n", s.Line, s.Column, strings.Repeat("#", s.Level), s.Heading)
	}
	fmt.Fprintf(&b, "links (%d):\n", len(m.Links))
	for _, l := range m.Links {
		fmt.Fprintf(&b, "  %d:%d %s %s\n", l.Line, l.Column, l.Kind, l.Dest)
	}
	if len(m.Images) > 0 {
		fmt.Fprintf(&b, "images (%d):\n", len(m.Images))
		for _, l := range m.Images {
			fmt.Fprintf(&b, "  %d:%d %s\n", l.Line, l.Column, l.Dest)
		}
	}
	fmt.Fprintf(&b, "dois (%d):\n", len(m.DOIs))
	for _, x := range m.DOIs {
		extra := ""
		if x.Invalid != "" {
			extra = " (invalid: " + x.Invalid + ")"
		}
		fmt.Fprintf(&b, "  %d:%d %s %s%s\n", x.Line, x.Column, x.Form, x.DOI, extra)
	}
	if m.Disclosure != nil {
		fmt.Fprintf(&b, "disclosure %d:%d %q (%s)\n", m.Disclosure.Line, m.Disclosure.Column, m.Disclosure.Text, m.DisclosureUse)
	} else {
		fmt.Fprintln(&b, "disclosure: none found")
	}
	for _, x := range m.Declarations {
		fmt.Fprintf(&b, "declaration %d:%d %s %s=%q (%s)\n", x.Line, x.Column, x.Kind, x.Key, x.Value, x.Use)
	}
	switch {
	case m.Language.Code != "":
		fmt.Fprintf(&b, "language %s (%s)\n", m.Language.Code, m.Language.Source)
	case m.Language.Declared != "":
		fmt.Fprintf(&b, "language %q, not one articlelint knows (%s): rules that read wording stay silent\n", m.Language.Declared, m.Language.Source)
	default:
		fmt.Fprintln(&b, "language en (assumed: too little text to tell)")
	}
	if m.Sources != nil {
		writeSources(&b, m.Sources)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
