#!/usr/bin/env bash
# Redraws docs/report.png: the HTML report (--format html) of the seed
# article and three articles of the benchmark corpus, as headless Chromium
# (Debian's chromium package) draws it. Usage: docs/report-screenshot.sh
# (env ARTICLELINT_CORPUS, default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ARTICLELINT_CORPUS:-../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/articlelint" ./cmd/articlelint
# Copied so the report shows the paths a content repository would have.
mkdir -p "$tmp/site/articles"
cp testdata/articles/vitamin-d-lactation.txt "$tmp/site/articles/"
for f in roweb3/content/blog/2021-11-23-cffr/index.md \
	carpentries.org/content/posts/2016/10/ten-simple-rules-for-digital-data-storage.md \
	pyopensci/content/blog/2025-01-17-quadratik.md; do
	mkdir -p "$tmp/site/$(dirname "$f")"
	cp "$corpus/$f" "$tmp/site/$f"
done
(cd "$tmp/site" && "$tmp/articlelint" --format html --output "$tmp/report.html" --fail-on off .)
chromium --headless --disable-gpu --no-sandbox --user-data-dir="$tmp/profile" --hide-scrollbars \
	--run-all-compositor-stages-before-draw --virtual-time-budget=5000 \
	--window-size=1200,1400 --screenshot="$PWD/docs/report.png" "file://$tmp/report.html" 2>/dev/null
echo "wrote docs/report.png"
