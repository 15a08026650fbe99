package online

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
)

// fakeSources is doi.org's handle API, Crossref, DataCite and Europe PMC,
// each on its own local server, answering from testdata/source in the
// services' own JSON shapes.
type fakeSources struct {
	handles, crossref, datacite, epmc *server

	mu      sync.Mutex
	queries []string          // Europe PMC query parameters as received
	epmcDOI map[string]int    // Europe PMC requests by doi.Key
	busy    map[string]bool   // DOIs already answered 429 once
	block   map[string]func() // DOIs whose Europe PMC answer waits for the client to go
}

// crossrefAnswers and epmcAnswers map a doi.Key to a fixture file, or to a
// status and body written inline.
var crossrefAnswers = map[string]string{
	"10.1000/RCT":       "@crossref-rct.json",
	"10.1000/MOUSE":     "@crossref-mouse.json",
	"10.1000/COHORT":    "@crossref-cohort.json",
	"10.1000/RETRACTED": `{"status":"ok","message":{"title":["A miracle cure"],"type":"journal-article"}}`,
	"10.1000/BUSY":      `{"status":"ok","message":{"title":["Worth the wait"]}}`,
	"10.1000/DOWN":      `{"status":"ok","message":{"title":["Europe PMC is down"]}}`,
	"10.1000/SLOW":      `{"status":"ok","message":{"title":["Europe PMC is slow"]}}`,
	"10.1000/HTML":      `{"status":"ok","message-type":"work"}`,
	"10.1000/EMPTY":     "",
	"10.1000/MALFORMED": `{"status":"ok","message":{"title":["Cut off`,
	doi.Key(sici):       `{"status":"ok","message":{"title":["A SICI work"]}}`,
}

var epmcAnswers = map[string]string{
	"10.1000/RCT":       "@epmc-rct.json",
	"10.1000/MOUSE":     "@epmc-mouse.json",
	"10.1000/RETRACTED": "@epmc-retracted.json",
	"10.1000/COHORT":    "@epmc-other.json",
	"10.1000/BUSY":      "@epmc-none.json",
	"10.1000/HTML":      "@error.html",
	"10.1000/EMPTY":     "{}",
	"10.1000/MALFORMED": "@epmc-none.json",
	"10.5061/DRYAD.ABC": "@epmc-none.json",
	doi.Key(sici):       "@epmc-none.json",
}

func fixture(t *testing.T, s string) string {
	name, ok := strings.CutPrefix(s, "@")
	if !ok {
		return s
	}
	b, err := os.ReadFile(filepath.Join("testdata", "source", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func newFakeSources(t *testing.T) *fakeSources {
	t.Helper()
	f := &fakeSources{epmcDOI: map[string]int{}, busy: map[string]bool{}, block: map[string]func(){}}
	f.handles = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, _ := strings.CutPrefix(r.URL.Path, "/api/handles/")
		if doi.Key(d) == "10.1000/MISSING" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `{"responseCode":100,"handle":%q}`, d)
			return
		}
		fmt.Fprintf(w, `{"responseCode":1,"handle":%q,"values":[]}`, d)
	}))
	f.crossref = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, _ := strings.CutPrefix(r.URL.Path, "/works/")
		body, ok := crossrefAnswers[doi.Key(d)]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "Resource not found.")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, fixture(t, body))
	}))
	f.datacite = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":{"id":"10.5061/dryad.abc","attributes":{"titles":[{"title":"Data from: a study"}]}}}`)
	}))
	f.epmc = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		d, ok := strings.CutPrefix(q.Get("query"), `DOI:"`)
		d, ok2 := strings.CutSuffix(d, `"`)
		if r.URL.Path != "/search" || !ok || !ok2 || q.Get("resultType") != "core" || q.Get("format") != "json" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, "bad request %s", r.URL)
			return
		}
		k := doi.Key(d)
		f.mu.Lock()
		f.queries = append(f.queries, q.Get("query"))
		f.epmcDOI[k]++
		first429 := k == "10.1000/BUSY" && !f.busy[k]
		f.busy[k] = true
		f.mu.Unlock()
		switch {
		case first429:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case k == "10.1000/DOWN":
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, fixture(t, "@error.html"))
			return
		case k == "10.1000/SLOW":
			waitDone(r, 5*time.Second)
			return
		}
		body, ok := epmcAnswers[k]
		if !ok {
			body = "@epmc-none.json"
		}
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		fmt.Fprint(w, fixture(t, body))
	}))
	return f
}

func (f *fakeSources) config() Config {
	cfg := testConfig()
	cfg.DOIResolver = f.handles.URL
	cfg.CrossrefAPI = f.crossref.URL
	cfg.DataCiteAPI = f.datacite.URL
	cfg.EuropePMCAPI = f.epmc.URL + "/"
	cfg.Sources = true
	cfg.MaxRetries = 1
	return cfg
}

func (f *fakeSources) epmcCount(d string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.epmcDOI[doi.Key(d)]
}

var sourceDOIs = []string{"10.1000/rct", "10.1000/mouse", "10.1000/retracted", "10.1000/cohort", "10.1000/busy",
	"10.1000/down", "10.1000/html", "10.1000/empty", "10.1000/malformed", sici, "10.5061/dryad.abc", "10.1000/missing"}

var (
	crossrefFound  = ServiceAnswer{Status: SourceFound}
	epmcFound      = ServiceAnswer{Status: SourceFound}
	epmcNoRecord   = ServiceAnswer{SourceNotFound, "Europe PMC: no record"}
	crossrefNoWork = ServiceAnswer{SourceNotFound, "Crossref: no record"}
)

var wantSources = []SourceRecord{
	{
		DOI: "10.1000/rct", Title: "Vitamin D in pregnancy: a randomized trial",
		Journal: "Journal of Perinatal Nutrition", Journals: []string{"Journal of Perinatal Nutrition", "J Perinat Nutr"},
		Year: 2019, Years: []int{2019, 2020}, Type: "journal-article", Authors: []string{"Silva", "Berg", "Example Trial Group"},
		// Europe PMC's is longer: it has the trial registration too.
		Abstract: "Background\nVitamin D deficiency is common in pregnancy.\nMethods\nWe randomly assigned 72 mothers to 4000 IU of vitamin D3 daily or placebo for 24 months.\n" +
			"Results\nInfant bone mineral content did not differ (p = 0.41).\nTrial registration\nClinicalTrials.gov NCT00000000.",
		AbstractFrom: "europepmc",
		PubTypes:     []string{"Randomized Controlled Trial", "Research Support, Non-U.S. Gov't", "Journal Article"},
		MeSH:         []string{"Humans", "Female", "Pregnancy", "Vitamin D", "Infant, Newborn"},
		Crossref:     crossrefFound, EuropePMC: epmcFound,
	},
	{
		DOI: "10.1000/mouse", Title: "Maternal vitamin D and offspring bone in mice",
		Journal: "Bone Research Letters", Journals: []string{"Bone Research Letters", "Bone Res Lett"},
		Year: 2021, Years: []int{2021}, Type: "journal-article", Authors: []string{"Wei"},
		Abstract:     "Pregnant C57BL/6 mice (n = 24) were fed 1,000 IU/kg vitamin D ad libitum; offspring bone density rose by 12%^1.",
		AbstractFrom: "europepmc", PubTypes: []string{"Journal Article"}, MeSH: []string{"Animals", "Mice", "Female", "Pregnancy"},
		Crossref: crossrefFound, EuropePMC: epmcFound,
	},
	{
		DOI: "10.1000/retracted", Title: "A miracle cure", Journal: "Journal of Examples", Journals: []string{"Journal of Examples"},
		Year: 2018, Years: []int{2018}, Type: "journal-article",
		Abstract: "We report that the cure worked in all 40 patients.", AbstractFrom: "europepmc",
		PubTypes: []string{"Retracted Publication", "Journal Article"}, MeSH: []string{"Humans"}, Retracted: true,
		Crossref: crossrefFound, EuropePMC: epmcFound,
	},
	{
		// Europe PMC's only hit is a comment with its own DOI: not this study.
		DOI: "10.1000/cohort", Title: "Sleep and memory in 1,240 adults", Journal: "Cohort Studies Today",
		Journals: []string{"Cohort Studies Today"}, Year: 2022, Years: []int{2022}, Type: "journal-article", Authors: []string{"Keller"},
		Abstract:     "In a prospective cohort of 1,240 adults followed for two years, shorter sleep was associated with poorer recall.",
		AbstractFrom: "crossref",
		Crossref:     crossrefFound,
		EuropePMC:    ServiceAnswer{SourceNotFound, "Europe PMC: no record for this DOI; the only one found is for 10.1000/cohort.comment"},
	},
	{DOI: "10.1000/busy", Title: "Worth the wait", Crossref: crossrefFound, EuropePMC: epmcNoRecord},
	{DOI: "10.1000/down", Title: "Europe PMC is down", Crossref: crossrefFound,
		EuropePMC: ServiceAnswer{SourceUnavailable, "Europe PMC: 503 Service Unavailable after 2 tries"}},
	{DOI: "10.1000/html", Crossref: ServiceAnswer{SourceUnreadable, "Crossref: answer has no work record"},
		EuropePMC: ServiceAnswer{SourceUnreadable, "Europe PMC: answer is an HTML page, not JSON"}},
	{DOI: "10.1000/empty", Crossref: ServiceAnswer{SourceUnreadable, "Crossref: empty answer"},
		EuropePMC: ServiceAnswer{SourceUnreadable, "Europe PMC: answer has no resultList"}},
	{DOI: "10.1000/malformed", Crossref: ServiceAnswer{SourceUnreadable, "Crossref: answer is not valid JSON: unexpected end of JSON input"},
		EuropePMC: epmcNoRecord},
	{DOI: sici, Title: "A SICI work", Crossref: crossrefFound, EuropePMC: epmcNoRecord},
	{DOI: "10.5061/dryad.abc", Crossref: crossrefNoWork, EuropePMC: epmcNoRecord},
}

func TestSources(t *testing.T) {
	f := newFakeSources(t)
	c := newChecker(t, f.config())
	res := c.Check(context.Background(), nil, sourceDOIs)

	if len(res.Sources) != len(wantSources) {
		t.Errorf("%d source records, want %d", len(res.Sources), len(wantSources))
	}
	for _, w := range wantSources {
		got := res.Sources[doi.Key(w.DOI)]
		if got == nil {
			t.Errorf("%s: no source record", w.DOI)
			continue
		}
		if !reflect.DeepEqual(*got, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", w.DOI, *got, w)
		}
	}
	if res.Sources[doi.Key("10.1000/missing")] != nil || f.epmcCount("10.1000/missing") != 0 {
		t.Errorf("a DOI that doi.org does not know got a source record or a Europe PMC request")
	}
	// The DOI check's Crossref answer is the source's: one request each.
	for _, d := range sourceDOIs[:len(sourceDOIs)-1] {
		if n := f.crossref.count("/works/" + d); n != 1 {
			t.Errorf("Crossref asked %d times for %s, want 1", n, d)
		}
	}
	if n := f.epmcCount("10.1000/busy"); n != 2 {
		t.Errorf("Europe PMC asked %d times for a DOI it answered 429 then 200, want 2", n)
	}
	f.mu.Lock()
	queries := f.queries
	f.mu.Unlock()
	if !slices.Contains(queries, `DOI:"`+sici+`"`) {
		t.Errorf("the SICI DOI did not reach Europe PMC intact: %q", queries)
	}
}

func TestSourcesOff(t *testing.T) {
	f := newFakeSources(t)
	cfg := f.config()
	cfg.Sources = false
	c := newChecker(t, cfg)
	res := c.Check(context.Background(), nil, sourceDOIs)
	if res.Sources != nil {
		t.Errorf("Sources = %v without Config.Sources", res.Sources)
	}
	if n := f.epmc.requests.Load(); n != 0 {
		t.Errorf("Europe PMC asked %d times without Config.Sources", n)
	}
	if n := f.crossref.count("/works/10.1000/rct"); n != 1 {
		t.Errorf("Crossref asked %d times, want 1", n)
	}
}

func TestSourceTimeout(t *testing.T) {
	f := newFakeSources(t)
	cfg := f.config()
	cfg.Timeout = 100 * time.Millisecond
	c := newChecker(t, cfg)
	res := c.Check(context.Background(), nil, []string{"10.1000/slow"})
	got := res.Sources[doi.Key("10.1000/slow")]
	want := SourceRecord{DOI: "10.1000/slow", Title: "Europe PMC is slow", Crossref: crossrefFound,
		EuropePMC: ServiceAnswer{SourceUnavailable, "Europe PMC: timeout after 2 tries"}}
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestSourcesCached(t *testing.T) {
	f := newFakeSources(t)
	cfg := f.config()
	clk := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	cfg.Now = clk.now
	cfg.CachePath = filepath.Join(t.TempDir(), "online-v1.json")
	// A cache written before source records existed still loads.
	old := `{"tool":"articlelint-online","version":1,"links":{},"dois":{"10.1000/RCT":{"checked":"2026-03-01T00:00:00Z","doi":"10.1000/rct","agency":"crossref","title":"Cached title"}}}`
	if err := os.WriteFile(cfg.CachePath, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(dois []string) *Results {
		c, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if w := c.Warnings(); len(w) > 0 {
			t.Errorf("warnings: %v", w)
		}
		res := c.Check(context.Background(), nil, dois)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	asked := func(d string) int {
		return f.handles.count("/api/handles/"+d) + f.crossref.count("/works/"+d) + f.epmcCount(d)
	}

	first := run(sourceDOIs)
	if first.DOIs[doi.Key("10.1000/rct")].Title != "Cached title" || f.handles.count("/api/handles/10.1000/rct") != 0 {
		t.Errorf("the old cache's DOI entry was not used")
	}
	if n := f.crossref.count("/works/10.1000/rct"); n != 1 {
		t.Errorf("Crossref asked %d times for a cached DOI without a source record, want 1", n)
	}
	counts := map[string]int{}
	for _, d := range sourceDOIs {
		counts[d] = asked(d)
	}

	clk.add(6 * 24 * time.Hour)
	second := run(sourceDOIs)
	// Only what was unavailable or unreadable is asked again.
	again := map[string]bool{"10.1000/down": true, "10.1000/html": true, "10.1000/empty": true, "10.1000/malformed": true}
	var settled []string
	for _, w := range wantSources {
		got := second.Sources[doi.Key(w.DOI)]
		if got == nil {
			t.Errorf("%s: no source record on the second run", w.DOI)
			continue
		}
		if got.Cached == again[w.DOI] {
			t.Errorf("%s: Cached = %v on the second run", w.DOI, got.Cached)
		}
		if n := asked(w.DOI) - counts[w.DOI]; (n > 0) != again[w.DOI] {
			t.Errorf("%s: %d requests on the second run", w.DOI, n)
		}
		cp := *got
		cp.Cached = false
		if !reflect.DeepEqual(cp, *first.Sources[doi.Key(w.DOI)]) {
			t.Errorf("%s: second run\n got %+v\nwant %+v", w.DOI, cp, *first.Sources[doi.Key(w.DOI)])
		}
		if !again[w.DOI] {
			settled = append(settled, w.DOI)
		}
	}

	if third := run(settled); third.Requests != 0 || len(third.Sources) != len(settled) {
		t.Errorf("a rerun with every record cached sent %d requests and has %d records", third.Requests, len(third.Sources))
	}

	// A week on, records without a Europe PMC abstract are asked again;
	// those with one are kept for a month.
	clk.add(2 * 24 * time.Hour)
	fourth := run([]string{"10.1000/rct", "10.1000/busy"})
	if !fourth.Sources["10.1000/RCT"].Cached || fourth.Sources["10.1000/BUSY"].Cached {
		t.Errorf("after 8 days: rct cached %v, busy (no Europe PMC record) cached %v",
			fourth.Sources["10.1000/RCT"].Cached, fourth.Sources["10.1000/BUSY"].Cached)
	}
}
