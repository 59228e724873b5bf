#!/usr/bin/env bash
# Runs every benchmark and prints the numbers the README reports.
# Usage: bench/run_bench.sh [BUILD_DIR] [startup]   (needs Xvfb for the window numbers;
#        "startup" runs only the paired start-up runs; RUNS=N sets their number, default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ONLY=${2:-}
TEBIKI=$BUILD/app/tebiki
DATA=$(mktemp -d)

if [[ -z "$ONLY" ]]; then
  echo "== core (bundled guide)"
  "$BUILD/bench/tebiki_bench" content bench/queries.txt
fi

if [[ -z "${DISPLAY:-}" ]]; then
  exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>/dev/null)
  read -r n <&3
  export DISPLAY=:$n
  XVFB_STARTED=1
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.-]*\).*/\1/p"; }

echo "== window (Xvfb, Mesa llvmpipe)"
# Start-up against a bare ImGui window doing the same job (bench/bare_window.cpp: one Japanese
# font, 30 wrapped lines of the first chapter, a PNG): wall time of the whole process, the two
# alternated run by run so that load from other work hits both alike; the median of RUNS pairs.
# The CPU time (user + sys) is printed too: on a busy machine it varies far less than wall time.
# Warm: the atlas cache and the data folder exist (every start after the first). Cold: both are
# empty (the first start after installing).
RUNS=${RUNS:-7}
FIRST=$("$TEBIKI" toc | awk '$1 ~ /\// && $1 !~ /#/ && !n++ {print $1}')  # no early exit: pipefail
SHOTS=$(mktemp -d)
wall_ms() {  # runs "$@" quietly; prints its wall time and its CPU time (user + sys, all threads) in ms
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "bench: $* failed" >&2; return 1; }
  local t1=$EPOCHREALTIME
  # Called in $(...): a fresh subshell, so its children's times are this command's alone.
  times >"$SHOTS/times"  # (a pipe would run it in another subshell)
  tail -1 "$SHOTS/times" | awk -v w="$(awk "BEGIN {print ($t1 - $t0) * 1000}")" '{
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f %.0f\n", w, (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }'
}
bare_run() { wall_ms "$BUILD/bench/bare_window" --text "content/$FIRST.md" --out "$SHOTS/bare.png" --size 1280x800; }
ours_run() { XDG_CACHE_HOME=$1 wall_ms "$TEBIKI" screenshot "$FIRST" --data "$2" --out "$SHOTS/tebiki.png" --size 1280x800; }
paired() {  # paired NAME warm|cold
  local bare=() ours=() cache data
  cache=$(mktemp -d); data=$(mktemp -d)
  ours_run "$cache" "$data" >/dev/null; bare_run >/dev/null  # page cache, and the warm cache
  for ((i = 0; i < RUNS; i++)); do
    if [[ $2 == cold ]]; then rm -rf "$cache" "$data"; cache=$(mktemp -d); data=$(mktemp -d); fi
    bare+=("$(bare_run)")
    ours+=("$(ours_run "$cache" "$data")")
  done
  local b o bc oc
  b=$(printf '%s\n' "${bare[@]}" | cut -d' ' -f1 | median); o=$(printf '%s\n' "${ours[@]}" | cut -d' ' -f1 | median)
  bc=$(printf '%s\n' "${bare[@]}" | cut -d' ' -f2 | median); oc=$(printf '%s\n' "${ours[@]}" | cut -d' ' -f2 | median)
  echo "startup_screenshot_$1 bare ${b} ms, tebiki ${o} ms (ratio $(awk "BEGIN {printf \"%.2f\", $o/$b}"); median of $RUNS pairs)"
  echo "  cpu (user+sys): bare ${bc} ms, tebiki ${oc} ms (ratio $(awk "BEGIN {printf \"%.2f\", $oc/$bc}")); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  bare wall:   $(printf '%s\n' "${bare[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
  echo "  tebiki wall: $(printf '%s\n' "${ours[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
  rm -rf "$cache" "$data"
}
paired warm warm
paired cold cold
rm -rf "$SHOTS"
[[ "$ONLY" == startup ]] && { rm -rf "$DATA"; exit 0; }
bare=$(for i in 1 2 3 4 5; do "$BUILD/bench/bare_window" --text "content/$FIRST.md" | field first_frame_ms; done | median)
ours=$(for i in 1 2 3 4 5; do "$TEBIKI" --data "$DATA" --exit-after-first-frame | field first_frame_ms; done | median)
rss=$("$TEBIKI" --data "$DATA" --exit-after-first-frame | field peak_rss_kib)
echo "startup_first_frame bare_imgui ${bare} ms, tebiki ${ours} ms (ratio $(awk "BEGIN {printf \"%.2f\", $ours/$bare}"))"
echo "tebiki_peak_rss_at_first_frame ${rss} KiB"

longest=$("$TEBIKI" toc | awk '$1 ~ /\// && $1 !~ /#/ {print $1}' | while read -r id; do
  printf '%s %s\n' "$(wc -c < "content/$id.md")" "$id"; done | sort -n | tail -1 | cut -d' ' -f2)
echo "scroll ($longest, 600 frames): $("$TEBIKI" --data "$DATA" --bench-scroll --open "$longest" 2>/dev/null | tail -1)"
echo "idle: $("$TEBIKI" --data "$DATA" --bench-idle | tail -1)"
rm -rf "$DATA"

echo "== tebiki ward (100 departments × 5 assessments; PostgreSQL 15 started for the run)"
if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
  /usr/bin/python3 bench/ward_bench.py "$BUILD"
else
  echo "skipped: postgresql is not installed (tools/setup.sh --with-tests installs it)"
fi
