# Shared by bench/run.sh and bench/delivery.sh (source it): logging, the processes a benchmark
# starts and stops on exit, wrk, a free port, the machine's description and the median table.
# Expects WORK, BIN to be set by the caller; sets URL, PORT.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- processes we start, stopped on exit (by pid, never by name) ------------------------------
# Servers are tracked in PIDS until stopped; the samplers and pollers stop by themselves (STOP file,
# 60 s at most) and are waited for.
PIDS=()
STOP=""
stop_pid() {  # stop_pid PID: SIGTERM, wait up to 10 s, then SIGKILL; then forget it
  local pid=$1 i rest=()
  if kill "$pid" 2>/dev/null; then
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for i in "${PIDS[@]}"; do [ "$i" = "$pid" ] || rest+=("$i"); done
  PIDS=("${rest[@]}")
}
cleanup() {
  local p
  [ -n "$STOP" ] && touch "$STOP"
  for p in "${PIDS[@]}"; do stop_pid "$p"; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ---------------------------------------------------------------------------------------
bash scripts/install-deps.sh
if ! command -v wrk >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends wrk
fi
# --- a free port (never 8080) -----------------------------------------------------------------
port_free() { [ "$1" != 8080 ] && ! ss -Hltn "sport = :$1" | grep -q .; }
PORT=${HG_BENCH_PORT:-28765}
for _ in $(seq 50); do port_free "$PORT" && break; PORT=$((PORT + 1)); done
port_free "$PORT" || die "no free port near ${HG_BENCH_PORT:-28765}"
URL=http://127.0.0.1:$PORT


# The machine, for the results' header: bench_machine FILE
bench_machine() {
  disk_dev=$(df --output=source "$WORK" | tail -1)
  {
    echo "- date: $(date --iso-8601=seconds)"
    echo "- nproc: $(nproc); CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "- memory: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "- disk: $disk_dev ($(df -h --output=size "$WORK" | tail -1 | tr -d ' '), $(findmnt -no FSTYPE -T "$WORK"), rotational=$(cat /sys/block/"$(basename "$disk_dev")"/queue/rotational 2>/dev/null || echo '?'))"
    echo "- kernel: $(uname -r); compiler: $(g++ --version | head -1)"
    echo "- SQLite $(sqlite3 --version | cut -d' ' -f1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); build: preset release (RelWithDebInfo)"
    echo "- source: commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') + $(git status --porcelain 2>/dev/null | wc -l) uncommitted path(s) in the work tree"
    echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$1"
}

# --- the table of medians -----------------------------------------------------------------------
stats() {  # stats METRIC → "median min max" ("- - -" when not measured, e.g. HG_BENCH_BARE=0)
  [ -s "$M/$1" ] || { echo "- - -"; return 0; }
  sort -g "$M/$1" | awk '{a[NR]=$1} END{printf "%s %s %s\n", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2, a[1], a[NR]}'
}
med() { stats "$1" | cut -d' ' -f1; }
row() {  # row LABEL METRIC UNIT LIMIT BARE
  [ -s "$M/$2" ] || return 0
  read -r md mn mx < <(stats "$2")
  printf '| %s | **%s** | %s | %s | %s | %s |\n' "$1" "$md${3:+ $3}" "$mn" "$mx" "$4" "$5"
}

# --- data, once: a generated list of COUNT plants in a template database, one token each -------
# bench_prepare_data → sets DUTY and APPROVER
bench_prepare_data() {
  if [ "${HG_BENCH_REUSE_DATA:-0}" = 1 ] && [ -s "$WORK/template.sqlite" ] && [ -s "$WORK/staff-tokens.txt" ] &&
     [ "$(wc -l <"$WORK/enterprise-tokens.txt")" = "$COUNT" ]; then
    log "reusing the template database and tokens of $COUNT enterprises in $WORK (HG_BENCH_REUSE_DATA=1)"
  else
  log "preparing data: list of $COUNT enterprises, template database, tokens"
  rm -f "$WORK"/template.sqlite*
  "$HG" list generate --count "$COUNT" --seed 2026 >"$WORK/list.json"
  t0=$(date +%s.%N)
  "$HG" list import "$WORK/list.json" --db "$WORK/template.sqlite" >"$WORK/import.log"
  log "import took $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
  "$BIN/bench/hg_bench_tokens" "$WORK/template.sqlite" "$WORK/enterprise-tokens.txt" "$WORK/staff-tokens.txt"
  sqlite3 "$WORK/template.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  fi
  DUTY=$(awk '$1=="duty_officer"{print $3}' "$WORK/staff-tokens.txt")
  APPROVER=$(awk '$1=="approver:deputy_mayor"{print $3}' "$WORK/staff-tokens.txt")
}

# --- helpers ------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
wait_ready() {  # wait_ready URL PID
  for _ in $(seq 300); do
    curl -s -o /dev/null -m 1 "$1/readyz" && return 0
    kill -0 "$2" 2>/dev/null || die "server exited during start-up"
    sleep 0.1
  done
  die "server not ready after 30 s"
}
location_id() {  # location_id HEADERS_FILE → the id at the end of a 201's Location
  grep -q '^HTTP/[0-9.]* 201' "$1" || return 1
  tr -d '\r' <"$1" | sed -n 's|^[Ll]ocation: .*/\([0-9][0-9]*\)$|\1|p' | grep .
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" | head -1; }  # field NAME < "X a=1 b=2"

# RSS sampler: VmRSS (kB) of PID every ~10 ms until STOPFILE exists (or 600 s)
rss_sampler() {
  local pid=$1 out=$2 stop=$3 deadline=$(( $(date +%s) + 600 )) k v rest
  while [ ! -e "$stop" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    while read -r k v rest; do [ "$k" = VmRSS: ] && echo "$v"; done <"/proc/$pid/status" >>"$out" 2>/dev/null || true
    sleep 0.01
  done
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }  # user+sys
vm() { awk -v k="$1:" '$1==k{print $2}' "/proc/$2/status"; }  # vm VmHWM PID → kB

# A round's own copy of the template database: bench_new_round N → sets R
bench_new_round() {
  R=$WORK/round-$1; rm -rf "$R"; mkdir -p "$R"
  cp "$WORK/template.sqlite" "$R/db.sqlite"
  sync
}
# A forecast and a proposal on the running server: bench_propose FORECAST_JSON LEVEL START_AT → sets prop
bench_propose() {
  curl -s -o "$R/forecast.json" -D "$R/forecast.hdr" -H "Authorization: Bearer $DUTY" \
    -H 'Content-Type: application/json' --data-binary @"$1" "$URL/v1/forecasts"
  local fid
  fid=$(location_id "$R/forecast.hdr") || die "forecast refused: $(head -c 300 "$R/forecast.json")"
  curl -s -o "$R/proposal.json" -D "$R/proposal.hdr" -H "Authorization: Bearer $DUTY" -H 'Content-Type: application/json' \
    -d "{\"action\":\"issue\",\"level\":\"$2\",\"start_at\":\"$3\",\"consultation_note\":\"bench\",\"forecast_id\":$fid}" \
    "$URL/v1/proposals"
  prop=$(location_id "$R/proposal.hdr") || die "proposal refused: $(head -c 300 "$R/proposal.json")"
}
