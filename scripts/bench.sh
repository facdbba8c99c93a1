#!/usr/bin/env bash
# Build benchmark: docket against Hugo, side by side, on the same machine, on two corpora.
#
#   scripts/bench.sh [PAGES ...]      (default: 1000 10000)
#
# Corpora, each generated with a fixed seed at every size:
#   project  scripts/bench/gen_corpus.py (Docusaurus-style pages; scripts/bench/hugo_content.py
#            turns them into a Hugo site using scripts/bench/hugo-site, Hugo's default
#            highlighting on)
#   shared   ../shared/bench/gen_corpus.py (6.7 KB pages: mermaid, admonitions, tables, links;
#            it writes its own Hugo site, with Hugo's default highlighting on). Skipped with a
#            note when the script is not there (BENCH_SHARED=path overrides where it is).
#
# Each site is built BENCH_RUNS times (default 3) by each tool into a cold output folder,
# alternating the tools, after one untimed warm-up build each. For each corpus and size it
# prints the medians of wall time, CPU time (user + system), CPU/wall, peak RSS and pages/s of
# each tool, the ratios docket/Hugo, and docket's per-stage timings (`docket build --timings`,
# from its last run). The goals (issue 10), checked on every corpus and size:
#
#   time ratio   docket wall / Hugo wall       <= 0.20   (BENCH_TIME_GOAL)
#   memory ratio docket peak RSS / Hugo's       <= 0.20   (BENCH_RSS_GOAL)
#   cores busy   docket CPU time / wall time    >= 1.80   (BENCH_CPU_GOAL)
#
# The last line is a one-line summary per corpus and size. Exit status: 0 every goal met; 1 a
# goal missed (CI can gate on it); 2 usage, a missing tool, or a build that failed or produced
# the wrong number of pages.
#
# Environment: DOCKET (default .build/release/docket; this script never builds it), HUGO
# (default hugo), BENCH_RUNS (default 3), BENCH_SEED (seed of both corpora), BENCH_CORPORA
# (default "project shared"), BENCH_KEEP=1 keeps the temp folder and prints where it is.
# Every corpus and output stays on disk until the end (about 8 GB at the default sizes; see
# the end of bench_one for why), in TMPDIR (default /tmp). On a disk mounted with `discard`, file
# creation stays slow for some minutes after a large delete, this script's own cleanup included:
# a bench started three minutes after another measured docket's 10,000-page builds up to 55%
# slower and Hugo's as before; one started 30 s after deleting 3 GB, docket's 45% and Hugo's 8%
# slower (docket writes more files and bytes). Leave the disk a while between runs, or keep the
# folder with BENCH_KEEP=1 and delete it later.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
read -r -a sizes <<<"${*:-1000 10000}"
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-20240601}
docket=${DOCKET:-$root/.build/release/docket}
hugo=${HUGO:-hugo}
shared_gen=${BENCH_SHARED:-$root/../shared/bench/gen_corpus.py}
read -r -a corpora <<<"${BENCH_CORPORA:-project shared}"
time_goal=${BENCH_TIME_GOAL:-0.20}
rss_goal=${BENCH_RSS_GOAL:-0.20}
cpu_goal=${BENCH_CPU_GOAL:-1.80}

die() { echo "bench: $*" >&2; exit 2; }

for pages in "${sizes[@]}"; do
  [[ $pages =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/bench.sh [PAGES ...]   (each a positive integer, got '$pages')"
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$runs'"
for corpus in "${corpora[@]}"; do
  [[ $corpus == project || $corpus == shared ]] || die "BENCH_CORPORA holds '$corpus'; the corpora are: project shared"
done
[[ -x $docket ]] || die "no docket binary at $docket (build it with: make release)"
command -v "$hugo" >/dev/null || die "no hugo on PATH (install it with: apt-get install hugo)"
command -v python3 >/dev/null || die "no python3 on PATH (it generates the corpora)"
# Wall, user and system seconds and peak resident KiB of each run, to the microsecond: GNU
# time's hundredths were up to 3% of a 1,000-page docket build (scripts/bench/measure.py).
measure=$root/scripts/bench/measure.py
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

# On an ext2/3/4 file system without a journal, the kernel's inode allocator skips, one by one,
# every inode deleted in the last minutes: after a mass deletion (an earlier bench's cleanup, an
# old output removed) each file the tools write costs far more system time, whichever tool
# writes it. Seen on a 2-core Debian VM with such a disk: a 1,000-page docket build at 0.2 s of user and
# 1.2-1.5 s of system time, Hugo's at 1.1 s and 1.1-1.2 s. Said before the numbers, with the way out.
source_device=$(df --output=source "$tmp" 2>/dev/null | tail -n 1)
if [[ $(stat -f -c %T "$tmp" 2>/dev/null) == ext2/ext3 && $source_device == /dev/* ]] &&
  ! compgen -G "/proc/fs/jbd2/$(basename "$source_device")-*" >/dev/null; then
  echo "bench: warning: $tmp is on an ext file system without a journal ($source_device): right after many files are deleted there, creating files costs both tools seconds of system time; TMPDIR=/dev/shm measures without the disk" >&2
fi

# The ratios are only as good as the machine is quiet. The load average would count this
# script's own corpus generation, so measure how busy the CPUs are over one second instead.
cpu_busy() {
  local a b
  a=$(head -n 1 /proc/stat); sleep 1; b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x); split(b, y); for (i = 2; i <= n; i++) { t += y[i] - x[i] }
    idle = (y[5] - x[5]) + (y[6] - x[6]); print (t > 0) ? int(100 * (t - idle) / t) : 0 }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# make_corpus KIND PAGES DIR: writes DIR/docs (docket's input) and DIR/hugo (the same pages as
# a Hugo site).
make_corpus() {
  local kind=$1 pages=$2 dir=$3
  if [[ $kind == project ]]; then
    python3 "$root/scripts/bench/gen_corpus.py" "$pages" "$dir/docs" "$seed" >/dev/null
    # Each _category_.yml becomes the section's _index.md, sidebar_position is repeated as
    # weight. Hugo shows `:::note` as text and leaves the `.md` links as they are; docket
    # resolves and checks them (extra work for docket).
    cp -R "$root/scripts/bench/hugo-site" "$dir/hugo"
    python3 "$root/scripts/bench/hugo_content.py" "$dir/docs" "$dir/hugo/content"
  else
    python3 "$shared_gen" "$dir" "$pages" --hugo --seed "$seed" >/dev/null
  fi
}

summary=()
failed_goals=0

# bench_one KIND PAGES: the runs and the report of one corpus at one size.
bench_one() {
  local kind=$1 pages=$2 dir=$tmp/$1-$2
  local start=$EPOCHREALTIME
  make_corpus "$kind" "$pages" "$dir"
  printf '\n== %s corpus, %d pages (%s, generated in %.1f s, seed %s)\n' "$kind" "$pages" \
    "$(du -sh "$dir/docs" | cut -f1)" "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')" "$seed"

  # Each run writes into a new (cold) output folder, so neither tool can reuse a previous
  # build. The runs alternate so that a slow drift of the machine (a neighbour's job, the page
  # cache warming up) hits both tools alike. docket runs from an empty folder so that no
  # docket.yml is picked up; broken links only warn, as Hugo does not check them at all.
  # Outputs are kept until the bench is done: deleting one between runs made the next runs
  # up to 2.5x slower on a disk mounted with `discard`.
  local empty=$dir/empty
  mkdir -p "$empty" "$dir/logs"
  local -a d_wall=() d_cpu=() d_rss=() h_wall=() h_cpu=() h_rss=()

  run() {
    local tool=$1 n=$2 out=$dir/out-$1-$2 log=$dir/logs/$1-$2.log metrics=$dir/logs/$1-$2.time
    local status=0
    # Flush the previous run's writes first: otherwise the kernel writes them back during
    # this run and charges one tool for the other's files.
    sync
    if [[ $tool == docket ]]; then
      (cd "$empty" && python3 "$measure" "$metrics" \
        "$docket" build --content "$dir/docs" --out "$out" --broken-links warn --timings) \
        >"$log" 2>&1 || status=$?
    else
      python3 "$measure" "$metrics" \
        "$hugo" --quiet -s "$dir/hugo" -d "$out" >"$log" 2>&1 || status=$?
    fi
    if ((status != 0)); then
      echo "bench: $tool run $n failed (exit $status); its output:" >&2
      tail -n 40 "$log" >&2
      exit 2
    fi
    # Every page of the corpus must be there. The project corpus names its pages
    # section-NNN/page-NNN (section and home pages are not counted); the shared corpus has
    # free-form names, so there its pages plus section pages must be at least the page count.
    local built=0 short=0
    if [[ $kind == project ]]; then
      [[ -d $out ]] && built=$(find "$out" -path '*/section-*/page-*/index.html' | wc -l)
      ((built == pages)) || short=1
    else
      [[ -d $out ]] && built=$(find "$out" -name index.html | wc -l)
      ((built >= pages)) || short=1
    fi
    if ((short)); then
      echo "bench: $tool run $n wrote $built pages, expected $pages; its output:" >&2
      tail -n 40 "$log" >&2
      exit 2
    fi
    local wall user sys kib
    read -r wall user sys kib < <(tail -n 1 "$metrics")
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    printf '  run %d  %-6s %7.3f s wall %7.3f s CPU %7.1f MiB%s\n' "$n" "$tool" "$wall" "$cpu" \
      "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" "$( ((n == 0)) && echo '  (warm-up, not counted)')"
    ((n == 0)) && return
    if [[ $tool == docket ]]; then d_wall+=("$wall"); d_cpu+=("$cpu"); d_rss+=("$kib")
    else h_wall+=("$wall"); h_cpu+=("$cpu"); h_rss+=("$kib"); fi
  }

  sync
  if [[ -r /proc/stat ]] && (( $(cpu_busy) > 20 )); then
    echo "bench: warning: the CPUs are busy with something else before the runs; timings will be noisy ($(uptime | sed 's/.*load/load/'))" >&2
  fi
  # One untimed build of each tool first: it loads both binaries into the page cache.
  run docket 0
  run hugo 0
  local i
  for ((i = 1; i <= runs; i++)); do
    run docket "$i"
    run hugo "$i"
  done

  # Medians, not means: one run disturbed by something outside the benchmark moves the mean
  # but not the median of three.
  local dw dc dm hw hc hm
  dw=$(median "${d_wall[@]}"); dc=$(median "${d_cpu[@]}"); dm=$(median "${d_rss[@]}" | awk '{ print $1 / 1024 }')
  hw=$(median "${h_wall[@]}"); hc=$(median "${h_cpu[@]}"); hm=$(median "${h_rss[@]}" | awk '{ print $1 / 1024 }')
  awk -v p="$pages" -v dw="$dw" -v dc="$dc" -v dm="$dm" -v hw="$hw" -v hc="$hc" -v hm="$hm" 'BEGIN {
    printf "\n  %-8s %10s %10s %9s %10s %9s\n", "tool", "wall s", "CPU s", "CPU/wall", "peak MiB", "pages/s"
    printf "  %-8s %10.3f %10.3f %9.2f %10.1f %9.0f\n", "docket", dw, dc, dc / dw, dm, p / dw
    printf "  %-8s %10.3f %10.3f %9.2f %10.1f %9.0f\n", "hugo", hw, hc, hc / hw, hm, p / hw
  }'
  echo
  echo "  docket stages (last run, --timings):"
  sed -n '/^stage /,$p' "$dir/logs/docket-$runs.log" | sed 's/^/    /'
  local verdict
  verdict=$(awk -v dw="$dw" -v dc="$dc" -v dm="$dm" -v hw="$hw" -v hm="$hm" \
    -v tg="$time_goal" -v rg="$rss_goal" -v cg="$cpu_goal" 'BEGIN {
    t = dw / hw; r = dm / hm; c = dc / dw; miss = ""
    if (t > tg) miss = miss " time"
    if (r > rg) miss = miss " memory"
    if (c < cg) miss = miss " cores"
    printf "time ratio %.3f (goal <= %.2f), memory ratio %.3f (goal <= %.2f), CPU/wall %.3f (goal >= %.2f)|%s", t, tg, r, rg, c, cg, miss
  }')
  local missed=${verdict#*|}
  verdict=${verdict%|*}
  printf '\n  %s\n' "$verdict"
  if [[ -n $missed ]]; then
    echo "  goals missed:$missed"
    failed_goals=1
  fi
  summary+=("$(printf 'bench: %s %d pages: docket %.3f s (%.0f pages/s, %.1f MiB, CPU/wall %.2f); hugo %.3f s (%.1f MiB); %s%s' \
    "$kind" "$pages" "$dw" "$(awk -v p="$pages" -v d="$dw" 'BEGIN { print p / d }')" "$dm" \
    "$(awk -v c="$dc" -v d="$dw" 'BEGIN { print c / d }')" "$hw" "$hm" "$verdict" "${missed:+; MISSED:$missed}")")
  # Nothing is deleted before the bench ends (the temp folder goes then): on ext4 without a
  # journal, each file created in the minutes after a large deletion costs the kernel a scan
  # of the recently freed inodes (`recently_deleted`, up to a fifth of a build's time), so a
  # corpus measured after the previous one's outputs were deleted paid for them. At 1,000 and
  # 10,000 pages the outputs of both corpora take about 8 GB.
}

echo "bench: docket $("$docket" --version 2>/dev/null || echo "(unknown version)"), $("$hugo" version | cut -d' ' -f1-2), $runs runs each, $(nproc) cores, $(uptime | sed 's/.*load/load/')"
# Whether the binary has the build's functions together (make release; scripts/hot-functions.sh).
if command -v nm >/dev/null; then
  echo "bench: $(python3 "$root/scripts/bench/hot_functions.py" "$docket" "$root/scripts/hot-functions.txt")"
fi
for pages in "${sizes[@]}"; do
  for corpus in "${corpora[@]}"; do
    if [[ $corpus == shared && ! -f $shared_gen ]]; then
      echo "bench: no shared corpus generator at $shared_gen: the shared corpus is skipped"
      continue
    fi
    bench_one "$corpus" "$pages"
  done
done

echo
printf '%s\n' "${summary[@]}"
if ((failed_goals)); then
  echo "bench: at least one goal was missed" >&2
  exit 1
fi
