package rules_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/lint"
	"github.com/articlelint/articlelint/internal/testcorpus"
	"github.com/articlelint/articlelint/rules"
)

// studies are the studies of testdata/sources with abstracts.
var studies = []string{"10.5555/jpn.2020.0142", "10.5555/jse.2022.0087", "10.5555/brl.2021.0311", "10.5555/bmj.2017.6583"}

var anyDOI = regexp.MustCompile(`10\.\d{4,9}/[^\s"'<>()\[\]]+`)

// BenchmarkSourceRules lints the corpus with every rule and online results
// in memory, as a run finds them in the cache: with the cited studies'
// records (records-ns/op) and without (none-ns/op, as with
// online.sources: false), one after the other in each iteration.
// added-% is what binding sentences and the source-* rules add to an
// online run; in-run-% is the time spent in the source-* rules over the
// rest of the run with records, timed inside one run (steadier on a
// shared machine, but blind to the garbage collection they cause). Every DOI of an article is rewritten to one study of
// testdata/sources, and an article citing none cites one at its end, so
// that every article is read against a record.
//
//	go test -run=NONE -bench=SourceRules -count=5 ./rules/
func BenchmarkSourceRules(b *testing.B) {
	files := testcorpus.Markdown(b)
	srcs := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		study := studies[i%len(studies)]
		src := anyDOI.ReplaceAll(f.Src, []byte(study))
		if !anyDOI.Match(f.Src) {
			src = append(append([]byte{}, src...), fmt.Sprintf("\n\nSource: https://doi.org/%s\n", study)...)
		}
		srcs[i] = src
		size += int64(len(src))
	}
	res := checkSources(b, studies)
	if len(res.Sources) != len(studies) {
		b.Fatalf("records for %d of %d studies", len(res.Sources), len(studies))
	}
	none := *res
	none.Sources = nil
	// The source rules, timed where they run.
	var inSource time.Duration
	var timed []*rules.Rule
	for _, r := range rules.All {
		if strings.HasPrefix(r.ID, "source-") {
			w, check := *r, r.Check
			w.Check = func(p *rules.Pass) {
				start := time.Now()
				check(p)
				inSource += time.Since(start)
			}
			r = &w
		}
		timed = append(timed, r)
	}
	withRecords := lint.New(lint.Options{Online: res, Rules: timed})
	without := lint.New(lint.Options{Online: &none, Rules: timed})
	lintAll := func(l *lint.Linter) time.Duration {
		start := time.Now()
		for i, f := range files {
			if _, err := l.Lint(f.Path, srcs[i]); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	// The two runs alternate, so that the load of a shared machine
	// weighs on both alike.
	var rec, base, inSourceRec time.Duration
	b.SetBytes(size)
	for b.Loop() {
		before := inSource
		rec += lintAll(withRecords)
		inSourceRec += inSource - before
		base += lintAll(without)
	}
	n := float64(b.N)
	b.ReportMetric(float64(rec.Nanoseconds())/n, "records-ns/op")
	b.ReportMetric(float64(base.Nanoseconds())/n, "none-ns/op")
	b.ReportMetric(100*(float64(rec)/float64(base)-1), "added-%")
	// The same, measured inside the run: less at the mercy of the load.
	b.ReportMetric(100*float64(inSourceRec)/float64(rec-inSourceRec), "in-run-%")
}
