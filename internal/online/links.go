package online

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// checkLink GETs raw (an http(s) URL without fragment), following up to
// maxRedirects redirects by hand so that each hop is guarded and spaced.
func (c *Checker) checkLink(ctx context.Context, r *run, raw string) *LinkResult {
	res := &LinkResult{URL: raw}
	cur, err := url.Parse(raw)
	if err != nil {
		res.Status, res.Reason = LinkBroken, "malformed URL: "+unwrapURLError(err).Error()
		return res
	}
	visited := map[string]bool{cur.String(): true}
	permanent := true
	for hops := 0; ; hops++ {
		resp, err := c.fetch(ctx, r, request{}, cur)
		if hops > 0 {
			res.FinalURL = cur.String()
			res.Permanent = permanent
		}
		if err != nil {
			res.Status, res.Reason = describe(err)
			return res
		}
		res.Code = resp.code
		loc := resp.header.Get("Location")
		if isRedirect(resp.code) && loc != "" {
			next, err := cur.Parse(loc)
			if err != nil {
				res.Status, res.Reason = LinkBroken, "redirect to a malformed URL: "+loc
				return res
			}
			next.Fragment, next.RawFragment = "", ""
			switch {
			case next.Scheme != "http" && next.Scheme != "https":
				res.FinalURL, res.Permanent = next.String(), permanent && isPermanent(resp.code)
				res.Status, res.Reason = LinkUnverifiable, "redirects to scheme "+next.Scheme+", which is not checked"
				return res
			case visited[next.String()]:
				res.Status, res.Reason = LinkBroken, "redirect loop"
				return res
			case hops == maxRedirects:
				res.Status, res.Reason = LinkBroken, "more than "+strconv.Itoa(maxRedirects)+" redirects"
				return res
			}
			visited[next.String()] = true
			permanent = permanent && isPermanent(resp.code)
			cur = next
			continue
		}
		res.Status, res.Reason = c.judge(resp, hops > 0 && permanent)
		if res.Status == LinkRedirect {
			res.Reason = "moved permanently to " + res.FinalURL
		}
		return res
	}
}

// judge decides a link's status from its last response.
func (c *Checker) judge(resp *response, movedPermanently bool) (LinkStatus, string) {
	code := resp.code
	if strings.EqualFold(resp.header.Get("Cf-Mitigated"), "challenge") {
		return LinkUnverifiable, strconv.Itoa(code) + ": the site shows a bot challenge"
	}
	if slices.Contains(c.cfg.Accept, code) {
		if movedPermanently {
			return LinkRedirect, ""
		}
		return LinkOK, ""
	}
	switch code {
	case http.StatusUnauthorized:
		return LinkUnverifiable, "401: the page needs a login"
	case http.StatusForbidden, 999: // 999: LinkedIn and others refusing bots
		return LinkUnverifiable, strconv.Itoa(code) + ": the site blocks automated checks"
	case http.StatusTooManyRequests:
		return LinkUnverifiable, "429: rate limited" + afterTries(resp.tries)
	}
	return LinkBroken, statusText(code) + afterTries(resp.tries)
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strconv.Itoa(code) + " " + t
	}
	return "HTTP " + strconv.Itoa(code)
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func isPermanent(code int) bool {
	return code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect
}
