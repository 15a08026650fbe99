#!/usr/bin/env bash
# Shows that lint time grows linearly with input size. Runs BenchmarkScaling
# (1x, 2x, 4x, 8x and 16x the same ~1 MiB of ../shared/corpus, as one growing
# file and as a growing number of files through the CLI's worker pool) and
# BenchmarkAdversarial (each adversarial input at 1x and 2x), and prints the
# time per step with its ratio to 1x: linear growth doubles the time with
# each doubling of the input.
# Usage: bench/scaling.sh [BENCHTIME]   (default 3x; env ARTICLELINT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
benchtime=${1:-3x}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)'), $(nproc) cores, -benchtime $benchtime"
go test -run=NONE -bench='^Benchmark(Scaling|Adversarial)$' -benchtime="$benchtime" -timeout=60m ./cmd/articlelint/ >"$out" || { cat "$out"; exit 1; }
# Lines look like: BenchmarkScaling/file/x4-2   3   123456 ns/op   12.3 MB/s
awk '
  /^Benchmark(Scaling|Adversarial)\// {
    name = $1; sub(/-[0-9]+$/, "", name)
    n = split(name, part, "/")
    step = part[n]; sub(/^x/, "", step)
    group = part[2]; for (i = 3; i < n; i++) group = group "/" part[i]
    ns = ""; mbs = ""
    for (i = 2; i < NF; i++) { if ($(i+1) == "ns/op") ns = $i; if ($(i+1) == "MB/s") mbs = $i }
    if (!(group in base)) { order[++groups] = group; base[group] = ns }
    row[group] = row[group] sprintf("  %-36s %4sx %10.3f s %7.2fx %9s MB/s\n", group, step, ns / 1e9, ns / base[group], mbs)
  }
  END {
    printf "  %-36s %5s %12s %8s %14s\n", "input", "size", "time/op", "vs 1x", "throughput"
    for (g = 1; g <= groups; g++) printf "%s", row[order[g]]
  }' "$out"
