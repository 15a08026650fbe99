package config

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/rules"
)

// Online configures the opt-in network checks (--online). Keys are
// kebab-case like every other; the snake_case they were first written in
// is still read, with a warning.
type Online struct {
	Enabled         bool           `yaml:"enabled"`
	DOIResolver     string         `yaml:"doi-resolver"`
	CrossrefAPI     string         `yaml:"crossref-api"`
	DataCiteAPI     string         `yaml:"datacite-api"`
	EuropePMCAPI    string         `yaml:"europepmc-api"`
	Mailto          string         `yaml:"mailto"`
	AllowPrivate    bool           `yaml:"allow-private"`
	Cache           string         `yaml:"cache"`
	Timeout         Duration       `yaml:"timeout"`
	MaxConcurrency  int            `yaml:"max-concurrency"`
	HostConcurrency int            `yaml:"host-concurrency"`
	HostInterval    Duration       `yaml:"host-interval"`
	Accept          []int          `yaml:"accept"`
	Exclude         []rules.Regexp `yaml:"exclude"`
	Sources         Switch         `yaml:"sources"`
}

// Duration is a time.Duration written as "10s" or "250ms".
type Duration time.Duration

// UnmarshalYAML parses a Go duration.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil || v < 0 {
		return fmt.Errorf("want a duration such as 10s or 250ms, not %q", n.Value)
	}
	*d = Duration(v)
	return nil
}

// SourceChecks reports whether online checks also fetch each cited study's
// record (Crossref and Europe PMC) for the rules that compare an article with
// its source: yes unless sources: false.
func (o *Online) SourceChecks() bool { return o.Sources.On() }

// Switch is a true/false key that is true when not set.
type Switch struct{ off bool }

// On reports whether the switch is on.
func (s Switch) On() bool { return !s.off }

// UnmarshalYAML reads true or false.
func (s *Switch) UnmarshalYAML(n *yaml.Node) error {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		return fmt.Errorf("want true or false, not %s", kindName(n))
	}
	s.off = !b
	return nil
}

// Validate checks the numbers.
func (o *Online) Validate() error {
	if o.MaxConcurrency < 0 || o.HostConcurrency < 0 {
		return fmt.Errorf("max-concurrency and host-concurrency must not be negative")
	}
	for _, c := range o.Accept {
		if c < 100 || c > 599 {
			return fmt.Errorf("accept: %d is not an HTTP status code", c)
		}
	}
	return nil
}
