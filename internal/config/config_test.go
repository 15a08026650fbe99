package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// The starter written by `articlelint init` loads, and documents every rule
// and every option key, so users can discover all of them.
func TestStarterDocumentsEveryKey(t *testing.T) {
	c, err := Parse("starter.yaml", []byte(Starter))
	if err != nil {
		t.Fatalf("starter does not load: %v", err)
	}
	for _, r := range rules.All {
		if !strings.Contains(Starter, "\n  "+r.ID+":") {
			t.Errorf("starter does not mention rule %s", r.ID)
		}
		if c.Rules[r.ID].Severity != r.Severity {
			t.Errorf("starter sets %s to %v, its default is %v", r.ID, c.Rules[r.ID].Severity, r.Severity)
		}
		if r.Options == nil {
			continue
		}
		typ := reflect.TypeOf(r.Options()).Elem()
		for i := 0; i < typ.NumField(); i++ {
			if !typ.Field(i).IsExported() {
				continue // compiled from the keys, not a key
			}
			key := strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0]
			if !strings.Contains(Starter, " "+key+":") {
				t.Errorf("starter does not document %s.%s", r.ID, key)
			}
		}
	}
	typ := reflect.TypeOf(Online{})
	for i := 0; i < typ.NumField(); i++ {
		if key := typ.Field(i).Tag.Get("yaml"); !strings.Contains(Starter, "\n  "+key+":") {
			t.Errorf("starter does not document online.%s", key)
		}
	}
	if c.Online.Enabled || c.Online.HostConcurrency != 2 {
		t.Errorf("starter's online section = %+v", c.Online)
	}
	if !reflect.DeepEqual(c.Rules[rules.RequiredSection.ID].Options, Default().Rules[rules.RequiredSection.ID].Options) {
		t.Errorf("starter's sections differ from the defaults")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"rules:\n  doi-format: loud\n", "c.yaml:2:15: unknown severity \"loud\""},
		{"rules:\n  required-section:\n    sections: Introduction\n", "c.yaml:3:15: want a list, not \"Introduction\""},
		{"rules:\n  required-section:\n    sections:\n      - nam: Intro\n", "c.yaml:4:9: unknown key \"nam\"; did you mean \"name\"?"},
		{"rules:\n  citation-missing:\n    hosts: [a]\n", "c.yaml:3:5: rule citation-missing has no option \"hosts\"; only severity"},
		{"rules:\n  section-order:\n    sections: []\n", "uses the options of required-section"},
		{"- a\n- b\n", "c.yaml:1:1: config must be a mapping"},
		{"rulez: {}\n", "c.yaml:1:1: unknown key \"rulez\"; did you mean \"rules\"?"},
		{"rules:\n  ai-disclosure:\n    replace-defaults: maybe\n", "c.yaml:3:23: cannot unmarshal !!str `maybe` into bool"},
	} {
		_, err := Parse("c.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

func TestSeverityShorthandAndPatterns(t *testing.T) {
	c, err := Parse("c.yaml", []byte("rules:\n  doi-format: off\n  ai-disclosure:\n    patterns: ['made by robots']\n    replace-defaults: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules["doi-format"].Severity != rules.Off {
		t.Errorf("doi-format severity = %v, want off", c.Rules["doi-format"].Severity)
	}
	if len(c.Disclosure) != 1 || !c.Disclosure[0].MatchString("This page was MADE BY ROBOTS.") {
		t.Errorf("disclosure patterns = %v, want only the configured one, case-insensitive", c.Disclosure)
	}
}

// FindCached finds what Find finds, and remembers every directory it
// passed through.
func TestFindCached(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"a/b/c", "a/b/d", "e"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(root, "a", ".articlelint.yaml")
	if err := os.WriteFile(cfg, []byte("rules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, d := range []string{"a/b/c", "a/b/d", "a", "e", "a/b/c"} {
		dir := filepath.Join(root, d)
		want, err := Find(dir)
		if err != nil {
			t.Fatal(err)
		}
		got, err := FindCached(dir, seen)
		if err != nil || got != want {
			t.Errorf("FindCached(%s) = %q, %v; Find = %q", d, got, err, want)
		}
	}
	if got, ok := seen[filepath.Join(root, "a", "b")]; !ok || filepath.Base(got) != ".articlelint.yaml" {
		t.Errorf("a/b not remembered with its config: %q, %v", got, ok)
	}
	if got, ok := seen[filepath.Join(root, "e")]; !ok || got != "" {
		t.Errorf("e not remembered as having no config: %q, %v", got, ok)
	}
}
