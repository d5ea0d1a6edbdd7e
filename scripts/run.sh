#!/usr/bin/env bash
# Install what is missing, build the release binary, and serve the embedded default:
# SQLite file var/hazeguard.sqlite, the Taiyuan plan, demo tokens in var/demo-tokens.txt and demo
# console accounts (login and password) in var/demo-accounts.txt.
# Extra arguments go to `hazeguard serve` (e.g. --port 9000, or --drill-start ... --drill-speed 60).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/api/hazeguard serve --port "${HG_PORT:-8765}" --demo-accounts var/demo-accounts.txt "$@"
