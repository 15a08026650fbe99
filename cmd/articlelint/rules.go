package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/lint"
)

type rulesCmd struct{}

func (rulesCmd) Run(e *env) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tDESCRIPTION")
	for _, id := range lint.IDs() {
		r := lint.Lookup(id)
		fix := ""
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Doc)
	}
	return tw.Flush()
}

type explainCmd struct {
	Rule string `arg:"" help:"Rule id, as listed by 'articlelint rules' and shown beside each finding."`
}

func (c *explainCmd) Run(e *env) error {
	r := lint.Lookup(strings.ToLower(strings.TrimSpace(c.Rule)))
	if r == nil {
		return unknownRule(c.Rule)
	}
	fix := ""
	if r.Fixable {
		fix = " (fixable with --fix)"
	}
	driver := ""
	if r.Check == nil {
		driver = "\nReported by articlelint itself, not by a rule: it has no entry in .articlelint.yaml."
	}
	if len(r.Languages) > 0 {
		driver += "\nLanguages: " + languageNames(r.Languages) + " only; silent on articles in other languages."
	}
	_, err := fmt.Fprintf(e.stdout, "%s: %s\nDefault severity: %s%s%s\n\n%s\n", r.ID, r.Doc, r.Severity, fix, driver, r.Explain)
	return err
}

// unknownRule names the nearest id, or those that contain what was typed.
func unknownRule(id string) error {
	ids := lint.IDs()
	if near := config.Nearest(id, ids); near != "" {
		return fmt.Errorf("unknown rule %q; did you mean %s?", id, near)
	}
	var some []string
	for _, r := range ids {
		if w := strings.ToLower(strings.TrimSpace(id)); w != "" && strings.Contains(r, w) {
			some = append(some, r)
		}
	}
	if len(some) > 0 {
		return fmt.Errorf("unknown rule %q; rules with %q in their id: %s", id, id, strings.Join(some, ", "))
	}
	return fmt.Errorf("unknown rule %q: 'articlelint rules' lists them all", id)
}

// languageNames names ISO 639-1 codes in English.
func languageNames(codes []string) string {
	names := map[string]string{"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese"}
	var out []string
	for _, c := range codes {
		if n, ok := names[c]; ok {
			out = append(out, n)
		} else {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}
