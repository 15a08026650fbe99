package rules

import (
	"strings"
	"testing"
)

func TestHostIn(t *testing.T) {
	hosts := []string{"doi.org", "NIH.gov", "", "a.b"}
	for _, host := range []string{"doi.org", "dx.doi.org", "xdoi.org", "DOI.ORG", "ncbi.nlm.nih.gov", "nih.gov.x", "", ".", "a.b", ".a.b", "b", "org"} {
		want := false
		for _, h := range hosts {
			lh, lhost := strings.ToLower(h), strings.ToLower(host)
			if lhost == lh || strings.HasSuffix(lhost, "."+lh) {
				want = true
			}
		}
		if got := hostIn(host, hosts); got != want {
			t.Errorf("hostIn(%q) = %v, want %v", host, got, want)
		}
	}
}
