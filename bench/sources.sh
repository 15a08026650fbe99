#!/usr/bin/env bash
# Times what checking summaries against their sources adds to an online run
# whose records are cached. A copy of the corpus cites the studies of
# testdata/sources (every DOI rewritten to one of them; an article citing
# none gets a "Source:" line), and bench/onlineserver -sources emulates
# doi.org, Crossref and Europe PMC on 127.0.0.1. After one run fills the
# cache, `articlelint --online` runs ROUNDS times with online.sources on
# (records read from the cache, sentences bound, the source-* rules run)
# and off (no records), alternately; links are excluded and DOIs and
# records cached, so only a DOI the rewrite missed is asked again, alike
# in both. Prints the medians (wall and CPU time) and the median of the
# rounds' ratios.
# Usage: bench/sources.sh [DIR]   (default ../shared/corpus; env ROUNDS=7)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(cd "${1:-../shared/corpus}" && pwd)
rounds=${ROUNDS:-7}
# shellcheck source=bench/lib/onlineserver.sh
. bench/lib/onlineserver.sh
"$scratch/onlineserver" -hosts 0 -sources testdata/sources -lifetime 30m >"$scratch/url" &
srv=$!
for _ in $(seq 100); do [ -s "$scratch/url" ] && break; sleep 0.1; done
url=$(head -1 "$scratch/url")
[ -n "$url" ] || { echo "onlineserver did not start" >&2; exit 2; }

# The corpus, citing the studies of testdata/sources.
studies=(10.5555/jpn.2020.0142 10.5555/jse.2022.0087 10.5555/brl.2021.0311 10.5555/bmj.2017.6583)
mkdir -p "$scratch/corpus"
i=0
while IFS= read -r -d '' f; do
  s=${studies[$((i % ${#studies[@]}))]}
  out="$scratch/corpus/$i.md"
  perl -pe "s{10\.\d{4,9}/[^\s\"'<>()\[\]]+}{$s}g" "$f" >"$out"
  grep -q "$s" "$out" || printf '\n\nSource: https://doi.org/%s\n' "$s" >>"$out"
  i=$((i + 1))
done < <(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' \) -print0 | sort -z)

for mode in on off; do
  sources=true
  [ "$mode" = off ] && sources=false
  cat >"$scratch/$mode.yaml" <<YAML
online:
  doi-resolver: $url
  crossref-api: $url
  datacite-api: $url
  europepmc-api: $url
  cache: $scratch/cache.json
  sources: $sources
  exclude: ['.']
YAML
done

run() { # mode -> "wall cpu" seconds
  /usr/bin/time -o "$scratch/time" -f '%e %U %S' "$scratch/articlelint" --config "$scratch/$1.yaml" --online \
    --progress never --fail-on off "$scratch/corpus" >/dev/null 2>"$scratch/err"
  grep -q ' requests)' "$scratch/err" || { echo "run with sources $1 failed:" >&2; cat "$scratch/err" >&2; exit 2; }
  # Only DOIs the emulator does not know (written in forms the rewrite
  # missed) are asked again: not-found answers are not cached.
  grep -o '[0-9]* requests' "$scratch/err" >"$scratch/requests.$1"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$scratch/time"
}
"$scratch/articlelint" --config "$scratch/on.yaml" --online --progress never --fail-on off "$scratch/corpus" >/dev/null 2>&1 || true
on=() off=()
for _ in $(seq "$rounds"); do
  on+=("$(run on)")
  off+=("$(run off)")
done
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1"; }
# Each round's on/off ratio: a pair run back to back shares the load.
ratios() { paste -d' ' <(col "$1" "${on[@]}") <(col "$1" "${off[@]}") | awk '{ print $1 / $2 }' | median; }
won=$(col 1 "${on[@]}" | median) woff=$(col 1 "${off[@]}" | median)
con=$(col 2 "${on[@]}" | median) coff=$(col 2 "${off[@]}" | median)
echo "$i articles ($(du -sh "$scratch/corpus" | cut -f1)), median of $rounds alternating rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
printf 'sources on:  %6.2f s wall  %6.2f s CPU\n' "$won" "$con"
printf 'sources off: %6.2f s wall  %6.2f s CPU\n' "$woff" "$coff"
echo "requests per run: sources on $(cat "$scratch/requests.on"), off $(cat "$scratch/requests.off") (to 127.0.0.1)"
awk -v w="$(ratios 1)" -v c="$(ratios 2)" 'BEGIN { printf "added by the source rules (median of the rounds'"'"' ratios): %+.1f%% wall, %+.1f%% CPU\n", 100 * (w - 1), 100 * (c - 1) }'
