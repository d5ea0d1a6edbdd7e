#!/usr/bin/env bash
# check-document-pdf.sh HTML_FILE [EXPECTED_TEXT...]
#
# Checks a printable document (a notice, 调度令 or order: engine/service/documents/document_page.hpp)
# in headless Chromium: the page printed to PDF is A4 (595 x 842 pt, ±2); pdffonts lists an
# embedded CJK serif or kai face (AR PL SungtiL GB = BousungEG, AR PL KaitiM GB = GBZenKai, AR PL UKai, Noto Serif CJK,
# or a commercial 仿宋/宋/楷 face where one is installed); its text (pdftotext) holds every
# EXPECTED_TEXT. Prints each check and exits non-zero when any fails. Needs chromium and
# poppler-utils. Set KEEP_DIR=dir to keep the PDF there.
set -u -o pipefail

[ $# -ge 1 ] || { echo "usage: $0 HTML_FILE [EXPECTED_TEXT...]" >&2; exit 2; }
html=$1
shift
[ -f "$html" ] || { echo "no such file: $html" >&2; exit 2; }
for tool in chromium pdfinfo pdftotext pdffonts timeout; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/check-document-pdf.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

pdf="$work/document.pdf"
if timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
     --disable-background-networking --disable-component-update --disable-sync \
     --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$pdf" \
     "file://$(realpath "$html")" >/dev/null 2>"$work/chromium.log" && [ -s "$pdf" ]; then
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  read -r width _ height _ <<<"$size"
  if awk -v w="$width" -v h="$height" 'BEGIN { exit !((w - 595.28)^2 < 4 && (h - 841.89)^2 < 4) }'; then
    pass "PDF page size is A4 ($size)"
  else
    fail "PDF page size is $size, expected A4"
  fi
  fonts=$(pdffonts "$pdf")
  if grep -Eiq 'SungtiL|Bousung|KaitiM|ZenKai|UKai|Noto ?Serif ?CJK|NotoSerifCJK|FangSong|Song|Kai' <<<"$fonts"; then
    pass "pdffonts lists a CJK serif/kai face: $(grep -Eio '[A-Za-z+-]*(SungtiL|Bousung|KaitiM|ZenKai|UKai|NotoSerifCJK|Noto Serif CJK|FangSong|Song|Kai)[A-Za-z-]*' <<<"$fonts" | sort -u | tr '\n' ' ')"
  else
    fail "pdffonts lists no CJK serif/kai face:"; echo "$fonts"
  fi
  pdftotext "$pdf" - | tr -d ' \n\f\t' >"$work/document.flat"
  for expected in "$@"; do
    flat=$(tr -d ' \n\t' <<<"$expected")
    if grep -qF -- "$flat" "$work/document.flat"; then pass "PDF text contains \"$expected\""; else fail "PDF text lacks \"$expected\""; fi
  done
  if [ -n "${KEEP_DIR:-}" ]; then mkdir -p "$KEEP_DIR" && cp "$pdf" "$KEEP_DIR/$(basename "$html" .html).pdf"; fi
else
  fail "chromium --print-to-pdf failed"
  grep -v -e 'dbus' -e 'D-Bus' "$work/chromium.log" | tail -20
fi

if [ "$failures" -eq 0 ]; then echo "OK: all checks passed for $html"; else echo "FAILED: $failures check(s) for $html"; fi
[ "$failures" -eq 0 ]
