package online

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/articlelint/articlelint/internal/doi"
)

// checkDOI asks the handle API whether d exists and, if it does, fetches its
// title and updates from Crossref or else DataCite. It also returns
// Crossref's answer, nil if Crossref was not asked.
func (c *Checker) checkDOI(ctx context.Context, r *run, d string) (*DOIResult, *reply) {
	res := &DOIResult{DOI: d}
	resp, err := c.service(ctx, r, c.cfg.DOIResolver+"/api/handles/"+escapeDOI(d))
	if err != nil {
		res.Status, res.Reason = DOIUnknown, "doi.org: "+reason(err)
		return res, nil
	}
	var h struct {
		ResponseCode *int `json:"responseCode"`
	}
	_ = json.Unmarshal(resp.body, &h)
	switch {
	case resp.code == http.StatusNotFound, h.ResponseCode != nil && *h.ResponseCode == 100:
		res.Status, res.Reason = DOINotFound, "DOI not found"
		return res, nil
	case resp.code != http.StatusOK:
		res.Status, res.Reason = DOIUnknown, "doi.org: "+statusText(resp.code)+afterTries(resp.tries)
		return res, nil
	case h.ResponseCode == nil:
		res.Status, res.Reason = DOIUnknown, "doi.org: unreadable handle API answer"
		return res, nil
	case *h.ResponseCode != 1 && *h.ResponseCode != 200:
		// 1: found; 200: found, without values of the type asked for.
		res.Status, res.Reason = DOIUnknown, fmt.Sprintf("doi.org: handle API responseCode %d", *h.ResponseCode)
		return res, nil
	}
	res.Status = DOIFound
	resp, err = c.service(ctx, r, c.cfg.CrossrefAPI+"/works/"+escapeDOI(d))
	c.metadata(ctx, r, res, resp, err)
	return res, &reply{resp, err}
}

// metadata fills in Agency, Title and Updates from Crossref's answer, or
// else DataCite's. A failure leaves Reason set, which also keeps the result
// out of the cache.
func (c *Checker) metadata(ctx context.Context, r *run, res *DOIResult, resp *response, err error) {
	switch {
	case err != nil:
		res.Reason = "Crossref metadata unavailable: " + reason(err)
		return
	case resp.code == http.StatusOK:
		if err := parseCrossref(resp, res); err != nil {
			res.Reason = "Crossref metadata unreadable: " + err.Error()
			return
		}
		res.Agency = "crossref"
		return
	case resp.code != http.StatusNotFound:
		res.Reason = "Crossref metadata unavailable: " + statusText(resp.code) + afterTries(resp.tries)
		return
	}
	resp, err = c.service(ctx, r, c.cfg.DataCiteAPI+"/dois/"+escapeDOI(res.DOI))
	switch {
	case err != nil:
		res.Reason = "DataCite metadata unavailable: " + reason(err)
	case resp.code == http.StatusOK:
		if err := parseDataCite(resp, res); err != nil {
			res.Reason = "DataCite metadata unreadable: " + err.Error()
			return
		}
		res.Agency = "datacite"
	case resp.code != http.StatusNotFound:
		res.Reason = "DataCite metadata unavailable: " + statusText(resp.code) + afterTries(resp.tries)
	}
	// Neither knows it: another agency (mEDRA, JaLC, ...) registered it.
}

func (c *Checker) service(ctx context.Context, r *run, raw string) (*response, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	return c.fetch(ctx, r, request{service: true, keep: c.cfg.MaxBody}, u)
}

func reason(err error) string {
	_, why := describe(err)
	return why
}

// escapeDOI percent-encodes a DOI for a URL path, keeping its "/".
func escapeDOI(d string) string {
	parts := strings.Split(d, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

type crossrefWork struct {
	Message struct {
		Title     []string         `json:"title"`
		UpdatedBy []crossrefUpdate `json:"updated-by"`
	} `json:"message"`
}

type crossrefUpdate struct {
	DOI     string `json:"DOI"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Updated struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"updated"`
}

func parseCrossref(resp *response, res *DOIResult) error {
	if resp.tooBig {
		return fmt.Errorf("answer longer than %d bytes", len(resp.body))
	}
	var w crossrefWork
	if err := json.Unmarshal(resp.body, &w); err != nil {
		return err
	}
	if len(w.Message.Title) > 0 {
		res.Title = cleanTitle(w.Message.Title[0])
	}
	seen := map[string]bool{}
	for _, u := range w.Message.UpdatedBy {
		up := Update{Type: normaliseType(u.Type), DOI: u.DOI, Date: dateParts(u.Updated.DateParts), Label: u.Label}
		if up.Type == "" {
			continue
		}
		// The publisher and Retraction Watch often record the same notice.
		k := up.Type + " " + doi.Key(up.DOI)
		if seen[k] {
			continue
		}
		seen[k] = true
		res.Updates = append(res.Updates, up)
	}
	return nil
}

func parseDataCite(resp *response, res *DOIResult) error {
	if resp.tooBig {
		return fmt.Errorf("answer longer than %d bytes", len(resp.body))
	}
	var w struct {
		Data struct {
			Attributes struct {
				Titles []struct {
					Title string `json:"title"`
				} `json:"titles"`
			} `json:"attributes"`
		} `json:"data"`
	}
	if err := json.Unmarshal(resp.body, &w); err != nil {
		return err
	}
	if t := w.Data.Attributes.Titles; len(t) > 0 {
		res.Title = cleanTitle(t[0].Title)
	}
	return nil
}

// normaliseType maps the spellings publishers use for an update type to one
// name: "Retraction", "retracted-article" and "retraction" are all
// "retraction".
func normaliseType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	t = strings.NewReplacer("-", "_", " ", "_").Replace(t)
	switch t {
	case "retraction", "retracted_article", "retraction_forward", "retration":
		return "retraction"
	case "withdrawal", "withdrawn":
		return "withdrawal"
	case "removal", "removed":
		return "removal"
	case "partial_retraction":
		return "partial_retraction"
	case "expression_of_concern", "expressionofconcern", "concern":
		return "expression_of_concern"
	case "correction", "corrigendum", "corrected_article", "correction_forward":
		return "correction"
	case "erratum":
		return "erratum"
	}
	return t
}

// dateParts formats Crossref's [[y, m, d]] as YYYY-MM-DD, or shorter when
// month or day is missing.
func dateParts(dp [][]int) string {
	if len(dp) == 0 || len(dp[0]) == 0 || dp[0][0] <= 0 {
		return ""
	}
	p := dp[0]
	s := fmt.Sprintf("%04d", p[0])
	for i := 1; i < len(p) && i < 3 && p[i] > 0; i++ {
		s += fmt.Sprintf("-%02d", p[i])
	}
	return s
}

// cleanTitle collapses the whitespace and line breaks some titles carry.
// cleanTitle is a title as readers see it: Crossref's may hold JATS or
// HTML markup ("D<sub>3</sub>").
func cleanTitle(t string) string {
	return strings.Join(strings.Fields(PlainText(t)), " ")
}
