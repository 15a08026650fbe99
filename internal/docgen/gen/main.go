// Command gen rewrites the rule table in README.md from rules.All.
// It is run by `go generate ./...` (see internal/docgen).
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/articlelint/articlelint/internal/docgen"
	"github.com/articlelint/articlelint/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/docgen/gen README.md")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := docgen.Update(path, old, rules.All)
	if err != nil {
		return err
	}
	// Counts outside the table are prose: report them for a person to fix.
	stale, err := docgen.StaleCounts(path, updated, rules.All)
	if err != nil {
		return err
	}
	if !bytes.Equal(old, updated) {
		if err := os.WriteFile(path, updated, 0o644); err != nil {
			return err
		}
	}
	for _, s := range stale {
		fmt.Fprintln(os.Stderr, s)
	}
	if len(stale) > 0 {
		return fmt.Errorf("%s: fix the rule counts above by hand", path)
	}
	return nil
}
