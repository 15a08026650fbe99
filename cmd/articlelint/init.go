package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/articlelint/articlelint/internal/config"
)

type initCmd struct {
	Dir   string `arg:"" optional:"" default:"." help:"Directory to write .articlelint.yaml in."`
	Force bool   `help:"Overwrite an existing .articlelint.yaml."`
}

func (c *initCmd) Run(e *env) error {
	path := filepath.Join(c.Dir, config.FileNames[0])
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if c.Force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; use --force to overwrite it", path)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if _, err := f.WriteString(config.Starter()); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", path)
	return nil
}
