#!/usr/bin/env bash
# Times the corpus run (`articlelint DIR` with the default config, output
# discarded) built from this checkout against the same built from another
# revision, in one run: both built static (CGO_ENABLED=0, -trimpath), REV
# from a detached worktree, then ROUNDS interleaved rounds by bench/startup.
# Prints each median and the median of per-round ratios (this checkout /
# REV), and exits 1 when this checkout is more than LIMIT times REV (the
# issue's "no slower than 5%").
# Usage: bench/corpus-vs.sh [REV] [DIR]   (default HEAD~1, ../shared/corpus)
# env: ROUNDS=10, LIMIT=1.05, SCRATCH=dir to build into and keep (default:
# a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD~1}
dir=$(cd "${2:-../shared/corpus}" && pwd)
rounds=${ROUNDS:-10}
limit=${LIMIT:-1.05}
commit=$(git rev-parse --short "$rev^{commit}")

if [ -n "${SCRATCH:-}" ]; then
  scratch=$SCRATCH
  mkdir -p "$scratch"
else
  scratch=$(mktemp -d)
fi
wt="$scratch/worktree-$commit"
cleanup() {
  git worktree remove --force "$wt" 2>/dev/null || true
  [ -n "${SCRATCH:-}" ] || rm -rf "$scratch"
}
trap cleanup EXIT

echo "== building this checkout and $rev ($commit) into $scratch" >&2
CGO_ENABLED=0 go build -trimpath -o "$scratch/articlelint-this" ./cmd/articlelint
go build -o "$scratch/startup" ./bench/startup
git worktree add --detach "$wt" "$commit" >/dev/null 2>&1
(cd "$wt" && CGO_ENABLED=0 go build -trimpath -o "$scratch/articlelint-$commit" ./cmd/articlelint)
git worktree remove --force "$wt"

this=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . 2>/dev/null || this="$this + uncommitted changes"
files=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) -not -path '*/.*' | wc -l)
echo "corpus:  $dir ($files files)"
echo "this:    $this; against $rev = $commit; $(go version | cut -d' ' -f3), $(nproc) cores"
"$scratch/startup" -rounds "$rounds" -warmup 1 -limit "$limit" -names "$commit,this" \
  -- "$scratch/articlelint-$commit" "$dir" \
  -- "$scratch/articlelint-this" "$dir"
