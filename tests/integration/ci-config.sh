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
echo "CI configs: $checked valid ($((SECONDS - t0)) s)"
