package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and that every error it returns
// is a *Error whose line:col lies within the data.
func FuzzParse(f *testing.F) {
	f.Add(Starter())
	_ = filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			if b, err := os.ReadFile(path); err == nil {
				f.Add(string(b))
			}
		}
		return nil
	})
	for _, s := range []string{
		"", "rules:", "rules: []", "rules:\n  doi-format: loud\n", "rules:\n  forbid:\n    items:\n      - pattern: '('\n",
		"a: &x [*x]", "rules: &r\n  doi-format: *r\n", "- a\n- b\n", "rules:\n\tdoi-format: off\n", "rules: {",
		"online:\n  timeout: 10\n", "online:\n  accept: [999]\n", "\xff", "rules:\n  required-section:\n    sections:\n      - name:\n",
		"%YAML 1.3\n---\n", "!!binary x", "rules: !!map {}", "---\n---\n", "rules:\n  ai-disclosure:\n    patterns: ['[a-']\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		_, err := Parse("c.yaml", []byte(data))
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("Parse(%q): error %q (%T) is not a *config.Error", data, err, err)
		}
		checkErrorPosition(t, data, ce)
	})
}

// checkErrorPosition: an error's line:col must point into data (a column
// may point just past the end of its line).
func checkErrorPosition(t *testing.T, data string, ce *Error) {
	t.Helper()
	lines := strings.Split(data, "\n")
	if ce.Line < 1 || ce.Line > len(lines) {
		t.Fatalf("Parse(%q): error %q: line %d not in 1..%d", data, ce, ce.Line, len(lines))
	}
	if n := utf8.RuneCountInString(lines[ce.Line-1]); ce.Column < 1 || ce.Column > n+1 {
		t.Fatalf("Parse(%q): error %q: column %d not in 1..%d", data, ce, ce.Column, n+1)
	}
}

// Found by FuzzParse: yaml.v3 names no line for input it cannot decode,
// and the error read "c.yaml: invalid YAML: ...".
func TestParseErrorWithoutLine(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"\xff", "c.yaml:1:1: invalid YAML: invalid leading UTF-8 octet"},
		{"rules:\n  doi-format: é\xff\n", "c.yaml:2:16: invalid YAML: invalid"},
		{"%YAML 1.3\n---\n", "c.yaml:1:1: invalid YAML: found incompatible YAML document"},
	} {
		_, err := Parse("c.yaml", []byte(tc.data))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %s...", tc.data, err, tc.want)
		}
		var ce *Error
		if errors.As(err, &ce) {
			checkErrorPosition(t, tc.data, ce)
		}
	}
}

// Found by FuzzParse: yaml.v3 places an empty value on the line after the
// data ("---" alone was an error at 2:1 of a one-line file).
func TestParseEmptyValueAtEnd(t *testing.T) {
	for _, data := range []string{"---", "--- # nothing\n", "null"} {
		if _, err := Parse("c.yaml", []byte(data)); err != nil {
			t.Errorf("Parse(%q) = %v, want the defaults", data, err)
		}
	}
	for _, data := range []string{"rules:\n  doi-format:", "online:\n  accept:\n    -", "rules:\n  forbid:\n    items:\n    - phrase:"} {
		_, err := Parse("c.yaml", []byte(data))
		var ce *Error
		if !errors.As(err, &ce) {
			continue // valid: an empty value may mean the default
		}
		checkErrorPosition(t, data, ce)
	}
}
