package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
func (c *mergeCmd) Run(e *env) error {
	var reps []mergeInput
	for _, name := range c.Reports {
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("%s: cannot read report: %v", name, unwrapPathErr(err))
		}
		reps = append(reps, mergeInput{name: name, kind: reportKind(data), data: data})
	}
	kind := c.Format
	if kind == "" {
		kind = reps[0].kind
	}
	for _, r := range reps {
		if r.kind != kind {
			first := fmt.Sprintf("--format says %s", kind)
			if c.Format == "" {
				first = fmt.Sprintf("%s is a %s report", reps[0].name, kind)
			}
			return fmt.Errorf("merge joins reports of one kind: %s, but %s is a %s report", first, r.name, r.kind)
		}
	}
	var out []byte
	var err error
	switch kind {
	case "json":
		out, err = mergeJSON(reps)
	case "sarif":
		out, err = mergeSARIF(reps)
	case "junit":
		out, err = mergeJUnit(reps)
	default:
		out, err = mergeText(reps)
	}
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}

type mergeInput struct {
	name, kind string
	data       []byte
}

// reportKind tells the kind of a report by its content.
func reportKind(data []byte) string {
	t := bytes.TrimSpace(data)
	switch {
	case bytes.HasPrefix(t, []byte("<")):
		return "junit"
	case bytes.HasPrefix(t, []byte("{")):
		var probe struct {
			Schema string          `json:"$schema"`
			Runs   json.RawMessage `json:"runs"`
		}
		if json.Unmarshal(t, &probe) == nil && (probe.Runs != nil || strings.Contains(probe.Schema, "sarif")) {
			return "sarif"
		}
		return "json"
	}
	return "text"
}

// pathCompare orders paths as a directory walk lists them: element by
// element, so that a/b.md comes before a-c.md as it does in a run.
func pathCompare(a, b string) int {
	for {
		ae, arest, amore := strings.Cut(a, "/")
		be, brest, bmore := strings.Cut(b, "/")
		if c := strings.Compare(ae, be); c != 0 {
			return c
		}
		switch {
		case !amore && !bmore:
			return 0
		case !amore:
			return -1
		case !bmore:
			return 1
		}
		a, b = arest, brest
	}
}

// place is where a finding is, for ordering.
type place struct {
	path         string
	line, column int
	rule         string
}

func comparePlace(a, b place) int {
	if c := pathCompare(a.path, b.path); c != 0 {
		return c
	}
	if a.line != b.line {
		return a.line - b.line
	}
	if a.column != b.column {
		return a.column - b.column
	}
	return strings.Compare(a.rule, b.rule)
}

// jsonEncode writes v as articlelint's JSON reports do.
func jsonEncode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}

func mergeJSON(reps []mergeInput) ([]byte, error) {
	type finding struct {
		raw      json.RawMessage
		at       place
		severity string
		fixable  bool
	}
	var all []finding
	var errs []report.FileErr
	seenErr := map[report.FileErr]bool{}
	var sum report.Summary
	for _, r := range reps {
		var doc struct {
			Version  *int              `json:"version"`
			Findings []json.RawMessage `json:"findings"`
			Errors   []report.FileErr  `json:"errors"`
			Summary  *report.Summary   `json:"summary"`
		}
		if err := json.Unmarshal(r.data, &doc); err != nil {
			return nil, fmt.Errorf("%s: not an articlelint JSON report: %v", r.name, err)
		}
		if doc.Version == nil || doc.Summary == nil || doc.Findings == nil {
			return nil, fmt.Errorf("%s: not an articlelint JSON report (no version, findings or summary)", r.name)
		}
		if *doc.Version != report.JSONVersion {
			return nil, fmt.Errorf("%s: JSON report version %d; this articlelint merges version %d: merge reports of one version, written by one articlelint", r.name, *doc.Version, report.JSONVersion)
		}
		for _, raw := range doc.Findings {
			var f struct {
				Path     string            `json:"path"`
				Line     int               `json:"line"`
				Column   int               `json:"column"`
				Rule     string            `json:"rule"`
				Severity string            `json:"severity"`
				Fixes    []json.RawMessage `json:"fixes"`
			}
			if err := json.Unmarshal(raw, &f); err != nil {
				return nil, fmt.Errorf("%s: a finding does not read: %v", r.name, err)
			}
			all = append(all, finding{raw, place{f.Path, f.Line, f.Column, f.Rule}, f.Severity, len(f.Fixes) > 0})
		}
		sum.Files += doc.Summary.Files
		sum.Failed += doc.Summary.Failed
		for _, fe := range doc.Errors {
			if seenErr[fe] {
				// The same argument error from every shard.
				sum.Failed--
				continue
			}
			seenErr[fe] = true
			errs = append(errs, fe)
		}
	}
	slices.SortStableFunc(all, func(a, b finding) int { return comparePlace(a.at, b.at) })
	slices.SortStableFunc(errs, func(a, b report.FileErr) int { return pathCompare(a.Path, b.Path) })
	out := struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
		Errors   []report.FileErr  `json:"errors"`
		Summary  report.Summary    `json:"summary"`
	}{Version: report.JSONVersion, Findings: []json.RawMessage{}, Errors: errs, Summary: sum}
	if out.Errors == nil {
		out.Errors = []report.FileErr{}
	}
	for _, f := range all {
		out.Findings = append(out.Findings, f.raw)
		switch f.severity {
		case "error":
			out.Summary.Errors++
		case "warning":
			out.Summary.Warnings++
		case "info":
			out.Summary.Infos++
		}
		if f.fixable {
			out.Summary.Fixable++
		}
	}
	return jsonEncode(out)
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

func mergeSARIF(reps []mergeInput) ([]byte, error) {
	var out mSARIF
	var run *mRun
	ruleAt := map[string]int{} // rule id -> index in the merged list
	seenNote := map[string]bool{}
	type result struct {
		r  mResult
		at place
	}
	var results []result
	for i, r := range reps {
		var log mSARIF
		if err := json.Unmarshal(r.data, &log); err != nil {
			return nil, fmt.Errorf("%s: not a SARIF log: %v", r.name, err)
		}
		if len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "articlelint" {
			return nil, fmt.Errorf("%s: not an articlelint SARIF log (want one run by articlelint)", r.name)
		}
		lr := &log.Runs[0]
		if i == 0 {
			out = mSARIF{Schema: log.Schema, Version: log.Version}
			out.Runs = []mRun{{Tool: lr.Tool, ColumnKind: lr.ColumnKind, Results: []mResult{}}}
			out.Runs[0].Tool.Driver.Rules = nil
			out.Runs[0].Invocations = []mInvocation{{ExecutionSuccessful: true}}
			run = &out.Runs[0]
		} else {
			first := reps[0].name
			switch {
			case log.Version != out.Version || log.Schema != out.Schema:
				return nil, fmt.Errorf("%s is SARIF %s, %s is SARIF %s: merge reports of one version", first, out.Version, r.name, log.Version)
			case lr.Tool.Driver.Version != run.Tool.Driver.Version:
				return nil, fmt.Errorf("%s was written by articlelint %s, %s by articlelint %s: merge reports of one version", first, run.Tool.Driver.Version, r.name, lr.Tool.Driver.Version)
			case lr.ColumnKind != run.ColumnKind:
				return nil, fmt.Errorf("%s counts columns in %s, %s in %s", first, run.ColumnKind, r.name, lr.ColumnKind)
			}
		}
		// The rules of every report, each once; results point into the
		// merged list.
		remap := make([]int, len(lr.Tool.Driver.Rules))
		for k, raw := range lr.Tool.Driver.Rules {
			var rule struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(raw, &rule); err != nil || rule.ID == "" {
				return nil, fmt.Errorf("%s: a rule of the driver has no id", r.name)
			}
			at, ok := ruleAt[rule.ID]
			if !ok {
				at = len(run.Tool.Driver.Rules)
				ruleAt[rule.ID] = at
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, raw)
			}
			remap[k] = at
		}
		for _, inv := range lr.Invocations {
			run.Invocations[0].ExecutionSuccessful = run.Invocations[0].ExecutionSuccessful && inv.ExecutionSuccessful
			for _, n := range inv.ToolExecutionNotifications {
				if key := string(n); !seenNote[key] {
					seenNote[key] = true
					run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
				}
			}
		}
		for _, res := range lr.Results {
			if res.RuleIndex < 0 || res.RuleIndex >= len(remap) || len(res.Locations) == 0 || res.Locations[0].PhysicalLocation.Region == nil {
				return nil, fmt.Errorf("%s: a result of rule %s has no rule index or place", r.name, res.RuleID)
			}
			res.RuleIndex = remap[res.RuleIndex]
			loc := res.Locations[0].PhysicalLocation
			results = append(results, result{res, place{uriPath(loc.ArtifactLocation.URI), loc.Region.StartLine, loc.Region.StartColumn, res.RuleID}})
		}
	}
	if run.Tool.Driver.Rules == nil {
		run.Tool.Driver.Rules = []json.RawMessage{}
	}
	slices.SortStableFunc(results, func(a, b result) int { return comparePlace(a.at, b.at) })
	for _, r := range results {
		run.Results = append(run.Results, r.r)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	slices.SortStableFunc(notes, func(a, b json.RawMessage) int { return pathCompare(notePath(a), notePath(b)) })
	return jsonEncode(out)
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

func mergeJUnit(reps []mergeInput) ([]byte, error) {
	out := mSuite{Name: "articlelint"}
	seen := map[string]bool{}
	for _, r := range reps {
		var s mSuite
		if err := xml.Unmarshal(r.data, &s); err != nil {
			return nil, fmt.Errorf("%s: not a JUnit report: %v", r.name, err)
		}
		if s.Name != "articlelint" {
			return nil, fmt.Errorf("%s: not an articlelint JUnit report (test suite %q)", r.name, s.Name)
		}
		for _, c := range s.Cases {
			if c.Error != nil {
				// The same argument error from every shard counts once.
				key := c.Name + "\x00" + c.Error.Message
				if seen[key] {
					continue
				}
				seen[key] = true
			}
			out.Cases = append(out.Cases, c)
		}
	}
	// A run reports errors in its arguments, named "(arguments)", first.
	casePath := func(c mCase) string {
		if c.Name == "(arguments)" && c.Error != nil {
			return ""
		}
		return c.Name
	}
	slices.SortStableFunc(out.Cases, func(a, b mCase) int { return pathCompare(casePath(a), casePath(b)) })
	for _, c := range out.Cases {
		if c.Failure != nil {
			out.Failures++
		}
		if c.Error != nil {
			out.Errors++
		}
	}
	out.Tests = len(out.Cases)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// textLine is a finding line of the text format:
// path:line:col: severity rule: message.
var textLine = regexp.MustCompile(`^(.*?):(\d+):(\d+): (?:error|warning|info) ([a-z0-9]+(?:-[a-z0-9]+)*): `)

func mergeText(reps []mergeInput) ([]byte, error) {
	type line struct {
		text string
		at   place
	}
	var lines []line
	for _, r := range reps {
		sc := bufio.NewScanner(bytes.NewReader(r.data))
		sc.Buffer(nil, 1<<30)
		for n := 1; sc.Scan(); n++ {
			t := sc.Text()
			if t == "" {
				continue
			}
			m := textLine.FindStringSubmatch(t)
			if m == nil {
				return nil, fmt.Errorf("%s:%d: not a finding of an articlelint text report (path:line:col: severity rule: message)", r.name, n)
			}
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			lines = append(lines, line{t, place{m[1], ln, col, m[4]}})
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %v", r.name, err)
		}
	}
	slices.SortStableFunc(lines, func(a, b line) int { return comparePlace(a.at, b.at) })
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// unwrapPathErr drops the *fs.PathError wrapper: the caller names the file.
func unwrapPathErr(err error) error {
	if pe, ok := err.(interface{ Unwrap() error }); ok && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}
