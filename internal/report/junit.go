package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit writes one JUnit XML test suite with a test case per file, for CI
// systems that show test reports (GitLab, Jenkins, Azure Pipelines): a file
// with findings fails, a file that could not be linted errs. The counts
// open the document, so each test case is encoded as its file finishes
// into a spool and the document is written at Close.
type JUnit struct {
	w     io.Writer
	suite junitSuite
	body  spool
	enc   *xml.Encoder
}

// junitSuite is the <testsuite> element.
type junitSuite struct {
	XMLName  xml.Name `xml:"testsuite"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	// Cases are read from a report; JUnit streams them and leaves this
	// empty when writing.
	Cases []junitCase `xml:"testcase"`
}

// junitCase is one file.
type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

// junitProblem is a <failure> or an <error>.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	// CDATA keeps the lines readable in the raw file.
	Text string `xml:",cdata"`
}

// File adds a test case, failed when the file has findings.
func (j *JUnit) File(path string, fs []Finding) error {
	c := junitCase{Name: path, ClassName: "articlelint"}
	if len(fs) > 0 {
		var text strings.Builder
		worst := ""
		for _, f := range fs {
			fmt.Fprintf(&text, "%d:%d: %s %s: %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message)
			if severityRank(f.Severity) > severityRank(worst) {
				worst = f.Severity
			}
		}
		c.Failure = &junitProblem{Message: fmt.Sprintf("%d %s", len(fs), plural(len(fs), "finding")), Type: worst, Text: xmlText(text.String())}
		j.suite.Failures++
	}
	return j.add(c)
}

// add encodes a test case as it sits in the suite: on its own line,
// indented one level.
func (j *JUnit) add(c junitCase) error {
	if j.enc == nil {
		// One encoder for every case: it puts each after a newline.
		j.enc = xml.NewEncoder(&j.body)
		j.enc.Indent("  ", "  ")
	}
	j.suite.Tests++
	return j.enc.EncodeElement(c, xml.StartElement{Name: xml.Name{Local: "testcase"}})
}

// FileError adds a test case that erred.
func (j *JUnit) FileError(path string, err error) error {
	name := path
	if name == "" {
		name = "(arguments)" // a path argument that named nothing to lint
	}
	j.suite.Errors++
	return j.add(junitCase{
		Name: name, ClassName: "articlelint",
		Error: &junitProblem{Message: err.Error()},
	})
}

// Close writes the document.
func (j *JUnit) Close(Summary) error {
	defer j.body.release()
	j.suite.Name = "articlelint"
	doc, end, err := JUnitShell(j.suite)
	if err != nil {
		return err
	}
	if j.enc == nil {
		doc = append(doc, '\n')
		_, err := j.w.Write(doc)
		return err
	}
	if _, err := j.w.Write(append(doc[:end:end], '\n')); err != nil {
		return err
	}
	if _, err := j.body.WriteTo(j.w); err != nil {
		return err
	}
	_, err = io.WriteString(j.w, "\n</testsuite>\n")
	return err
}

// JUnitShell encodes suite, a test suite without its cases, as JUnit
// reports are written (XML header, two-space indents), and returns where
// its cases go: before "</testsuite>", each on its own line, as encoding
// them all at once puts them. JUnit and merge write the cases there.
func JUnitShell(suite any) (doc []byte, casesAt int, err error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(suite); err != nil {
		return nil, 0, err
	}
	doc = b.Bytes()
	return doc, bytes.LastIndex(doc, []byte("</testsuite>")), nil
}

// abort drops the spooled test cases of a run that stopped.
func (j *JUnit) abort() { j.body.release() }

// xmlText replaces what XML 1.0 cannot hold (NUL and most control
// characters): encoding/xml escapes attributes and character data, but
// writes CDATA as it is.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}

func severityRank(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	case "":
		return 0
	}
	return 1
}
