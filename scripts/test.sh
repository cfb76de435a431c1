#!/usr/bin/env bash
# Runs every test. First installs the test-only tooling, idempotently, cached under
# ${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}: the Apache Otava 0.8.0 reference venv (differential
# tests) and FerretDB 1.24 (the MongoDB store's contract suite over the wire).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-otava.sh
bash scripts/setup-ferretdb.sh
bash scripts/setup-chromium.sh
echo "test: type-checking"
npx tsc --noEmit
npx mocha
