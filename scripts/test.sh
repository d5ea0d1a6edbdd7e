#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, and run every test suite through CTest.
#   scripts/test.sh              the CI build (preset ci)
#   scripts/test.sh --sanitize   the same suites built with ASan/UBSan (preset dev, g++ Debug): any
#                                sanitizer report, leaks included, fails the test that caused it. The
#                                integration tests start that build's own (sanitized) hazeguard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# The browser tests' npm packages, exactly as locked (tests/browser/package-lock.json).
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
case "${1:-}" in
  "")
    cmake --preset ci
    cmake --build --preset ci
    ctest --preset ci
    ;;
  --sanitize)
    cmake --preset dev
    cmake --build --preset dev
    # halt_on_error: g++'s UBSan only prints and carries on unless told to stop. Children (the
    # hazeguard processes of the integration tests) inherit these settings.
    export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
    # The sanitized server answers several times slower: the integration tests run its drill clock
    # this many times slower and wait as much longer (tests/integration/integration_fixture.hpp),
    # so that "on time" in a drill still means on time.
    export HG_TEST_SLOWDOWN="${HG_TEST_SLOWDOWN:-8}"
    # Sanitized code runs several times slower: a longer per-test limit than the CI preset's 300 s.
    ctest --preset dev --timeout 1500
    ;;
  *)
    echo "usage: $0 [--sanitize]" >&2
    exit 2
    ;;
esac
