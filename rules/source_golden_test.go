package rules_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/onlinetest"
	"github.com/articlelint/articlelint/rules"
)

// busyDOI is a study Europe PMC answers 429 for, every time.
const busyDOI = "10.5555/jcn.2023.0019"

// articleDOIs returns the DOIs the articles at paths cite, front matter
// doi included.
func articleDOIs(t *testing.T, paths []string) []string {
	t.Helper()
	l := lint.New(lint.Options{})
	var dois []string
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := l.Parse(p, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range d.DOIs {
			if x.Invalid == "" {
				dois = append(dois, x.DOI)
			}
		}
		if v, _, ok := d.FrontMatter.Lookup(d, "doi"); ok {
			for _, m := range doi.Find(v) {
				dois = append(dois, m.DOI)
			}
		}
	}
	return dois
}

// checkSources checks dois against a loopback emulator of doi.org,
// Crossref and Europe PMC answering from testdata/sources, with source
// records on, and returns what it found.
func checkSources(tb testing.TB, dois []string) *online.Results {
	tb.Helper()
	fx, err := onlinetest.Load(filepath.Join("..", "testdata", "sources"))
	if err != nil {
		tb.Fatal(err)
	}
	srv := onlinetest.Start(fx)
	defer srv.Close()
	srv.FailEuropePMC(busyDOI, http.StatusTooManyRequests)
	c, err := online.New(online.Config{
		DOIResolver: srv.URL, CrossrefAPI: srv.URL, DataCiteAPI: srv.URL, EuropePMCAPI: srv.URL,
		Sources: true, Version: "test", Timeout: 5 * time.Second, HostInterval: -1,
		MaxRetries: 1, RetryBackoff: time.Millisecond, RetryAfterCap: -1,
	})
	if err != nil {
		tb.Fatal(err)
	}
	defer c.Close()
	return c.Check(context.Background(), nil, dois)
}

// TestOnlineGolden runs each online rule that has articles under
// testdata/rules/<rule-id>/ alone on them, with the records of the
// studies they cite (testdata/sources), and compares with the .golden
// files. Each source-* rule must have articles that fire and articles
// that must not.
func TestOnlineGolden(t *testing.T) {
	var all []string
	dirs := map[string][]string{}
	for _, r := range rules.All {
		if !r.Online {
			continue
		}
		dir := filepath.Join("..", "testdata", "rules", r.ID)
		if _, err := os.Stat(dir); err != nil {
			if strings.HasPrefix(r.ID, "source-") {
				t.Errorf("%s: no golden articles in %s", r.ID, dir)
			}
			continue
		}
		dirs[r.ID] = articles(t, dir)
		all = append(all, dirs[r.ID]...)
	}
	res := checkSources(t, articleDOIs(t, all))
	for _, r := range rules.All {
		paths, ok := dirs[r.ID]
		if !ok {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			checkRuleGoldens(t, lint.New(lint.Options{Rules: []*rules.Rule{r}, Online: res}), paths)
		})
	}
}
