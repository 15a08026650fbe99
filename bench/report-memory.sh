#!/usr/bin/env bash
# Peak memory and time of each output format on ten copies of the corpus
# (21,220 files from ../shared/corpus), for a baseline revision and this
# checkout side by side, and whether their reports are byte for byte the
# same. Runs alternate between the two binaries; the times are the median
# of RUNS runs, wall and CPU (user+system, steadier on a shared machine),
# the memory the largest peak resident set (/usr/bin/time %M).
# Usage: bench/report-memory.sh [BASE_REV] [FORMAT...]
#   (default HEAD and every format; env RUNS=3, ARTICLELINT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD}
shift || true
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(text json sarif junit github html markdown)
runs=${RUNS:-3}
corpus=$(cd "${ARTICLELINT_CORPUS:-../shared/corpus}" && pwd)
# shellcheck source=bench/lib/tentree.sh
. bench/lib/tentree.sh
echo "base $(git rev-parse --short "$base"), $head_desc; $files files; $(nproc) cores; $runs runs each"

# measure BIN FORMAT: prints "peakKiB seconds cpu-seconds" and keeps the report.
measure() {
	local bin=$1 format=$2 rc=0
	(cd "$tmp/tree" && /usr/bin/time -o "$tmp/time" -f "%M %e %U %S" "$tmp/$bin" --format "$format" --fail-on off c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 >"$tmp/$bin.$format" 2>/dev/null) || rc=$?
	[ "$rc" -eq 0 ] || { echo "$bin --format $format exited $rc" >&2; exit 1; }
	tail -1 "$tmp/time" | awk '{ print $1, $2, $3 + $4 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-9s %10s %10s %9s %9s %7s %7s  %s\n' format "base MiB" "head MiB" "base s" "head s" time cpu report
for format in "${formats[@]}"; do
	# The baseline may not know a newer format.
	has_base=1
	"$tmp/base" --format "$format" --fail-on off "$corpus/README.md" >/dev/null 2>&1 || has_base=0
	: >"$tmp/base.mem"; : >"$tmp/base.sec"; : >"$tmp/base.cpu"; : >"$tmp/head.mem"; : >"$tmp/head.sec"; : >"$tmp/head.cpu"
	for _ in $(seq "$runs"); do
		for bin in base head; do
			[ "$bin" = base ] && [ "$has_base" -eq 0 ] && continue
			read -r mem sec cpu < <(measure "$bin" "$format")
			echo "$mem" >>"$tmp/$bin.mem"
			echo "$sec" >>"$tmp/$bin.sec"
			echo "$cpu" >>"$tmp/$bin.cpu"
		done
	done
	hm=$(sort -n "$tmp/head.mem" | tail -1); hs=$(median <"$tmp/head.sec"); hc=$(median <"$tmp/head.cpu")
	if [ "$has_base" -eq 1 ]; then
		bm=$(sort -n "$tmp/base.mem" | tail -1); bs=$(median <"$tmp/base.sec"); bc=$(median <"$tmp/base.cpu")
		same=$(cmp -s "$tmp/base.$format" "$tmp/head.$format" && echo "same bytes" || echo DIFFERENT)
		awk -v f="$format" -v bm="$bm" -v hm="$hm" -v bs="$bs" -v hs="$hs" -v bc="$bc" -v hc="$hc" -v same="$same" \
			'BEGIN { printf "%-9s %10.1f %10.1f %9.2f %9.2f %6.2fx %6.2fx  %s\n", f, bm / 1024, hm / 1024, bs, hs, hs / bs, hc / bc, same }'
	else
		awk -v f="$format" -v hm="$hm" -v hs="$hs" -v size="$(wc -c <"$tmp/head.$format")" \
			'BEGIN { printf "%-9s %10s %10.1f %9s %9.2f %7s %7s  new format, %d bytes\n", f, "-", hm / 1024, "-", hs, "-", "-", size }'
	fi
done
