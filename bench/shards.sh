#!/usr/bin/env bash
# Shards on a corpus: lints it whole and in N shards (--shard K/N), checks
# that the shards' reports joined by `articlelint merge` are the whole run's
# byte for byte (json, sarif, junit, text), that every file is in exactly
# one shard (the JUnit reports list every file), and prints the time of the
# whole run and of each shard.
# Usage: bench/shards.sh [DIR] [N]   (default ../shared/corpus, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus}
n=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/articlelint" ./cmd/articlelint
al=$out/articlelint
echo "corpus: $dir, $n shards, commit $(git rev-parse --short HEAD), $(nproc) cores"

# Exit 1 (findings) is expected on a real corpus; 2 would be a failure.
lint() { "$al" "$@" 2>/dev/null || [ $? -eq 1 ]; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }'; }

status=0
for format in json sarif junit text; do
  s=$(now); lint --format "$format" "$dir" >"$out/whole.$format"
  times="whole $(since "$s")s"
  for k in $(seq "$n"); do
    s=$(now); lint --format "$format" --shard "$k/$n" "$dir" >"$out/shard-$k.$format"
    times="$times, $k/$n $(since "$s")s"
  done
  "$al" merge "$out"/shard-*."$format" >"$out/merged.$format"
  if cmp -s "$out/whole.$format" "$out/merged.$format"; then
    verdict="merged = whole ($(wc -c <"$out/whole.$format") bytes)"
  else
    verdict="MERGED DIFFERS from the whole run"; status=1
  fi
  echo "$format: $verdict; $times"
done

# Every file in exactly one shard: the test cases of the shards' JUnit
# reports, one per file.
cases() { grep -o '<testcase name="[^"]*"' "$@" | sed 's/.*name="//; s/"$//'; }
cases "$out/whole.junit" | sort >"$out/all"
for k in $(seq "$n"); do cases "$out/shard-$k.junit"; done | sort >"$out/parts"
dups=$(uniq -d "$out/parts" | wc -l)
sizes=$(for k in $(seq "$n"); do cases "$out/shard-$k.junit" | wc -l; done | paste -sd/)
if [ "$dups" -eq 0 ] && cmp -s "$out/all" "$out/parts"; then
  echo "files: $(wc -l <"$out/all") in all, $sizes by shard, none in two"
else
  echo "files: $dups in two shards, or the shards do not cover the whole run"; status=1
fi
exit "$status"
