#!/usr/bin/env bash
# Times link checking against a local stand-in for the web: HOSTS virtual hosts
# (one 127.0.0.1 port each) that answer every page after LATENCY_MS, and an
# article with LINKS links spread evenly over them. It times
#   (a) articlelint --online (allow_private, host_concurrency 2), once with
#       the default host_interval of 100 ms and once with 1ns (none), and
#   (b) linkinator on the HTML version of the article,
# and prints each wall time with its ratio to the ideal bound for a checker that
# keeps 2 requests in flight per host: links per host / 2 x latency.
# Nothing leaves the machine: every link points at 127.0.0.1.
# Each is run ROUNDS times and the median is printed.
# Usage: bench/online.sh   (env: HOSTS=10 LINKS=1000 LATENCY_MS=100 ROUNDS=3)
# Needs go, node and npm; linkinator is installed into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${HOSTS:-10}
links=${LINKS:-1000}
latency_ms=${LATENCY_MS:-100}
rounds=${ROUNDS:-3}
host_conc=2
max_conc=32 # online.Config's default MaxConcurrency
linkinator_version=7.6.1 # 8.x requires Node 22

# shellcheck source=bench/lib/onlineserver.sh
. bench/lib/onlineserver.sh
: >"$scratch/hosts"
"$scratch/onlineserver" -hosts "$hosts" -latency "${latency_ms}ms" -lifetime 15m >"$scratch/hosts" &
srv=$!
for _ in $(seq 100); do
  [ "$(wc -l <"$scratch/hosts")" -ge "$hosts" ] && break
  sleep 0.1
done
mapfile -t bases <"$scratch/hosts"
[ "${#bases[@]}" -eq "$hosts" ] || { echo "onlineserver did not start" >&2; exit 2; }

# The article: links round-robin over the hosts, as Markdown and as HTML.
{
  echo "# Benchmark article"
  echo
  for i in $(seq 0 $((links - 1))); do
    echo "- [source $i](${bases[$((i % hosts))]}/paper/$i)"
  done
} >"$scratch/article.md"
{
  echo "<!doctype html><html><head><title>Benchmark article</title></head><body><ul>"
  for i in $(seq 0 $((links - 1))); do
    echo "<li><a href=\"${bases[$((i % hosts))]}/paper/$i\">source $i</a></li>"
  done
  echo "</ul></body></html>"
} >"$scratch/article.html"
for i in $(seq 0 $((links - 1))); do echo "${bases[$((i % hosts))]}/paper/$i"; done >"$scratch/urls"

ideal=$(awk -v l="$links" -v h="$hosts" -v c="$host_conc" -v ms="$latency_ms" 'BEGIN { printf "%.2f", l / h / c * ms / 1000 }')
echo "$links links over $hosts hosts, ${latency_ms} ms per page, median of $rounds rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
echo "ideal bound at $host_conc per host: $((links / hosts)) links per host / $host_conc x ${latency_ms} ms = ${ideal} s"
conc=$((hosts * host_conc < max_conc ? hosts * host_conc : max_conc))
echo "  with MaxConcurrency $max_conc: $links / $conc x ${latency_ms} ms = $(awk -v l="$links" -v c="$conc" -v ms="$latency_ms" 'BEGIN { printf "%.2f", l / c * ms / 1000 }') s;" \
  "with HostInterval 100 ms: $((links / hosts)) x 100 ms = $(awk -v l="$links" -v h="$hosts" 'BEGIN { printf "%.2f", l / h * 0.1 }') s"

reset_stats() { for b in "${bases[@]}"; do curl -fsS "$b/__reset" >/dev/null; done; }
# stats prints requests (GET/HEAD) and the largest number in flight on any host.
stats() {
  for b in "${bases[@]}"; do curl -fsS "$b/__stats"; echo; done | awk '
    { match($0, /"requests":[0-9]+/); r += substr($0, RSTART + 11, RLENGTH - 11)
      match($0, /"get":[0-9]+/); g += substr($0, RSTART + 6, RLENGTH - 6)
      match($0, /"head":[0-9]+/); hd += substr($0, RSTART + 7, RLENGTH - 7)
      match($0, /"max_in_flight":[0-9]+/); m = substr($0, RSTART + 16, RLENGTH - 16); if (m > mx) mx = m }
    END { printf "%d requests (%d GET, %d HEAD), at most %d in flight per host", r, g, hd, mx }'
}
report() { # name seconds...
  local name=$1
  shift
  local med
  med=$(printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  printf '%-46s %6.2f s  %5.2fx ideal  (rounds: %s)\n' "$name" "$med" "$(awk -v s="$med" -v i="$ideal" 'BEGIN { print s / i }')" "$(printf '%.2f ' "$@")"
  echo "    last round: $(stats)"
}

# (a) articlelint --online on the Markdown article, no cache.
for interval in 100ms 1ns; do
  printf 'online:\n  allow_private: true\n  host_concurrency: %s\n  host_interval: %s\nrules:\n  ai-disclosure: off\n  required-section: off\n  citation-missing: off\n' \
    "$host_conc" "$interval" >"$scratch/.articlelint.yaml"
  times=()
  for _ in $(seq "$rounds"); do
    reset_stats
    start=$(date +%s.%N)
    "$scratch/articlelint" --online --no-cache "$scratch/article.md" >"$scratch/al.out" 2>"$scratch/al.err" || {
      echo "articlelint reported findings or failed:" >&2; head -5 "$scratch/al.out" "$scratch/al.err" >&2; exit 2
    }
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  report "articlelint --online (host_interval $interval)" "${times[@]}"
done

# (b) linkinator on the HTML article, at its default concurrency and at the
# Checker's total (hosts x 2).
npm install --silent --no-audit --no-fund --prefix "$scratch/npm" "linkinator@$linkinator_version" >/dev/null
for conc in 100 $((hosts * host_conc)); do
  times=()
  for _ in $(seq "$rounds"); do
    reset_stats
    start=$(date +%s.%N)
    (cd "$scratch" && "$scratch/npm/node_modules/.bin/linkinator" article.html --concurrency "$conc" --format json >"$scratch/linkinator.json") || {
      echo "linkinator reported failures:" >&2
      head -c 2000 "$scratch/linkinator.json" >&2
      exit 2
    }
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  report "linkinator $linkinator_version (--concurrency $conc)" "${times[@]}"
  echo "    linkinator: $(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); const l = r.links.filter(x => x.url.includes("/paper/")); console.log(l.length + " checked, " + l.filter(x => x.state !== "OK").length + " not OK")' "$scratch/linkinator.json")"
done
