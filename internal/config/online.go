package config

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/rules"
)

// Online configures the opt-in network checks (--online). Keys follow the
// snake_case of the issue that introduced them.
type Online struct {
	Enabled         bool           `yaml:"enabled"`
	DOIResolver     string         `yaml:"doi_resolver"`
	CrossrefAPI     string         `yaml:"crossref_api"`
	DataCiteAPI     string         `yaml:"datacite_api"`
	Mailto          string         `yaml:"mailto"`
	AllowPrivate    bool           `yaml:"allow_private"`
	Cache           string         `yaml:"cache"`
	Timeout         Duration       `yaml:"timeout"`
	MaxConcurrency  int            `yaml:"max_concurrency"`
	HostConcurrency int            `yaml:"host_concurrency"`
	HostInterval    Duration       `yaml:"host_interval"`
	Accept          []int          `yaml:"accept"`
	Exclude         []rules.Regexp `yaml:"exclude"`
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

// Validate checks the numbers.
func (o *Online) Validate() error {
	if o.MaxConcurrency < 0 || o.HostConcurrency < 0 {
		return fmt.Errorf("max_concurrency and host_concurrency must not be negative")
	}
	for _, c := range o.Accept {
		if c < 100 || c > 599 {
			return fmt.Errorf("accept: %d is not an HTTP status code", c)
		}
	}
	return nil
}
