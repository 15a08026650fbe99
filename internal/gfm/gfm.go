// Package gfm holds the parsers of goldmark's GFM table, strikethrough,
// task list and footnote extensions, copied from goldmark v1.8.7's
// extension package (MIT, see LICENSE) without their HTML renderers.
//
// Why a copy: importing goldmark/extension runs its package initialisation
// in every process, and that compiles the Linkify extension's URL
// patterns (a {1,256} repetition each), which articlelint never uses:
// about 3 ms and 260 KB of a 20 ms one-article run. The parsers here
// are unchanged but for their regular expressions, compiled on first use,
// and build the same nodes (goldmark/extension/ast); TestSameAsGoldmark
// parses the test articles with both and fails on any difference, so
// upgrading goldmark means re-copying these files if it fails.
package gfm

import (
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Add adds the table, strikethrough, task list and footnote parsers to
// p with the priorities goldmark gives them, in the order
// goldmark.WithExtensions(extension.Table, extension.Strikethrough,
// extension.TaskList, extension.Footnote) adds them. It adds no renderer:
// articlelint only parses, and builds its parsers without goldmark's root
// package, which would link and initialise the HTML renderer.
func Add(p parser.Parser) {
	p.AddOptions(
		parser.WithParagraphTransformers(
			util.Prioritized(defaultTableParagraphTransformer, 200),
		),
		parser.WithASTTransformers(
			util.Prioritized(defaultTableASTTransformer, 0),
		),
	)
	p.AddOptions(parser.WithInlineParsers(
		util.Prioritized(defaultStrikethroughParser, 500),
	))
	p.AddOptions(parser.WithInlineParsers(
		util.Prioritized(defaultTaskCheckBoxParser, 0),
	))
	p.AddOptions(
		parser.WithBlockParsers(
			util.Prioritized(defaultFootnoteBlockParser, 999),
		),
		parser.WithInlineParsers(
			util.Prioritized(defaultFootnoteParser, 101),
		),
		parser.WithASTTransformers(
			util.Prioritized(defaultFootnoteASTTransformer, 999),
		),
	)
}

// Parser returns goldmark's default parser (goldmark.DefaultParser) with
// the GFM parsers added.
func Parser() parser.Parser {
	p := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	Add(p)
	return p
}
