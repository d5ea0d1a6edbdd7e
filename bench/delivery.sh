#!/usr/bin/env bash
# The delivery benchmark of issue #10 §5, in one command:
#
#     bash bench/delivery.sh
#
# Builds the release preset (bench tools included), prepares the data once (a generated list of
# HG_BENCH_COUNT plants, each generated plant with one mobile contact, and one token per plant),
# then runs HG_BENCH_RUNS rounds. Each round copies the template, starts a fake SMS gateway
# (bench/fake_sms_gateway.cpp: answers every SendSms "OK") and `hazeguard serve --sms-gateway` on
# it, signs a yellow that starts in an hour (so its orders and their texts go out at the
# signature), and measures: the approve's answer time (fan-out + the texts queued), the time until
# every text is sent, the server's VmRSS peak meanwhile, and the acknowledgement latency while the
# dispatchers run (wrk + bench/ack.lua, HG_BENCH_ACK_CONNS connections, HG_BENCH_ACK_SECONDS). The
# bare limit is the fake gateway itself under wrk. Prints a Markdown table (median, min, max,
# limit, bare limit) and keeps it with every raw log in $HG_BENCH_DIR.
#
# Knobs (environment): HG_BENCH_RUNS=3 HG_BENCH_COUNT=100000 HG_BENCH_DISPATCHERS=4
#   HG_BENCH_ACK_SECONDS=5 HG_BENCH_ACK_CONNS=16 HG_BENCH_PORT=28765
#   HG_BENCH_DIR=build/bench-delivery HG_BENCH_SKIP_BUILD=1 HG_BENCH_BIN=build/release
# Only 127.0.0.1 is used; every wait is bounded; servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${HG_BENCH_RUNS:-3}
COUNT=${HG_BENCH_COUNT:-100000}
DISPATCHERS=${HG_BENCH_DISPATCHERS:-4}
ACK_SECONDS=${HG_BENCH_ACK_SECONDS:-5}
ACK_CONNS=${HG_BENCH_ACK_CONNS:-16}
WORK=${HG_BENCH_DIR:-$ROOT/build/bench-delivery}
BIN=${HG_BENCH_BIN:-$ROOT/build/release}
HG=$BIN/api/hazeguard
GW=$BIN/bench/hg_bench_sms_gateway
DEADLINE_S=180   # a round that has not sent everything by then is reported as such

source bench/common.sh

if [ "${HG_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building (preset release)"
  cmake --preset release >/dev/null
  cmake --build --preset release
fi
for b in "$HG" "$BIN/bench/hg_bench_tokens" "$GW"; do [ -x "$b" ] || die "$b is missing (HG_BUILD_BENCH=OFF?)"; done
GW_PORT=$((PORT + 1))
port_free "$GW_PORT" || die "port $GW_PORT is taken"

mkdir -p "$WORK"
rm -rf "$WORK/runs" && mkdir -p "$WORK/runs"
M=$WORK/runs
metric() { echo "$2" >>"$M/$1"; }
bench_machine "$WORK/machine.md"
cat "$WORK/machine.md" >&2
bench_prepare_data
export HG_SMS_ACCESS_KEY_ID=bench HG_SMS_ACCESS_KEY_SECRET=bench
sms_args=(--sms-gateway "http://127.0.0.1:$GW_PORT/" --sms-sign-name 太原市生态环境局 --sms-template order=SMS_1
          --sms-template termination=SMS_2 --sms-template cancellation=SMS_3 --sms-template reminder=SMS_4
          --sms-template notice=SMS_5 --sms-template escalation=SMS_6)

# --- bare limit: the fake gateway answering wrk (keep-alive), as many connections as dispatchers --
for r in $(seq "$RUNS"); do
  "$GW" --port "$GW_PORT" --threads 1 >"$WORK/bare-gateway.log" 2>&1 &
  gpid=$!; PIDS+=("$gpid")
  sleep 0.3
  out=$(timeout 60 wrk -t1 -c"$DISPATCHERS" -d5s --latency -s bench/post.lua "http://127.0.0.1:$GW_PORT" 2>&1)
  metric bare_gateway_rps "$(echo "$out" | grep POST_RESULT | field rps)"
  stop_pid "$gpid"
done

# --- the rounds -----------------------------------------------------------------------------------
for r in $(seq "$RUNS"); do
  bench_new_round "$r"
  "$GW" --port "$GW_PORT" --threads 2 >"$R/gateway.log" 2>&1 &
  gpid=$!; PIDS+=("$gpid")
  "$HG" serve --port "$PORT" --db "$R/db.sqlite" --no-demo-tokens --no-sample-list --dispatchers "$DISPATCHERS" \
    "${sms_args[@]}" >"$R/server.out" 2>"$R/server.err" &
  spid=$!; PIDS+=("$spid")
  wait_ready "$URL" "$spid"

  bench_propose docs/examples/forecast-c1.json yellow "$(date --iso-8601=seconds -d '+1 hour')"

  stop=$R/stop; rm -f "$stop"; STOP=$stop
  rss_sampler "$spid" "$R/rss.txt" "$stop" & rss_job=$!
  a0=$(now_ms)
  code=$(curl -s -o "$R/approve.json" -m 120 -w '%{http_code} %{time_total}' -H "Authorization: Bearer $APPROVER" \
         -H 'Content-Type: application/json' -d '{}' "$URL/v1/proposals/$prop/approve")
  [ "${code%% *}" = 200 ] || die "approve answered $code: $(head -c 300 "$R/approve.json")"
  texts=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM sms")
  [ "$texts" -gt 0 ] || die "no text was queued"

  # until every text is sent (the gateway accepted it): polled beside the ack run
  ( while :; do
      n=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM sms WHERE state = 'sent'" 2>/dev/null || echo 0)
      if [ "$n" -ge "$texts" ] || [ $(( $(now_ms) - a0 )) -gt $((DEADLINE_S * 1000)) ]; then echo "$(now_ms) $n" >"$R/all-sent.txt"; break; fi
      sleep 0.1
    done ) & poll_job=$!

  # acknowledgements while the dispatchers run: distinct orders, each with its plant's token
  sqlite3 -readonly -separator ' ' "$R/db.sqlite" "SELECT o.id, o.enterprise_id FROM orders o WHERE o.kind = 0 ORDER BY o.id" |
    awk 'NR==FNR {tok[$1] = $2; next} ($2 in tok) {print $1, tok[$2]}' "$WORK/enterprise-tokens.txt" - >"$R/ack-tokens.txt"
  sent_before_acks=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM sms WHERE state = 'sent'")
  out=$(HG_ACK_TOKENS="$R/ack-tokens.txt" HG_ACK_THREADS=1 timeout $((ACK_SECONDS + 60)) \
        wrk -t1 -c"$ACK_CONNS" -d"${ACK_SECONDS}s" --timeout 10s --latency -s bench/ack.lua "$URL" 2>"$R/wrk.err")
  echo "$out" >"$R/wrk.txt"
  sent_after_acks=$(sqlite3 -readonly "$R/db.sqlite" "SELECT count(*) FROM sms WHERE state = 'sent'")
  line=$(echo "$out" | grep ACK_RESULT) || die "wrk failed: $(cat "$R/wrk.err")"
  [ "$sent_after_acks" -lt "$texts" ] || log "WARNING: every text was sent before the ack run ended: its latency is partly measured without dispatch"
  wait "$poll_job" || true
  read -r a1 sent <"$R/all-sent.txt"
  touch "$stop"; wait "$rss_job" 2>/dev/null || true
  [ "$sent" -ge "$texts" ] || log "WARNING: round $r: only $sent of $texts texts sent after $DEADLINE_S s"
  metric approve_s "$(awk -v t="${code#* }" 'BEGIN{printf "%.3f", t}')"
  metric all_sent_s "$(awk -v a="$a0" -v b="$a1" -v ok="$((sent >= texts))" 'BEGIN{if (ok) printf "%.1f", (b-a)/1000; else printf "%d", 999}')"
  metric texts "$texts"
  metric rss_max_mb "$(sort -n "$R/rss.txt" | tail -1 | awk '{printf "%.1f", $1/1024}')"
  metric hwm_mb "$(awk -v k="$(vm VmHWM "$spid")" 'BEGIN{printf "%.1f", k/1024}')"
  metric ack_rps "$(echo "$line" | field rps)"
  metric ack_p50_ms "$(echo "$line" | field p50_ms)"
  metric ack_p99_ms "$(echo "$line" | field p99_ms)"
  metric ack_errors "$(( $(echo "$line" | field errors) + $(echo "$line" | field non2xx) ))"
  metric sent_during_acks "$((sent_after_acks - sent_before_acks))"
  log "round $r: approve ${code#* } s; $sent of $texts texts sent in $(tail -1 "$M/all_sent_s") s; RSS max $(tail -1 "$M/rss_max_mb") MB; acks: $line"
  stop_pid "$spid"
  stop_pid "$gpid"
  rm -f "$R"/db.sqlite*
done
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.md"

{
  echo "Machine:"; cat "$WORK/machine.md"; echo
  echo "Command: \`bash bench/delivery.sh\` (runs=$RUNS, plants=$COUNT, serve --dispatchers $DISPATCHERS, acks: wrk -t1 -c$ACK_CONNS ${ACK_SECONDS}s)"
  echo
  echo "| benchmark | median | min | max | limit | bare limit (median, same machine, same day) |"
  echo "|---|---|---|---|---|---|"
  row "Texts queued at the signature (one per mobile contact)" texts "" "—" "—"
  row "Approve: fan-out and texts queued, answered" approve_s s "—" "—"
  row "All texts sent (gateway accepted), from the approve" all_sent_s s "≤ 30 s" "fake gateway alone: $(med bare_gateway_rps) req/s on $DISPATCHERS keep-alive connections"
  row "Server VmRSS, max sampled meanwhile" rss_max_mb MB "≤ 300 MB" "—"
  row "Server VmHWM at the end" hwm_mb MB "≤ 300 MB" "—"
  row "Ack latency p99 while the texts go out" ack_p99_ms ms "≤ 100 ms" "—"
  row "Ack latency p50 meanwhile" ack_p50_ms ms "—" "—"
  row "Acks/s meanwhile ($ACK_CONNS connections)" ack_rps "/s" "—" "—"
  row "Texts sent during the ack run" sent_during_acks "" "—" "—"
  row "Ack errors (socket + non-2xx)" ack_errors "" "0" "—"
} >"$WORK/results.md"
log "raw logs in $WORK"
cat "$WORK/results.md"
