#!/usr/bin/env bash
# Sets up a fresh clone: Debian's Chromium for the browser tests (never a downloaded browser) and the
# npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core fonts-liberation
fi

# npm ci installs exactly the lockfile; fall back to npm install where the registry refuses a locked entry.
if ! npm ci --no-audit --no-fund; then
  echo "npm ci failed; falling back to npm install" >&2
  npm install --no-audit --no-fund
fi
