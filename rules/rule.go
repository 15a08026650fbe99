// Package rules holds articlelint's rules and the API they are written
// against, shaped like golang.org/x/tools/go/analysis: a Rule is a value
// with an ID, one line of Doc, a default Severity and a Check function that
// reads a parsed article from a Pass and calls Report.
package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/phrase"
)

// Severity orders findings; Off disables a rule.
type Severity int

// Severities, in increasing order.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity parses "off", "info", "warning" (or "warn") or "error",
// in any case: config files and flags take the same words.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off":
		return Off, nil
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// UnmarshalYAML lets config files name severities.
func (s *Severity) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseSeverity(n.Value)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Rule is one check.
type Rule struct {
	// ID is the stable, kebab-case name used in config and output.
	ID string
	// Doc is one line: what the rule wants of an article.
	Doc string
	// Explain is the longer text of `articlelint explain`: why, and how to fix.
	Explain string
	// Severity is the default severity.
	Severity Severity
	// Options returns a pointer to the rule's default options, or nil if the
	// rule has none. Config decodes the rule's YAML options into it.
	Options func() any
	// OptionsOf names another rule whose options this rule reads, when two
	// rules share one setting (section-order reads required-section's).
	OptionsOf string
	// Fixable is true when findings may carry suggested edits.
	Fixable bool
	// Online is true for rules that read network results (--online);
	// offline they report nothing.
	Online bool
	// Languages are the languages (ISO 639-1) whose wording the rule
	// knows; nil for a rule that reads no wording. The driver does not run
	// it on an article in another language: silence beats false alarms.
	Languages []string
	// Check inspects pass.Doc and calls pass.Report.
	Check func(pass *Pass)

	// phrases are the rule's phrase tables, compiled with every other
	// rule's into one matcher (phrases.go); lazyPhrases returns more,
	// built on first use (tables no offline run reads).
	phrases     []*phrase.Table
	lazyPhrases func() []*phrase.Table
}

// tables returns all of the rule's phrase tables.
func (r *Rule) tables() []*phrase.Table {
	if r.lazyPhrases == nil {
		return r.phrases
	}
	return append(slices.Clip(r.phrases), r.lazyPhrases()...)
}

// Pass is what a rule sees of one article.
type Pass struct {
	Doc      *article.Document
	Rule     *Rule
	Options  any
	Severity Severity
	// Known reports whether a rule id exists; set by the driver.
	Known func(id string) bool
	// Online holds the results of --online checks, or nil when offline:
	// online rules then report nothing.
	Online *online.Results
	// Cache is shared by the rules run on one document; nil is allowed.
	Cache  *Cache
	report func(Finding)
}

// NewPass returns a pass that sends findings to report.
func NewPass(r *Rule, doc *article.Document, opts any, sev Severity, report func(Finding)) *Pass {
	return &Pass{Doc: doc, Rule: r, Options: opts, Severity: sev, report: report}
}

// Report records a finding. A zero Severity means the rule's configured one.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	if f.Severity == Off {
		f.Severity = p.Severity
	}
	p.report(f)
}

// Reportf records a finding at span with a formatted message.
func (p *Pass) Reportf(span article.Span, format string, args ...any) {
	p.Report(Finding{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Finding is one problem at a span of the source.
type Finding struct {
	Rule     string
	Severity Severity
	Span     article.Span
	Message  string
	Fixes    []Fix
}

// Fix is a suggested change: edits applied together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes of Span with New.
type Edit struct {
	Span article.Span
	New  string
}

// Regexp is a regular expression in config; it compiles while decoding so
// that a bad pattern is an error at its line and column.
type Regexp struct{ *regexp.Regexp }

// UnmarshalYAML compiles the pattern.
func (r *Regexp) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want a regular expression string")
	}
	re, err := regexp.Compile(n.Value)
	if err != nil {
		return fmt.Errorf("bad regular expression %q: %v", n.Value, err)
	}
	r.Regexp = re
	return nil
}

// MarshalYAML writes the pattern back.
func (r Regexp) MarshalYAML() (any, error) { return r.String(), nil }

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// Reads reports whether the rule can read an article in language l.
func (r *Rule) Reads(l article.Language) bool {
	if len(r.Languages) == 0 {
		return true
	}
	for _, code := range r.Languages {
		if l.Is(code) {
			return true
		}
	}
	return false
}
