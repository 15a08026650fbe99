package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeServices emulates doi.org's handle API and Crossref for three DOIs:
// a normal work, a retracted one and a corrected one; any other DOI does
// not exist.
func fakeServices(t *testing.T, requests *atomic.Int64) (resolver, crossref *httptest.Server) {
	works := map[string]string{
		"10.1000/ok":        `{"message":{"title":["Maternal vitamin D supplementation in lactation"]}}`,
		"10.1000/retracted": `{"message":{"title":["Vitamin D and infants"],"updated-by":[{"DOI":"10.1000/notice","type":"retraction","label":"Retraction","updated":{"date-parts":[[2024,3,1]]}}]}}`,
		"10.1000/corrected": `{"message":{"title":["Vitamin D dosing in lactation"],"updated-by":[{"DOI":"10.1000/fix","type":"correction","updated":{"date-parts":[[2023,1,5]]}}]}}`,
		"10.1000/offtopic":  `{"message":{"title":["Quantum chromodynamics on the lattice"]}}`,
	}
	resolver = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		doi := strings.TrimPrefix(r.URL.Path, "/api/handles/")
		if _, ok := works[doi]; !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"responseCode":100}`)
			return
		}
		fmt.Fprintf(w, `{"responseCode":1,"handle":%q}`, doi)
	}))
	crossref = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/search" { // Europe PMC's search, which knows none of them
			fmt.Fprint(w, `{"version":"6.9","hitCount":0,"request":{"queryString":"DOI:x","resultType":"core"},"resultList":{"result":[]}}`)
			return
		}
		body, ok := works[strings.TrimPrefix(r.URL.Path, "/works/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(resolver.Close)
	t.Cleanup(crossref.Close)
	return resolver, crossref
}

func TestOnlineRules(t *testing.T) {
	var requests atomic.Int64
	resolver, crossref := fakeServices(t, &requests)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		switch r.URL.Path {
		case "/ok":
		case "/moved":
			http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
		case "/bot":
			w.WriteHeader(http.StatusForbidden)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()

	dir := t.TempDir()
	cfg := fmt.Sprintf("online:\n  doi-resolver: %s\n  crossref-api: %s\n  datacite-api: %s\n  europepmc-api: %s\n  allow-private: true\n  cache: %s\n  host-interval: 1ms\n  timeout: 2s\nrules:\n  required-section: off\n  ai-disclosure: off\n",
		resolver.URL, crossref.URL, crossref.URL, crossref.URL, filepath.Join(dir, "cache.json"))
	article := strings.Join([]string{
		"# Vitamin D in lactation",
		"",
		"Works: " + site.URL + "/ok and " + site.URL + "/ok again.",
		"Gone: [old page](" + site.URL + "/gone).",
		"Moved: <" + site.URL + "/moved>.",
		"Walled: " + site.URL + "/bot.",
		"Studies: https://doi.org/10.1000/ok, https://doi.org/10.1000/retracted,",
		"https://doi.org/10.1000/corrected, https://doi.org/10.1000/missing and",
		"https://doi.org/10.1000/offtopic.",
		"",
	}, "\n")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(".articlelint.yaml", cfg)
	path := write("a.md", article)

	var out, errs bytes.Buffer
	code := run([]string{"--online", "--fail-on", "error", path}, strings.NewReader(""), &out, &errs)
	if code != exitFindings {
		t.Errorf("exit %d, want %d\nstderr: %s", code, exitFindings, errs.String())
	}
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		// "path:line:col: severity rule: message"
		parts := strings.SplitN(line, ": ", 3)
		if len(parts) < 3 {
			continue
		}
		loc := parts[0][strings.Index(parts[0], ":")+1:]
		rule := strings.Fields(parts[1])[1]
		got[loc+" "+rule] = true
	}
	want := []string{
		"4:18 link-broken",
		"5:9 link-redirect",
		"6:9 link-unverifiable",
		"7:54 doi-retracted",
		"8:17 doi-updated",
		"8:52 doi-not-found",
		"9:17 doi-mismatch-topic",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %s\noutput:\n%s", w, out.String())
		}
	}
	for g := range got {
		if strings.HasSuffix(g, "link-broken") || strings.HasSuffix(g, "doi-not-found") || strings.HasSuffix(g, "doi-retracted") || strings.HasSuffix(g, "doi-mismatch-topic") {
			found := false
			for _, w := range want {
				found = found || w == g
			}
			if !found {
				t.Errorf("unexpected %s", g)
			}
		}
	}
	if !strings.Contains(errs.String(), "checked 4 links and 5 DOIs online") {
		t.Errorf("stderr = %s", errs.String())
	}

	// A second run within the cache's age asks nothing of the network for
	// what succeeded; failures are not cached and are asked again.
	first := requests.Load()
	out.Reset()
	errs.Reset()
	run([]string{"--online", path}, strings.NewReader(""), &out, &errs)
	again := requests.Load() - first
	if again >= first/2 {
		t.Errorf("second run sent %d requests (first %d): cached results were not used", again, first)
	}
	if !strings.Contains(out.String(), "doi-retracted") {
		t.Errorf("second run lost the cached retraction:\n%s", out.String())
	}
	// With --no-cache everything is asked again.
	before := requests.Load()
	run([]string{"--online", "--no-cache", path}, strings.NewReader(""), &out, &errs)
	if n := requests.Load() - before; n < first {
		t.Errorf("--no-cache sent %d requests, want at least %d", n, first)
	}
}

// By default a link to a loopback address is refused and never connected.
func TestOnlinePrivateRefused(t *testing.T) {
	var requests atomic.Int64
	resolver, crossref := fakeServices(t, &requests)
	var conns atomic.Int64
	site := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	site.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	site.Start()
	defer site.Close()
	dir := t.TempDir()
	cfg := fmt.Sprintf("online:\n  doi-resolver: %s\n  crossref-api: %s\n  datacite-api: %s\n  europepmc-api: %s\n", resolver.URL, crossref.URL, crossref.URL, crossref.URL)
	if err := os.WriteFile(filepath.Join(dir, ".articlelint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("# T\n\nSee "+site.URL+"/x.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	run([]string{"--online", "--no-cache", p}, strings.NewReader(""), &out, &errs)
	if !strings.Contains(out.String(), "link-unverifiable: link could not be verified (refused: 127.0.0.1 is a loopback address") {
		t.Errorf("want a refusal, got:\n%s%s", out.String(), errs.String())
	}
	if conns.Load() != 0 {
		t.Errorf("%d connections reached the private server", conns.Load())
	}
}

// A file over --max-file-size is not read for links either: no request.
func TestOnlineSkipsLargeFiles(t *testing.T) {
	var requests atomic.Int64
	resolver, crossref := fakeServices(t, &requests)
	dir := t.TempDir()
	cfg := fmt.Sprintf("online:\n  doi-resolver: %s\n  crossref-api: %s\n  datacite-api: %s\n  europepmc-api: %s\n", resolver.URL, crossref.URL, crossref.URL, crossref.URL)
	if err := os.WriteFile(filepath.Join(dir, ".articlelint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("# T\n\nSee https://doi.org/10.1000/182 for more.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	run([]string{"--online", "--no-cache", "--max-file-size", "20B", p}, strings.NewReader(""), &out, &errs)
	if !strings.Contains(out.String(), "file-too-large") {
		t.Errorf("want file-too-large, got:\n%s%s", out.String(), errs.String())
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests for a file over the limit", n)
	}
	// Under the limit, the DOI is looked up.
	run([]string{"--online", "--no-cache", p}, strings.NewReader(""), &out, &errs)
	if requests.Load() == 0 {
		t.Errorf("no request for the DOI of a file under the limit")
	}
}
