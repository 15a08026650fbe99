package main

import (
	"errors"

	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/lsp"
)

type lspCmd struct {
	Config      string   `short:"c" help:"Config file to use for every article, instead of the nearest .articlelint.yaml."`
	MaxFileSize byteSize `default:"10MiB" placeholder:"SIZE" help:"Do not lint documents larger than SIZE (0 for no limit): report each as file-too-large."`
}

// Run serves until the editor sends exit. Exit codes follow the LSP
// specification, not the lint contract: 0 after shutdown, 1 without.
func (c *lspCmd) Run(e *env) error {
	err := lsp.Serve(e.stdin, e.stdout, lsp.Options{
		Lint:    lint.Options{ConfigPath: c.Config, MaxFileSize: int64(c.MaxFileSize)},
		Version: versionString(),
		Log:     e.stderr,
	})
	if errors.Is(err, lsp.ErrExitWithoutShutdown) {
		return exitCode(1)
	}
	return err
}
