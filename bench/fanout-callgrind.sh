#!/usr/bin/env bash
# Instructions of one fan-out, load-independent (docs/performance.md, "Fan-out at 100,000 and
# 1,000,000 plants"): `hazeguard serve` under callgrind on a copy of a bench template database,
# one orange approve, then the server is stopped and the orders and tallies are printed.
#
#     bash bench/fanout-callgrind.sh BIN_DIR DATA_DIR OUT [PORT]
#     callgrind_annotate --inclusive=yes OUT | grep -E 'PROGRAM TOTALS|OrderIssuer::issue\('
#
# BIN_DIR: a build tree (build/release); DATA_DIR: a bench/run.sh HG_BENCH_DIR with template.sqlite
# and staff-tokens.txt; PORT default 28803 (never 8080). Takes a few minutes at 100,000 plants.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$1; DATA=$2; OUT=$3; PORT=${4:-28803}
[ "$PORT" != 8080 ] || { echo "not 8080" >&2; exit 2; }
URL=http://127.0.0.1:$PORT
W=$(mktemp -d); VP=; trap 'kill "$VP" 2>/dev/null || true; rm -rf "$W"' EXIT
cp "$DATA/template.sqlite" "$W/db.sqlite"
DUTY=$(awk '$1=="duty_officer"{print $3}' "$DATA/staff-tokens.txt")
APPROVER=$(awk '$1=="approver:deputy_mayor"{print $3}' "$DATA/staff-tokens.txt")
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$BIN/api/hazeguard" serve --port "$PORT" --db "$W/db.sqlite" \
  --no-demo-tokens --no-sample-list --threads 2 >"$W/out" 2>"$W/err" &
VP=$!
for _ in $(seq 600); do curl -s -o /dev/null -m 1 "$URL/readyz" && break; sleep 0.5; done
location() { tr -d '\r' | sed -n 's|^[Ll]ocation: .*/\([0-9]*\)$|\1|p'; }
fid=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $DUTY" -H 'Content-Type: application/json' \
  --data-binary @docs/examples/forecast-c2.json "$URL/v1/forecasts" | location)
prop=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $DUTY" -H 'Content-Type: application/json' \
  -d "{\"action\":\"issue\",\"level\":\"orange\",\"start_at\":\"$(date --iso-8601=seconds)\",\"consultation_note\":\"bench\",\"forecast_id\":$fid}" \
  "$URL/v1/proposals" | location)
curl -s -m 900 -o /dev/null -w 'approve: %{http_code} in %{time_total} s (under callgrind)\n' \
  -H "Authorization: Bearer $APPROVER" -H 'Content-Type: application/json' -d '{}' "$URL/v1/proposals/$prop/approve"
kill -TERM "$VP"; wait "$VP" || true
sqlite3 "$W/db.sqlite" "SELECT 'orders', count(*) FROM orders; SELECT 'tally rows, orders', count(*), sum(total) FROM order_counts;
  SELECT 'batch', count, so2, nox, pm, vocs FROM order_batches"
