#!/usr/bin/env bash
# Installs hazeguard's build dependencies from Debian bookworm; with --test, also what the tests
# use: chromium, poppler-utils and CJK fonts (a sans, a Song and a Kai face) to check the printable
# evaluation report, notices and orders in a real browser, xmllint (libxml2-utils) to validate the CAP alerts against the OASIS schema,
# openssl (the command line) to make a test CA and certificates for the HTTPS webhook test, and
# node with npm for the console's browser tests (tests/browser: playwright-core, axe-core)
# (docs/dependencies.md says why); with --fuzz, clang-14 and its runtime libraries (libFuzzer,
# the sanitizers) for scripts/fuzz.sh. Idempotent: it only calls apt-get when a package is missing.
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config libboost1.81-dev nlohmann-json3-dev libsqlitecpp-dev
      libsqlite3-dev catch2 libkainjow-mustache-dev libcli11-dev prometheus-cpp-dev libssl-dev libsodium-dev ccache curl sqlite3)
for option in "$@"; do
  case "$option" in
    --test) pkgs+=(chromium poppler-utils fonts-wqy-microhei fonts-arphic-gbsn00lp fonts-arphic-gkai00mp prometheus libxml2-utils openssl)
            # node ≥ 20 (playwright-core's minimum): a machine that has one keeps it, whichever
            # package brought it; otherwise Debian's nodejs and npm.
            command -v npm >/dev/null || pkgs+=(nodejs npm) ;;
    --fuzz) pkgs+=(clang-14 libclang-rt-14-dev) ;;
    *) echo "usage: $0 [--test] [--fuzz]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
