package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
)

// SARIFSchema is the URI of the SARIF 2.1.0 schema (OASIS errata 01) that
// the SARIF output declares and is tested against
// (testdata/sarif/sarif-schema-2.1.0.json).
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// HelpURI is where a rule's documentation is when RuleInfo names none.
const HelpURI = "https://github.com/articlelint/articlelint#rules"

// srcRoot is the uriBaseId of every artifact: the directory articlelint ran
// in, which CI (GitHub code scanning) takes to be the checkout.
const srcRoot = "%SRCROOT%"

// SARIF writes one SARIF 2.1.0 log, for GitHub code scanning and other
// SARIF viewers. Columns are UTF-16 code units, SARIF's default columnKind.
// The log's results follow the invocation, which says whether every file
// was linted, so they are encoded as each file finishes into a spool and
// the log is written at Close.
type SARIF struct {
	w       io.Writer
	version string
	rules   []RuleInfo
	results *jsonArray
	body    spool
	notes   []sarifNotification
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name,omitempty"`
	ShortDescription     *sarifMessage `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage `json:"fullDescription,omitempty"`
	Help                 *sarifMessage `json:"help,omitempty"`
	HelpURI              string        `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfig  `json:"defaultConfiguration,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

// File records findings.
func (s *SARIF) File(path string, fs []Finding) error {
	for _, f := range fs {
		loc := artifact(f.Path)
		r := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: s.ruleIndex(f.Rule, f.Severity),
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: loc,
				Region:           &sarifRegion{f.Line, col16(f.Column16, f.Column), f.EndLine, col16(f.EndColumn16, f.EndColumn)},
			}}},
		}
		for _, fx := range f.Fixes {
			if len(fx.Edits) == 0 {
				continue
			}
			ch := sarifArtifactChange{ArtifactLocation: loc}
			for _, e := range fx.Edits {
				ch.Replacements = append(ch.Replacements, sarifReplacement{
					DeletedRegion:   sarifRegion{e.Line, col16(e.Column16, e.Column), e.EndLine, col16(e.EndColumn16, e.EndColumn)},
					InsertedContent: sarifMessage{Text: e.NewText},
				})
			}
			r.Fixes = append(r.Fixes, sarifFix{Description: sarifMessage{Text: fx.Message}, ArtifactChanges: []sarifArtifactChange{ch}})
		}
		if s.results == nil {
			_, _, indent, err := splitArray(s.log(Summary{}), "results")
			if err != nil {
				return err
			}
			s.results = newJSONArray(&s.body, indent)
		}
		if err := s.results.add(r); err != nil {
			return err
		}
	}
	return nil
}

// ruleIndex finds a rule's place in the driver's list, adding rules that
// the list did not name (so ruleIndex is always valid).
func (s *SARIF) ruleIndex(id, severity string) int {
	for i, r := range s.rules {
		if r.ID == id {
			return i
		}
	}
	s.rules = append(s.rules, RuleInfo{ID: id, Severity: severity})
	return len(s.rules) - 1
}

// FileError records a file that could not be linted as a tool execution
// notification: it is not a finding in the article.
func (s *SARIF) FileError(path string, err error) error {
	n := sarifNotification{Level: "error", Message: sarifMessage{Text: err.Error()}}
	if path != "" {
		n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(path)}}}
	}
	s.notes = append(s.notes, n)
	return nil
}

// Close writes the log.
func (s *SARIF) Close(sum Summary) error {
	defer s.body.release()
	head, tail, _, err := splitArray(s.log(sum), "results")
	if err != nil {
		return err
	}
	if _, err := s.w.Write(head); err != nil {
		return err
	}
	if s.results != nil {
		s.results.end()
		if _, err := s.body.WriteTo(s.w); err != nil {
			return err
		}
	}
	_, err = s.w.Write(tail)
	return err
}

// abort drops the spooled results of a run that stopped.
func (s *SARIF) abort() { s.body.release() }

// log is the SARIF log without its results.
func (s *SARIF) log(sum Summary) sarifLog {
	driver := sarifDriver{
		Name:           "articlelint",
		InformationURI: "https://github.com/articlelint/articlelint",
		Version:        s.version,
		Rules:          []sarifRule{},
	}
	for _, r := range s.rules {
		sr := sarifRule{ID: r.ID, Name: ruleName(r.ID), HelpURI: r.HelpURI}
		if sr.HelpURI == "" {
			sr.HelpURI = HelpURI
		}
		if r.Doc != "" {
			sr.ShortDescription = &sarifMessage{Text: r.Doc}
			sr.FullDescription = &sarifMessage{Text: r.Doc}
		}
		if r.Explain != "" {
			// The first paragraph says why; the whole text is the help.
			why, _, _ := strings.Cut(r.Explain, "\n\n")
			sr.FullDescription = &sarifMessage{Text: strings.Join(strings.Fields(why), " ")}
			sr.Help = &sarifMessage{Text: r.Explain}
		}
		if r.Severity != "" {
			sr.DefaultConfiguration = &sarifConfig{Level: sarifLevel(r.Severity)}
		}
		driver.Rules = append(driver.Rules, sr)
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: sum.Failed == 0 && len(s.notes) == 0, ToolExecutionNotifications: s.notes}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	return sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// col16 is the UTF-16 column, or the character column when a producer
// left it unset (they agree on text without characters beyond U+FFFF).
func col16(c16, c int) int {
	if c16 > 0 {
		return c16
	}
	return c
}

// sarifLevel maps a severity to SARIF's level, which calls info "note".
func sarifLevel(severity string) string {
	switch severity {
	case "error", "warning":
		return severity
	}
	return "note"
}

// ruleName turns "ai-disclosure" into "AiDisclosure", the identifier form
// SARIF suggests for a rule's name.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '-' || r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// artifact locates a file for SARIF: a relative path becomes a relative
// URI against %SRCROOT%, the directory articlelint ran in; an absolute
// path becomes a file URI, since it may lie outside any checkout.
func artifact(path string) sarifArtifact {
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // C:/x on Windows
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	segs := strings.Split(slashed, "/")
	for i, s := range segs {
		// A colon in a relative reference's first segment would read as a
		// scheme; PathEscape leaves colons alone.
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return sarifArtifact{URI: strings.Join(segs, "/"), URIBaseID: srcRoot}
}
