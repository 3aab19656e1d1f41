#!/usr/bin/env bash
# Validates action.yml and the CI examples of docs/ci.md offline, with the
# GitHub and GitLab schemas that PyPI's check-jsonschema ships (its
# --builtin-schema copies: no download while checking). Each YAML block
# of docs/ci.md after a `<!-- validate: SCHEMA -->` line is checked
# against that schema.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
t0=$SECONDS

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
cj="$work/venv/bin/check-jsonschema"

checked=0
echo "-- action.yml (vendor.github-actions)"
"$cj" --builtin-schema vendor.github-actions "$here/action.yml"
checked=$((checked + 1))

"$work/venv/bin/python" - "$here/docs/ci.md" "$work" <<'PY'
import re, sys, pathlib
doc, out = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2])
blocks = re.findall(r"<!-- validate: ([\w.-]+) -->\n```ya?ml\n(.*?)\n```", doc, re.S)
if not blocks:
    sys.exit("docs/ci.md has no `<!-- validate: ... -->` blocks")
for i, (schema, text) in enumerate(blocks):
    (out / f"block-{i}.{schema}.yml").write_text(text + "\n")
PY
for file in "$work"/block-*.yml; do
  schema="$(basename "$file" .yml)"
  schema="${schema#block-*.}"
  echo "-- docs/ci.md: $(basename "$file") ($schema)"
  "$cj" --builtin-schema "$schema" "$file"
  checked=$((checked + 1))
done
# The action's check step, run with a stand-in postlint that prints its
# arguments one per line: the inputs must reach it as separate, unsplit
# arguments, and its exit code must come out as the step's.
"$work/venv/bin/python" - "$here/action.yml" "$work/check-step.sh" <<'PY'
import sys, pathlib
from ruamel.yaml import YAML
action = YAML(typ="safe").load(pathlib.Path(sys.argv[1]).read_text())
step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
pathlib.Path(sys.argv[2]).write_text(step["run"])
PY
mkdir -p "$work/bin"
cat > "$work/bin/postlint" <<'SH'
#!/usr/bin/env bash
printf '%s\n' "$@"
exit 1
SH
chmod +x "$work/bin/postlint"
out="$(
  cd "$work" && env PATH="$work/bin:$PATH" GITHUB_OUTPUT="$work/github-output" \
    POSTLINT_PATHS="posts social/x" POSTLINT_CONFIG="my config.toml" \
    POSTLINT_CHANGED_SINCE="origin/main" POSTLINT_CHANGED_LINES="true" \
    POSTLINT_BASELINE="" POSTLINT_FAIL_ON="warning" POSTLINT_ARGS="--min-score 70" \
    POSTLINT_SARIF="true" POSTLINT_SARIF_FILE="out.sarif" \
    bash -eo pipefail "$work/check-step.sh"
)" && { echo "FAIL: the check step hid postlint's exit code" >&2; exit 1; }
expected="--config
my config.toml
check
--format
github
--changed-since
origin/main
--changed-lines
--fail-on
warning
--report
sarif=out.sarif
--min-score
70
posts
social/x"
if [ "$out" != "$expected" ]; then
  echo "FAIL: action.yml's check step ran postlint with:" >&2
  echo "$out" >&2
  exit 1
fi
grep -qx "exit-code=1" "$work/github-output" || { echo "FAIL: no exit-code output" >&2; exit 1; }
echo "-- action.yml's check step passes its inputs as arguments and keeps the exit code"
checked=$((checked + 1))
echo "CI configs: $checked valid ($((SECONDS - t0)) s)"
