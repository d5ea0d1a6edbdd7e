#!/usr/bin/env bash
# Where an acknowledgement's CPU goes (issue #13 "Acks"), in one command:
#
#     bash bench/ack_profile.sh            # callgrind: instructions per ack (load-independent)
#     HG_PROFILE=perf bash bench/ack_profile.sh   # perf record -g of the server during the acks
#     HG_PROFILE=none bash bench/ack_profile.sh   # no profiler: the CPU of the server and of wrk per ack
#     HG_PROFILE=strace bash bench/ack_profile.sh # the server's system calls, counted (strace -c)
#
# Prepares (or reuses, HG_BENCH_REUSE_DATA=1) the data of bench/run.sh, approves an orange
# episode of HG_BENCH_COUNT orders on a plain server, stops it, then starts the server again on
# the same database — under `valgrind --tool=callgrind` (instrumentation off until the acks start) or
# plainly with `perf record -g` attached — and posts acks with bench/ack.lua for
# HG_PROFILE_SECONDS. Prints the instructions (or samples) per committed ack and the top
# functions; keeps callgrind.out / perf.data and the logs in $HG_BENCH_DIR/profile/.
# Knobs: HG_PROFILE=callgrind|perf HG_PROFILE_SECONDS=10 HG_PROFILE_CONNS=32 HG_BENCH_COUNT=100000
#   HG_BENCH_DIR=build/bench-data HG_BENCH_BIN=build/release HG_BENCH_PORT HG_BENCH_THREADS=4
#   HG_BENCH_REUSE_DATA=1 (the template and tokens of an earlier run in HG_BENCH_DIR)
#   HG_PERF_CALL_GRAPH="--call-graph dwarf" (perf: callers through libc and SQLite, which have no frame pointers)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COUNT=${HG_BENCH_COUNT:-100000}
WORK=${HG_BENCH_DIR:-$ROOT/build/bench-data}
BIN=${HG_BENCH_BIN:-$ROOT/build/release}
SERVER_THREADS=${HG_BENCH_THREADS:-4}
PROFILE=${HG_PROFILE:-callgrind}
SECONDS_=${HG_PROFILE_SECONDS:-10}
CONNS=${HG_PROFILE_CONNS:-32}
HG=$BIN/api/hazeguard
source bench/common.sh

[ -x "$HG" ] && [ -x "$BIN/bench/hg_bench_tokens" ] || die "build the release preset first ($BIN)"
mkdir -p "$WORK"
bench_prepare_data
R=$WORK/profile; rm -rf "$R"; mkdir -p "$R"
cp "$WORK/template.sqlite" "$R/db.sqlite"
serve_args=(serve --port "$PORT" --db "$R/db.sqlite" --no-demo-tokens --no-sample-list --threads "$SERVER_THREADS")

"$HG" "${serve_args[@]}" >"$R/server.out" 2>"$R/server.err" &
spid=$!; PIDS+=("$spid")
wait_ready "$URL" "$spid"
bench_propose docs/examples/forecast-c2.json orange "$(date --iso-8601=seconds)"
code=$(curl -s -o "$R/approve.json" -m 600 -w '%{http_code}' -H "Authorization: Bearer $APPROVER" \
       -H 'Content-Type: application/json' -d '{}' "$URL/v1/proposals/$prop/approve")
[ "$code" = 200 ] || die "approve answered $code"
stop_pid "$spid"
sqlite3 -readonly -separator ' ' "$R/db.sqlite" \
  "SELECT o.id, o.enterprise_id FROM orders o JOIN order_batches b ON b.id = o.batch_id WHERE b.episode_id = 1 AND o.kind = 0 ORDER BY o.id" |
  awk 'NR==FNR {tok[$1] = $2; next} ($2 in tok) {print $1, tok[$2]}' "$WORK/enterprise-tokens.txt" - >"$R/ack-tokens.txt"

if [ "$PROFILE" = callgrind ]; then
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$R/callgrind.out" \
    "$HG" "${serve_args[@]}" >"$R/server.out" 2>"$R/server.err" &
else
  "$HG" "${serve_args[@]}" >"$R/server.out" 2>"$R/server.err" &
fi
spid=$!; PIDS+=("$spid")
for _ in $(seq 600); do curl -s -o /dev/null -m 1 "$URL/readyz" && break; sleep 0.2; done
before=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM orders WHERE status >= 1")
if [ "$PROFILE" = callgrind ]; then
  callgrind_control -i on "$spid" >/dev/null
elif [ "$PROFILE" = perf ]; then
  perf record ${HG_PERF_CALL_GRAPH:--g} -o "$R/perf.data" -p "$spid" -- sleep "$SECONDS_" 2>"$R/perf.err" & perf_job=$!
elif [ "$PROFILE" = strace ]; then
  timeout "$SECONDS_" strace -c -f -p "$spid" -o "$R/strace.txt" 2>/dev/null & perf_job=$!
fi
cpu_s() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
server_cpu0=$(cpu_s "$spid")
TIMEFORMAT='%U %S'
{ time HG_ACK_TOKENS="$R/ack-tokens.txt" HG_ACK_THREADS=2 timeout $((SECONDS_ + 120)) \
  wrk -t2 -c"$CONNS" -d"${SECONDS_}s" --timeout 30s -s bench/ack.lua "$URL" >"$R/wrk.txt" 2>"$R/wrk.err"; } 2>"$R/wrk.time"
server_cpu=$(awk -v a="$server_cpu0" -v b="$(cpu_s "$spid")" 'BEGIN{print b - a}')
if [ "$PROFILE" = callgrind ]; then
  callgrind_control -i off "$spid" >/dev/null
  callgrind_control -d "$spid" >/dev/null
elif [ "$PROFILE" != none ]; then
  wait "$perf_job" || true
fi
stop_pid "$spid"
acks=$(( $(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM orders WHERE status >= 1") - before ))
log "$(grep ACK_RESULT "$R/wrk.txt"); $acks acks committed"
log "CPU per ack: server $(awk -v c="$server_cpu" -v n="$acks" 'BEGIN{printf "%.0f", 1e6 * c / n}') µs, wrk $(awk -v n="$acks" '{printf "%.0f", 1e6 * ($1 + $2) / n}' "$R/wrk.time") µs (user+sys; the profiler's own cost included when there is one)"
if [ "$PROFILE" = callgrind ]; then
  out=$(ls -S "$R"/callgrind.out* | head -1)
  for f in "$R"/callgrind.out*; do callgrind_annotate "$f" 2>/dev/null | sed -n 's/^\([0-9,]*\) *(100.0%) *PROGRAM TOTALS/\1/p'; done |
    tr -d , | awk -v n="$acks" '{t += $1} END{printf "instructions: %d in all, %d per ack (%d acks)\n", t, t / n, n}'
  callgrind_annotate --inclusive=yes "$out" 2>/dev/null | head -60 >"$R/top-inclusive.txt"
  callgrind_annotate "$out" 2>/dev/null | head -60 >"$R/top-self.txt"
  log "top functions in $R/top-inclusive.txt and $R/top-self.txt"
elif [ "$PROFILE" = perf ]; then
  perf report -i "$R/perf.data" --no-children --stdio --percent-limit 1 2>/dev/null | grep -v '^$' | head -80 >"$R/top-self.txt"
  log "samples: $(perf report -i "$R/perf.data" --stdio 2>/dev/null | sed -n 's/^# Samples: \(.*\) of.*/\1/p' | head -1); top in $R/top-self.txt"
fi
if [ "$PROFILE" = strace ]; then
  awk -v n="$acks" '$NF ~ /^[a-z_0-9]+$/ && $4 ~ /^[0-9]+$/ {printf "%-16s %8.2f per ack\n", $NF, $4 / n}' "$R/strace.txt" | sort -k2 -rn | head -15
fi
