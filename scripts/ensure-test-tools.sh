#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: chromium and
# chromium-driver (the HTML report is checked in headless Chromium).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "qz-test: please install the Debian packages: ${missing[*]} (needs root)" >&2
    exit 1
  fi
fi
echo "qz-test: installing ${missing[*]} with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
