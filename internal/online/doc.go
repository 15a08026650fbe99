// Package online checks, over the network, what an article links to and
// cites: that its links still work and that its DOIs exist, with their titles
// and any retraction, correction or expression of concern on record.
//
// A Checker is polite (per-host concurrency and spacing, Crossref's rate-limit
// headers, Retry-After, a User-Agent naming the tool), safe (by default it
// never connects to loopback, private, link-local or similar addresses, and
// it checks that at dial time, after DNS, on every redirect) and cached (a
// versioned JSON file keeps good answers for days, never failures).
//
// DOIs are decided by the doi.org handle API and described by Crossref, or
// DataCite when Crossref does not know them; landing pages are never scraped.
package online
