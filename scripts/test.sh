#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, and run every test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
