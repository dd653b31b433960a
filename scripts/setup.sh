#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: the system tools the tests call
# (xmllint to validate the manifest offline) and the npm packages, exactly as the lockfile says.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)

if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: please install these Debian packages: ${need[*]}" >&2
    exit 2
  fi
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
