package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/claims"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/rules"
)

// checkerConfig is the online.Config the config's online: section asks
// for. Source records are fetched when online.sources is on and a
// source-* rule is enabled: otherwise nothing is sent to Europe PMC.
func checkerConfig(cfg *config.Config, noCache bool) online.Config {
	oc := cfg.Online
	cache := oc.Cache
	switch {
	case cache == "":
		cache = online.DefaultCachePath()
	case cfg.Path != "" && !filepath.IsAbs(cache):
		// Like ignore:, a path in the config is relative to the config
		// file, so a run from another directory finds the same cache.
		cache = filepath.Join(filepath.Dir(cfg.Path), cache)
	}
	if noCache {
		cache = ""
	}
	var exclude []*regexp.Regexp
	for _, r := range oc.Exclude {
		exclude = append(exclude, r.Regexp)
	}
	return online.Config{
		DOIResolver: oc.DOIResolver, CrossrefAPI: oc.CrossrefAPI, DataCiteAPI: oc.DataCiteAPI,
		EuropePMCAPI: oc.EuropePMCAPI, Sources: oc.SourceChecks() && sourceRulesOn(cfg),
		Mailto: oc.Mailto, Version: versionString(), AllowPrivate: oc.AllowPrivate, CachePath: cache,
		Timeout: time.Duration(oc.Timeout), MaxConcurrency: oc.MaxConcurrency,
		HostConcurrency: oc.HostConcurrency, HostInterval: time.Duration(oc.HostInterval),
		Accept: oc.Accept, Exclude: exclude, GitHubToken: os.Getenv("GITHUB_TOKEN"),
	}
}

// sourceRules read source records; doi-retracted reads them too, but
// needs them for nothing Crossref does not mostly say.
var sourceRules = []*rules.Rule{rules.SourceNumber, rules.SourceDesign, rules.SourceCausal, rules.SourceMeta, rules.SourceUnavailable}

// sourceRulesOn reports whether cfg enables a source-* rule.
func sourceRulesOn(cfg *config.Config) bool {
	for _, r := range sourceRules {
		if rc := cfg.Rules[r.ID]; rc != nil && rc.Severity != rules.Off {
			return true
		}
	}
	return false
}

// studyKey is the front matter key that names the summarised study:
// doi-mismatch's key.
func studyKey(cfg *config.Config) string {
	if rc := cfg.Rules[rules.DOIMismatch.ID]; rc != nil {
		if o, ok := rc.Options.(*rules.DOIMismatchOptions); ok && o.Key != "" {
			return o.Key
		}
	}
	return "doi"
}

// studyDOI returns the DOI in doc's front matter under the study key,
// which the text may never cite but the source rules fall back on.
func studyDOI(cfg *config.Config, doc *article.Document) (string, bool) {
	v, _, ok := doc.FrontMatter.Lookup(doc, studyKey(cfg))
	if !ok {
		return "", false
	}
	for _, m := range doi.Find(v) {
		if m.Invalid == "" {
			return m.DOI, true
		}
	}
	return "", false
}

// ModelSource is a cited study's record and the sentences bound to it
// (inspect --online).
type ModelSource struct {
	DOI     string `json:"doi"`
	Status  string `json:"status"` // the DOI check: found, not-found or unknown
	Title   string `json:"title,omitempty"`
	Years   []int  `json:"years,omitempty"`
	Journal string `json:"journal,omitempty"`
	// Design is the study's design as the source rules read it, and
	// DesignFrom the evidence.
	Design       string `json:"design,omitempty"`
	DesignFrom   string `json:"designFrom,omitempty"`
	Abstract     bool   `json:"abstract"`
	AbstractFrom string `json:"abstractFrom,omitempty"`
	Crossref     string `json:"crossref,omitempty"`
	EuropePMC    string `json:"europePMC,omitempty"`
	Retracted    bool   `json:"retracted,omitempty"`
	// Claims are the sentences checked against the record.
	Claims []ModelClaim `json:"claims"`
}

// ModelClaim is a sentence bound to a source.
type ModelClaim struct {
	ModelRange
	// Via is how it was bound: sentence, paragraph, list, section,
	// article or front matter.
	Via  string `json:"via"`
	Text string `json:"text"`
}

// inspectSources fetches the records of the studies doc cites and binds
// its sentences to them.
func inspectSources(e *env, cfg *config.Config, doc *article.Document, noCache bool) ([]ModelSource, error) {
	var dois []string
	seen := map[string]bool{}
	add := func(d string) {
		if k := doi.Key(d); !seen[k] {
			seen[k] = true
			dois = append(dois, d)
		}
	}
	for _, d := range doc.DOIs {
		if d.Invalid == "" {
			add(d.DOI)
		}
	}
	if d, ok := studyDOI(cfg, doc); ok {
		add(d)
	}
	oc := checkerConfig(cfg, noCache)
	oc.Sources = true // what inspect --online is for
	checker, err := online.New(oc)
	if err != nil {
		return nil, fmt.Errorf("online checks: %v", err)
	}
	for _, w := range checker.Warnings() {
		fmt.Fprintf(e.stderr, "articlelint: %s\n", w)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res := checker.Check(ctx, nil, dois)
	if err := checker.Close(); err != nil {
		fmt.Fprintf(e.stderr, "articlelint: online cache: %v\n", err)
	}
	binds := rules.Bindings(doc, studyKey(cfg))
	out := []ModelSource{}
	for _, d := range dois {
		k := doi.Key(d)
		ms := ModelSource{DOI: d, Claims: []ModelClaim{}}
		if r := res.DOIs[k]; r != nil {
			ms.Status = r.Status.String()
		}
		if s := res.Sources[k]; s != nil {
			design, why := rules.RecordDesign(s)
			ms.Title, ms.Years, ms.Journal, ms.Retracted = s.Title, s.Years, s.Journal, s.Retracted
			if design != claims.Unknown {
				ms.Design, ms.DesignFrom = design.String(), why
			}
			ms.Abstract, ms.AbstractFrom = s.Abstract != "", s.AbstractFrom
			ms.Crossref, ms.EuropePMC = serviceAnswer(s.Crossref), serviceAnswer(s.EuropePMC)
		}
		for _, b := range binds {
			if b.Key == k && b.Attributed {
				s := doc.Sentences[b.Sentence]
				ms.Claims = append(ms.Claims, ModelClaim{ModelRange: rangeOf(doc, s.Span), Via: b.Via.String(), Text: s.Text})
			}
		}
		out = append(out, ms)
	}
	return out, nil
}

func serviceAnswer(a online.ServiceAnswer) string {
	if a.Reason != "" {
		return a.Status.String() + " (" + a.Reason + ")"
	}
	return a.Status.String()
}

// writeSources writes the sources section of inspect's text output.
func writeSources(b *strings.Builder, ss []ModelSource) {
	fmt.Fprintf(b, "sources (%d):\n", len(ss))
	for _, s := range ss {
		fmt.Fprintf(b, "  %s", s.DOI)
		if s.Title != "" {
			fmt.Fprintf(b, " %q", s.Title)
		}
		fmt.Fprintln(b)
		if s.Crossref == "" && s.EuropePMC == "" {
			fmt.Fprintf(b, "    no record (DOI %s)\n", s.Status)
			continue
		}
		var meta []string
		if len(s.Years) > 0 {
			meta = append(meta, strings.ReplaceAll(strings.Trim(fmt.Sprint(s.Years), "[]"), " ", ", "))
		}
		if s.Journal != "" {
			meta = append(meta, s.Journal)
		}
		design := "design unknown"
		if s.Design != "" {
			design = s.Design + " (" + s.DesignFrom + ")"
		}
		meta = append(meta, design)
		if s.Retracted {
			meta = append(meta, "RETRACTED")
		}
		fmt.Fprintf(b, "    %s\n", strings.Join(meta, "; "))
		abstract := "none"
		if s.Abstract {
			abstract = "found (" + s.AbstractFrom + ")"
		}
		fmt.Fprintf(b, "    abstract: %s; Crossref: %s; Europe PMC: %s\n", abstract, s.Crossref, s.EuropePMC)
		fmt.Fprintf(b, "    claims (%d):\n", len(s.Claims))
		for _, c := range s.Claims {
			fmt.Fprintf(b, "      %d:%d %s %q\n", c.Line, c.Column, c.Via, c.Text)
		}
	}
}
