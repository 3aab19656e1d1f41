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
"$work/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema junitparser
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

# The JUnit report read by a JUnit reader (PyPI junitparser), against the
# JSON report of the same posts: a suite per file, a case per post, failed
# cases for failed posts, the scores as suite properties.
bin="${CARGO_TARGET_DIR:-$here/target}/release/postlint"
[ -x "$bin" ] || (cd "$here" && cargo build --release --locked --quiet)
(cd "$here" && "$bin" --config tests/fixtures/empty.toml check examples --format json \
  --report junit="$work/junit.xml" > "$work/report.json") || true
"$work/venv/bin/python" - "$work/junit.xml" "$work/report.json" <<'PY'
import json, sys
from junitparser import JUnitXml, Failure
xml, report = JUnitXml.fromfile(sys.argv[1]), json.load(open(sys.argv[2]))
suites = list(xml)
files = report["files"]
assert len(suites) == len(files), (len(suites), len(files))
for suite, f in zip(suites, files):
    assert suite.name == f["path"], (suite.name, f["path"])
    cases = [c for c in suite if c.name != "file problems"]
    assert len(cases) == len(f["posts"]), (suite.name, len(cases), len(f["posts"]))
    failed = sum(1 for c in cases if any(isinstance(r, Failure) for r in c.result))
    assert failed == sum(1 for p in f["posts"] if not p["passed"]), suite.name
    props = {p.name: p.value for p in suite.properties()}
    for p in f["posts"]:
        key = next(k for k in props if k.startswith(f"post{p['index']}") and k.endswith(".overall"))
        if len(f["posts"]) == 1 or key == f"post{p['index']}.overall":
            assert int(props[key]) == p["scores"]["overall"], (suite.name, key)
print(f"-- junit: {len(suites)} suites, {sum(len(list(s)) for s in suites)} cases read by junitparser, matching the JSON report")
PY
checked=$((checked + 1))
echo "CI configs: $checked valid ($((SECONDS - t0)) s)"
