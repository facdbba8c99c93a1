#!/usr/bin/env bash
# Installs the Debian packages docket builds against (and the tools its tests use), once.
set -euo pipefail
# Runbook steps are linted with shellcheck; bubblewrap, openssl, curl and jq are what `docket check`
# runs runbooks with (the sandbox, its per-run CA, and the real tools the guides use).
# libmimalloc-dev is the allocator the docket binary links (Sources/docket/Allocator.swift).
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libmimalloc-dev shellcheck jq bubblewrap openssl curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# The browser tests (make browser-test): Debian's chromium, driven by Playwright from a venv under
# .build/ (Playwright's own browser download is never used). A machine where chromium cannot be
# installed still builds and tests; make browser-test then says it skips.
browser_packages=(chromium python3-venv)
missing=()
for p in "${browser_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
    || echo "warning: could not install ${missing[*]}: the browser tests will be skipped" >&2
fi
venv="$(cd "$(dirname "$0")/.." && pwd)/.build/browser-venv"
if [[ -x /usr/bin/python3 ]] && ! "$venv/bin/python" -c 'import playwright, axe_playwright_python, pytest' 2>/dev/null; then
  echo "installing the browser test tools into $venv (playwright, axe-playwright-python, pytest)"
  mkdir -p "${venv%/*}"
  { /usr/bin/python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check playwright axe-playwright-python pytest; } \
    || echo "warning: could not install the browser test tools: the browser tests will be skipped" >&2
fi
