#!/usr/bin/env bash
# Runs the browser tests (Tests/Browser) against the debug docket: headless Debian chromium,
# offline, at 1280x800 and 390x844. Fails when a test fails; skips, saying so, only when chromium
# or the Python tools are missing (scripts/install-deps.sh could not install them).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/browser-venv
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "SKIPPED: browser tests: no chromium at $chromium (scripts/install-deps.sh could not install it)"
  exit 0
fi
if ! "$venv/bin/python" -c 'import playwright, axe_playwright_python, pytest' 2>/dev/null; then
  echo "SKIPPED: browser tests: playwright, axe-playwright-python or pytest missing from $venv (scripts/install-deps.sh could not install them)"
  exit 0
fi
rm -rf .build/screenshots
# A hung browser must not hold `make test` for its 90 minutes.
exec timeout -k 10 600 "$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/Browser "$@"
