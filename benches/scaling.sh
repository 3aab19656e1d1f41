#!/usr/bin/env bash
# Scaling end to end: the release binary on the inputs of benches/scaling.rs
# (file count, file size, line length, findings per line, thread posts) at
# n, 2n and 4n, then the corpus at 1x and 4x for peak memory, then start-up
# and one short post. Prints markdown tables: time, t(2n)/t(n), t(4n)/t(2n)
# and peak RSS (`/usr/bin/time -f %M`).
#
#   benches/scaling.sh                 # inputs 4 times the bench's n
#   benches/scaling.sh --factor 8 --runs 10
#   benches/scaling.sh --bin PATH      # this binary instead of a release build
#
# Timing: hyperfine -N (median after a warm-up) if installed, otherwise
# repeated runs, median. Everything runs with every default checklist
# (`check --format compact`, output discarded) on all cores.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS="$ROOT/../shared/data/corpus/rust-blog"
FACTOR=4
RUNS=5
BIN=""
while [ $# -gt 0 ]; do
    case "$1" in
        --factor) FACTOR=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --bin) BIN=$2; shift 2 ;;
        --corpus) CORPUS=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "scaling.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
log() { printf '%s\n' "$*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/postlint-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -z "$BIN" ]; then
    log "building postlint (release)..."
    (cd "$ROOT" && cargo build --release --quiet) || { log "scaling.sh: cargo build failed"; exit 2; }
    BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/postlint"
fi
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD 2>/dev/null || echo "+dirty")
log "writing the inputs (cargo bench --bench scaling, writer mode)..."
(cd "$ROOT" && POSTLINT_SCALING_WRITE="$WORK/inputs" POSTLINT_SCALING_FACTOR="$FACTOR" \
    cargo bench --quiet --bench scaling > /dev/null) || { log "scaling.sh: writing inputs failed"; exit 2; }

HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && HAVE_HYPERFINE=1

# seconds ARGS...: "wall cpu" of `postlint ARGS` in seconds: the median wall
# time and the mean CPU time (user + system; other work on the machine
# inflates wall times, much less CPU time).
seconds() {
    if [ "$HAVE_HYPERFINE" = 1 ]; then
        local q=() w
        for w in "$BIN" "$@"; do q+=("$(printf '%q' "$w")"); done
        hyperfine -N -i --warmup 1 --runs "$RUNS" --style none \
            --export-json "$WORK/t.json" "${q[*]}" > /dev/null 2>&1 &&
            jq -r '.results[0] | "\(.median) \(.user + .system)"' "$WORK/t.json" && return
    fi
    local i
    "$BIN" "$@" > /dev/null 2>&1
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -f '%e %U %S' -o "$WORK/one" "$BIN" "$@" > /dev/null 2>&1
        tail -n 1 "$WORK/one"
    done | sort -g | awk '{ t[NR] = $1; c += $2 + $3 }
        END { print (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), c / NR }'
}

# peak ARGS...: peak RSS of `postlint ARGS` in KB.
peak() {
    /usr/bin/time -f '%M' -o "$WORK/rss" "$BIN" "$@" > /dev/null 2>&1
    tail -n 1 "$WORK/rss"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
size() { du -sb "$1" | cut -f1; }

echo "# postlint scaling ($(date -u +%Y-%m-%d), postlint $COMMIT, $(nproc) cores, inputs x$FACTOR of benches/scaling.rs)"
echo
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null). Times are wall (median); ratios of wall time, and in brackets of CPU time (user + system)."
echo
echo "| dimension | n | bytes at n | t(n) | t(2n) | t(4n) | t(2n)/t(n) | t(4n)/t(2n) | peak RSS n | peak RSS 4n |"
echo "|---|---|---|---|---|---|---|---|---|---|"
worst=0
for dim in files file-size line-length findings-per-line thread-posts; do
    log "  $dim..."
    t=() c=() r=()
    for step in 1 2 4; do
        read -r wall cpu <<< "$(seconds check --format compact "$WORK/inputs/$dim/${step}x")"
        t+=("$wall") c+=("$cpu")
        r+=("$(peak check --format compact "$WORK/inputs/$dim/${step}x")")
    done
    n=$(find "$WORK/inputs/$dim/1x" -type f | wc -l)
    case "$dim" in
        files) what="$n files" ;;
        *) what="1 file" ;;
    esac
    read -r a b ca cb <<< "$(awk -v t1="${t[0]}" -v t2="${t[1]}" -v t4="${t[2]}" \
        -v c1="${c[0]}" -v c2="${c[1]}" -v c4="${c[2]}" \
        'BEGIN { printf "%.2f %.2f %.2f %.2f", t2 / t1, t4 / t2, c2 / c1, c4 / c2 }')"
    worst=$(awk -v w="$worst" -v a="$a" -v b="$b" 'BEGIN { m = a > b ? a : b; print (m > w ? m : w) }')
    echo "| $dim | $what | $(size "$WORK/inputs/$dim/1x") | $(ms "${t[0]}") | $(ms "${t[1]}") | $(ms "${t[2]}") | $a ($ca) | $b ($cb) | $(mb "${r[0]}") | $(mb "${r[2]}") |"
done
echo
echo "Target: every ratio at most 2.30 (doubling the input at most doubles the time, +15%); worst here $worst."

if [ -d "$CORPUS" ]; then
    log "  corpus 1x and 4x..."
    mkdir -p "$WORK/corpus4"
    for i in 1 2 3 4; do cp -r "$CORPUS" "$WORK/corpus4/$i"; done
    largest=$(find "$CORPUS" -type f -printf '%s\n' | sort -n | tail -n 1)
    echo
    echo "Peak memory over many files ($CORPUS, largest file $largest bytes):"
    echo
    echo "| input | files | bytes | time | MB/s | peak RSS |"
    echo "|---|---|---|---|---|---|"
    for which in "1x:$CORPUS" "4x:$WORK/corpus4"; do
        dir=${which#*:}
        files=$(find "$dir" -type f | wc -l)
        bytes=$(size "$dir")
        read -r s cpu <<< "$(seconds check --format compact "$dir")"
        echo "| corpus ${which%%:*} | $files | $bytes | $(ms "$s") (CPU $(ms "$cpu")) | $(awk -v b="$bytes" -v s="$s" 'BEGIN { printf "%.1f", b / 1e6 / s }') | $(mb "$(peak check --format compact "$dir")") |"
    done
fi

log "  start-up..."
printf 'Shipping today!\n' > "$WORK/short.txt"
printf 'Shipping today! Notes: https://example.com/notes\n' > "$WORK/link.txt"
: > "$WORK/empty.txt"
echo
echo "Start-up and one short post (RUNS=$RUNS, median):"
echo
echo "| command | time | peak RSS |"
echo "|---|---|---|"
for args in "--version" "check $WORK/empty.txt --channel x" "check $WORK/short.txt --channel x" \
    "check $WORK/link.txt --channel x" "check $WORK/short.txt --channel x --checklist correct"; do
    # shellcheck disable=SC2086
    # shellcheck disable=SC2086
    read -r s cpu <<< "$(seconds $args)"
    echo "| \`postlint ${args//$WORK\//}\` | $(ms "$s") (CPU $(ms "$cpu")) | $(mb "$(peak $args)") |"
done
