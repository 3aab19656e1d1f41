#!/usr/bin/env bash
# postlint as a pre-commit hook, for real: installs pre-commit from PyPI
# into a temporary venv, makes a temporary git repository whose
# .pre-commit-config.yaml points at this checkout (repo: its path, rev: its
# HEAD commit — commit your work first), and shows the hook passing on a
# clean commit, failing on a bad post, and passing once it is fixed.
#
# pre-commit builds the hook with `cargo install --path .` in its own clone
# (without --locked, so with the newest compatible dependencies); cargo
# honours CARGO_TARGET_DIR, so pointing it at this checkout's target folder
# (after `cargo build --release`) reuses the compiled dependencies that did
# not change: mostly, only postlint itself is compiled again. Set
# POSTLINT_HOOK_TARGET to choose another folder.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$here" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
t0=$SECONDS
step() { echo "-- $1 ($((SECONDS - t0)) s so far)"; }

step "pre-commit from PyPI into a temporary venv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
"$work/venv/bin/pre-commit" --version
"$work/venv/bin/pre-commit" validate-manifest "$here/.pre-commit-hooks.yaml"
echo ".pre-commit-hooks.yaml is a valid manifest"
export PRE_COMMIT_HOME="$work/pre-commit-home"
export CARGO_TARGET_DIR="${POSTLINT_HOOK_TARGET:-${CARGO_TARGET_DIR:-$here/target}}"
export PATH="$work/venv/bin:$PATH"

repo="$work/content"
mkdir -p "$repo/archive" "$repo/posts"
cd "$repo"
git init --quiet
git config user.name "pre-commit test"
git config user.email "test@example.com"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: postlint
YAML
cat > postlint.toml <<'TOML'
exclude = ["archive/**"]
TOML
long="$(printf 'We rebuilt the editor from the ground up. %.0s' {1..9})"
# Excluded by postlint.toml: --force-exclude keeps the hook off it even
# though pre-commit names it. A Rust file is not a post: `files` skips it.
printf '%s\n' "$long" > archive/old.tweet
printf 'fn main() {}\n' > main.rs
printf 'We ship the new editor today.\n' > posts/hello.tweet

step "pre-commit install, and the first commit (builds the hook with cargo install)"
pre-commit install
hook0=$SECONDS
git add -A
git commit --quiet -m "start" 2>&1
echo "first commit passed (archive/old.tweet is over the limit but excluded by postlint.toml: --force-exclude works); building and running the hook took $((SECONDS - hook0)) s"

step "a bad post: the hook must fail and the commit must not happen"
printf '%s\n' "$long" > posts/launch.tweet
git add posts/launch.tweet
if git commit --quiet -m "launch post" > "$work/out" 2>&1; then
  cat "$work/out"
  echo "FAIL: the hook passed a post over X's limit" >&2
  exit 1
fi
sed -e 's/^/    /' "$work/out" | grep -v '^    *$' | head -n 30
git rev-list --count HEAD | grep -qx 1 || { echo "FAIL: the bad commit was made" >&2; exit 1; }
echo "the hook failed as it should"

step "the post fixed: the hook must pass"
printf 'We rebuilt the editor. It opens in half the time.\n' > posts/launch.tweet
git add posts/launch.tweet
git commit --quiet -m "launch post" 2>&1 | sed -e 's/^/    /'
git rev-list --count HEAD | grep -qx 2 || { echo "FAIL: the fixed commit was not made" >&2; exit 1; }
echo "pre-commit hook: clean commit passed, bad post failed, fixed post passed; $((SECONDS - t0)) s in all"
