package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// JSONVersion is the version of the JSON output schema (json-v1.schema.json).
// It changes only when a field changes meaning or goes away.
const JSONVersion = 1

// JSON writes one document. Findings come first in it, so each file's are
// written as the file finishes; the few file errors and the summary are
// written at Close.
type JSON struct {
	w      *bufio.Writer
	arr    *jsonArray
	errors []FileErr
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

func newJSON(w io.Writer) *JSON {
	return &JSON{w: bufio.NewWriterSize(w, 64<<10)}
}

// File writes findings.
func (j *JSON) File(path string, fs []Finding) error {
	if len(fs) == 0 {
		return nil
	}
	if j.arr == nil {
		// The head does not depend on what follows the findings.
		head, _, indent, err := splitArray(jsonDoc{Version: JSONVersion, Findings: []Finding{}}, "findings")
		if err != nil {
			return err
		}
		j.w.Write(head)
		j.arr = newJSONArray(j.w, indent)
	}
	for _, f := range fs {
		if f.Fixes == nil {
			f.Fixes = []Fix{}
		}
		if err := j.arr.add(f); err != nil {
			return err
		}
	}
	return j.w.Flush()
}

// FileError records a file that could not be linted.
func (j *JSON) FileError(path string, err error) error {
	j.errors = append(j.errors, FileErr{Path: path, Message: err.Error()})
	return nil
}

// Close writes the rest of the document.
func (j *JSON) Close(s Summary) error {
	doc := jsonDoc{Version: JSONVersion, Findings: []Finding{}, Errors: j.errors, Summary: s}
	if doc.Errors == nil {
		doc.Errors = []FileErr{}
	}
	head, tail, _, err := splitArray(doc, "findings")
	if err != nil {
		return err
	}
	if j.arr == nil {
		j.w.Write(head)
	} else {
		j.arr.end()
	}
	j.w.Write(tail)
	return j.w.Flush()
}

// EncodeIndent encodes v as every JSON report is written: two-space
// indents, HTML characters as they are (merge writes its reports so too).
func EncodeIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}

// splitArray encodes v, whose array under key is empty ("key": []), and
// cuts its text in two: up to the array's '[', and from its ']'; indent
// is the indentation of the key's line. Written with the
// elements between them, the whole is byte for byte what encoding the
// document with those elements gives, so a report can stream its largest
// array and still be the document its struct describes.
func splitArray(v any, key string) (head, tail []byte, indent string, err error) {
	doc, err := EncodeIndent(v)
	if err != nil {
		return nil, nil, "", err
	}
	marker := []byte(`"` + key + `": []`)
	// Quotes inside strings are escaped, so the marker is the key itself.
	i := bytes.Index(doc, marker)
	if i < 0 {
		return nil, nil, "", fmt.Errorf("report: no empty %q array to stream into", key)
	}
	cut := i + len(marker) - 1
	line := bytes.LastIndexByte(doc[:i], '\n') + 1
	return doc[:cut], doc[cut:], string(doc[line:i]), nil
}

// jsonArray writes the elements of an array that splitArray opened, each
// indented as encoding/json indents it inside its document.
type jsonArray struct {
	w      io.Writer
	indent string
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
}

func newJSONArray(w io.Writer, indent string) *jsonArray {
	a := &jsonArray{w: w, indent: indent}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetIndent(indent+"  ", "  ")
	a.enc.SetEscapeHTML(false)
	return a
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	a.buf.Reset()
	if a.n > 0 {
		a.buf.WriteByte(',')
	}
	a.buf.WriteByte('\n')
	a.buf.WriteString(a.indent + "  ")
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	a.n++
	// Encode ends the value with a newline; the array's own layout
	// decides what follows it.
	_, err := a.w.Write(a.buf.Bytes()[:a.buf.Len()-1])
	return err
}

// end writes what precedes the array's ']' when it has elements.
func (a *jsonArray) end() {
	if a.n > 0 {
		io.WriteString(a.w, "\n"+a.indent)
	}
}
