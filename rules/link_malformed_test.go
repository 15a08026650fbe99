package rules

import (
	"net/url"
	"strings"
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
		return
	}
	// link-insecure takes the host from s without parsing it.
	if h := plainHost(s); h != u.Hostname() {
		t.Errorf("plainHost(%q) = %q, url.Parse's Hostname is %q", s, h, u.Hostname())
	}
}

// Every reference plainRelURL passes, url.Parse parses without a scheme,
// and it starts with none of malformed's misspelt schemes.
func checkPlainRelURL(t *testing.T, s string) {
	if !plainRelURL(s) {
		return
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" {
		t.Errorf("plainRelURL(%q) is true, but url.Parse gives %+v, %v", s, u, err)
	}
	for _, typo := range []string{"http//", "https//", "http:/", "https:/", "htp:", "htps:", "http;", "https;", "hhttp", "www,", "http:\\", "https:\\"} {
		if strings.HasPrefix(strings.ToLower(s), typo) {
			t.Errorf("plainRelURL(%q) is true, but it starts with the typo %q", s, typo)
		}
	}
}

// Each destination against both fast paths: a web URL has a scheme, so
// it is never a plain relative reference.
func TestPlainURLs(t *testing.T) {
	for _, c := range []struct {
		s        string
		web, rel bool
	}{
		{"https://doi.org/10.1038/nature12373", true, false},
		{"http://example.com", true, false},
		{"https://a.b/c?d=e&f=g#h", true, false},
		{"https://a.b/%7Euser", true, false},
		{"https://a.b/%7", false, false},
		{"https://a.b/%zz", false, false},
		{"https://a.b/#x#y", false, false},
		{"HTTPS://a.b/", false, false},
		{"https://a.b:8080/", false, false},
		{"https://user@a.b/", false, false},
		{"https:///path", false, false},
		{"https://[::1]/", false, false},
		{"https://a.b/c d", false, false},
		{"https://a.b/\x7f", false, false},
		{"https://exa_mple.com/", false, false},
		{"https://en.wikipedia.org/wiki/Vitamin_D_(nutrient)", true, false},
		{"/about", false, true},
		{"#key-findings", false, true},
		{"../other.md", false, true},
		{"img/a%20b.png?x=1", false, true},
		{"", false, false},
		{"//host/x", false, false},
		{"a:b", false, false},
		{"/a:b", false, false},
		{"%zz", false, false},
		{"%4", false, false},
		{"x%41%", false, false},
		{"HTTP//example.com", false, false},
		{"hhttps://x.org", false, false},
		{"www,example.com", false, false},
		{"http;x", false, false},
		{"HTTPS;//x", false, false},
		{"www.example.com", false, true},
		{"caf%C3%A9.md", false, true},
		{"caf\xc3\xa9.md", false, false},
		{"a\x7fb", false, false},
		{"tab\there", false, false},
		{"http/x", false, true},
		{"https/x", false, true},
	} {
		if got := plainWebURL(c.s); got != c.web {
			t.Errorf("plainWebURL(%q) = %v, want %v", c.s, got, c.web)
		}
		if got := plainRelURL(c.s); got != c.rel {
			t.Errorf("plainRelURL(%q) = %v, want %v", c.s, got, c.rel)
		}
		checkPlainURLs(t, c.s)
	}
}

// checkPlainURLs checks what skipping url.Parse for s relies on.
func checkPlainURLs(t *testing.T, s string) {
	if plainWebURL(s) && plainRelURL(s) {
		t.Errorf("%q is both a plain web URL and a plain relative reference", s)
	}
	checkPlainWebURL(t, s)
	checkPlainRelURL(t, s)
}

func FuzzPlainWebURL(f *testing.F) {
	f.Add("https://doi.org/10.1038/nature12373")
	f.Add("http://a.b/%41?x=1#f")
	f.Add("https://a.b/c;d,e!f$g'h(i)j*k@l:m")
	f.Add("../a%41.md?q=1#f")
	f.Add("hhttp/x")
	f.Fuzz(checkPlainURLs)
}
