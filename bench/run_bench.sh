#!/usr/bin/env bash
# Runs every benchmark and prints the numbers the README reports.
# Usage: bench/run_bench.sh [BUILD_DIR]   (needs Xvfb for the window numbers)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
TEBIKI=$BUILD/app/tebiki
DATA=$(mktemp -d)

echo "== core (bundled guide)"
"$BUILD/bench/tebiki_bench" content bench/queries.txt

if [[ -z "${DISPLAY:-}" ]]; then
  exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>/dev/null)
  read -r n <&3
  export DISPLAY=:$n
  XVFB_STARTED=1
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.-]*\).*/\1/p"; }

echo "== window (Xvfb, Mesa llvmpipe)"
bare=$(for i in 1 2 3 4 5; do "$BUILD/bench/bare_window" | field first_frame_ms; done | median)
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
