#!/usr/bin/env bash
# Installs the Debian packages docket builds against (and the tools its tests use), once.
set -euo pipefail
# shellcheck lints runbook steps; bubblewrap, openssl, curl and jq are what `docket check`
# runs runbooks with (the sandbox, its per-run CA, and the real tools the guides use).
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev shellcheck jq bubblewrap openssl curl)
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
