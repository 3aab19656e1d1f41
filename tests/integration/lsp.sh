#!/usr/bin/env bash
# `postlint lsp` driven by a real LSP client: installs pygls 2.x from PyPI
# into a temporary venv (no pygls, no test: this fails, it does not skip),
# builds the release binary (reusing target/'s build from CI's demo step)
# and runs tests/integration/lsp_client.py: diagnostics' rule ids and
# ranges on a social and a blog example, code actions applied, and the
# diagnostics latency after a keystroke on a 2,000-word post.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
t0=$SECONDS
step() { echo "-- $1 ($((SECONDS - t0)) s so far)"; }

step "pygls 2.x from PyPI into a temporary venv"
python3 -m venv "$work/venv"
if ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check 'pygls>=2,<3'; then
  echo "FAIL: could not install pygls 2.x; the LSP integration test cannot run" >&2
  exit 1
fi
"$work/venv/bin/python" -c 'import importlib.metadata as m; print("pygls", m.version("pygls"))'

step "cargo build --release --locked"
(cd "$here" && cargo build --release --locked --quiet)
binary="${CARGO_TARGET_DIR:-$here/target}/release/postlint"
case "$binary" in /*) ;; *) binary="$here/$binary" ;; esac

step "the pygls client against $binary lsp"
mkdir -p "$work/posts"
"$work/venv/bin/python" "$here/tests/integration/lsp_client.py" "$binary" "$here" "$work/posts"
echo "postlint lsp: diagnostics match the CLI, code actions apply, latency printed above; $((SECONDS - t0)) s in all"
