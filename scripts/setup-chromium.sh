#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests (driven by playwright-core; no
# browser download). Idempotent: does nothing when /usr/bin/chromium exists. Needs root (or
# sudo) and Debian's package mirrors; runs `apt-get update` first when the package lists are
# missing or older than a day.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
  echo "setup-chromium: apt-get update"
  $SUDO apt-get update -qq
fi
echo "setup-chromium: installing Debian's chromium"
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
