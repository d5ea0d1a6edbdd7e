#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang-14, ASan/UBSan) and runs each for SECONDS
# (default 10) on a copy of its seed corpus under build/fuzz-run/ — tests/fuzz/corpus is never
# written. Exits non-zero when any target finds something, naming the reproducer.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 60 list_csv http_request
# Reproduce a finding: build/fuzz/tests/fuzz/<target>_fuzz <file>   (docs/fuzzing.md)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2; }
all=(http_request request_body list_json list_csv observation_csv plan_json)
targets=("${@:-${all[@]}}")
for t in "${targets[@]}"; do
  [ -d "tests/fuzz/corpus/$t" ] || { echo "unknown target '$t' (one of: ${all[*]})" >&2; exit 2; }
done

bash scripts/install-deps.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

run=build/fuzz-run
mkdir -p "$run"
# The service targets keep their SQLite files here (a tmpfs when there is one): removed at the end.
db_dir=$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )/hg-fuzz.XXXXXX")
trap 'rm -rf "$db_dir"' EXIT
export HG_FUZZ_DB_DIR="$db_dir"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

failed=0
printf '%-16s %8s %8s %10s %8s  %s\n' target seconds corpus execs exec/s result
for t in "${targets[@]}"; do
  corpus="$run/corpus/$t" findings="$run/findings/$t" log="$run/logs/$t.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  cp -n "tests/fuzz/corpus/$t/"* "$corpus/"   # the working corpus grows across runs; the seeds stay as they are
  before=$(find "$findings" -type f | wc -l)
  # Past findings (tests/fuzz/regressions/<target>) are read as a second corpus: run first, never written.
  extra=()
  [ -d "tests/fuzz/regressions/$t" ] && extra=("tests/fuzz/regressions/$t")
  rc=0
  "build/fuzz/tests/fuzz/${t}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="tests/fuzz/dict/$t.dict" -artifact_prefix="$findings/" -print_final_stats=1 \
      "$corpus" "${extra[@]}" >"$log" 2>&1 || rc=$?
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  size=$(find "$corpus" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$(find "$findings" -type f | wc -l)" -gt "$before" ]; then
    failed=1
    printf '%-16s %8s %8s %10s %8s  %s\n' "$t" "$seconds" "$size" "${execs:-?}" "${rate:-?}" "FINDING (exit $rc)"
    grep -m1 -E '==hazeguard-fuzz== FINDING|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" || true
    for f in $(grep -oE "Test unit written to [^ ]+" "$log" | awk '{print $5}'); do
      echo "  reproducer: $f    (rerun: build/fuzz/tests/fuzz/${t}_fuzz $f)"
    done
    echo "  log: $log"
  else
    printf '%-16s %8s %8s %10s %8s  %s\n' "$t" "$seconds" "$size" "${execs:-?}" "${rate:-?}" ok
  fi
done
exit $failed
