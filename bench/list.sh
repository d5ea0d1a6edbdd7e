#!/usr/bin/env bash
# The list limits of issue #13, with their bare limits, in one command:
#
#     bash bench/list.sh
#
# Builds the release preset, then HG_BENCH_RUNS times: `hazeguard list generate --count
# HG_BENCH_COUNT` to a file (wall time, peak RSS), `hazeguard list import` of that file into a new
# database (wall time, peak RSS), the same import of its CSV form (bench/list_to_csv.py, made once;
# it must store the same list: the same sha256), and the bare limits of the same run: reading the file (cat to
# /dev/null, from the page cache) and SQLite inserting HG_BENCH_COUNT rows of the list's mean
# entry size in one transaction (bench/sqlite_insert.cpp, the product's settings). Prints a
# Markdown table (median, min, max, limit, bare limit) and keeps it in $HG_BENCH_DIR/results.md.
#
# Knobs (environment): HG_BENCH_RUNS=3 HG_BENCH_COUNT=100000 HG_BENCH_DIR=build/bench-list
#   HG_BENCH_SKIP_BUILD=1 (use the binaries already built) HG_BENCH_BIN=build/release
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${HG_BENCH_RUNS:-3}
COUNT=${HG_BENCH_COUNT:-100000}
WORK=${HG_BENCH_DIR:-$ROOT/build/bench-list}
BIN=${HG_BENCH_BIN:-$ROOT/build/release}
HG=$BIN/api/hazeguard
M=$WORK/metrics
mkdir -p "$WORK"

source bench/common.sh

if [ ! -x /usr/bin/time ]; then  # GNU time: the peak RSS of a process
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends time
fi
if [ "${HG_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building (preset release)"
  cmake --preset release >/dev/null
  cmake --build --preset release --target hazeguard hg_bench_sqlite
fi
for t in "$HG" "$BIN/bench/hg_bench_sqlite"; do [ -x "$t" ] || die "missing $t"; done
rm -rf "$M"; mkdir -p "$M"; rm -f "$WORK/list.csv"
bench_machine "$WORK/machine.md"
metric() { echo "$2" >>"$M/$1"; }
# timed NAME COMMAND...: wall seconds and peak RSS (MB) of COMMAND, stdout to $WORK/NAME.out
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" >"$WORK/$name.out"
  read -r secs kb <"$WORK/$name.time"
  metric "${name}_s" "$secs"
  metric "${name}_mb" "$(awk -v k="$kb" 'BEGIN{printf "%.1f", k/1024}')"
}

for r in $(seq "$RUNS"); do
  timed generate "$HG" list generate --count "$COUNT" --seed 2026
  mv "$WORK/generate.out" "$WORK/list.json"
  rm -f "$WORK"/db.sqlite*
  timed import "$HG" list import "$WORK/list.json" --db "$WORK/db.sqlite"
  grep -q "\"count\": $COUNT" "$WORK/import.out" || die "the import does not count $COUNT plants: $(head -c 300 "$WORK/import.out")"
  [ -s "$WORK/list.csv" ] || python3 bench/list_to_csv.py "$WORK/list.json" >"$WORK/list.csv"
  rm -f "$WORK"/db.sqlite*
  timed import_csv "$HG" list import "$WORK/list.csv" --db "$WORK/db.sqlite"
  [ "$(grep '"sha256"' "$WORK/import_csv.out")" = "$(grep '"sha256"' "$WORK/import.out")" ] \
    || die "the CSV import stores another list: $(head -c 300 "$WORK/import_csv.out")"
  # bare limits, in the same run
  timed bare_read sh -c 'cat "$1" >/dev/null' _ "$WORK/list.json"   # to /dev/null, not to bare_read.out
  bytes=$(( $(stat -c %s "$WORK/list.json") / COUNT ))
  line=$("$BIN/bench/hg_bench_sqlite" "$WORK/bare.sqlite" "$COUNT" "$bytes")
  metric bare_sqlite_s "$(echo "$line" | field ms | awk '{printf "%.3f", $1/1000}')"
  log "round $r: generate $(tail -1 "$M/generate_s") s, import $(tail -1 "$M/import_s") s ($(tail -1 "$M/import_mb") MB), CSV $(tail -1 "$M/import_csv_s") s ($(tail -1 "$M/import_csv_mb") MB); bare: read $(tail -1 "$M/bare_read_s") s, SQLite $(tail -1 "$M/bare_sqlite_s") s"
done
rm -f "$WORK"/db.sqlite* "$WORK"/bare.sqlite*
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.md"

{
  echo "Machine:"; cat "$WORK/machine.md"; echo
  echo "Command: \`bash bench/list.sh\` (runs=$RUNS, plants=$COUNT, list $(stat -c %s "$WORK/list.json" | awk '{printf "%.1f MB", $1/1048576}'))"
  echo
  echo "| benchmark | median | min | max | limit | bare limit (median, same run) |"
  echo "|---|---|---|---|---|---|"
  row "\`list generate --count $COUNT\`, wall" generate_s s "≤ 2 s" "—"
  row "\`list generate\`, peak RSS" generate_mb MB "≤ 250 MB" "—"
  row "\`list import\` of that list, wall" import_s s "≤ 3 s" \
      "reading the file: $(med bare_read_s) s; SQLite $COUNT rows of $bytes B in one tx: $(med bare_sqlite_s) s"
  row "\`list import\`, peak RSS" import_mb MB "≤ 250 MB" "—"
  row "\`list import\` of its CSV form ($(stat -c %s "$WORK/list.csv" | awk '{printf "%.1f MB", $1/1048576}')), wall" import_csv_s s "≤ 3 s" "—"
  row "\`list import\` of the CSV, peak RSS" import_csv_mb MB "≤ 250 MB" "—"
} >"$WORK/results.md"
cat "$WORK/results.md"
