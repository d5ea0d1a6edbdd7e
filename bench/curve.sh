#!/usr/bin/env bash
# The cost curve of issue #13: bench/run.sh and bench/list.sh at 10,000, 100,000 and 1,000,000
# plants, in one command, with the results gathered in one small CSV:
#
#     bash bench/curve.sh
#     python3 scripts/cost-curve.py     # → docs/images/cost-curve.svg from those results
#
# For each size N in HG_CURVE_SIZES it runs
#   HG_BENCH_COUNT=N bash bench/run.sh    (fan-out, progress, acks, reports, restart after kill -9,
#                                          database size; bare limits of the same run)
#   HG_BENCH_COUNT=N bash bench/list.sh   (list generate and import; bare limits)
# each in its own directory, $HG_CURVE_DIR/run-N and $HG_CURVE_DIR/list-N, and records `uptime`
# before and after each. Then it writes, from every run-N/list-N directory present (so one size
# can be measured again later, e.g. when the machine is quieter, without redoing the others):
#   $HG_CURVE_DIR/curve.csv   plants,bench,metric,median,min,max,n   (one row per figure and size)
#   $HG_CURVE_DIR/runs.csv    plants,bench,runs,date,commit,load_start,load_end
# More runs at one size can be added later in run-N_<tag> / list-N_<tag> (bench/run.sh or list.sh
# with HG_BENCH_DIR pointing there); their runs count with run-N's.
#
# Knobs (environment):
#   HG_CURVE_SIZES="10000 100000 1000000"   HG_CURVE_DIR=build/bench-curve
#   HG_CURVE_RUNS=3        runs (rounds) per size below 1,000,000
#   HG_CURVE_RUNS_1M=1     runs at 1,000,000 and above (one round there takes minutes)
#   HG_CURVE_BARE=1        measure the bare limits at every size (0: skip them)
#   HG_CURVE_COLLECT_ONLY=1   only rebuild curve.csv/runs.csv from the directories present
#   HG_CURVE_KEEP_DATA=1   keep run-N/template.sqlite (1.5 GB at 1M) for HG_BENCH_REUSE_DATA=1
#   HG_BENCH_SKIP_BUILD, HG_BENCH_BIN, HG_BENCH_PORT, HG_BENCH_REUSE_DATA as for bench/run.sh.
# At 10,000 plants the acks run for 1 s (5 s would ack every order several times over: repeats are
# idempotent but cheaper, and the run logs a warning); at 1,000,000 each report is built once per
# round with up to 600 s allowed, and the progress query is asked 20 times (not 200) per round.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${HG_CURVE_SIZES:-10000 100000 1000000}
DIR=${HG_CURVE_DIR:-$ROOT/build/bench-curve}
RUNS=${HG_CURVE_RUNS:-3}
RUNS_1M=${HG_CURVE_RUNS_1M:-1}
mkdir -p "$DIR"
log() { printf '[curve %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "${HG_CURVE_COLLECT_ONLY:-0}" != 1 ]; then
  built=${HG_BENCH_SKIP_BUILD:-0}
  for n in $SIZES; do
    runs=$RUNS; repeats=3; rtimeout=60; acks=5; pn=200; ptimeout=120
    [ "$n" -ge 1000000 ] && { runs=$RUNS_1M; repeats=1; rtimeout=600; pn=20; ptimeout=600; }
    [ "$n" -le 20000 ] && acks=1
    log "run.sh at $n plants, $runs run(s); uptime: $(uptime)"
    echo "$(date --iso-8601=seconds) start $(load)" >"$DIR/run-$n.load"
    HG_BENCH_COUNT=$n HG_BENCH_RUNS=$runs HG_BENCH_DIR=$DIR/run-$n HG_BENCH_SKIP_BUILD=$built \
      HG_BENCH_REPORT_REPEATS=$repeats HG_BENCH_REPORT_TIMEOUT=$rtimeout HG_BENCH_ACK_SECONDS=$acks \
      HG_BENCH_PROGRESS_N=$pn HG_BENCH_PROGRESS_TIMEOUT=$ptimeout \
      HG_BENCH_BARE=${HG_CURVE_BARE:-1} bash bench/run.sh >"$DIR/run-$n.log" 2>&1 ||
      { log "run.sh at $n failed: $(tail -3 "$DIR/run-$n.log")"; exit 1; }
    echo "$(date --iso-8601=seconds) end $(load)" >>"$DIR/run-$n.load"
    built=1
    [ "${HG_CURVE_KEEP_DATA:-0}" = 1 ] || rm -f "$DIR/run-$n"/template.sqlite*   # 1.5 GB at 1M
    rm -f "$DIR/run-$n"/bare-sqlite.sqlite*
    log "list.sh at $n plants, $runs run(s); uptime: $(uptime)"
    echo "$(date --iso-8601=seconds) start $(load)" >"$DIR/list-$n.load"
    HG_BENCH_COUNT=$n HG_BENCH_RUNS=$runs HG_BENCH_DIR=$DIR/list-$n HG_BENCH_SKIP_BUILD=1 \
      bash bench/list.sh >"$DIR/list-$n.log" 2>&1 ||
      { log "list.sh at $n failed: $(tail -3 "$DIR/list-$n.log")"; exit 1; }
    echo "$(date --iso-8601=seconds) end $(load)" >>"$DIR/list-$n.load"
    rm -f "$DIR/list-$n/list.json" "$DIR/run-$n/list.json"   # up to 750 MB each
  done
fi

# --- gather: one row per figure and size ------------------------------------------------------------
# A directory run-N_<tag> or list-N_<tag> (further runs at size N, e.g. `HG_BENCH_COUNT=N
# HG_BENCH_DIR=build/bench-curve/run-N_b bash bench/run.sh`) adds its runs to those of run-N.
stats() {  # stats FILE... → "median,min,max,n" over every line of the files
  cat "$@" | sort -g | awk '{a[NR]=$1} END{printf "%s,%s,%s,%d\n", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2, a[1], a[NR], NR}'
}
metrics_dir() { if [ "${1%%-*}" = list ]; then echo metrics; else echo runs; fi; }
size_of() { local n=${1##*-}; echo "${n%%_*}"; }   # run-1000000_b → 1000000
{
  echo "plants,bench,metric,median,min,max,n"
  for d in "$DIR"/run-* "$DIR"/list-*; do
    [ -d "$d" ] || continue
    b=$(basename "$d"); [ "$b" = "${b%%_*}" ] || continue   # the _<tag> directories are read with their size
    bench=${b%%-*}; n=$(size_of "$b"); sub=$(metrics_dir "$b")
    [ -d "$d/$sub" ] || continue
    for f in "$d/$sub"/*; do
      [ -s "$f" ] || continue
      files=("$f"); for x in "$d"_*/"$sub/$(basename "$f")"; do [ -s "$x" ] && files+=("$x"); done
      echo "$n,$bench,$(basename "$f"),$(stats "${files[@]}")"
    done
  done
} | sort -t, -k1,1n -k2,2 -k3,3 >"$DIR/curve.csv"
{
  echo "plants,bench,runs,date,commit,load_start,load_end"
  for d in "$DIR"/run-* "$DIR"/list-*; do
    [ -f "$d/machine.md" ] || continue
    b=$(basename "$d"); bench=${b%%-*}; n=$(size_of "$b"); sub=$(metrics_dir "$b")
    first=$(ls "$d/$sub"/* 2>/dev/null | head -1); [ -n "$first" ] || continue
    runs=$(wc -l <"$first")
    date=$(sed -n 's/^- date: //p' "$d/machine.md")
    commit=$(sed -n 's/^- source: commit \([^ ]*\) + \([0-9]*\).*/\1+\2/p' "$d/machine.md")
    ls_=$(sed -n 's/^- load average at start: //p' "$d/machine.md")
    le=$(sed -n 's/^- load average at end: //p' "$d/machine.md")
    echo "$n,$bench,$runs,$date,$commit,$ls_,$le"
  done
} | sort -t, -k1,1n -k2,2 -k4,4 >"$DIR/runs.csv"
log "wrote $DIR/curve.csv ($(($(wc -l <"$DIR/curve.csv") - 1)) rows) and $DIR/runs.csv"
cat "$DIR/runs.csv"
