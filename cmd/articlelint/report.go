package main

import (
	"os"
	"path/filepath"
	"strings"
)

// githubBlobURL is the URL the working directory's files have on GitHub at
// the commit a GitHub Actions job checked out, for the links in Markdown
// reports; "" outside Actions, or outside the job's checkout.
func githubBlobURL() string {
	server, repo, sha, ws := os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA"), os.Getenv("GITHUB_WORKSPACE")
	if server == "" || repo == "" || sha == "" || ws == "" {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(ws, wd)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	base := strings.TrimSuffix(server, "/") + "/" + repo + "/blob/" + sha
	if rel != "." {
		base += "/" + filepath.ToSlash(rel)
	}
	return base
}
