# shellcheck shell=bash
# Sourced by bench-compare.sh and bench-instructions.sh.
#
# docs_corpus ROOT KIND PAGES DIR SEED SHARED_GEN writes the Markdown of a benchmark corpus to
# DIR/docs: KIND project with ROOT/scripts/bench/gen_corpus.py, KIND shared with SHARED_GEN
# (../shared/bench/gen_corpus.py), both with SEED. Returns 3 when SHARED_GEN is not there (the
# caller skips that corpus), 2 for an unknown KIND.
docs_corpus() {
  local root=$1 kind=$2 pages=$3 dir=$4 seed=$5 shared_gen=$6
  case $kind in
    project) python3 "$root/scripts/bench/gen_corpus.py" "$pages" "$dir/docs" "$seed" >/dev/null ;;
    shared)
      [[ -f $shared_gen ]] || return 3
      python3 "$shared_gen" "$dir" "$pages" --hugo --seed "$seed" >/dev/null
      ;;
    *) return 2 ;;
  esac
}

# prepare_corpus TOOL ROOT KIND PAGES DIR SEED SHARED_GEN: docs_corpus, then the empty folder
# DIR/empty the builds run from (so that no docket.yml is picked up). Returns 3, after saying
# so, when the shared generator is not there (the caller skips that corpus); exits the script
# with 2 for an unknown KIND. TOOL prefixes the messages.
prepare_corpus() {
  local tool=$1 status=0
  shift
  docs_corpus "$@" || status=$?
  if ((status == 3)); then
    echo "$tool: skipping the shared corpus: no $6 (set BENCH_SHARED)"
    return 3
  fi
  if ((status != 0)); then
    echo "$tool: BENCH_CORPORA holds '$2'; the corpora are: project shared" >&2
    exit 2
  fi
  mkdir -p "$4/empty"
}
