package rules

import (
	"regexp"
	"testing"
)

// Plain patterns compile on first use; a typo must fail here, not in a
// user's run.
func TestPlainREsCompile(t *testing.T) {
	if len(plainREs) == 0 {
		t.Fatal("no plain patterns registered")
	}
	for _, src := range plainREs {
		if _, err := regexp.Compile(src); err != nil {
			t.Errorf("pattern %q: %v", src, err)
		}
	}
}
