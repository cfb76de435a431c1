#!/usr/bin/env bash
# Runs every test. First installs the test-only tooling, idempotently, cached under
# ${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}: the Apache Otava 0.8.0 reference venv (differential
# tests), FerretDB 1.24 (the MongoDB store's contract suite over the wire) and Debian's Chromium
# (the dashboard's browser tests). Ends with one summary line, "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-otava.sh
bash scripts/setup-ferretdb.sh
bash scripts/setup-chromium.sh
echo "test: type-checking"
npx tsc --noEmit
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
npx mocha 2>&1 | tee "$log" || status=$?
strip() { sed 's/\x1b\[[0-9;]*m//g' "$log"; }
passed=$(strip | sed -n 's/^ *\([0-9][0-9]*\) passing.*/\1/p' | tail -n 1)
failed=$(strip | sed -n 's/^ *\([0-9][0-9]*\) failing.*/\1/p' | tail -n 1)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
