#!/usr/bin/env bash
# Installs FerretDB 1.24 (a real MongoDB-wire server on SQLite) for the MongoDB contract tests into
# ${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}/bin/ferretdb. Idempotent: skips when that binary already
# reports the right version. Needs Go and the Go module proxy; the first build takes a minute or two.
#
# Why not a bare `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.0`: the module zip has
# no build/version/version.txt, so a binary built straight from it panics at start ("Invalid
# build/version/version.txt file content"); and `go install pkg@version` also asks the proxy for
# the module's version list, which some proxies refuse. So we download exactly v1.24.0, copy it to
# a scratch directory, write the version file FerretDB's own build would generate, and build there.
set -euo pipefail

VERSION="v1.24.0"
MODULE="github.com/FerretDB/FerretDB"
CACHE_DIR="${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}"
BIN_DIR="$CACHE_DIR/bin"
BIN="$BIN_DIR/ferretdb"

fail() {
  echo "setup-ferretdb: $*" >&2
  exit 1
}

installed_version() {
  "$BIN" --version 2>/dev/null | sed -n 's/^version: //p'
}

if [[ -x "$BIN" && "$(installed_version)" == "$VERSION" ]]; then
  echo "setup-ferretdb: FerretDB $VERSION already at $BIN"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "Go is required to build FerretDB $VERSION (https://go.dev/dl/)"

echo "setup-ferretdb: building FerretDB $VERSION into $BIN (first build takes a minute or two)..."
SRC_DIR="$(go mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -n "$SRC_DIR" && -d "$SRC_DIR" ]] || fail "could not download $MODULE@$VERSION from the Go module proxy"

WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT
cp -R "$SRC_DIR"/. "$WORK_DIR"/
chmod -R u+w "$WORK_DIR"
printf '%s\n' "$VERSION" >"$WORK_DIR/build/version/version.txt"

mkdir -p "$BIN_DIR"
(cd "$WORK_DIR" && go build -o "$BIN.partial" ./cmd/ferretdb) || fail "go build of FerretDB $VERSION failed (see above)"
mv "$BIN.partial" "$BIN"

[[ "$(installed_version)" == "$VERSION" ]] || fail "built $BIN but it does not report version $VERSION"
echo "setup-ferretdb: FerretDB $VERSION installed at $BIN"
