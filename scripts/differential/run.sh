#!/usr/bin/env bash
# Differential test: postlint's X and Bluesky length counts against the
# platforms' own libraries (twitter-text 3.1.0, @atproto/api 0.19.19) on
# seeded random strings. See compare.mjs for what is compared and how.
#
#   bash scripts/differential/run.sh
#
# Environment: POSTLINT (a postlint binary; default: $CARGO_TARGET_DIR or target, /release/postlint,
# built first with `cargo build --release --locked`, a no-op when it is up to
# date, so a stale binary is never tested), DIFF_SEED, DIFF_N (compare.mjs).
#
# The npm packages go into a temporary folder, never into the repo. Exits
# non-zero on an unexpected disagreement and when anything cannot run,
# including the npm install: CI always has Node, so nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${POSTLINT:-}" ]; then
  cargo build --release --locked --quiet
  POSTLINT="${CARGO_TARGET_DIR:-target}/release/postlint"
fi
if [ ! -x "$POSTLINT" ]; then
  echo "differential: no postlint binary at $POSTLINT" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Exactly these versions: newer @atproto/api needs Node >= 22.
if ! npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tmp" \
  twitter-text@3.1.0 @atproto/api@0.19.19 >"$tmp/npm.log" 2>&1; then
  cat "$tmp/npm.log" >&2
  echo "differential: npm install failed" >&2
  exit 2
fi

POSTLINT="$POSTLINT" DIFF_NODE_MODULES="$tmp/node_modules" \
  node scripts/differential/compare.mjs
