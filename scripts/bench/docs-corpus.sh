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
