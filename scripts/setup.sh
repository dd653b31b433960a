#!/usr/bin/env bash
# Installs the system tools the tests call on a fresh Debian machine: xmllint (Debian's libxml2-utils)
# validates the add-in manifest offline against its XML schemas. npm packages come from `npm ci`.
set -euo pipefail

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[[ -x /usr/bin/chromium ]] || need+=(chromium) # the browser tests drive Debian's Chromium

if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: please install these Debian packages: ${need[*]}" >&2
    exit 2
  fi
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
