package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/articlelint/articlelint/rules"
)

type rulesCmd struct{}

func (rulesCmd) Run(e *env) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tDESCRIPTION")
	for _, r := range rules.All {
		fix := ""
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Doc)
	}
	return tw.Flush()
}

type explainCmd struct {
	Rule string `arg:"" help:"Rule id, as listed by 'articlelint rules'."`
}

func (c *explainCmd) Run(e *env) error {
	r := rules.Lookup(c.Rule)
	if r == nil {
		var ids []string
		for _, r := range rules.All {
			ids = append(ids, r.ID)
		}
		return fmt.Errorf("unknown rule %q; rules are: %s", c.Rule, strings.Join(ids, ", "))
	}
	fix := ""
	if r.Fixable {
		fix = " (fixable with --fix)"
	}
	_, err := fmt.Fprintf(e.stdout, "%s: %s\nDefault severity: %s%s\n\n%s\n", r.ID, r.Doc, r.Severity, fix, r.Explain)
	return err
}
