#!/usr/bin/env bash
# Creates the Apache Otava 0.8.0 reference venv that the differential test and the detection
# benchmark compare Vahti against (see docs/testing-tools.md). Idempotent: a venv that already
# imports otava.analysis at version 0.8.0 is kept as it is.
#
#   VAHTI_CACHE_DIR  cache root (default: $HOME/.cache/vahti); the venv is $VAHTI_CACHE_DIR/otava-venv
#   VAHTI_PYTHON     interpreter that creates the venv (default: python3; needs Python >= 3.11)
#
# Only the packages that `import otava.analysis` needs are installed (numpy and scipy); the rest
# of apache-otava's requirements serve its CLI and integrations, so they are skipped with --no-deps.
set -euo pipefail

cache_dir="${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}"
venv="$cache_dir/otava-venv"
python="${VAHTI_PYTHON:-python3}"

fail() {
  echo "setup-otava: $*" >&2
  exit 1
}

venv_ready() {
  [ -x "$venv/bin/python" ] && "$venv/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata
import otava.analysis  # noqa: F401  (imports numpy and scipy.stats too)
assert importlib.metadata.version("apache-otava") == "0.8.0"
PY
}

if venv_ready; then
  echo "setup-otava: Otava 0.8.0 venv ready at $venv (cached)"
  exit 0
fi

command -v "$python" >/dev/null 2>&1 || fail "no Python interpreter '$python' (set VAHTI_PYTHON to a Python >= 3.11)"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || fail "$python is $("$python" --version 2>&1); scipy 1.16 needs Python >= 3.11 (set VAHTI_PYTHON)"

echo "setup-otava: creating Otava 0.8.0 venv at $venv"
rm -rf "$venv"
mkdir -p "$cache_dir"
"$python" -m venv "$venv" || fail "could not create a venv at $venv with $python"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --no-deps \
  'apache-otava==0.8.0' 'numpy==2.2.*' 'scipy>=1.16,<1.17' \
  || { rm -rf "$venv"; fail "pip install of apache-otava 0.8.0, numpy 2.2, scipy 1.16 failed"; }
venv_ready || { rm -rf "$venv"; fail "the new venv at $venv cannot import otava.analysis 0.8.0"; }
echo "setup-otava: Otava 0.8.0 venv ready at $venv"
