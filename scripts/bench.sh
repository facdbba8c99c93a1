#!/usr/bin/env bash
# Build benchmark: docket against Hugo, side by side, on the same machine and the same corpus.
#
#   scripts/bench.sh [PAGES]      (default 10000)
#
# It generates one synthetic Docusaurus-style corpus (scripts/bench/gen_corpus.py, fixed seed),
# prepares the same pages as a Hugo site (scripts/bench/hugo-site: config and a layout
# comparable to docket's default theme), builds each site BENCH_RUNS times (default 3) into a
# cold output folder, alternating the tools, and prints median wall time, median peak RSS and
# the ratios Hugo/docket. The last line is the summary, e.g.
#
#   bench: docket 10000 pages in 8.9 s (1124 pages/s, 750 MiB); hugo 16.0 s (2184 MiB); speed ratio 1.80x, memory ratio 2.91x
#
# Exit status: 0 docket is at least as fast as Hugo; 1 docket is slower (the speed goal is
# missed: CI can gate on it); 2 usage, a missing tool, or a build that failed or produced the
# wrong number of pages.
#
# Environment: DOCKET (default .build/release/docket; this script never builds it), HUGO
# (default hugo), BENCH_RUNS (default 3), BENCH_SEED (corpus seed), BENCH_KEEP=1 keeps the temp
# folder (corpus, sites, outputs, logs) and prints where it is.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pages=${1:-10000}
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-20240601}
docket=${DOCKET:-$root/.build/release/docket}
hugo=${HUGO:-hugo}

die() { echo "bench: $*" >&2; exit 2; }

[[ $pages =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/bench.sh [PAGES]   (PAGES a positive integer, got '$pages')"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$runs'"
[[ -x $docket ]] || die "no docket binary at $docket (build it with: swift build -c release)"
command -v "$hugo" >/dev/null || die "no hugo on PATH (install it with: apt-get install hugo)"
command -v python3 >/dev/null || die "no python3 on PATH (it generates the corpus)"
# GNU time, not the shell keyword: it reports the peak resident set size (%M, KiB) of the
# process tree's largest process, which is the tool itself here.
if ! /usr/bin/time -f '%e %M' true 2>/dev/null; then
  die "GNU time is missing at /usr/bin/time (install it with: apt-get install time)"
fi
docket=$(cd "$(dirname "$docket")" && pwd)/$(basename "$docket")   # we cd before running it

tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-bench.XXXXXX")
cleanup() {
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    echo "bench: kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- 1. the corpus (docket's input)
start=$EPOCHREALTIME
python3 "$root/scripts/bench/gen_corpus.py" "$pages" "$tmp/corpus/docs" "$seed"
sections=$(find "$tmp/corpus/docs" -name _category_.yml | wc -l)
printf 'corpus: %d pages in %d folders, %s, generated in %.1f s (seed %s)\n' \
  "$pages" "$sections" "$(du -sh "$tmp/corpus/docs" | cut -f1)" \
  "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')" "$seed"

# ---------------------------------------------------------------- 2. the same pages for Hugo
# The same Markdown files (scripts/bench/hugo_content.py): each _category_.yml becomes the
# section's _index.md, sidebar_position is repeated as weight. Hugo shows `:::note` as text and
# leaves the `.md` links as they are; docket resolves and checks them (extra work for docket).
site=$tmp/hugo-site
cp -R "$root/scripts/bench/hugo-site" "$site"
python3 "$root/scripts/bench/hugo_content.py" "$tmp/corpus/docs" "$site/content"

# ---------------------------------------------------------------- 3. the runs
# Each run writes into a new (cold) output folder, so neither tool can reuse a previous build.
# The runs alternate (docket, hugo, docket, hugo, …) so that a slow drift of the machine
# (thermal throttling, a neighbour's job, the page cache warming up) hits both tools alike
# instead of all the runs of one of them. docket runs from an empty folder so that no
# docket.yml is picked up; broken links only warn, as Hugo does not check them at all.
# Outputs are kept until the end (about 1.5 GB for 10,000 pages and 3 runs): deleting one
# between runs made the next runs up to 2.5x slower on a disk mounted with `discard`.
empty=$tmp/empty
mkdir -p "$empty" "$tmp/logs"
declare -a docket_times=() docket_rss=() hugo_times=() hugo_rss=()

# run TOOL N: builds once, appends wall seconds and peak RSS (KiB) to TOOL's arrays.
run() {
  local tool=$1 n=$2 out=$tmp/out-$1-$2 log=$tmp/logs/$1-$2.log metrics=$tmp/logs/$1-$2.time
  local status=0
  # Flush the previous run's writes first: otherwise the kernel writes them back during this
  # run and charges one tool for the other's files.
  sync
  if [[ $tool == docket ]]; then
    (cd "$empty" && /usr/bin/time -f '%e %M' -o "$metrics" \
      "$docket" build --content "$tmp/corpus/docs" --out "$out" --broken-links warn) \
      >"$log" 2>&1 || status=$?
  else
    /usr/bin/time -f '%e %M' -o "$metrics" \
      "$hugo" --quiet -s "$site" -d "$out" >"$log" 2>&1 || status=$?
  fi
  if ((status != 0)); then
    echo "bench: $tool run $n failed (exit $status); its output:" >&2
    tail -n 40 "$log" >&2
    exit 2
  fi
  # Every page of the corpus must be there: section-NNN/page-NNN/index.html (docket puts them
  # under docs/, Hugo at the root; section and home pages are not counted).
  local built
  built=0
  [[ -d $out ]] && built=$(find "$out" -path '*/section-*/page-*/index.html' | wc -l)
  if ((built != pages)); then
    echo "bench: $tool run $n wrote $built pages, expected $pages; its output:" >&2
    tail -n 40 "$log" >&2
    exit 2
  fi
  local seconds kib
  read -r seconds kib < <(tail -n 1 "$metrics")
  if ((n == 0)); then
    printf '  run 0  %-6s %7.2f s %7.0f MiB  (warm-up, not counted)\n' "$tool" "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
    return
  fi
  printf '  run %d  %-6s %7.2f s %7.0f MiB\n' "$n" "$tool" "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
  if [[ $tool == docket ]]; then docket_times+=("$seconds"); docket_rss+=("$kib")
  else hugo_times+=("$seconds"); hugo_rss+=("$kib"); fi
}

# The ratio is only as good as the machine is quiet. The load average would count this
# script's own corpus generation, so measure how busy the CPUs are over one second instead.
cpu_busy() {
  local a b
  a=$(head -n 1 /proc/stat); sleep 1; b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x); split(b, y); for (i = 2; i <= n; i++) { t += y[i] - x[i] }
    idle = (y[5] - x[5]) + (y[6] - x[6]); print (t > 0) ? int(100 * (t - idle) / t) : 0 }'
}
sync
if [[ -r /proc/stat ]] && (( $(cpu_busy) > 20 )); then
  echo "bench: warning: the CPUs are busy with something else before the runs; timings will be noisy" >&2
fi
echo "runs: $runs each, alternating; docket $("$docket" --version 2>/dev/null || echo "(unknown version)"), $("$hugo" version | cut -d' ' -f1-2)"
# One untimed build of each tool first: it loads both binaries and their libraries into the
# page cache, so that the first timed run is not slower just for going first.
run docket 0
run hugo 0
for ((i = 1; i <= runs; i++)); do
  run docket "$i"
  run hugo "$i"
done

# ---------------------------------------------------------------- 4. the report
# Medians, not means: one run disturbed by something outside the benchmark (a cron job, a
# cache flush) moves the mean but not the median of three.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

d_time=$(median "${docket_times[@]}")
h_time=$(median "${hugo_times[@]}")
d_mib=$(median "${docket_rss[@]}" | awk '{ print $1 / 1024 }')
h_mib=$(median "${hugo_rss[@]}" | awk '{ print $1 / 1024 }')

awk -v p="$pages" -v dt="$d_time" -v ht="$h_time" -v dm="$d_mib" -v hm="$h_mib" 'BEGIN {
  printf "\n%-8s %14s %17s %9s\n", "tool", "median wall s", "median peak MiB", "pages/s"
  printf "%-8s %14.2f %17.0f %9.0f\n", "docket", dt, dm, p / dt
  printf "%-8s %14.2f %17.0f %9.0f\n", "hugo", ht, hm, p / ht
  printf "\nspeed ratio  %.2fx (hugo time / docket time): docket is %.1fx %s\n", ht / dt, \
    (ht >= dt ? ht / dt : dt / ht), (ht >= dt ? "faster" : "SLOWER")
  printf "memory ratio %.2fx (hugo peak RSS / docket peak RSS): docket uses %.1fx %s memory\n\n", hm / dm, \
    (hm >= dm ? hm / dm : dm / hm), (hm >= dm ? "less" : "MORE")
  printf "bench: docket %d pages in %.1f s (%.0f pages/s, %.0f MiB); hugo %.1f s (%.0f MiB); speed ratio %.2fx, memory ratio %.2fx\n", \
    p, dt, p / dt, dm, ht, hm, ht / dt, hm / dm
}'

# The goal is "faster than Hugo": fail when docket is slower.
if awk -v dt="$d_time" -v ht="$h_time" 'BEGIN { exit !(ht < dt) }'; then
  echo "bench: docket is slower than hugo on $pages pages" >&2
  exit 1
fi
