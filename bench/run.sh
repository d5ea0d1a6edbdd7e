#!/usr/bin/env bash
# The speed benchmarks of issue #3 §4, with their bare limits, in one command:
#
#     bash bench/run.sh
#
# Builds the release preset (bench tools included), prepares the data ONCE (a generated list of
# HG_BENCH_COUNT enterprises imported into a template database, plus one token per enterprise),
# then runs HG_BENCH_RUNS rounds; each round copies the template, starts `hazeguard serve`, and
# measures the orange fan-out (approve wall time, RSS, /v1/status latency during it), the progress
# query, the acknowledgements (wrk + bench/ack.lua) and the evaluation report (JSON, HTML, CSV).
# The bare limits (SQLite insert, bare Beast JSON server with 1 and 2 threads) run HG_BENCH_RUNS
# times each. Prints a Markdown table
# (median, min, max, limit, bare limit) and keeps it with every raw log in $HG_BENCH_DIR.
#
# Knobs (environment): HG_BENCH_RUNS=3 HG_BENCH_COUNT=100000 HG_BENCH_ACK_SECONDS=5
#   HG_BENCH_WRK_SECONDS=5 HG_BENCH_PORT=28765 HG_BENCH_THREADS=4 (server I/O threads, as `serve`)
#   HG_BENCH_DIR=build/bench-data HG_BENCH_SKIP_BUILD=1 (use the binaries already built)
#   HG_BENCH_BIN=build/release (where the binaries are; with another tree, set HG_BENCH_SKIP_BUILD=1)
#   HG_BENCH_BARE=0 (skip the bare limits: only the product rounds)
#   HG_BENCH_REPORT_REPEATS=3 (builds of each report format per round; the round's figure is their
#   median; 0: no report) HG_BENCH_REPORT_TIMEOUT=60 (seconds allowed for one report answer; raise it for 1M)
#   HG_BENCH_PROGRESS_N=200 (sequential progress queries per round) HG_BENCH_PROGRESS_TIMEOUT=120
#   HG_BENCH_ACK_MAX_ORDERS=200000 (the acks are posted to the episode's first orders, at most this
#   many: wrk's script reads and formats them all before it starts, which at 1M took over a minute)
#   HG_BENCH_REUSE_DATA=1 (keep the template database and tokens of an earlier run of the same
#   HG_BENCH_COUNT in HG_BENCH_DIR instead of generating and importing again)
#   HG_BENCH_KEEP_DB=1 (keep the last round's database, episode and acks included, as
#   $HG_BENCH_DIR/last-round.sqlite: what a report profile reads)
# After the report, each round also kills the server with SIGKILL and starts it again on the same
# database: "restart to the first answer" is the time from that start to the first 200 of the
# episode's progress query (and, separately, of /readyz). See bench/curve.sh for 10k/100k/1M.
# Only 127.0.0.1 is used; every load loop is bounded in time; servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${HG_BENCH_RUNS:-3}
COUNT=${HG_BENCH_COUNT:-100000}
ACK_SECONDS=${HG_BENCH_ACK_SECONDS:-5}  # 100,000 orders last about 8 s at 12k/s: stay below it
WRK_SECONDS=${HG_BENCH_WRK_SECONDS:-5}
SERVER_THREADS=${HG_BENCH_THREADS:-4}
WORK=${HG_BENCH_DIR:-$ROOT/build/bench-data}
BIN=${HG_BENCH_BIN:-$ROOT/build/release}
BARE=${HG_BENCH_BARE:-1}
REPORT_REPEATS=${HG_BENCH_REPORT_REPEATS:-3}
REPORT_TIMEOUT=${HG_BENCH_REPORT_TIMEOUT:-60}
PROGRESS_N=${HG_BENCH_PROGRESS_N:-200}
PROGRESS_TIMEOUT=${HG_BENCH_PROGRESS_TIMEOUT:-120}
ACK_MAX_ORDERS=${HG_BENCH_ACK_MAX_ORDERS:-200000}
HG=$BIN/api/hazeguard
WRK_CONNS=256
WRK_THREADS=2

source bench/common.sh

# --- tools ------------------------------------------------------------------------------------
if [ "${HG_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building (preset release)"
  cmake --preset release >/dev/null
  cmake --build --preset release
fi
tools=("$HG" "$BIN/bench/hg_bench_tokens")
[ "$BARE" = 1 ] && tools+=("$BIN/bench/hg_bench_echo" "$BIN/bench/hg_bench_sqlite")
for b in "${tools[@]}"; do
  [ -x "$b" ] || die "$b is missing (HG_BUILD_BENCH=OFF?)"
done

mkdir -p "$WORK"
rm -rf "$WORK/runs" && mkdir -p "$WORK/runs"
M=$WORK/runs   # one file per metric, one value per line (per run)
metric() { echo "$2" >>"$M/$1"; }

# --- the machine --------------------------------------------------------------------------------
bench_machine "$WORK/machine.md"
cat "$WORK/machine.md" >&2

# --- data, once ---------------------------------------------------------------------------------
bench_prepare_data

# status poller: until STOPFILE exists (or 600 s), one GET /v1/status after another;
# writes "start_ms seconds http_code" per request
status_poller() {
  local out=$1 stop=$2 deadline=$(( $(date +%s) + 600 ))
  while [ ! -e "$stop" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    local s; s=$(now_ms)
    echo "$s $(curl -s -o /dev/null -m 10 -w '%{time_total} %{http_code}' -H "Authorization: Bearer $DUTY" "$URL/v1/status")" >>"$out"
  done
}
# With perf (linux-perf, optional), the ack rounds also count the server's fdatasync calls: acks per
# fsync is the group-commit group size.
PERF_OK=0
perf stat -e syscalls:sys_enter_fdatasync -- true >/dev/null 2>&1 && PERF_OK=1

# --- bare limit (b): SQLite, 100,000 rows of ~1 KB in one transaction ---------------------------
[ "$BARE" = 1 ] && for r in $(seq "$RUNS"); do
  line=$("$BIN/bench/hg_bench_sqlite" "$WORK/bare-sqlite.sqlite" "$COUNT" 1000)
  echo "$line" >>"$WORK/bare-sqlite.log"
  metric bare_sqlite_s "$(echo "$line" | field ms | awk '{printf "%.3f", $1/1000}')"
  log "bare SQLite run $r: $line"
done

# --- bare limit (a): the project's HttpServer answering a parsed JSON POST ----------------------
[ "$BARE" = 1 ] && for threads in 1 2; do
  "$BIN/bench/hg_bench_echo" --port "$PORT" --threads "$threads" >"$WORK/echo-$threads.log" 2>&1 &
  epid=$!; PIDS+=("$epid")
  for _ in $(seq 100); do curl -s -o /dev/null -m 1 -d '{}' "$URL/" && break; sleep 0.1; done
  for r in $(seq "$RUNS"); do
    c0=$(cpu_ms "$epid")
    out=$(timeout $((WRK_SECONDS + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_SECONDS}s" --latency \
          -s bench/post.lua "$URL")
    echo "$out" >>"$WORK/bare-echo-$threads.log"
    line=$(echo "$out" | grep POST_RESULT)
    metric "bare_echo${threads}_rps" "$(echo "$line" | field rps)"
    metric "bare_echo${threads}_p99_ms" "$(echo "$line" | field p99_ms)"
    metric "bare_echo${threads}_cpu_us" "$(awk -v c="$(( $(cpu_ms "$epid") - c0 ))" -v n="$(echo "$line" | field requests)" 'BEGIN{printf "%.0f", 1000*c/n}')"
    log "bare echo ($threads thread) run $r: $line"
  done
  stop_pid "$epid"
done

# --- the product: rounds of fan-out, progress, acknowledgements ----------------------------------
for r in $(seq "$RUNS"); do
  bench_new_round "$r"
  "$HG" serve --port "$PORT" --db "$R/db.sqlite" --no-demo-tokens --no-sample-list --threads "$SERVER_THREADS" \
    >"$R/server.out" 2>"$R/server.err" &
  spid=$!; PIDS+=("$spid")
  wait_ready "$URL" "$spid"
  rss_start=$(vm VmRSS "$spid")

  # fan-out: forecast, proposal (start now), approve — the approve answers after the orders commit
  bench_propose docs/examples/forecast-c2.json orange "$(date --iso-8601=seconds)"

  stop=$R/stop; rm -f "$stop"; STOP=$stop
  rss_sampler "$spid" "$R/rss.txt" "$stop" & rss_job=$!
  status_poller "$R/status.txt" "$stop" & status_job=$!
  sleep 0.3   # the poller is running before the approval starts
  c0=$(cpu_ms "$spid")
  a0=$(now_ms)
  code=$(curl -s -o "$R/approve.json" -m 600 -w '%{http_code} %{time_total}' -H "Authorization: Bearer $APPROVER" \
         -H 'Content-Type: application/json' -d '{}' "$URL/v1/proposals/$prop/approve")
  a1=$(now_ms)
  c1=$(cpu_ms "$spid")
  sleep 0.2
  touch "$stop"; wait "$rss_job" "$status_job" 2>/dev/null || true
  [ "${code%% *}" = 200 ] || die "approve answered $code: $(head -c 300 "$R/approve.json")"
  hwm=$(vm VmHWM "$spid")
  orders=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM orders o JOIN order_batches b ON b.id = o.batch_id WHERE b.episode_id = 1 AND o.kind = 0")
  [ "$orders" = "$COUNT" ] || die "after the approve, $orders orders are committed, expected $COUNT"
  episode=1
  metric fanout_s "$(awk -v t="${code#* }" 'BEGIN{printf "%.3f", t}')"
  metric fanout_cpu_s "$(awk -v c="$((c1 - c0))" 'BEGIN{printf "%.3f", c/1000}')"
  metric fanout_rss_max_mb "$(sort -n "$R/rss.txt" | tail -1 | awk '{printf "%.1f", $1/1024}')"
  metric fanout_hwm_mb "$(awk -v k="$hwm" 'BEGIN{printf "%.1f", k/1024}')"
  metric rss_before_mb "$(awk -v k="$rss_start" 'BEGIN{printf "%.1f", k/1024}')"
  # status answers that started while the approve was in flight, their worst latency, any non-200
  read -r st_n st_max st_bad < <(awk -v a="$a0" -v b="$a1" '$1>=a && $1<=b {n++; if ($2>m) m=$2; if ($3!=200) bad++}
    END{printf "%d %.1f %d\n", n, m*1000, bad}' "$R/status.txt")
  st_all_max=$(awk '{if ($2>m) m=$2} END{printf "%.1f", m*1000}' "$R/status.txt")
  metric status_during_n "$st_n"; metric status_during_max_ms "$st_max"; metric status_bad "$st_bad"
  metric status_all_max_ms "$st_all_max"
  log "round $r fan-out: ${code#* } s for $orders orders; RSS max $(tail -1 "$M/fanout_rss_max_mb") MB, VmHWM $(tail -1 "$M/fanout_hwm_mb") MB; $st_n status answers during it, max $st_max ms, non-200 $st_bad"

  # progress: PROGRESS_N sequential GETs on one keep-alive connection; this round's figure is their median
  urls=(); for _ in $(seq "$PROGRESS_N"); do urls+=(-o /dev/null "$URL/v1/episodes/$episode/progress"); done
  timeout "$PROGRESS_TIMEOUT" curl -s -m 10 -H "Authorization: Bearer $DUTY" -w '%{http_code} %{time_total}\n' "${urls[@]}" \
    >"$R/progress.txt" || true
  grep -vq '^200 ' "$R/progress.txt" && die "progress answered non-200: $(grep -v '^200 ' "$R/progress.txt" | head -1)"
  [ "$(wc -l <"$R/progress.txt")" -ge $(( (PROGRESS_N + 1) / 2 )) ] || die "progress: too few answers"
  curl -s -H "Authorization: Bearer $DUTY" "$URL/v1/episodes/$episode/progress" >"$R/progress.json"
  grep -q "\"total\":$COUNT" "$R/progress.json" || die "progress does not count $COUNT orders"
  metric progress_ms "$(awk '{print $2*1000}' "$R/progress.txt" | sort -g | awk '{a[NR]=$1} END{printf "%.2f", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')"
  metric progress_p95_ms "$(awk '{print $2*1000}' "$R/progress.txt" | sort -g | awk '{a[NR]=$1} END{printf "%.2f", a[int(NR*0.95)]}')"
  log "round $r progress: median $(tail -1 "$M/progress_ms") ms over $(wc -l <"$R/progress.txt") requests"

  # acknowledgements: "<order_id> <token>" for this episode's orders, distinct per request
  sqlite3 -readonly -separator ' ' "$R/db.sqlite" \
    "SELECT o.id, o.enterprise_id FROM orders o JOIN order_batches b ON b.id = o.batch_id WHERE b.episode_id = $episode AND o.kind = 0 ORDER BY o.id LIMIT $ACK_MAX_ORDERS" |
    awk 'NR==FNR {tok[$1] = $2; next} ($2 in tok) {print $1, tok[$2]}' "$WORK/enterprise-tokens.txt" - >"$R/ack-tokens.txt"
  c0=$(cpu_ms "$spid")
  if [ "$PERF_OK" = 1 ]; then
    perf stat -x, -e syscalls:sys_enter_fdatasync -p "$spid" -o "$R/fdatasync.csv" -- sleep "$ACK_SECONDS" &
    perf_job=$!
  fi
  out=$(HG_ACK_TOKENS="$R/ack-tokens.txt" HG_ACK_THREADS=$WRK_THREADS timeout $((ACK_SECONDS + 300)) \
        wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${ACK_SECONDS}s" --timeout 10s --latency -s bench/ack.lua "$URL" 2>"$R/wrk.err") ||
    die "wrk failed or timed out (exit $?): $(head -c 300 "$R/wrk.err")"
  echo "$out" >"$R/wrk.txt"
  c1=$(cpu_ms "$spid")
  [ "$PERF_OK" = 1 ] && wait "$perf_job" 2>/dev/null
  line=$(echo "$out" | grep ACK_RESULT) || die "wrk failed: $(cat "$R/wrk.err")"
  acked=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM orders WHERE status >= 1")
  ok=$(( $(echo "$line" | field requests) - $(echo "$line" | field non2xx) ))
  [ "$(echo "$line" | field repeats)" = 0 ] || log "WARNING: the ack run repeated orders (raise HG_BENCH_COUNT or lower HG_BENCH_ACK_SECONDS)"
  # a repeated order answers 2xx from its first ack (idempotent): then every order must be committed
  ack_orders=$(wc -l <"$R/ack-tokens.txt"); want=$ok; [ "$want" -gt "$ack_orders" ] && want=$ack_orders
  [ "$acked" -ge "$want" ] || die "wrk saw $ok acks answered 2xx but only $acked are committed"
  metric ack_rps "$(echo "$line" | field rps)"
  metric ack_p50_ms "$(echo "$line" | field p50_ms)"
  metric ack_p99_ms "$(echo "$line" | field p99_ms)"
  metric ack_errors "$(( $(echo "$line" | field errors) + $(echo "$line" | field non2xx) ))"
  metric ack_committed "$acked"
  metric ack_cpu_us "$(awk -v c="$((c1 - c0))" -v n="$(echo "$line" | field requests)" 'BEGIN{printf "%.0f", 1000*c/n}')"
  if [ "$PERF_OK" = 1 ] && syncs=$(awk -F, '/fdatasync/{print $1}' "$R/fdatasync.csv") && [ "${syncs:-0}" -gt 0 ] 2>/dev/null; then
    metric ack_per_fsync "$(awk -v n="$(echo "$line" | field requests)" -v f="$syncs" -v d="$(echo "$line" | field duration_s)" \
      -v a="$ACK_SECONDS" 'BEGIN{printf "%.1f", (n * a / d) / f}')"
  fi
  metric rss_after_acks_mb "$(awk -v k="$(vm VmRSS "$spid")" 'BEGIN{printf "%.1f", k/1024}')"
  log "round $r acks: $line; committed $acked"
  # report: the post-event evaluation of this episode (COUNT orders, the acks above), each format
  # built 3 times on a fresh connection; this round's figure is their median (HG_BENCH_REPORT_REPEATS=0:
  # none). Meanwhile GET /v1/status is asked one after another: a report must not hold up other
  # requests (issue #13)
  if [ "$REPORT_REPEATS" -gt 0 ]; then
    rstop=$R/stop-report; rm -f "$rstop"
    status_poller "$R/status-report.txt" "$rstop" & rstatus_job=$!
    sleep 0.2
    rp0=$(now_ms)
    for fmt in json html csv; do
      for _ in $(seq "$REPORT_REPEATS"); do
        timeout $((REPORT_TIMEOUT + 60)) curl -s -m "$REPORT_TIMEOUT" -o "$R/report.$fmt" -H "Authorization: Bearer $DUTY" -w '%{http_code} %{time_total}\n' \
          "$URL/v1/episodes/$episode/report?format=$fmt" >>"$R/report-$fmt.txt" || true
      done
      grep -vq '^200 ' "$R/report-$fmt.txt" && die "report $fmt answered non-200: $(grep -v '^200 ' "$R/report-$fmt.txt" | head -1)"
      metric "report_${fmt}_s" "$(awk '{printf "%.3f\n", $2}' "$R/report-$fmt.txt" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
      metric "report_${fmt}_mb" "$(stat -c %s "$R/report.$fmt" | awk '{printf "%.1f", $1/1048576}')"
    done
    rp1=$(now_ms)
    touch "$rstop"; wait "$rstatus_job" 2>/dev/null || true
    read -r rs_n rs_max rs_bad < <(awk -v a="$rp0" -v b="$rp1" '$1>=a && $1<=b {n++; if ($2>m) m=$2; if ($3!=200) bad++}
      END{printf "%d %.1f %d\n", n, m*1000, bad}' "$R/status-report.txt")
    metric status_report_n "$rs_n"; metric status_report_max_ms "$rs_max"; metric status_report_bad "$rs_bad"
    log "round $r reports: $rs_n status answers during them, max $rs_max ms, non-200 $rs_bad"
    grep -q "\"orders\":$COUNT" "$R/report.json" || die "the report does not count $COUNT orders"
    log "round $r report: json $(tail -1 "$M/report_json_s") s, html $(tail -1 "$M/report_html_s") s, csv $(tail -1 "$M/report_csv_s") s"
  fi
  # the database's size: the template (the list, tokens) and now (the episode's orders and acks);
  # page_count as a reader sees it counts the pages still in the WAL
  metric db_template_mb "$(stat -c %s "$WORK/template.sqlite" | awk '{printf "%.1f", $1/1048576}')"
  metric db_after_episode_mb "$(sqlite3 -readonly "$R/db.sqlite" 'PRAGMA page_count; PRAGMA page_size;' | paste -sd' ' | awk '{printf "%.1f", $1*$2/1048576}')"
  # restart after kill -9: the time from starting `serve` again on the same database (WAL not
  # checkpointed) to the first 200 of the progress query, and to the first 200 of /readyz
  kill -9 "$spid"; wait "$spid" 2>/dev/null || true
  rest=(); for p in "${PIDS[@]}"; do [ "$p" = "$spid" ] || rest+=("$p"); done; PIDS=("${rest[@]}")
  t0=$(now_ms)
  "$HG" serve --port "$PORT" --db "$R/db.sqlite" --no-demo-tokens --no-sample-list --threads "$SERVER_THREADS" \
    >"$R/server2.out" 2>"$R/server2.err" &
  spid=$!; PIDS+=("$spid")
  t_ready=""; t_progress=""
  for _ in $(seq 3000); do   # at most ~30 s
    kill -0 "$spid" 2>/dev/null || die "server exited after the restart: $(tail -3 "$R/server2.err")"
    if [ -z "$t_ready" ] && [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$URL/readyz")" = 200 ]; then t_ready=$(now_ms); fi
    if [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer $DUTY" "$URL/v1/episodes/$episode/progress")" = 200 ]; then
      t_progress=$(now_ms); [ -n "$t_ready" ] || t_ready=$t_progress; break
    fi
    sleep 0.005
  done
  [ -n "$t_progress" ] || die "no progress answer within 30 s of the restart"
  metric restart_first_answer_ms "$((t_progress - t0))"
  metric restart_readyz_ms "$((t_ready - t0))"
  log "round $r restart after kill -9: readyz after $((t_ready - t0)) ms, first progress answer after $((t_progress - t0)) ms"
  stop_pid "$spid"
  if [ "${HG_BENCH_KEEP_DB:-0}" = 1 ] && [ "$r" = "$RUNS" ]; then
    sqlite3 "$R/db.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null && mv "$R/db.sqlite" "$WORK/last-round.sqlite"
  fi
  rm -f "$R"/db.sqlite*   # 150 MB each; the logs stay
done
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.md"

# --- the table ------------------------------------------------------------------------------------
frac() { awk -v a="$1" -v b="$2" 'BEGIN{if (b + 0 == 0) printf "-"; else printf "%.0f %%", 100*a/b}'; }
sq=$(med bare_sqlite_s); e1=$(med bare_echo1_rps); e2=$(med bare_echo2_rps)
{
  echo "Machine:"; cat "$WORK/machine.md"; echo
  echo "Command: \`bash bench/run.sh\` (runs=$RUNS, enterprises=$COUNT, server --threads $SERVER_THREADS, wrk -t$WRK_THREADS -c$WRK_CONNS, acks ${ACK_SECONDS}s, bare wrk ${WRK_SECONDS}s)"
  echo
  echo "| benchmark | median | min | max | limit | bare limit (median, same machine, same day) |"
  echo "|---|---|---|---|---|---|"
  fanout_limit="≤ 0.35 s"; [ "$COUNT" -ge 1000000 ] && fanout_limit="≤ 4 s"
  row "Fan-out: approve orange, $COUNT orders committed" fanout_s s "$fanout_limit (issue #13)" \
      "SQLite $COUNT × 1 KB in one tx: $sq s → fan-out = $(awk -v a="$(med fanout_s)" -v b="$sq" 'BEGIN{if (b + 0 == 0) printf "-"; else printf "%.2f", a/b}') × bare"
  row "Fan-out: server CPU during the approve" fanout_cpu_s s "—" "—"
  row "Fan-out: server VmHWM after it" fanout_hwm_mb MB "≤ 300 MB" "VmRSS before: $(med rss_before_mb) MB"
  row "Fan-out: max sampled VmRSS during it" fanout_rss_max_mb MB "≤ 300 MB" "—"
  row "Fan-out: GET /v1/status answers during it" status_during_n "" "≥ 1, all 200 (non-200: $(sort -g "$M/status_bad" | tail -1))" "—"
  row "Fan-out: max /v1/status latency during it" status_during_max_ms ms "(answers)" "—"
  row "Fan-out: max /v1/status latency, whole poll window" status_all_max_ms ms "(answers)" "—"
  row "Acks/s, 256 keep-alive conns, distinct orders" ack_rps "/s" "≥ 0.55 × bare 1 thr = $(awk -v e="$e1" 'BEGIN{if (e + 0 == 0) printf "-"; else printf "%.0f", 0.55 * e}') /s (issue #13)" \
      "bare JSON POST: 1 thr $e1 /s, 2 thr $e2 /s → acks = $(frac "$(med ack_rps)" "$e1") of 1 thr, $(frac "$(med ack_rps)" "$e2") of 2 thr"
  row "Ack latency p99" ack_p99_ms ms "≤ 25 ms (issue #13)" "bare p99: 1 thr $(med bare_echo1_p99_ms) ms, 2 thr $(med bare_echo2_p99_ms) ms"
  row "Ack latency p50" ack_p50_ms ms "—" "—"
  row "Ack errors (socket + non-2xx)" ack_errors "" "0" "—"
  row "Ack: server CPU per ack (user+sys)" ack_cpu_us µs "—" "bare: 1 thr $(med bare_echo1_cpu_us) µs, 2 thr $(med bare_echo2_cpu_us) µs per request"
  row "Ack: acks per fdatasync (group size)" ack_per_fsync "" "—" "—"
  row "Progress query, $COUNT-order episode (median of $PROGRESS_N)" progress_ms ms "≤ 50 ms" "—"
  row "Progress query p95 (of $PROGRESS_N)" progress_p95_ms ms "—" "—"
  row "Server VmRSS after the ack run (token cache included)" rss_after_acks_mb MB "—" "—"
  row "Report JSON, $COUNT-order episode (median of $REPORT_REPEATS)" report_json_s s "≤ 0.4 s" "answer $(med report_json_mb) MB"
  row "Report HTML (A4, charts), same episode" report_html_s s "≤ 0.3 s" "answer $(med report_html_mb) MB"
  row "Report CSV (per-enterprise rows), same episode" report_csv_s s "≤ 0.4 s" "answer $(med report_csv_mb) MB"
  row "Reports: GET /v1/status answers while they are built" status_report_n "" "≥ 1, all 200 (non-200: $(sort -g "$M/status_report_bad" | tail -1))" "—"
  row "Reports: max /v1/status latency while they are built" status_report_max_ms ms "(answers)" "—"
  row "Restart after kill -9, to the first progress answer" restart_first_answer_ms ms "≤ 500 ms (1M plants)" "to the first /readyz 200: $(med restart_readyz_ms) ms"
  row "Database: template (list + tokens)" db_template_mb MB "—" "—"
  row "Database: after the episode (orders, acks; WAL pages counted)" db_after_episode_mb MB "—" "—"
  row "Bare: SQLite $COUNT × 1 KB, one tx, WAL + FULL" bare_sqlite_s s "(issue: ~1.4 s)" "—"
  row "Bare: HttpServer + nlohmann, 1 thread" bare_echo1_rps "/s" "(issue: ~36k /s)" "—"
  row "Bare: HttpServer + nlohmann, 2 threads" bare_echo2_rps "/s" "—" "—"
} >"$WORK/results.md"
log "raw logs in $WORK"
cat "$WORK/results.md"
