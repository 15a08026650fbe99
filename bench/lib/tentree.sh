# shellcheck shell=bash disable=SC2034,SC2154 # base and corpus come from the caller, which reads tmp and files
# Sourced by bench/report-memory.sh and bench/merge-memory.sh: builds
# articlelint from revision $base ($tmp/base) and from this checkout
# ($tmp/head), and copies the corpus ten times into $tmp/tree (c0..c9).
# Needs base and corpus set; sets tmp and files, and removes all on exit.
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base-src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base-src" "$base" >/dev/null 2>&1
(cd "$tmp/base-src" && go build -o "$tmp/base" ./cmd/articlelint)
go build -o "$tmp/head" ./cmd/articlelint
mkdir "$tmp/tree"
for i in 0 1 2 3 4 5 6 7 8 9; do cp -r "$corpus" "$tmp/tree/c$i"; done
files=$(find "$tmp/tree" -type f | wc -l)
head_desc="head $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
