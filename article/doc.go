// Package article parses a research-summary article (Markdown, plain text
// or HTML) once into a Document: front matter, title, sections, prose
// blocks, sentences, links, DOIs, the language, the AI-use disclosure and
// machine-readable declarations, all with byte offsets into the original
// source. Rules read the Document; nothing downstream parses again.
//
// It is public, with package rules, so that a rule can be written outside
// this repository, as an analyzer is written against go/ast and
// golang.org/x/tools/go/analysis. Everything else articlelint is made of
// (the driver, the reporters, the network checks, the phrase matcher)
// is internal.
package article
