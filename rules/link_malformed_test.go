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

func TestPlainRelURL(t *testing.T) {
	for s, want := range map[string]bool{
		"/about":            true,
		"#key-findings":     true,
		"../other.md":       true,
		"img/a%20b.png?x=1": true,
		"":                  false,
		"//host/x":          false,
		"a:b":               false,
		"/a:b":              false,
		"%zz":               false,
		"%4":                false,
		"x%41%":             false,
		"HTTP//example.com": false,
		"hhttps://x.org":    false,
		"www,example.com":   false,
		"http;x":            false,
		"HTTPS;//x":         false,
		"www.example.com":   true,
		"caf%C3%A9.md":      true,
		"caf\xc3\xa9.md":    false,
		"a\x7fb":            false,
		"tab\there":         false,
		"http/x":            true,
		"https/x":           true,
	} {
		if got := plainRelURL(s); got != want {
			t.Errorf("plainRelURL(%q) = %v, want %v", s, got, want)
		}
		checkPlainRelURL(t, s)
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
	f.Add("../a%41.md?q=1#f")
	f.Add("hhttp/x")
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainWebURL(t, s)
		checkPlainRelURL(t, s)
	})
}
