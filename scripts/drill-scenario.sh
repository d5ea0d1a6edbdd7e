#!/usr/bin/env bash
# Rehearses the domain brief's §14 scenario (none → yellow → orange → downgrade → lift) against a
# drill server on a simulated clock: D1 = 2026-12-14, one real second = one simulated hour.
# Usage: scripts/drill-scenario.sh [path/to/hazeguard]   (builds the release binary if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/api/hazeguard}
if [ ! -x "$bin" ]; then
  bash scripts/install-deps.sh && cmake --preset release >/dev/null && cmake --build --preset release
fi
dir=$(mktemp -d); port=${HG_DRILL_PORT:-18790}; url=http://127.0.0.1:$port
"$bin" serve --port "$port" --db "$dir/drill.sqlite" --demo-tokens "$dir/tokens.txt" \
  --drill-start 2026-12-14T10:00:00+08:00 --drill-speed 3600 >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done

tok() { awk -v r="$1" '$1==r{print $3; exit}' "$dir/tokens.txt"; }
DUTY=$(tok duty_officer); DEPUTY=$(tok approver:deputy_mayor)
api() { curl -s -D "$dir/headers" -X "$1" "$url$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}; }
created_id() { grep -i '^location:' "$dir/headers" | sed 's#.*/##' | tr -d '\r'; }
field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'; }
now() { api GET /v1/status "$DUTY" | grep -o '"now":"[^"]*"' | cut -d'"' -f4; }
wait_until() { while [[ "$(now)" < "$1" ]]; do sleep 0.2; done; }
say() { printf '\n== %s (simulated %s)\n' "$1" "$(now)"; }
propose_and_sign() {  # $1 = proposal JSON; prints the outcome
  local id; api POST /v1/proposals "$DUTY" "$1" >/dev/null; id=$(created_id)
  api POST "/v1/proposals/$id/approve" "$DEPUTY" '{"note":"同意"}' | field status
}

say "C1: consultation forecast"
api POST /v1/forecasts "$DUTY" @docs/examples/forecast-c1.json | field explanation_cn; fid=$(created_id)
propose_and_sign "{\"action\":\"issue\",\"level\":\"yellow\",\"start_at\":\"2026-12-15T00:00:00+08:00\",
  \"end_at\":\"2026-12-17T00:00:00+08:00\",\"consultation_note\":\"C1：D2–D3 AQI>150\",\"forecast_id\":$fid}"

wait_until "2026-12-15T10:00"; say "C2: upgrade to orange"
api POST /v1/forecasts "$DUTY" @docs/examples/forecast-c2.json | field explanation_cn; fid=$(created_id)
propose_and_sign "{\"action\":\"upgrade\",\"level\":\"orange\",\"start_at\":\"2026-12-16T00:00:00+08:00\",
  \"end_at\":null,\"consultation_note\":\"C2：D3–D4 AQI>200\",\"forecast_id\":$fid}"

wait_until "2026-12-17T10:00"; say "C3: downgrade to yellow"
api POST /v1/forecasts "$DUTY" @docs/examples/forecast-c3.json | field recommended_action; fid=$(created_id)
propose_and_sign "{\"action\":\"downgrade\",\"level\":\"yellow\",\"start_at\":\"2026-12-18T00:00:00+08:00\",
  \"consultation_note\":\"C3：仅满足黄色条件\",\"forecast_id\":$fid}"

wait_until "2026-12-18T10:00"; say "C4: lift"
api POST /v1/forecasts "$DUTY" @docs/examples/forecast-c4.json | field recommended_action; fid=$(created_id)
propose_and_sign "{\"action\":\"lift\",\"start_at\":\"2026-12-19T00:00:00+08:00\",
  \"consultation_note\":\"C4：预计36小时以上低于启动条件\",\"forecast_id\":$fid}"

wait_until "2026-12-19T01:00"; say "after the lift"
api GET /v1/status "$DUTY" | field state
echo; echo "== episode 1 timeline"
api GET /v1/episodes/1 "$DUTY" | grep -o '"kind":"[a-z_]*","plan_version":"[^"]*","ref":"[^"]*","seq":[0-9]*,"summary_cn":"[^"]*"' |
  sed -E 's/"kind":"([a-z_]*)".*"summary_cn":"([^"]*)"/\1\t\2/'
