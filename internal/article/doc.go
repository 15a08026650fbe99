// Package article parses a research-summary article (Markdown, plain text
// or HTML) once into a Document: front matter, title, sections, prose
// blocks, sentences, links, DOIs and the AI-use disclosure, all with byte
// offsets into the original source. Rules read the Document; nothing
// downstream parses again.
package article
