package report

import (
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON output schema (json-v1.schema.json).
// It changes only when a field changes meaning or goes away.
const JSONVersion = 1

// JSON collects every finding and writes one document at Close.
type JSON struct {
	w        io.Writer
	findings []Finding
	errors   []FileErr
}

// FileErr is a file that could not be linted.
type FileErr struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonDoc struct {
	Version  int       `json:"version"`
	Findings []Finding `json:"findings"`
	Errors   []FileErr `json:"errors"`
	Summary  Summary   `json:"summary"`
}

// File records findings.
func (j *JSON) File(path string, fs []Finding) error {
	for _, f := range fs {
		if f.Fixes == nil {
			f.Fixes = []Fix{}
		}
		j.findings = append(j.findings, f)
	}
	return nil
}

// FileError records a file that could not be linted.
func (j *JSON) FileError(path string, err error) error {
	j.errors = append(j.errors, FileErr{Path: path, Message: err.Error()})
	return nil
}

// Close writes the document.
func (j *JSON) Close(s Summary) error {
	doc := jsonDoc{Version: JSONVersion, Findings: j.findings, Errors: j.errors, Summary: s}
	if doc.Findings == nil {
		doc.Findings = []Finding{}
	}
	if doc.Errors == nil {
		doc.Errors = []FileErr{}
	}
	enc := json.NewEncoder(j.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
