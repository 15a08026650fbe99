package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/articlelint/articlelint/internal/report"
)

// mergeCmd joins the reports of sharded runs (--shard K/N) into one.
type mergeCmd struct {
	Format  string   `short:"f" enum:",json,sarif,junit,text" default:"" placeholder:"FORMAT" help:"The kind of the reports, and of the merged one: json, sarif, junit or text (default: the kind of the first report)."`
	Reports []string `arg:"" name:"report" help:"Reports of one kind, written by articlelint --format json, sarif, junit or text."`
}

// Run reads every report, checks that they are of one kind and version,
// and writes one report of that kind: findings in a stable order (path,
// then line and column, then rule), summary counts recomputed.
//
// The reports are read as streams, one after the other, and their
// findings go through a report.Sorter, which keeps a few MiB of them in
// memory and the rest in a temporary file: merging reports of any size
// takes about as much memory as merging small ones. Nothing is written
// before every report has been read, so a bad report leaves no output.
func (c *mergeCmd) Run(e *env) error {
	var ins []*mergeInput
	defer func() {
		for _, in := range ins {
			in.f.Close()
		}
	}()
	for _, name := range c.Reports {
		in, err := openReport(name)
		if err != nil {
			return err
		}
		ins = append(ins, in)
	}
	kind := c.Format
	if kind == "" {
		kind = ins[0].kind
	}
	for _, r := range ins {
		if r.kind != kind {
			first := fmt.Sprintf("--format says %s", kind)
			if c.Format == "" {
				first = fmt.Sprintf("%s is a %s report", ins[0].name, kind)
			}
			return fmt.Errorf("merge joins reports of one kind: %s, but %s is a %s report", first, r.name, r.kind)
		}
	}
	var m merger
	switch kind {
	case "json":
		m = &jsonMerge{seenErr: map[report.FileErr]bool{}}
	case "sarif":
		m = &sarifMerge{ruleAt: map[string]int{}, seenNote: map[string]bool{}}
	case "junit":
		m = &junitMerge{seen: map[string]bool{}}
	default:
		m = &textMerge{}
	}
	defer m.release()
	for i, in := range ins {
		if err := m.read(i, in); err != nil {
			if in.readErr != nil {
				return fmt.Errorf("%s: cannot read report: %v", in.name, unwrapPathErr(in.readErr))
			}
			return err
		}
		in.f.Close()
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	if err := m.write(w); err != nil {
		return err
	}
	return w.Flush()
}

// merger joins reports of one kind: read takes each in turn, write
// writes the joined report.
type merger interface {
	read(i int, in *mergeInput) error
	write(w *bufio.Writer) error
	release()
}

// mergeInput is a report being read.
type mergeInput struct {
	name, kind string
	f          *os.File
	r          *bufio.Reader
	// readErr is the first error reading the file, which decoders
	// report as they see fit.
	readErr error
}

func (in *mergeInput) Read(p []byte) (int, error) {
	n, err := in.f.Read(p)
	if err != nil && err != io.EOF && in.readErr == nil {
		in.readErr = err
	}
	return n, err
}

// openReport opens a report and tells its kind by how it starts.
func openReport(name string) (*mergeInput, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read report: %v", name, unwrapPathErr(err))
	}
	in := &mergeInput{name: name, f: f}
	in.r = bufio.NewReaderSize(in, 64<<10)
	head, err := in.r.Peek(in.r.Size())
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		f.Close()
		return nil, fmt.Errorf("%s: cannot read report: %v", name, unwrapPathErr(err))
	}
	in.kind = reportKind(head)
	return in, nil
}

// reportKind tells the kind of a report by its first 64 KiB: a SARIF log
// has a "runs" or a SARIF "$schema" among the keys that open it.
func reportKind(head []byte) string {
	t := bytes.TrimLeftFunc(head, unicode.IsSpace)
	switch {
	case bytes.HasPrefix(t, []byte("<")):
		return "junit"
	case bytes.HasPrefix(t, []byte("{")):
		dec := json.NewDecoder(bytes.NewReader(t))
		if _, err := dec.Token(); err != nil {
			return "json"
		}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return "json"
			}
			switch k, _ := key.(string); {
			case strings.EqualFold(k, "runs"):
				return "sarif"
			case strings.EqualFold(k, "$schema"):
				var s string
				if dec.Decode(&s) == nil && strings.Contains(s, "sarif") {
					return "sarif"
				}
			default:
				if skipValue(dec) != nil {
					return "json"
				}
			}
		}
		return "json"
	}
	return "text"
}

// skipValue reads past the next value, token by token, so that a large
// value costs no memory.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// expectDelim reads the next token, which must be d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != d {
		return fmt.Errorf("%v where %v was expected", tokenText(t), d)
	}
	return nil
}

// openArray reads the '[' of an array; false for null.
func openArray(dec *json.Decoder, key string) (bool, error) {
	t, err := dec.Token()
	if err != nil {
		return false, err
	}
	switch t {
	case json.Delim('['):
		return true, nil
	case nil:
		return false, nil
	}
	return false, fmt.Errorf("%s is %s, not an array", key, tokenText(t))
}

func tokenText(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(v))
	case string:
		return "a string"
	case nil:
		return "null"
	}
	return fmt.Sprint(t)
}

// objectKeys calls fn with each key of the object that begins next in
// dec, fn reading the key's value; then it checks that nothing follows the
// object when it is the document.
func objectKeys(dec *json.Decoder, top bool, fn func(key string) error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if err := fn(t.(string)); err != nil {
			return err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return err
	}
	if top {
		if _, err := dec.Token(); err != io.EOF {
			return errors.New("more after the document's end")
		}
	}
	return nil
}

// namedErr is an error that names the report it is about.
type namedErr struct{ error }

func named(err error) error { return namedErr{err} }

// unnamed is err as it is when it names its report, else formatted with
// the report's name.
func unnamed(err error, format, name string) error {
	var ne namedErr
	if errors.As(err, &ne) {
		return ne.error
	}
	return fmt.Errorf(format, name, err)
}

// rawCompact is a JSON value without its insignificant space, as
// encoding/json writes a json.RawMessage.
func rawCompact(dst *bytes.Buffer, dec *json.Decoder) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	dst.Reset()
	if err := json.Compact(dst, raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// writeJSONArray writes doc, whose array at marker ("key": []) is empty,
// with the sorted records as that array's elements, indented as encoding
// the whole document would indent them.
func writeJSONArray(w *bufio.Writer, doc []byte, marker string, sorted *report.Sorter) error {
	i := bytes.LastIndex(doc, []byte(marker))
	if i < 0 {
		return fmt.Errorf("merge: no %s to write into", marker)
	}
	cut := i + len(marker) - 1
	indent := string(doc[bytes.LastIndexByte(doc[:i], '\n')+1 : i])
	w.Write(doc[:cut])
	n := 0
	var buf bytes.Buffer
	err := sorted.Each(func(compact []byte) error {
		buf.Reset()
		if n > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n" + indent + "  ")
		if err := json.Indent(&buf, compact, indent+"  ", "  "); err != nil {
			return err
		}
		n++
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		w.WriteString("\n" + indent)
	}
	_, err = w.Write(doc[cut:])
	return err
}

// jsonMerge joins JSON reports.
type jsonMerge struct {
	sorted  report.Sorter
	errs    []report.FileErr
	seenErr map[report.FileErr]bool
	sum     report.Summary
	buf     bytes.Buffer
}

func (m *jsonMerge) release() { m.sorted.Release() }

func (m *jsonMerge) read(_ int, in *mergeInput) error {
	var (
		version     *int
		sum         *report.Summary
		errs        []report.FileErr
		hasFindings bool
	)
	dec := json.NewDecoder(in.r)
	err := objectKeys(dec, true, func(key string) error {
		switch {
		case strings.EqualFold(key, "version"):
			if err := dec.Decode(&version); err != nil {
				return err
			}
			if version != nil && *version != report.JSONVersion {
				return named(fmt.Errorf("%s: JSON report version %d; this articlelint merges version %d: merge reports of one version, written by one articlelint", in.name, *version, report.JSONVersion))
			}
		case strings.EqualFold(key, "findings"):
			if hasFindings {
				return errors.New("two lists of findings")
			}
			ok, err := openArray(dec, "findings")
			if err != nil || !ok {
				return err
			}
			hasFindings = true
			for dec.More() {
				raw, err := rawCompact(&m.buf, dec)
				if err != nil {
					return err
				}
				var f struct {
					Path     string            `json:"path"`
					Line     int               `json:"line"`
					Column   int               `json:"column"`
					Rule     string            `json:"rule"`
					Severity string            `json:"severity"`
					Fixes    []json.RawMessage `json:"fixes"`
				}
				if err := json.Unmarshal(raw, &f); err != nil {
					return named(fmt.Errorf("%s: a finding does not read: %v", in.name, err))
				}
				switch f.Severity {
				case "error":
					m.sum.Errors++
				case "warning":
					m.sum.Warnings++
				case "info":
					m.sum.Infos++
				}
				if len(f.Fixes) > 0 {
					m.sum.Fixable++
				}
				if err := m.sorted.Add(report.Key{Path: f.Path, Line: f.Line, Column: f.Column, Rule: f.Rule}, m.buf.Bytes()); err != nil {
					return named(err)
				}
			}
			return expectDelim(dec, ']')
		case strings.EqualFold(key, "errors"):
			errs = nil
			return dec.Decode(&errs)
		case strings.EqualFold(key, "summary"):
			return dec.Decode(&sum)
		default:
			return skipValue(dec)
		}
		return nil
	})
	switch {
	case err != nil:
		return unnamed(err, "%s: not an articlelint JSON report: %v", in.name)
	case version == nil || sum == nil || !hasFindings:
		return fmt.Errorf("%s: not an articlelint JSON report (no version, findings or summary)", in.name)
	}
	m.sum.Files += sum.Files
	m.sum.Failed += sum.Failed
	for _, fe := range errs {
		if m.seenErr[fe] {
			// The same argument error from every shard.
			m.sum.Failed--
			continue
		}
		m.seenErr[fe] = true
		m.errs = append(m.errs, fe)
	}
	return nil
}

func (m *jsonMerge) write(w *bufio.Writer) error {
	slices.SortStableFunc(m.errs, func(a, b report.FileErr) int { return report.ComparePaths(a.Path, b.Path) })
	out := struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
		Errors   []report.FileErr  `json:"errors"`
		Summary  report.Summary    `json:"summary"`
	}{Version: report.JSONVersion, Findings: []json.RawMessage{}, Errors: m.errs, Summary: m.sum}
	if out.Errors == nil {
		out.Errors = []report.FileErr{}
	}
	doc, err := report.EncodeIndent(out)
	if err != nil {
		return err
	}
	return writeJSONArray(w, doc, `"findings": []`, &m.sorted)
}

// The SARIF types mirror internal/report's, in the same field order, so
// that the merged log reads as one run's.
type (
	mSARIF struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []mRun `json:"runs"`
	}
	mRun struct {
		Tool        mTool         `json:"tool"`
		Invocations []mInvocation `json:"invocations"`
		Results     []mResult     `json:"results"`
		ColumnKind  string        `json:"columnKind"`
	}
	mTool struct {
		Driver mDriver `json:"driver"`
	}
	mDriver struct {
		Name           string            `json:"name"`
		InformationURI string            `json:"informationUri"`
		Version        string            `json:"version,omitempty"`
		Rules          []json.RawMessage `json:"rules"`
	}
	mInvocation struct {
		ExecutionSuccessful        bool              `json:"executionSuccessful"`
		ToolExecutionNotifications []json.RawMessage `json:"toolExecutionNotifications,omitempty"`
	}
	mResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   json.RawMessage `json:"message"`
		Locations []mLocation     `json:"locations"`
		Fixes     json.RawMessage `json:"fixes,omitempty"`
	}
	mLocation struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId,omitempty"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
				EndLine     int `json:"endLine"`
				EndColumn   int `json:"endColumn"`
			} `json:"region,omitempty"`
		} `json:"physicalLocation"`
	}
)

// uriPath turns a SARIF artifact URI back into the path it names.
func uriPath(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" {
		return u.Path
	}
	if p, err := url.PathUnescape(uri); err == nil {
		return p
	}
	return uri
}

// sarifMerge joins SARIF logs: one run, the rules of every log each once,
// the results in order.
type sarifMerge struct {
	out      mSARIF
	first    string // the first log's name
	ruleAt   map[string]int
	seenNote map[string]bool
	sorted   report.Sorter
	buf      bytes.Buffer
	enc      *json.Encoder
}

func (m *sarifMerge) release() { m.sorted.Release() }

func (m *sarifMerge) read(i int, in *mergeInput) error {
	var (
		log     mSARIF
		runs    int
		lr      mRun
		remap   []int
		hasTool bool
	)
	if m.enc == nil {
		m.enc = json.NewEncoder(&m.buf)
		m.enc.SetEscapeHTML(false)
	}
	dec := json.NewDecoder(in.r)
	// readResults reads the run's results as they stream by; the tool,
	// whose rules they point into, comes before them.
	readResults := func() error {
		ok, err := openArray(dec, "results")
		if err != nil || !ok {
			return err
		}
		for dec.More() {
			var res mResult
			if err := dec.Decode(&res); err != nil {
				return err
			}
			if !hasTool {
				return named(fmt.Errorf("%s: results come before the tool that names their rules: not an articlelint SARIF log", in.name))
			}
			if res.RuleIndex < 0 || res.RuleIndex >= len(remap) || len(res.Locations) == 0 || res.Locations[0].PhysicalLocation.Region == nil {
				return named(fmt.Errorf("%s: a result of rule %s has no rule index or place", in.name, res.RuleID))
			}
			res.RuleIndex = remap[res.RuleIndex]
			loc := res.Locations[0].PhysicalLocation
			m.buf.Reset()
			if err := m.enc.Encode(res); err != nil {
				return err
			}
			compact := m.buf.Bytes()[:m.buf.Len()-1] // Encode ends with a newline
			if err := m.sorted.Add(report.Key{Path: uriPath(loc.ArtifactLocation.URI), Line: loc.Region.StartLine, Column: loc.Region.StartColumn, Rule: res.RuleID}, compact); err != nil {
				return named(err)
			}
		}
		return expectDelim(dec, ']')
	}
	readRun := func(key string) error {
		switch {
		case strings.EqualFold(key, "tool"):
			if err := dec.Decode(&lr.Tool); err != nil {
				return err
			}
			if lr.Tool.Driver.Name != "articlelint" {
				return named(fmt.Errorf("%s: not an articlelint SARIF log (want one run by articlelint)", in.name))
			}
			hasTool = true
			if i == 0 {
				m.first = in.name
				m.out.Runs = []mRun{{Tool: lr.Tool, Results: []mResult{}, Invocations: []mInvocation{{ExecutionSuccessful: true}}}}
				m.out.Runs[0].Tool.Driver.Rules = nil
			}
			run := &m.out.Runs[0]
			// The rules of every report, each once; results point into
			// the merged list.
			remap = make([]int, len(lr.Tool.Driver.Rules))
			for k, raw := range lr.Tool.Driver.Rules {
				var rule struct {
					ID string `json:"id"`
				}
				if err := json.Unmarshal(raw, &rule); err != nil || rule.ID == "" {
					return named(fmt.Errorf("%s: a rule of the driver has no id", in.name))
				}
				at, ok := m.ruleAt[rule.ID]
				if !ok {
					at = len(run.Tool.Driver.Rules)
					m.ruleAt[rule.ID] = at
					run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, raw)
				}
				remap[k] = at
			}
		case strings.EqualFold(key, "invocations"):
			lr.Invocations = nil
			return dec.Decode(&lr.Invocations)
		case strings.EqualFold(key, "results"):
			return readResults()
		case strings.EqualFold(key, "columnKind"):
			return dec.Decode(&lr.ColumnKind)
		default:
			return skipValue(dec)
		}
		return nil
	}
	err := objectKeys(dec, true, func(key string) error {
		switch {
		case strings.EqualFold(key, "$schema"):
			return dec.Decode(&log.Schema)
		case strings.EqualFold(key, "version"):
			return dec.Decode(&log.Version)
		case strings.EqualFold(key, "runs"):
			ok, err := openArray(dec, "runs")
			if err != nil || !ok {
				return err
			}
			for dec.More() {
				if runs++; runs > 1 {
					return named(fmt.Errorf("%s: not an articlelint SARIF log (want one run by articlelint)", in.name))
				}
				if err := objectKeys(dec, false, readRun); err != nil {
					return err
				}
			}
			return expectDelim(dec, ']')
		default:
			return skipValue(dec)
		}
	})
	switch {
	case err != nil:
		return unnamed(err, "%s: not a SARIF log: %v", in.name)
	case runs != 1 || !hasTool:
		return fmt.Errorf("%s: not an articlelint SARIF log (want one run by articlelint)", in.name)
	}
	run := &m.out.Runs[0]
	if i == 0 {
		m.out.Schema, m.out.Version = log.Schema, log.Version
		run.ColumnKind = lr.ColumnKind
	} else {
		switch {
		case log.Version != m.out.Version || log.Schema != m.out.Schema:
			return fmt.Errorf("%s is SARIF %s, %s is SARIF %s: merge reports of one version", m.first, m.out.Version, in.name, log.Version)
		case lr.Tool.Driver.Version != run.Tool.Driver.Version:
			return fmt.Errorf("%s was written by articlelint %s, %s by articlelint %s: merge reports of one version", m.first, run.Tool.Driver.Version, in.name, lr.Tool.Driver.Version)
		case lr.ColumnKind != run.ColumnKind:
			return fmt.Errorf("%s counts columns in %s, %s in %s", m.first, run.ColumnKind, in.name, lr.ColumnKind)
		}
	}
	for _, inv := range lr.Invocations {
		run.Invocations[0].ExecutionSuccessful = run.Invocations[0].ExecutionSuccessful && inv.ExecutionSuccessful
		for _, n := range inv.ToolExecutionNotifications {
			if key := string(n); !m.seenNote[key] {
				m.seenNote[key] = true
				run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
			}
		}
	}
	return nil
}

func (m *sarifMerge) write(w *bufio.Writer) error {
	run := &m.out.Runs[0]
	if run.Tool.Driver.Rules == nil {
		run.Tool.Driver.Rules = []json.RawMessage{}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	slices.SortStableFunc(notes, func(a, b json.RawMessage) int { return report.ComparePaths(notePath(a), notePath(b)) })
	doc, err := report.EncodeIndent(m.out)
	if err != nil {
		return err
	}
	// The last: a rule's text could hold the marker, nothing after the
	// results can.
	return writeJSONArray(w, doc, `"results": []`, &m.sorted)
}

// notePath is the file a notification is about, or "".
func notePath(raw json.RawMessage) string {
	var n struct {
		Locations []mLocation `json:"locations"`
	}
	if json.Unmarshal(raw, &n) != nil || len(n.Locations) == 0 {
		return ""
	}
	return uriPath(n.Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

// The JUnit types mirror internal/report's.
type (
	mSuite struct {
		XMLName  xml.Name `xml:"testsuite"`
		Name     string   `xml:"name,attr"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Cases    []mCase  `xml:"testcase"`
	}
	mCase struct {
		Name      string    `xml:"name,attr"`
		ClassName string    `xml:"classname,attr"`
		Failure   *mProblem `xml:"failure"`
		Error     *mProblem `xml:"error"`
	}
	mProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr,omitempty"`
		Text    string `xml:",cdata"`
	}
)

// junitMerge joins JUnit reports: a test case per file.
type junitMerge struct {
	suite  mSuite
	seen   map[string]bool
	sorted report.Sorter
	buf    bytes.Buffer
	enc    *xml.Encoder
}

func (m *junitMerge) release() { m.sorted.Release() }

func (m *junitMerge) read(_ int, in *mergeInput) error {
	if m.enc == nil {
		// One encoder for every case, which it indents as they sit in
		// the suite.
		m.enc = xml.NewEncoder(&m.buf)
		m.enc.Indent("  ", "  ")
	}
	dec := xml.NewDecoder(in.r)
	var root xml.StartElement
	for {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%s: not a JUnit report: %v", in.name, err)
		}
		if se, ok := t.(xml.StartElement); ok {
			root = se
			break
		}
	}
	if root.Name.Local != "testsuite" {
		return fmt.Errorf("%s: not a JUnit report: expected element type <testsuite> but have <%s>", in.name, root.Name.Local)
	}
	name := ""
	for _, a := range root.Attr {
		if a.Name.Local == "name" {
			name = a.Value
			break
		}
	}
	if name != "articlelint" {
		return fmt.Errorf("%s: not an articlelint JUnit report (test suite %q)", in.name, name)
	}
	for {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%s: not a JUnit report: %v", in.name, err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil // the suite's end; what follows it is not read
		case xml.StartElement:
			if t.Name.Local != "testcase" {
				if err := dec.Skip(); err != nil {
					return fmt.Errorf("%s: not a JUnit report: %v", in.name, err)
				}
				continue
			}
			var c mCase
			if err := dec.DecodeElement(&c, &t); err != nil {
				return fmt.Errorf("%s: not a JUnit report: %v", in.name, err)
			}
			if err := m.add(c); err != nil {
				return err
			}
		}
	}
}

func (m *junitMerge) add(c mCase) error {
	path := c.Name
	if c.Error != nil {
		// The same argument error from every shard counts once.
		key := c.Name + "\x00" + c.Error.Message
		if m.seen[key] {
			return nil
		}
		m.seen[key] = true
		m.suite.Errors++
		// A run reports errors in its arguments, named "(arguments)",
		// first.
		if c.Name == "(arguments)" {
			path = ""
		}
	}
	if c.Failure != nil {
		m.suite.Failures++
	}
	m.suite.Tests++
	m.buf.Reset()
	if err := m.enc.EncodeElement(c, xml.StartElement{Name: xml.Name{Local: "testcase"}}); err != nil {
		return err
	}
	// The encoder puts a newline before each element but the first.
	return m.sorted.Add(report.Key{Path: path}, bytes.TrimPrefix(m.buf.Bytes(), []byte("\n")))
}

func (m *junitMerge) write(w *bufio.Writer) error {
	m.suite.Name = "articlelint"
	doc, end, err := report.JUnitShell(m.suite)
	if err != nil {
		return err
	}
	if m.suite.Tests == 0 {
		w.Write(doc)
		return w.WriteByte('\n')
	}
	w.Write(doc[:end])
	err = m.sorted.Each(func(c []byte) error {
		w.WriteByte('\n')
		_, err := w.Write(c)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n</testsuite>\n")
	return err
}

// textLine is a finding line of the text format:
// path:line:col: severity rule: message.
var textLine = regexp.MustCompile(`^(.*?):(\d+):(\d+): (?:error|warning|info) ([a-z0-9]+(?:-[a-z0-9]+)*): `)

// textMerge joins text reports, a finding a line.
type textMerge struct {
	sorted report.Sorter
}

func (m *textMerge) release() { m.sorted.Release() }

func (m *textMerge) read(_ int, in *mergeInput) error {
	sc := bufio.NewScanner(in.r)
	sc.Buffer(nil, 1<<30)
	for n := 1; sc.Scan(); n++ {
		t := sc.Bytes()
		if len(t) == 0 {
			continue
		}
		at := textLine.FindSubmatchIndex(t)
		if at == nil {
			return fmt.Errorf("%s:%d: not a finding of an articlelint text report (path:line:col: severity rule: message)", in.name, n)
		}
		ln, _ := strconv.Atoi(string(t[at[4]:at[5]]))
		col, _ := strconv.Atoi(string(t[at[6]:at[7]]))
		k := report.Key{Path: string(t[at[2]:at[3]]), Line: ln, Column: col, Rule: string(t[at[8]:at[9]])}
		if err := m.sorted.Add(k, t); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", in.name, err)
	}
	return nil
}

func (m *textMerge) write(w *bufio.Writer) error {
	return m.sorted.Each(func(line []byte) error {
		w.Write(line)
		return w.WriteByte('\n')
	})
}

// unwrapPathErr drops the *fs.PathError wrapper: the caller names the file.
func unwrapPathErr(err error) error {
	if pe, ok := err.(interface{ Unwrap() error }); ok && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}
