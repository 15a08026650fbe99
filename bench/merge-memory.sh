#!/usr/bin/env bash
# Peak memory and time of `articlelint merge` on the shard reports of ten
# copies of the corpus (21,220 files from ../shared/corpus), for a baseline
# revision and this checkout side by side. This checkout lints the tree
# whole and in N shards once per format; both binaries then merge the same
# shard reports, alternately, RUNS times each. Prints the largest peak
# resident set (/usr/bin/time %M), the median wall and CPU (user+system)
# seconds, and whether each merged report is the whole run's byte for byte.
# Usage: bench/merge-memory.sh [BASE_REV] [FORMAT...]
#   (default HEAD and json sarif junit text; env RUNS=3, SHARDS=3, ARTICLELINT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD}
shift || true
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(json sarif junit text)
runs=${RUNS:-3}
n=${SHARDS:-3}
corpus=$(cd "${ARTICLELINT_CORPUS:-../shared/corpus}" && pwd)
# shellcheck source=bench/lib/tentree.sh
. bench/lib/tentree.sh
echo "base $(git rev-parse --short "$base"), $head_desc; $files files in $n shards; $(nproc) cores; $runs runs each"

lint() { (cd "$tmp/tree" && "$tmp/head" --fail-on off "$@" c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 2>/dev/null); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-6s %9s %9s %9s %9s %7s %7s  %s\n' format "base MiB" "head MiB" "base s" "head s" time cpu report
for format in "${formats[@]}"; do
	lint --format "$format" >"$tmp/whole.$format"
	shards=()
	for k in $(seq "$n"); do
		lint --format "$format" --shard "$k/$n" >"$tmp/shard-$k.$format"
		shards+=("$tmp/shard-$k.$format")
	done
	for bin in base head; do : >"$tmp/$bin.mem"; : >"$tmp/$bin.sec"; : >"$tmp/$bin.cpu"; done
	for _ in $(seq "$runs"); do
		for bin in base head; do
			/usr/bin/time -o "$tmp/time" -f "%M %e %U %S" "$tmp/$bin" merge "${shards[@]}" >"$tmp/$bin.$format"
			read -r mem sec user sys <"$tmp/time"
			echo "$mem" >>"$tmp/$bin.mem"
			echo "$sec" >>"$tmp/$bin.sec"
			awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' >>"$tmp/$bin.cpu"
		done
	done
	verdict=""
	for bin in base head; do
		cmp -s "$tmp/whole.$format" "$tmp/$bin.$format" && verdict="$verdict $bin=whole" || verdict="$verdict $bin-DIFFERS"
	done
	awk -v f="$format" -v bm="$(sort -n "$tmp/base.mem" | tail -1)" -v hm="$(sort -n "$tmp/head.mem" | tail -1)" \
		-v bs="$(median <"$tmp/base.sec")" -v hs="$(median <"$tmp/head.sec")" \
		-v bc="$(median <"$tmp/base.cpu")" -v hc="$(median <"$tmp/head.cpu")" \
		-v v="$verdict ($(wc -c <"$tmp/whole.$format") bytes)" \
		'BEGIN { printf "%-6s %9.1f %9.1f %9.2f %9.2f %6.2fx %6.2fx %s\n", f, bm / 1024, hm / 1024, bs, hs, hs / bs, (bc > 0 ? hc / bc : 0), v }'
done
