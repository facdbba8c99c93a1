#!/usr/bin/env bash
# Two docket binaries against each other, on the benchmark corpora, alternating:
#
#   scripts/bench-compare.sh BASE NEW [PAGES]      (PAGES default 10000)
#
# `make bench` gives docket against Hugo; this gives a change of docket against the docket before
# it (two release builds, e.g. of two commits). The speed of a virtual machine drifts by a third
# within an hour, so two binaries timed minutes apart say little; timed in turns on the same
# corpus, the drift hits both alike. For each corpus (the project's generator and
# ../shared/bench, as in bench.sh) it builds once with each binary untimed, then BENCH_RUNS times
# (default 3) each, BASE then NEW, every build into a new output folder, and prints the runs, the
# medians of wall time, CPU time (user + system) and peak RSS, and NEW/BASE for each.
#
# The output folders are deleted only at the end: on ext4 without a journal, the inodes of a
# large folder deleted in the last minutes are skipped one by one whenever files are created,
# which made builds right after a deletion up to twice as slow (perf: `recently_deleted`).
#
# Environment: BENCH_RUNS, BENCH_SEED, BENCH_CORPORA (default "project shared"), BENCH_SHARED
# (where ../shared/bench/gen_corpus.py is), BENCH_KEEP=1 keeps the temp folder.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bench/docs-corpus.sh
source "$root/scripts/bench/docs-corpus.sh"
die() { echo "bench-compare: $*" >&2; exit 2; }
(($# >= 2 && $# <= 3)) || die "usage: scripts/bench-compare.sh BASE NEW [PAGES]"
pages=${3:-10000}
[[ $pages =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer, got '$pages'"
runs=${BENCH_RUNS:-3}
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$runs'"
seed=${BENCH_SEED:-20240601}
shared_gen=${BENCH_SHARED:-$root/../shared/bench/gen_corpus.py}
read -r -a corpora <<<"${BENCH_CORPORA:-project shared}"
declare -A binary
for side in base new; do
  path=$([[ $side == base ]] && echo "$1" || echo "$2")
  [[ -x $path ]] || die "no executable at $path"
  binary[$side]=$(cd "$(dirname "$path")" && pwd)/$(basename "$path")
done
/usr/bin/time -f '%e' true 2>/dev/null || die "GNU time is missing at /usr/bin/time (apt-get install time)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-compare.XXXXXX")
cleanup() { if [[ ${BENCH_KEEP:-0} == 1 ]]; then echo "bench-compare: kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for corpus in "${corpora[@]}"; do
  dir=$tmp/$corpus
  prepare_corpus bench-compare "$root" "$corpus" "$pages" "$dir" "$seed" "$shared_gen" || continue
  declare -A wall=() cpu=() rss=()
  echo "== $corpus corpus, $pages pages"
  for ((i = 0; i <= runs; i++)); do
    for side in base new; do
      sync
      metrics=$dir/$side-$i.time
      (cd "$dir/empty" && /usr/bin/time -f '%e %U %S %M' -o "$metrics" \
        "${binary[$side]}" build --content "$dir/docs" --out "$dir/out-$side-$i" --broken-links warn) \
        >"$dir/$side-$i.log" 2>&1 || { tail -n 20 "$dir/$side-$i.log" >&2; die "$side run $i failed"; }
      read -r w u s m < <(tail -n 1 "$metrics")
      c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
      printf '  run %d  %-4s %7.2f s wall %7.2f s CPU %6.0f MiB%s\n' "$i" "$side" "$w" "$c" \
        "$(awk -v k="$m" 'BEGIN { print k / 1024 }')" "$( ((i == 0)) && echo '  (warm-up, not counted)')"
      ((i == 0)) && continue
      wall[$side]+="$w "
      cpu[$side]+="$c "
      rss[$side]+="$m "
    done
  done
  # shellcheck disable=SC2086 # the lists are words on purpose
  awk -v bw="$(median ${wall[base]})" -v nw="$(median ${wall[new]})" -v bc="$(median ${cpu[base]})" \
    -v nc="$(median ${cpu[new]})" -v bm="$(median ${rss[base]})" -v nm="$(median ${rss[new]})" 'BEGIN {
    printf "  medians   wall %.2f -> %.2f s (%.3f)   CPU %.2f -> %.2f s (%.3f)   peak %.0f -> %.0f MiB (%.3f)\n",
      bw, nw, nw / bw, bc, nc, nc / bc, bm / 1024, nm / 1024, nm / bm }'
  unset wall cpu rss
done
