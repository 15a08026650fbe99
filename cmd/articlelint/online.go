package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/online"
)

// checkOnline parses every job, collects the unique web links and DOIs,
// checks each once, and gives the results to the linter. Files that fail
// to parse are skipped here; the lint pass reports them.
func checkOnline(e *env, l *lint.Linter, cfg *config.Config, jobs []job, noCache bool, progress string) error {
	seenURL, seenDOI := map[string]bool{}, map[string]bool{}
	var urls, dois []string
	for _, j := range jobs {
		if j.stdin != nil {
			continue // read once, in the lint pass
		}
		src, tooLarge, err := l.Read(j.path)
		if err != nil || tooLarge != nil {
			continue // the lint pass reports it
		}
		doc, err := l.Parse(j.path, src)
		if err != nil {
			continue
		}
		isDOI := map[int]bool{} // doi.org links are checked as DOIs, not fetched
		for _, d := range doc.DOIs {
			if d.Link >= 0 && d.Form == "resolver-url" {
				isDOI[d.Link] = true
			}
		}
		for i, lk := range doc.Links {
			if lk.Kind == article.ReferenceLink || isDOI[i] || seenURL[lk.Dest] {
				continue
			}
			if u, err := url.Parse(lk.Dest); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				seenURL[lk.Dest] = true
				urls = append(urls, lk.Dest)
			}
		}
		for _, d := range doc.DOIs {
			if d.Invalid == "" && !seenDOI[strings.ToUpper(d.DOI)] {
				seenDOI[strings.ToUpper(d.DOI)] = true
				dois = append(dois, d.DOI)
			}
		}
		// The study the front matter names, which the source rules
		// fall back on though the text may not cite it.
		if d, ok := studyDOI(cfg, doc); ok && !seenDOI[strings.ToUpper(d)] {
			seenDOI[strings.ToUpper(d)] = true
			dois = append(dois, d)
		}
	}
	checker, err := online.New(checkerConfig(cfg, noCache))
	if err != nil {
		return fmt.Errorf("online checks: %v", err)
	}
	for _, w := range checker.Warnings() {
		fmt.Fprintf(e.stderr, "articlelint: %s\n", w)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	pl := startProgress(progress, e.stderr, checker)
	res := checker.Check(ctx, urls, dois)
	pl.end()
	if err := checker.Close(); err != nil {
		fmt.Fprintf(e.stderr, "articlelint: online cache: %v\n", err)
	}
	fmt.Fprintf(e.stderr, "articlelint: checked %s and %s online in %.1fs (%s)\n",
		count(len(urls), "link"), count(len(dois), "DOI"), time.Since(start).Seconds(), count(int(res.Requests), "request"))
	l.SetOnline(res)
	return nil
}

// count writes n things: "1 DOI", "2 DOIs".
func count(n int, thing string) string { return fmt.Sprintf("%d %s", n, plural(n, thing, thing+"s")) }
