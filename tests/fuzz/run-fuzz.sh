#!/usr/bin/env bash
# The fuzz part of the test command: builds the libFuzzer targets of
# tests/fuzz with clang-14, AddressSanitizer and UndefinedBehaviorSanitizer in
# BUILD (default build-fuzz/ at the top of the repository; only the targets
# and the libraries they link are compiled), then runs each one for SECONDS
# (default 60) through `ctest -L fuzz`, two at a time.
#
# Usage: tests/fuzz/run-fuzz.sh [--build-only] [SECONDS] [BUILD]
# Fails on any crash, leak, timeout or sanitizer report; the input that
# caused it is left in BUILD/fuzz-artifacts/<target>/. --build-only stops
# after building (tests/bench/run-fuzz.sh runs the targets itself).
set -euo pipefail

build_only=0
if [ "${1:-}" = --build-only ]; then
    build_only=1
    shift
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
build=${2:-$root/build-fuzz}
jobs=${FRONTDESK_FUZZ_JOBS:-2}

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DFRONTDESK_SANITIZE=address,undefined -DFRONTDESK_FUZZ=ON \
    -DFRONTDESK_FUZZ_SECONDS="$seconds" \
    "${launcher[@]}" >/dev/null
cmake --build "$build" --target fuzz_targets -j"$jobs"
[ "$build_only" = 1 ] && exit 0

# Symbolized reports; leaks are errors; an UBSan report stops the run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14 || true)}
cd "$build"
ctest -L '^fuzz$' -j"$jobs" --output-on-failure
