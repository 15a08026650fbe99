package rules

import (
	"net/url"
	"testing"
)

// Every URL plainWebURL passes, url.Parse parses as http(s) with a host,
// so skipping the parse for it changes no finding.
func checkPlainWebURL(t *testing.T, s string) {
	if !plainWebURL(s) {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		t.Errorf("plainWebURL(%q) is true, but url.Parse gives %+v, %v", s, u, err)
	}
}

func TestPlainWebURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://doi.org/10.1038/nature12373": true,
		"http://example.com":                  true,
		"https://a.b/c?d=e&f=g#h":             true,
		"https://a.b/%7Euser":                 true,
		"https://a.b/%7":                      false,
		"https://a.b/%zz":                     false,
		"https://a.b/#x#y":                    false,
		"HTTPS://a.b/":                        false,
		"https://a.b:8080/":                   false,
		"https://user@a.b/":                   false,
		"https:///path":                       false,
		"https://[::1]/":                      false,
		"https://a.b/c d":                     false,
		"https://a.b/\x7f":                    false,
		"https://exa_mple.com/":               false,
		"https://en.wikipedia.org/wiki/Vitamin_D_(nutrient)": true,
	} {
		if got := plainWebURL(s); got != want {
			t.Errorf("plainWebURL(%q) = %v, want %v", s, got, want)
		}
		checkPlainWebURL(t, s)
	}
}

func FuzzPlainWebURL(f *testing.F) {
	f.Add("https://doi.org/10.1038/nature12373")
	f.Add("http://a.b/%41?x=1#f")
	f.Add("https://a.b/c;d,e!f$g'h(i)j*k@l:m")
	f.Fuzz(checkPlainWebURL)
}
