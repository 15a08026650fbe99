package online

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/articlelint/articlelint/internal/doi"
)

// SourceStatus is what one service said about a DOI's record.
type SourceStatus int

const (
	// SourceFound: the service has a record for the DOI.
	SourceFound SourceStatus = iota
	// SourceNotFound: it has none (404, no hit, or only records for
	// other DOIs).
	SourceNotFound
	// SourceUnavailable: it could not be asked (network, timeout, 429 or
	// 5xx after retries).
	SourceUnavailable
	// SourceUnreadable: it answered, but not with a record that could be
	// read (empty, malformed or truncated JSON, an HTML page).
	SourceUnreadable
)

var sourceStatusNames = []string{"found", "not-found", "unavailable", "unreadable"}

// String returns found, not-found, unavailable or unreadable.
func (s SourceStatus) String() string {
	if s >= 0 && int(s) < len(sourceStatusNames) {
		return sourceStatusNames[s]
	}
	return "SourceStatus(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes the status as String does.
func (s SourceStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status; one it does not know is unavailable, so a
// cache written by a later version is asked again rather than rejected.
func (s *SourceStatus) UnmarshalText(b []byte) error {
	*s = SourceUnavailable
	if i := slices.Index(sourceStatusNames, string(b)); i >= 0 {
		*s = SourceStatus(i)
	}
	return nil
}

// ServiceAnswer is one service's part in a SourceRecord.
type ServiceAnswer struct {
	Status SourceStatus `json:"status"`
	// Reason says, for people, why the status is not found: "no record",
	// "429 Too Many Requests after 4 tries", "answer is an HTML page, not
	// JSON", "its only record is for 10.1234/other".
	Reason string `json:"reason,omitempty"`
}

// SourceRecord is what the cited work's own records say about it: Crossref's
// metadata and Europe PMC's (PubMed's) abstract, publication types and MeSH.
// Fields are empty when neither service gave them.
type SourceRecord struct {
	DOI     string `json:"doi"`
	Title   string `json:"title,omitempty"`   // plain text
	Journal string `json:"journal,omitempty"` // Crossref container-title, else Europe PMC's journal title
	// Journals are every name the records give the journal: full, short,
	// ISO and MEDLINE abbreviations.
	Journals []string `json:"journals,omitempty"`
	Year     int      `json:"year,omitempty"` // the earliest of Years, 0 if none
	// Years are every publication year the records give (online, print,
	// issue, Europe PMC's pubYear), ascending: a paper online in December
	// and in print in January is rightly cited with either.
	Years   []int    `json:"years,omitempty"`
	Type    string   `json:"type,omitempty"`    // Crossref type: journal-article, posted-content, ...
	Authors []string `json:"authors,omitempty"` // family names, in order
	// Abstract is plain text, lines for paragraphs and headings; "" when
	// neither service has one.
	Abstract     string `json:"abstract,omitempty"`
	AbstractFrom string `json:"abstract_from,omitempty"` // "crossref", "europepmc" or ""
	// PubTypes are Europe PMC's publication types: "Randomized Controlled
	// Trial", "Observational Study", "Review", "Meta-Analysis", ...
	PubTypes []string `json:"pub_types,omitempty"`
	// MeSH are the descriptor names of Europe PMC's MeSH headings:
	// "Humans", "Animals", "Mice", "Female", ...
	MeSH      []string `json:"mesh,omitempty"`
	Retracted bool     `json:"retracted,omitempty"` // a PubType is "Retracted Publication"

	Crossref  ServiceAnswer `json:"crossref"`
	EuropePMC ServiceAnswer `json:"europepmc"`
	Cached    bool          `json:"-"`
}

// settled reports whether both services gave a lasting answer, so that the
// record may be cached.
func (s *SourceRecord) settled() bool {
	final := func(st SourceStatus) bool { return st == SourceFound || st == SourceNotFound }
	return final(s.Crossref.Status) && final(s.EuropePMC.Status)
}

// reply is one finished request to a service, or why it failed.
type reply struct {
	resp *response
	err  error
}

// checkSource fetches d's record from Crossref and Europe PMC. cr is the
// Crossref answer the DOI check got in this run, nil if it asked none: the
// work is never asked twice in a run.
func (c *Checker) checkSource(ctx context.Context, r *run, d string, cr *reply) *SourceRecord {
	s := &SourceRecord{DOI: d}
	if cr == nil {
		resp, err := c.service(ctx, r, c.cfg.CrossrefAPI+"/works/"+escapeDOI(d))
		cr = &reply{resp, err}
	}
	var cw crossrefSource
	s.Crossref = readReply("Crossref", cr, func(resp *response) ServiceAnswer { return cw.read(resp) })
	// Europe PMC is asked even when Crossref has an abstract: only it has
	// the publication types (trial, cohort, review, retraction) and MeSH
	// (Humans, Animals) that say what kind of study this was.
	var ep europePMCResult
	u := c.cfg.EuropePMCAPI + "/search?" + url.Values{
		"query":      {`DOI:"` + strings.ReplaceAll(d, `"`, `\"`) + `"`},
		"resultType": {"core"},
		"format":     {"json"},
	}.Encode()
	resp, err := c.service(ctx, r, u)
	s.EuropePMC = readReply("Europe PMC", &reply{resp, err}, func(resp *response) ServiceAnswer { return ep.read(resp, d) })

	var names []string
	var years []int
	if s.Crossref.Status == SourceFound {
		m := cw.Message
		if len(m.Title) > 0 {
			s.Title = PlainText(m.Title[0])
		}
		names = append(names, m.ContainerTitle...)
		names = append(names, m.ShortContainerTitle...)
		for _, dt := range []crossrefDate{m.Published, m.PublishedOnline, m.PublishedPrint, m.Issued} {
			years = appendYear(years, dt.year())
		}
		s.Type = m.Type
		for _, a := range m.Author {
			if n := cleanTitle(firstNonBlank(a.Family, a.Name)); n != "" {
				s.Authors = append(s.Authors, n)
			}
		}
		s.Abstract = PlainText(m.Abstract)
		// Many deposits open with a heading that says only "Abstract".
		if head, rest, ok := strings.Cut(s.Abstract, "\n"); ok && strings.EqualFold(head, "abstract") {
			s.Abstract = rest
		}
		if s.Abstract != "" {
			s.AbstractFrom = "crossref"
		}
	}
	if s.EuropePMC.Status == SourceFound {
		if s.Title == "" {
			s.Title = strings.TrimSuffix(PlainText(ep.Title), ".")
		}
		j := ep.JournalInfo.Journal
		names = append(names, j.Title, j.ISOAbbreviation, j.MedlineAbbreviation)
		years = appendYear(years, int(ep.PubYear))
		years = appendYear(years, int(ep.JournalInfo.YearOfPublication))
		for _, dt := range []string{ep.FirstPublicationDate, ep.JournalInfo.PrintPublicationDate} {
			y, _, _ := strings.Cut(dt, "-")
			years = appendYear(years, parseYear(y))
		}
		if len(s.Authors) == 0 {
			for _, a := range ep.AuthorList.Author {
				if n := cleanTitle(firstNonBlank(a.LastName, a.CollectiveName)); n != "" {
					s.Authors = append(s.Authors, n)
				}
			}
		}
		// The longer abstract: a shorter one is usually a teaser or an
		// unstructured copy, and a number missing from it is no finding.
		if a := PlainText(ep.AbstractText); len(a) > len(s.Abstract) {
			s.Abstract, s.AbstractFrom = a, "europepmc"
		}
		for _, t := range ep.PubTypeList.PubType {
			if t = cleanTitle(t); t != "" && !slices.Contains(s.PubTypes, t) {
				s.PubTypes = append(s.PubTypes, t)
				s.Retracted = s.Retracted || strings.EqualFold(t, "Retracted Publication")
			}
		}
		for _, h := range ep.MeshHeadingList.MeshHeading {
			if n := cleanTitle(h.DescriptorName); n != "" && !slices.Contains(s.MeSH, n) {
				s.MeSH = append(s.MeSH, n)
			}
		}
	}
	for _, n := range names {
		if n = cleanTitle(PlainText(n)); n != "" && !slices.ContainsFunc(s.Journals, func(m string) bool { return strings.EqualFold(m, n) }) {
			s.Journals = append(s.Journals, n)
		}
	}
	if len(s.Journals) > 0 {
		s.Journal = s.Journals[0]
	}
	slices.Sort(years)
	s.Years = slices.Compact(years)
	if len(s.Years) > 0 {
		s.Year = s.Years[0]
	}
	return s
}

// readReply turns a reply into a ServiceAnswer: 200 is read by read, 404 is
// not found, anything else unavailable.
func readReply(service string, rp *reply, read func(*response) ServiceAnswer) ServiceAnswer {
	switch {
	case rp.err != nil:
		return ServiceAnswer{SourceUnavailable, service + ": " + reason(rp.err)}
	case rp.resp.code == http.StatusOK:
		a := read(rp.resp)
		if a.Reason != "" {
			a.Reason = service + ": " + a.Reason
		}
		return a
	case rp.resp.code == http.StatusNotFound:
		return ServiceAnswer{SourceNotFound, service + ": no record"}
	}
	return ServiceAnswer{SourceUnavailable, service + ": " + statusText(rp.resp.code) + afterTries(rp.resp.tries)}
}

// decodeJSON decodes a 200 answer, saying what was wrong with one that is
// not JSON.
func decodeJSON(resp *response, v any) string {
	b := bytes.TrimSpace(resp.body)
	switch {
	case resp.tooBig:
		return fmt.Sprintf("answer longer than %d bytes", len(resp.body))
	case len(b) == 0:
		return "empty answer"
	case b[0] == '<':
		return "answer is an HTML page, not JSON"
	}
	if err := json.Unmarshal(b, v); err != nil {
		return "answer is not valid JSON: " + err.Error()
	}
	return ""
}

type crossrefSource struct {
	Message *struct {
		Title               []string     `json:"title"`
		ContainerTitle      []string     `json:"container-title"`
		ShortContainerTitle []string     `json:"short-container-title"`
		Published           crossrefDate `json:"published"`
		PublishedOnline     crossrefDate `json:"published-online"`
		PublishedPrint      crossrefDate `json:"published-print"`
		Issued              crossrefDate `json:"issued"`
		Type                string       `json:"type"`
		Author              []struct {
			Family string `json:"family"`
			Name   string `json:"name"` // an organisation
		} `json:"author"`
		Abstract string `json:"abstract"` // JATS XML
	} `json:"message"`
}

func (w *crossrefSource) read(resp *response) ServiceAnswer {
	if why := decodeJSON(resp, w); why != "" {
		return ServiceAnswer{SourceUnreadable, why}
	}
	if w.Message == nil {
		return ServiceAnswer{SourceUnreadable, "answer has no work record"}
	}
	return ServiceAnswer{Status: SourceFound}
}

// crossrefDate is {"date-parts": [[2020, 5, 17]]}; parts may be null.
type crossrefDate struct {
	DateParts [][]jsonYear `json:"date-parts"`
}

func (d crossrefDate) year() int {
	if len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return 0
	}
	return int(d.DateParts[0][0])
}

// jsonYear reads a year written as a number or a string ("2013"); anything
// else, null included, is 0, so that one odd field cannot make a whole record
// unreadable.
type jsonYear int

func (y *jsonYear) UnmarshalJSON(b []byte) error {
	*y = jsonYear(parseYear(strings.Trim(string(b), `" `)))
	return nil
}

// parseYear returns s as a year, or 0 if it is not a plausible one.
func parseYear(s string) int {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		return 0
	}
	return y
}

func appendYear(ys []int, y int) []int {
	if y == 0 {
		return ys
	}
	return append(ys, y)
}

// europePMCResult is one record of a resultType=core search.
type europePMCResult struct {
	DOI          string   `json:"doi"`
	Title        string   `json:"title"`
	AbstractText string   `json:"abstractText"` // HTML
	PubYear      jsonYear `json:"pubYear"`
	AuthorList   struct {
		Author oneOrMany[struct {
			LastName       string `json:"lastName"`
			CollectiveName string `json:"collectiveName"`
		}] `json:"author"`
	} `json:"authorList"`
	JournalInfo struct {
		YearOfPublication    jsonYear `json:"yearOfPublication"`
		PrintPublicationDate string   `json:"printPublicationDate"`
		Journal              struct {
			Title               string `json:"title"`
			ISOAbbreviation     string `json:"ISOAbbreviation"`
			MedlineAbbreviation string `json:"medlineAbbreviation"`
		} `json:"journal"`
	} `json:"journalInfo"`
	FirstPublicationDate string `json:"firstPublicationDate"`
	PubTypeList          struct {
		PubType oneOrMany[string] `json:"pubType"`
	} `json:"pubTypeList"`
	MeshHeadingList struct {
		MeshHeading oneOrMany[struct {
			DescriptorName string `json:"descriptorName"`
		}] `json:"meshHeading"`
	} `json:"meshHeadingList"`
}

// read finds the record for d among the search results.
func (ep *europePMCResult) read(resp *response, d string) ServiceAnswer {
	var page struct {
		ResultList *struct {
			Result []json.RawMessage `json:"result"`
		} `json:"resultList"`
	}
	if why := decodeJSON(resp, &page); why != "" {
		return ServiceAnswer{SourceUnreadable, why}
	}
	if page.ResultList == nil {
		return ServiceAnswer{SourceUnreadable, "answer has no resultList"}
	}
	var others []string
	for _, raw := range page.ResultList.Result {
		var rec europePMCResult
		if err := json.Unmarshal(raw, &rec); err != nil {
			return ServiceAnswer{SourceUnreadable, "record not readable: " + err.Error()}
		}
		// A DOI search can also match a record that only mentions the DOI;
		// reading that one would check the article against another study.
		if doi.Key(strings.TrimSpace(rec.DOI)) == doi.Key(d) {
			*ep = rec
			return ServiceAnswer{Status: SourceFound}
		}
		if rec.DOI != "" && !slices.Contains(others, rec.DOI) {
			others = append(others, rec.DOI)
		}
	}
	switch len(others) {
	case 0:
		return ServiceAnswer{SourceNotFound, "no record"}
	case 1:
		return ServiceAnswer{SourceNotFound, "no record for this DOI; the only one found is for " + others[0]}
	}
	return ServiceAnswer{SourceNotFound, "no record for this DOI; those found are for " + strings.Join(others, ", ")}
}

// oneOrMany reads a JSON value that is either one T or a list of them, as
// Europe PMC writes a one-element list in some records.
type oneOrMany[T any] []T

func (o *oneOrMany[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]T)(o))
	}
	if bytes.Equal(b, []byte("null")) {
		*o = nil
		return nil
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*o = []T{one}
	return nil
}

// firstNonBlank returns the first of a and b that is not blank.
func firstNonBlank(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// Records where Europe PMC found nothing, or no abstract, are asked again
// sooner: it indexes new papers and adds MeSH weeks after publication.
const (
	sourceMaxAge        = 30 * 24 * time.Hour
	sourcePartialMaxAge = 7 * 24 * time.Hour
)

type cachedSource struct {
	Checked time.Time `json:"checked"`
	SourceRecord
}

func (e cachedSource) checked() time.Time { return e.Checked }

func (e cachedSource) maxAge() time.Duration {
	if e.EuropePMC.Status != SourceFound || e.Abstract == "" {
		return sourcePartialMaxAge
	}
	return sourceMaxAge
}

func (c *cache) source(d string) (*SourceRecord, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.f.Sources[doi.Key(d)]
	if !ok || !c.fresh(e.Checked, e.maxAge()) || !e.settled() {
		return nil, false
	}
	s := e.SourceRecord
	s.DOI, s.Cached = d, true
	return &s, true
}

// putSource caches a record both services answered for lastingly: an
// unavailable service is asked again next run.
func (c *cache) putSource(s *SourceRecord) {
	if s.Cached || !s.settled() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Sources[doi.Key(s.DOI)] = cachedSource{Checked: c.now(), SourceRecord: *s}
	c.dirty = true
}
