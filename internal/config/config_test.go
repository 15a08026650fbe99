package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/rules"
)

// The starter written by `articlelint init` loads, and documents every rule
// and every option key, so users can discover all of them.
func TestStarterDocumentsEveryKey(t *testing.T) {
	c, err := Parse("starter.yaml", []byte(Starter()))
	if err != nil {
		t.Fatalf("starter does not load: %v", err)
	}
	for _, r := range rules.All {
		if !strings.Contains(Starter(), "\n  "+r.ID+":") {
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
			if !strings.Contains(Starter(), " "+key+":") {
				t.Errorf("starter does not document %s.%s", r.ID, key)
			}
		}
	}
	typ := reflect.TypeOf(Online{})
	for i := 0; i < typ.NumField(); i++ {
		if key := typ.Field(i).Tag.Get("yaml"); !strings.Contains(Starter(), "\n  "+key+":") {
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

// Option keys are kebab-case, like rule ids; the snake_case spelling still
// loads, with a warning at the key that names the new spelling.
func TestKeySpelling(t *testing.T) {
	old := "rules:\n  ai-disclosure:\n    replace_defaults: true\n    patterns: [x]\nonline:\n  allow_private: true\n  host_interval: 5ms\n"
	c, err := Parse("c.yaml", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Online.AllowPrivate || c.Online.HostInterval != Duration(5e6) || len(c.Disclosure) != 1 {
		t.Errorf("snake_case keys not applied: online %+v, disclosure %v", c.Online, c.Disclosure)
	}
	var got []string
	for _, w := range c.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`c.yaml:3:5: key "replace_defaults" is deprecated: write "replace-defaults" (config keys are kebab-case)`,
		`c.yaml:6:3: key "allow_private" is deprecated: write "allow-private" (config keys are kebab-case)`,
		`c.yaml:7:3: key "host_interval" is deprecated: write "host-interval" (config keys are kebab-case)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	c, err = Parse("c.yaml", []byte(strings.ReplaceAll(old, "_", "-")))
	if err != nil || len(c.Warnings) != 0 || !c.Online.AllowPrivate {
		t.Errorf("kebab-case keys: %v, warnings %v, online %+v", err, c.Warnings, c.Online)
	}
	if _, err := Parse("c.yaml", []byte("online:\n  allow-private: true\n  allow_private: false\n")); err == nil || !strings.Contains(err.Error(), `c.yaml:3:3: key "allow-private" is set twice`) {
		t.Errorf("both spellings of one key: %v", err)
	}
}

// Severities are the same words in any case, in both config forms.
func TestSeverityAnyCase(t *testing.T) {
	c, err := Parse("c.yaml", []byte("rules:\n  doi-format: Off\n  citation-missing: WARN\n  overclaim:\n    severity: Error\n"))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]rules.Severity{"doi-format": rules.Off, "citation-missing": rules.Warning, "overclaim": rules.Error} {
		if got := c.Rules[id].Severity; got != want {
			t.Errorf("%s: severity %v, want %v", id, got, want)
		}
	}
}

// A misspelt "severity" is suggested, whether or not the rule has options.
func TestSeverityTypoSuggested(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"rules:\n  citation-missing:\n    severty: off\n", `c.yaml:3:5: rule citation-missing: unknown key "severty"; did you mean "severity"?`},
		{"rules:\n  required-section:\n    severty: off\n", `c.yaml:3:5: rule required-section: unknown key "severty"; did you mean "severity"?`},
		{"rules:\n  ai-disclosure:\n    placment: end\n", `c.yaml:3:5: unknown key "placment"; did you mean "placement"?`},
	} {
		_, err := Parse("c.yaml", []byte(tc.yaml))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) = %v, want %s", tc.yaml, err, tc.want)
		}
	}
}

// A list replaces the default one; "extend:" adds to it.
func TestListsExtendOrReplace(t *testing.T) {
	names := func(src string) []string {
		t.Helper()
		c, err := Parse("c.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range c.Rules["required-section"].Options.(*rules.SectionOptions).Sections {
			out = append(out, s.Name)
		}
		return out
	}
	if got := names("rules:\n  required-section:\n    sections:\n      - name: Methods\n"); strings.Join(got, ",") != "Methods" {
		t.Errorf("replace: got %q", got)
	}
	if got := names("rules:\n  required-section:\n    sections:\n      extend:\n        - name: Methods\n"); strings.Join(got, ",") != "Introduction,Key Findings,Conclusion,Methods" {
		t.Errorf("extend: got %q", got)
	}
	if got := names("rules:\n  overclaim: info\n"); len(got) != 3 {
		t.Errorf("default: got %q", got)
	}
	if _, err := Parse("c.yaml", []byte("rules:\n  required-section:\n    sections:\n      extend: x\n")); err == nil || !strings.Contains(err.Error(), "c.yaml:4:15") {
		t.Errorf("extend with no list: %v", err)
	}
}

// A rule the written starter does not document yet gets an entry from
// its Doc line, default severity and options, inside rules:, so that
// `articlelint init` never leaves a rule out.
func TestStarterListsANewRule(t *testing.T) {
	type toyOptions struct {
		Words []string `yaml:"words"`
		Max   int      `yaml:"max-words"`
	}
	toy := &rules.Rule{ID: "toy-rule", Doc: "Say less.", Severity: rules.Info,
		Options: func() any { return &toyOptions{Max: 12} }}
	got := starterFor(append(slices.Clone(rules.All), toy))
	for _, want := range []string{"\n  # Say less.\n  toy-rule:\n    severity: info\n", "\n    words: []\n", "\n    max-words: 12\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("starter lacks %q", want)
		}
	}
	var doc struct {
		Rules  map[string]map[string]any `yaml:"rules"`
		Online map[string]any            `yaml:"online"`
	}
	if err := yaml.Unmarshal([]byte(got), &doc); err != nil {
		t.Fatalf("the starter with a new rule is no YAML: %v", err)
	}
	if doc.Rules["toy-rule"]["max-words"] != 12 || doc.Online == nil {
		t.Errorf("toy-rule is not a rule of rules: (%v), or online: is lost", doc.Rules["toy-rule"])
	}
	documented := slices.DeleteFunc(slices.Clone(rules.All), func(r *rules.Rule) bool {
		return !strings.Contains(starterText, "\n  "+r.ID+":")
	})
	if starterFor(documented) != starterText {
		t.Error("the rules with a written entry changed the starter")
	}
}
