#!/usr/bin/env bash
# check-report-html.sh HTML_FILE [EXPECTED_TEXT...]
#
# Checks an evaluation report page (templates/report_html.hpp) in headless Chromium:
#  (a) the rendered DOM (--dump-dom) has at least two inline <svg> charts and the report title;
#  (b) the page printed to PDF is A4 (595 x 842 pt, ±2) and its text (pdftotext) holds the title
#      and every EXPECTED_TEXT given.
# Prints each check and exits non-zero when any fails. Needs chromium and poppler-utils
# (pdfinfo, pdftotext). Set KEEP_DIR=dir to keep the PDF and a PNG screenshot there.
set -u -o pipefail

usage() { echo "usage: $0 HTML_FILE [EXPECTED_TEXT...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
html=$1
shift
[ -f "$html" ] || { echo "no such file: $html" >&2; exit 2; }
for tool in chromium pdfinfo pdftotext timeout; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

title="重污染天气应急响应后评估报告"
work=$(mktemp -d "${TMPDIR:-/tmp}/check-report-html.XXXXXX")
trap 'rm -rf "$work"' EXIT
url="file://$(realpath "$html")"
failures=0

pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# Each run gets its own profile; stderr (D-Bus, GPU and sandbox chatter) goes to a log shown only on failure.
run_chromium() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>>"$work/chromium.log"
}

show_log() { echo "---- chromium stderr ----"; grep -v -e 'dbus' -e 'D-Bus' -e 'unexpected operator' "$work/chromium.log" | tail -20; }

# (a) the DOM after rendering
if run_chromium --dump-dom "$url" >"$work/dom.html"; then
  charts=$(grep -o '<svg' "$work/dom.html" | wc -l)
  if [ "$charts" -ge 2 ]; then pass "DOM has $charts inline <svg> charts"; else fail "DOM has $charts inline <svg> charts, expected at least 2"; fi
  if grep -q "<h1>[^<]*$title</h1>" "$work/dom.html"; then pass "DOM has the title <h1>…$title</h1>"; else fail "DOM lacks the title $title"; fi
  if grep -q "<title>[^<]*$title" "$work/dom.html"; then pass "document <title> names the report"; else fail "document <title> does not name the report"; fi
else
  fail "chromium --dump-dom failed"
  show_log
fi

# (b) the printed PDF
pdf="$work/report.pdf"
if run_chromium --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null && [ -s "$pdf" ]; then
  info=$(pdfinfo "$pdf")
  pages=$(awk -F': *' '/^Pages:/ {print $2}' <<<"$info")
  size=$(awk -F': *' '/^Page size:/ {print $2}' <<<"$info")
  read -r width _ height _ <<<"$size"
  if awk -v w="$width" -v h="$height" 'BEGIN { exit !((w - 595.28)^2 < 4 && (h - 841.89)^2 < 4) }'; then
    pass "PDF page size is A4 ($size), $pages pages"
  else
    fail "PDF page size is $size, expected A4 (595 x 842 pts)"
  fi
  # Reading order (not -layout) keeps a table cell's wrapped lines together; compare without
  # whitespace, as lines may break anywhere.
  pdftotext "$pdf" "$work/report.txt"
  tr -d ' \n\f\t' <"$work/report.txt" >"$work/report.flat"
  for expected in "$title" "$@"; do
    flat=$(tr -d ' \n\t' <<<"$expected")
    if grep -qF -- "$flat" "$work/report.flat"; then pass "PDF text contains \"$expected\""; else fail "PDF text lacks \"$expected\""; fi
  done
else
  fail "chromium --print-to-pdf failed"
  show_log
fi

if [ -n "${KEEP_DIR:-}" ]; then
  mkdir -p "$KEEP_DIR"
  [ -s "$pdf" ] && cp "$pdf" "$KEEP_DIR/report.pdf"
  run_chromium --screenshot="$KEEP_DIR/report.png" --window-size=900,1600 --hide-scrollbars "$url" >/dev/null ||
    fail "chromium --screenshot failed"
  echo "kept: $KEEP_DIR/report.pdf $KEEP_DIR/report.png"
fi

if [ "$failures" -eq 0 ]; then echo "OK: all checks passed for $html"; else echo "FAILED: $failures check(s) for $html"; fi
[ "$failures" -eq 0 ]
