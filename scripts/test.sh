#!/usr/bin/env bash
# Runs every test. Installs the test-only tooling first (idempotent, cached under
# ${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}): the Apache Otava reference venv.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-otava.sh
npx tsc --noEmit
npx mocha
