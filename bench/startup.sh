#!/usr/bin/env bash
# Times one article from process start against a Go hello-world, as a
# pre-commit hook runs articlelint: both built static (CGO_ENABLED=0,
# -trimpath) with this checkout's Go, then run in ROUNDS interleaved rounds
# by bench/startup (hello, articlelint ARTICLE, articlelint --version,
# "to-main": the same binary exiting as main starts, so the process up to
# main, and "libraries": a hello-world linking the libraries and standard
# packages the command imports, none of its own, the floor they set), so
# load drifts on a shared machine hit all alike. Prints each median, its median
# minor page faults and its ratio to the hello-world; the median of per-round
# ratios is the steadier figure. On a virtual machine a page fault costs
# microseconds: there the faults column explains most of each ratio.
# Then the costliest package inits (GODEBUG=inittrace=1, median of TRACE
# runs of articlelint ARTICLE).
# Usage: bench/startup.sh [ARTICLE]   (default testdata/articles/vitamin-d-lactation.txt)
# Exits 1 when one article takes more than LIMIT times the binary's own
# floor up to main (the median of per-round ratios): the work of linting,
# which this project controls, as against the process and its libraries'
# initialisation, which it mostly does not.
# env: ROUNDS=200, TRACE=30 (0 skips the init trace), LIMIT=1.5, SCRATCH=dir
# to build into and keep (default: a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-testdata/articles/vitamin-d-lactation.txt}
rounds=${ROUNDS:-200}
limit=${LIMIT:-1.5}
traces=${TRACE:-30}

if [ -n "${SCRATCH:-}" ]; then
  scratch=$SCRATCH
  mkdir -p "$scratch"
else
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
fi

mkdir -p "$scratch/hello"
cat >"$scratch/hello/hello.go" <<'EOF'
package main

import "fmt"

func main() { fmt.Println("hello, world") }
EOF
echo "== building into $scratch" >&2
CGO_ENABLED=0 go build -trimpath -o "$scratch/hello/hello" "$scratch/hello/hello.go"
CGO_ENABLED=0 go build -trimpath -o "$scratch/articlelint" ./cmd/articlelint
# The same binary, exiting as main starts: the process up to main.
CGO_ENABLED=0 go build -trimpath -ldflags "-X main.exitAtMain=1" -o "$scratch/to-main" ./cmd/articlelint
go build -o "$scratch/startup" ./bench/startup
# The libraries' floor: a hello-world that links every package the command
# imports but none of this module's, so their initialisation is all it
# adds. Built from a directory inside the module (for its go.mod), which
# wildcards skip and the trap removes.
floor=bench/startup/_floor
mkdir -p "$floor"
trap 'rm -rf "$floor"; [ -n "${SCRATCH:-}" ] || rm -rf "$scratch"' EXIT
{
  echo 'package main'
  echo 'import ('
  echo '	"fmt"'
  go list -deps ./cmd/articlelint | grep -v -e articlelint/articlelint -e '^internal/' -e '^vendor/' \
    -e '/internal$' -e '/internal/' -e '^runtime' -e '^unsafe$' -e '^fmt$' | sed 's/.*/	_ "&"/'
  echo ')'
  echo 'func main() { fmt.Println("hello, world") }'
} >"$floor/main.go"
CGO_ENABLED=0 go build -trimpath -o "$scratch/libraries" "./$floor"

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . 2>/dev/null || commit="$commit + uncommitted changes"
echo "commit:  $commit, $(go version | cut -d' ' -f3), $(nproc) cores"
echo "article: $article ($(wc -c <"$article") bytes)"
rc=0
"$scratch/startup" -rounds "$rounds" -names hello,article,--version,to-main,libraries \
  -pair article/to-main -pairlimit "$limit" \
  -- "$scratch/hello/hello" \
  -- "$scratch/articlelint" "$article" \
  -- "$scratch/articlelint" --version \
  -- "$scratch/to-main" "$article" \
  -- "$scratch/libraries" || rc=$?
if [ "$traces" -gt 0 ]; then
  echo
  "$scratch/startup" -inittrace "$traces" -- "$scratch/articlelint" "$article"
fi
exit "$rc"
