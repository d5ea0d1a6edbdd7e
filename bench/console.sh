#!/usr/bin/env bash
# The console's speed (issue #12), beside its limits, in one command:
#
#     HG_BENCH_PORT=28804 bash bench/console.sh
#
# Each of HG_BENCH_RUNS rounds copies the template database of HG_BENCH_COUNT plants (bench/common.sh,
# prepared once), adds a staff account, starts `hazeguard serve`, fans out an orange warning (one
# order per plant), signs in, and measures
#   - the server time of GET /episodes/1 with the session cookie (the access log's duration_ms: first
#     byte of the request to the response written), HG_BENCH_PAGE_N requests; limit 300 ms; beside
#     it the progress query GET /v1/episodes/1/progress, which the page includes (its floor);
#   - in chromium (bench/console.mjs), the time from an acknowledgement's 2xx answer to the count on
#     the open episode page, HG_BENCH_LIVE_N acks; limit 1 s; beside it a progress.json fetch from
#     the page (the render and round trip a change needs at the least).
# A round's figure is the median of its requests; the table gives the median, min and max of the
# rounds' figures, and the worst single ack-to-page time of all rounds. Raw logs in $HG_BENCH_DIR.
#
# Knobs: HG_BENCH_RUNS=3 HG_BENCH_COUNT=100000 HG_BENCH_PAGE_N=20 HG_BENCH_LIVE_N=10
#   HG_BENCH_THREADS=4 HG_BENCH_DIR=build/bench-console HG_BENCH_SKIP_BUILD=1 HG_BENCH_BIN=build/release
#   HG_BENCH_REUSE_DATA=1 (keep the template database of an earlier run)
# Only 127.0.0.1 is used; every loop is bounded; servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${HG_BENCH_RUNS:-3}
COUNT=${HG_BENCH_COUNT:-100000}
PAGE_N=${HG_BENCH_PAGE_N:-20}
LIVE_N=${HG_BENCH_LIVE_N:-10}
SERVER_THREADS=${HG_BENCH_THREADS:-4}
WORK=${HG_BENCH_DIR:-$ROOT/build/bench-console}
BIN=${HG_BENCH_BIN:-$ROOT/build/release}
HG=$BIN/api/hazeguard
PASSWORD='bench-console-password'

source bench/common.sh

if [ "${HG_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building (preset release)"
  cmake --preset release >/dev/null
  cmake --build --preset release
fi
for b in "$HG" "$BIN/bench/hg_bench_tokens"; do [ -x "$b" ] || die "$b is missing"; done
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

mkdir -p "$WORK"
rm -rf "$WORK/runs" && mkdir -p "$WORK/runs"
M=$WORK/runs
metric() { echo "$2" >>"$M/$1"; }
median_of() { sort -g | awk '{a[NR]=$1} END{if (NR) printf "%.1f", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }

bench_machine "$WORK/machine.md"
cat "$WORK/machine.md" >&2
bench_prepare_data

for r in $(seq "$RUNS"); do
  bench_new_round "$r"
  printf '%s\n' "$PASSWORD" | "$HG" user create --db "$R/db.sqlite" --login bench --role duty_officer --name 值班员 >/dev/null
  "$HG" serve --port "$PORT" --db "$R/db.sqlite" --no-demo-tokens --no-sample-list --threads "$SERVER_THREADS" \
    >"$R/server.out" 2>"$R/server.err" &
  spid=$!; PIDS+=("$spid")
  wait_ready "$URL" "$spid"
  bench_propose docs/examples/forecast-c2.json orange "$(date --iso-8601=seconds)"
  code=$(curl -s -o "$R/approve.json" -m 600 -w '%{http_code}' -H "Authorization: Bearer $APPROVER" \
         -H 'Content-Type: application/json' -d '{}' "$URL/v1/proposals/$prop/approve")
  [ "$code" = 200 ] || die "approve answered $code: $(head -c 300 "$R/approve.json")"

  cookie=$(curl -s -o /dev/null -D - --data-urlencode login=bench --data-urlencode "password=$PASSWORD" "$URL/sign-in" |
           tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: hg_session=\([^;]*\).*/\1/p')
  [ -n "$cookie" ] || die "sign-in failed"
  page_size=$(curl -s -o "$R/episode.html" -w '%{size_download}' -b "hg_session=$cookie" "$URL/episodes/1")
  grep -q 'data-live=' "$R/episode.html" || die "the episode page did not render: $(head -c 300 "$R/episode.html")"

  # the page and the progress query, one request after another; their server times from the access log
  for _ in $(seq "$PAGE_N"); do
    curl -s -o /dev/null -b "hg_session=$cookie" "$URL/episodes/1"
    curl -s -o /dev/null -H "Authorization: Bearer $DUTY" "$URL/v1/episodes/1/progress"
  done
  sleep 0.2
  server_ms() {  # server_ms ROUTE → the duration_ms of its GETs, one a line
    grep -h '"access"' "$R/server.out" "$R/server.err" |
      jq -r --arg route "$1" 'select(.method=="GET" and .route==$route and .status==200) | .duration_ms'
  }
  server_ms '/episodes/{id}' | tail -n "$PAGE_N" >"$R/page_ms.txt"
  server_ms '/v1/episodes/{id}/progress' | tail -n "$PAGE_N" >"$R/progress_ms.txt"
  metric page_ms "$(median_of <"$R/page_ms.txt")"
  metric progress_ms "$(median_of <"$R/progress_ms.txt")"
  log "round $r: GET /episodes/1 median $(tail -1 "$M/page_ms") ms server time ($page_size bytes); progress query $(tail -1 "$M/progress_ms") ms"

  # acknowledgements seen on the open page, in chromium
  sqlite3 -readonly -separator ' ' "$R/db.sqlite" \
    "SELECT o.id, o.enterprise_id FROM orders o JOIN order_batches b ON b.id = o.batch_id WHERE b.episode_id = 1 AND o.kind = 0 ORDER BY o.id LIMIT $LIVE_N" |
    awk 'NR==FNR {tok[$1] = $2; next} ($2 in tok) {print $1, tok[$2]}' "$WORK/enterprise-tokens.txt" - >"$R/ack-tokens.txt"
  timeout 300 node bench/console.mjs "$URL" "$cookie" 1 "$R/ack-tokens.txt" "$LIVE_N" >"$R/live.txt" 2>"$R/live.err" ||
    die "bench/console.mjs failed: $(tail -5 "$R/live.err")"
  awk '$1=="ack_to_page_ms"{print $2}' "$R/live.txt" >"$R/ack_to_page_ms.txt"
  awk '$1=="progress_fetch_ms"{print $2}' "$R/live.txt" >"$R/progress_fetch_ms.txt"
  metric ack_to_page_ms "$(median_of <"$R/ack_to_page_ms.txt")"
  metric ack_to_page_max_ms "$(sort -g "$R/ack_to_page_ms.txt" | tail -1)"
  metric progress_fetch_ms "$(median_of <"$R/progress_fetch_ms.txt")"
  log "round $r: ack to page median $(tail -1 "$M/ack_to_page_ms") ms, worst $(tail -1 "$M/ack_to_page_max_ms") ms; progress.json fetch $(tail -1 "$M/progress_fetch_ms") ms"
  stop_pid "$spid"
done

{
  echo "## The console at $COUNT orders ($RUNS rounds; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  cat "$WORK/machine.md"
  echo
  echo "| measure | median | min | max | limit | floor (same run) |"
  echo "|---|---|---|---|---|---|"
  row "GET /episodes/1, server time (median of $PAGE_N)" page_ms ms "≤ 300 ms" "progress query $(med progress_ms) ms"
  row "ack 2xx → count on the open page (median of $LIVE_N)" ack_to_page_ms ms "≤ 1,000 ms" "progress.json fetch $(med progress_fetch_ms) ms"
  row "ack 2xx → count on the open page (worst of $LIVE_N)" ack_to_page_max_ms ms "≤ 1,000 ms" ""
} | tee "$WORK/results.md"
