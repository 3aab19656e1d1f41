#!/usr/bin/env bash
# Times postlint beside other prose linters on the same files, in one run,
# and prints a table: tool, wall time, MB/s, ratio to postlint, findings per
# 1,000 words, peak memory.
#
#   benches/compare.sh                      # the Rust blog corpus (754 posts)
#   benches/compare.sh --corpus DIR         # any folder of posts
#   benches/compare.sh --big 55             # also a generated 55 MB mixed corpus
#   benches/compare.sh --big 55 --big-only  # only that one
#   benches/compare.sh --peers DIR          # install peers there and keep them
#                                           # (reused by the next run)
#
# Options: --runs N (hyperfine runs per tool, default 5), --slow SECONDS (a
# tool whose first run takes longer is timed by that run alone, default
# 30), --tools LIST (comma-separated names from the table, default all),
# --bin PATH (a postlint binary; default: cargo build --release, honouring
# CARGO_TARGET_DIR), --no-install (use only peers already in --peers).
#
# Peers, installed into a temporary folder unless --peers is given:
#   proselint                 PyPI, in a venv           proselint check -o compact
#   write-good                npm                        write-good --parse
#   alex                      npm                        alex (findings on stderr)
#   textlint                  npm, with the English rules below, --format unix
#   typos                     cargo install typos-cli    typos --format brief
# textlint's rules: sentence-length, common-misspellings, terminology,
# stop-words, @textlint-rule/no-unmatched-pair, max-comma (defaults each).
# A peer that cannot be installed or run is a row saying so, not a failure.
#
# Every tool gets the same file list (xargs, one invocation unless the list
# passes the argument limit). Timing: hyperfine if installed
# (`apt-get install hyperfine`), otherwise repeated runs, min and median.
# Findings are counted from each tool's own output (one line a finding in
# the formats above) per 1,000 words of the files (`wc -w`). postlint runs
# with every default checklist (`check --format compact`), on one thread
# too (RAYON_NUM_THREADS=1), and with `--checklist correct` (spelling,
# beside typos). `cat` is the floor: reading the same files.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS="$ROOT/../shared/data/corpus/rust-blog"
PEERS=""
BIG=""
BIG_ONLY=0
RUNS=5
SLOW=30
TOOLS="all"
BIN=""
INSTALL=1

usage() { sed -n '2,36p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) CORPUS=$2; shift 2 ;;
        --big) BIG=$2; shift 2 ;;
        --big-only) BIG_ONLY=1; shift ;;
        --peers) PEERS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --slow) SLOW=$2; shift 2 ;;
        --tools) TOOLS=$2; shift 2 ;;
        --bin) BIN=$2; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        -h|--help) usage 0 ;;
        *) echo "compare.sh: unknown option $1" >&2; usage 2 ;;
    esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/postlint-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [ -z "$PEERS" ]; then PEERS="$WORK/peers"; fi
mkdir -p "$PEERS/status" "$WORK/out"
PEERS=$(cd "$PEERS" && pwd)
log() { printf '%s\n' "$*" >&2; }

# --- peers ------------------------------------------------------------------

# status NAME MESSAGE: why a peer is missing ("" when it is there).
set_status() { printf '%s' "$2" > "$PEERS/status/$1"; }
status() { cat "$PEERS/status/$1" 2>/dev/null || printf 'not installed'; }

install_typos() {
    if [ -x "$PEERS/typos/bin/typos" ]; then set_status typos ""; return; fi
    if [ "$INSTALL" = 0 ]; then set_status typos "not installed (--no-install)"; return; fi
    if ! command -v cargo >/dev/null; then set_status typos "install failed: no cargo"; return; fi
    log "installing typos-cli (cargo install, a few minutes)..."
    if cargo install --quiet --locked typos-cli --root "$PEERS/typos" \
        --target-dir "$PEERS/typos-build" > "$PEERS/typos.log" 2>&1; then
        set_status typos ""
        rm -rf "$PEERS/typos-build"
    else
        set_status typos "install failed: see typos.log"
    fi
}

install_proselint() {
    if [ -x "$PEERS/venv/bin/proselint" ]; then set_status proselint ""; return; fi
    if [ "$INSTALL" = 0 ]; then set_status proselint "not installed (--no-install)"; return; fi
    log "installing proselint (pip)..."
    if python3 -m venv "$PEERS/venv" > "$PEERS/pip.log" 2>&1 &&
        "$PEERS/venv/bin/pip" install --quiet proselint >> "$PEERS/pip.log" 2>&1; then
        set_status proselint ""
    else
        set_status proselint "install failed: see pip.log"
    fi
}

NPM_PACKAGES=(write-good alex textlint textlint-rule-sentence-length
    textlint-rule-common-misspellings textlint-rule-terminology
    textlint-rule-stop-words @textlint-rule/textlint-rule-no-unmatched-pair
    textlint-rule-max-comma)
install_npm() {
    local bin="$PEERS/npm/node_modules/.bin"
    if [ "$INSTALL" = 1 ] && ! { [ -x "$bin/write-good" ] && [ -x "$bin/alex" ] && [ -x "$bin/textlint" ]; }; then
        if command -v npm >/dev/null; then
            log "installing write-good, alex, textlint (npm)..."
            mkdir -p "$PEERS/npm"
            npm install --prefix "$PEERS/npm" --no-audit --no-fund --loglevel=error \
                "${NPM_PACKAGES[@]}" > "$PEERS/npm.log" 2>&1
        fi
    fi
    for tool in write-good alex textlint; do
        if [ -x "$bin/$tool" ]; then set_status "$tool" ""
        elif [ "$INSTALL" = 0 ]; then set_status "$tool" "not installed (--no-install)"
        elif ! command -v npm >/dev/null; then set_status "$tool" "install failed: no npm"
        else set_status "$tool" "install failed: see npm.log"; fi
    done
    cat > "$PEERS/textlintrc.json" <<'EOF'
{
  "rules": {
    "sentence-length": true,
    "common-misspellings": true,
    "terminology": true,
    "stop-words": true,
    "@textlint-rule/no-unmatched-pair": true,
    "max-comma": true
  }
}
EOF
}

wanted() { [ "$TOOLS" = all ] || [[ ",$TOOLS," == *",$1,"* ]]; }

# typos takes minutes to build: start it first, in the background.
typos_pid=""
if wanted typos; then install_typos & typos_pid=$!; fi

# --- postlint ---------------------------------------------------------------

if [ -z "$BIN" ]; then
    log "building postlint (release)..."
    (cd "$ROOT" && cargo build --release --quiet) || { log "compare.sh: cargo build failed"; exit 2; }
    BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/postlint"
fi
[ -x "$BIN" ] || { log "compare.sh: no postlint binary at $BIN"; exit 2; }
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD 2>/dev/null || echo "+dirty")

if wanted proselint; then install_proselint; fi
if wanted write-good || wanted alex || wanted textlint; then install_npm; fi
if [ -n "$typos_pid" ]; then wait "$typos_pid"; fi

# --- timing -----------------------------------------------------------------

# Max bytes of arguments xargs may pass at once: one invocation for
# thousands of files.
ARGMAX=$(( $(getconf ARG_MAX) - $(env | wc -c) - 65536 ))
[ "$ARGMAX" -gt 2000000 ] && ARGMAX=2000000
HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && HAVE_HYPERFINE=1

# command_for TOOL LIST: the command (an argv, one word a line) that runs
# TOOL on every file in the NUL-separated LIST.
command_for() {
    local tool=$1 list=$2
    local x=(xargs -0 -s "$ARGMAX" -a "$list")
    case "$tool" in
        cat) printf '%s\n' "${x[@]}" cat ;;
        postlint) printf '%s\n' "${x[@]}" "$BIN" check --format compact ;;
        postlint-1-thread) printf '%s\n' env RAYON_NUM_THREADS=1 "${x[@]}" "$BIN" check --format compact ;;
        postlint-correct) printf '%s\n' "${x[@]}" "$BIN" check --format compact --checklist correct ;;
        typos) printf '%s\n' "${x[@]}" "$PEERS/typos/bin/typos" --format brief ;;
        # proselint keeps no cache in 0.16, but older ones did in ~/.cache:
        # give it an empty one.
        proselint) printf '%s\n' env "XDG_CACHE_HOME=$WORK/cache" "HOME=$WORK/home" \
            "${x[@]}" "$PEERS/venv/bin/proselint" -o compact check ;;
        write-good) printf '%s\n' "${x[@]}" "$PEERS/npm/node_modules/.bin/write-good" --parse ;;
        alex) printf '%s\n' "${x[@]}" "$PEERS/npm/node_modules/.bin/alex" ;;
        # textlint finds its rules from the working folder.
        textlint) printf '%s\n' env -C "$PEERS/npm" "${x[@]}" "$PEERS/npm/node_modules/.bin/textlint" \
            --config "$PEERS/textlintrc.json" --format unix ;;
    esac
}

# findings TOOL OUTPUT: how many findings TOOL printed.
findings() {
    local tool=$1 out=$2
    case "$tool" in
        cat) echo "" ;;
        postlint*) grep -cE ':[0-9]+:[0-9]+: (error|warning|suggestion|info|note)' "$out" ;;
        typos) grep -cE '^.+:[0-9]+:[0-9]+: ' "$out" ;;
        proselint) grep -cE '^.+:[0-9]+:[0-9]+: ' "$out" ;;
        write-good) grep -cE '^.+:[0-9]+:[0-9]+:' "$out" ;;
        alex) grep -cE '^ *[0-9]+:[0-9]+(-[0-9]+:[0-9]+)? +warning' "$out" ;;
        textlint) grep -cE '^.+:[0-9]+:[0-9]+: ' "$out" ;;
    esac
}

# measure TOOL LIST: prints "runs median min cpu peak_kb findings" or
# "failed: why"; cpu is user + system seconds (mean).
measure() {
    local tool=$1 list=$2 out="$WORK/out/$tool.txt"
    local -a cmd
    mapfile -t cmd < <(command_for "$tool" "$list")
    rm -rf "$WORK/cache" "$WORK/home"; mkdir -p "$WORK/home"
    # First run: output for the findings, peak memory, and a time.
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/out/$tool.time" "${cmd[@]}" > "$out" 2>&1
    local rc=$?
    local first peak user sys cpu
    read -r first peak user sys < <(tail -n 1 "$WORK/out/$tool.time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    # Linters exit non-zero when they find something (xargs says 123, or 124
    # for write-good's 255); a signal (125, >128) or no program (126, 127)
    # is a failure.
    if [ "$rc" -ge 125 ] || [ -z "$first" ]; then
        echo "failed: exit $rc ($(grep -v '^ *$' "$out" | tail -n 1 | cut -c1-60))"
        return
    fi
    local count
    count=$(findings "$tool" "$out")
    if awk -v t="$first" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
        echo "1 $first $first $cpu $peak ${count:--}"
        return
    fi
    local median min
    if [ "$HAVE_HYPERFINE" = 1 ]; then
        local q=() w
        for w in "${cmd[@]}"; do q+=("$(printf '%q' "$w")"); done
        hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$WORK/out/$tool.json" \
            --style none "${q[*]}" > /dev/null 2>&1
        median=$(jq '.results[0].median' "$WORK/out/$tool.json" 2>/dev/null)
        min=$(jq '.results[0].min' "$WORK/out/$tool.json" 2>/dev/null)
        cpu=$(jq '.results[0].user + .results[0].system' "$WORK/out/$tool.json" 2>/dev/null)
    fi
    if [ -z "${median:-}" ] || [ "$median" = null ]; then
        local times=() i s e
        for ((i = 0; i < RUNS; i++)); do
            s=$(date +%s.%N)
            "${cmd[@]}" > /dev/null 2>&1
            e=$(date +%s.%N)
            times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')")
        done
        read -r median min < <(printf '%s\n' "${times[@]}" | sort -g |
            awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m, t[1] }')
    fi
    echo "$RUNS $median $min $cpu $peak ${count:--}"
}

# table TITLE LIST TOOLS...: measures each tool on LIST and prints the table.
table() {
    local title=$1 list=$2; shift 2
    local bytes words files
    files=$(tr -cd '\0' < "$list" | wc -c)
    bytes=$(xargs -0 -s "$ARGMAX" -a "$list" cat | wc -c)
    words=$(xargs -0 -s "$ARGMAX" -a "$list" cat | wc -w)
    log "timing on $title: $files files, $bytes bytes, $words words"
    LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
    local -A result
    local tool
    for tool in "$@"; do
        wanted "$tool" || continue
        local why=""
        case "$tool" in
            cat|postlint*) ;;
            *) why=$(status "$tool") ;;
        esac
        if [ -n "$why" ]; then result[$tool]="$why"; continue; fi
        log "  $tool..."
        result[$tool]=$(measure "$tool" "$list")
    done
    local base cbase
    base=$(awk '{ print $2 }' <<< "${result[postlint]:-}")
    cbase=$(awk '{ print $4 }' <<< "${result[postlint]:-}")
    echo
    echo "### $title"
    echo
    printf '%s files, %.1f MB, %s words; postlint %s; %s cores; %s\n' "$files" \
        "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$words" "$COMMIT" "$(nproc)" \
        "$([ "$HAVE_HYPERFINE" = 1 ] && echo "hyperfine -N, median of $RUNS after a warm-up" || echo "median of $RUNS runs")"
    echo
    echo "Load average before: $LOAD (other work on the machine inflates wall times; CPU time is user + system)."
    echo
    echo "| tool | runs | wall time (median) | min | MB/s | ratio to postlint | CPU time | CPU ratio | findings | findings / 1,000 words | peak RSS |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for tool in "$@"; do
        wanted "$tool" || continue
        local r=${result[$tool]}
        case "$r" in
            [0-9]*)
                read -r runs median min cpu peak count <<< "$r"
                awk -v tool="$tool" -v runs="$runs" -v med="$median" -v min="$min" -v peak="$peak" \
                    -v cpu="$cpu" -v cbase="${cbase:-0}" \
                    -v count="$count" -v bytes="$bytes" -v words="$words" -v base="${base:-0}" 'BEGIN {
                    ratio = base > 0 ? sprintf("%.2f×", med / base) : "-"
                    cratio = cbase > 0 ? sprintf("%.2f×", cpu / cbase) : "-"
                    per = (count == "-" || words == 0) ? "-" : sprintf("%.1f", count * 1000 / words)
                    printf "| %s | %s | %.3f s | %.3f s | %.1f | %s | %.3f s | %s | %s | %s | %.0f MB |\n",
                        tool, runs, med, min, bytes / 1e6 / med, ratio, cpu, cratio, count, per, peak / 1024 }' ;;
            *) echo "| $tool | - | $r | | | | | | | | |" ;;
        esac
    done
}

ALL_TOOLS=(cat postlint postlint-1-thread postlint-correct typos proselint write-good alex textlint)

[ -d "$CORPUS" ] || { log "compare.sh: no corpus at $CORPUS (--corpus DIR)"; exit 2; }
CORPUS=$(cd "$CORPUS" && pwd)
find "$CORPUS" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \
    -o -name '*.tweet' -o -name '*.toot' \) -print0 | sort -z > "$WORK/corpus.list"
echo "# postlint compare ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores)"
if [ "$BIG_ONLY" = 0 ] || [ -z "$BIG" ]; then
    table "$(basename "$CORPUS") ($CORPUS)" "$WORK/corpus.list" "${ALL_TOOLS[@]}"
fi

if [ -n "$BIG" ]; then
    # A mixed corpus of many files: the corpus, the tweets beside it and
    # examples/, copied into folders until it has BIG MB.
    big="$WORK/big"
    mkdir -p "$big"
    sources=("$CORPUS" "$ROOT/examples")
    [ -d "$CORPUS/../tweets" ] && sources+=("$(cd "$CORPUS/../tweets" && pwd)")
    copy=0
    while [ "$(du -sb "$big" | cut -f1)" -lt $((BIG * 1000000)) ]; do
        for src in "${sources[@]}"; do
            mkdir -p "$big/$copy"
            cp -r "$src" "$big/$copy/"
        done
        copy=$((copy + 1))
    done
    find "$big" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.tweet' -o -name '*.toot' \) \
        ! -name README.md ! -name EXPECTED.md -print0 | sort -z > "$WORK/big.list"
    # The slow peers would take hours here: only the fast tools, unless
    # --tools names them.
    if [ "$TOOLS" = all ]; then TOOLS="cat,postlint,postlint-1-thread,postlint-correct,typos"; fi
    table "generated mixed corpus ($copy copies of the corpus, its tweets and examples/)" \
        "$WORK/big.list" "${ALL_TOOLS[@]}"
fi
