package rules

import (
	"regexp"
	"sync"
)

// regexCache compiles each pattern once per process: rules build patterns
// from config values, and must not compile them again for every file.
type regexCache struct{ m sync.Map }

var phraseCache regexCache

func (c *regexCache) get(pattern string) (*regexp.Regexp, error) {
	if re, ok := c.m.Load(pattern); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c.m.Store(pattern, re)
	return re, nil
}
