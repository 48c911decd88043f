#!/usr/bin/env bash
# Runs every layer of the test command in turn (docs/testing.md says what each
# proves): the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (+ LeakSanitizer), the static checks, the fuzz targets and the Debian
# package installed into a fresh Debian 12; on request, the
# suites that cross threads under ThreadSanitizer, and the suite on a normal
# build. Each layer builds what it needs.
#
# A failing layer does not stop the others: CI shows every failure of a run at
# once. The exit status is 1 when any layer failed. A table at the end says how
# long each layer took.
#
# Usage: tests/support/run-test-layers.sh BUILD_DIR [ctest arguments...]
#   FRONTDESK_TEST_LAYERS="asan static fuzz package"  the layers to run (the default);
#     "suite" is the same suite on a normal build in BUILD_DIR, for a quick
#     local run without sanitizers; "tsan" is not in the default because
#     Debian's Qt is not built with TSan (tests/support/tsan.supp says why)
#   ctest arguments (e.g. -R tst_team) go to the suite, asan and tsan layers.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:?usage: run-test-layers.sh BUILD_DIR [ctest args]}
shift
asan_build_dir=${FRONTDESK_ASAN_BUILD_DIR:-$root/build-asan}
export FRONTDESK_ASAN_BUILD_DIR=$asan_build_dir

layers=${FRONTDESK_TEST_LAYERS:-asan static fuzz package}
summary=()
failed=0
# The static checks read moc output and compile_commands.json from a finished
# build: the one this run made last (the ASan build by default).
static_build=""

run_layer() {
    local name=$1
    shift
    echo
    echo "=== test layer: $name ($(date -u +%H:%M:%S) UTC)"
    local started=$SECONDS
    "$@"
    local status=$?
    local took=$((SECONDS - started))
    local result=passed
    if [ $status -ne 0 ]; then
        result="FAILED (exit $status)"
        failed=1
    fi
    summary+=("$(printf '%-8s %-20s %3d min %02d s' "$name" "$result" $((took / 60)) $((took % 60)))")
}

normal_build() {
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON &&
        cmake --build "$build_dir"
}

suite() {
    normal_build || return
    static_build=$build_dir
    "$root/tests/support/run-tests.sh" "$build_dir" "$@"
}

asan() {
    "$root/tests/support/run-sanitized.sh" asan "$@"
    local status=$?
    [ -f "$asan_build_dir/compile_commands.json" ] && static_build=$asan_build_dir
    return $status
}

static() {
    if [ -z "$static_build" ]; then
        normal_build || return
        static_build=$build_dir
    fi
    "$root/tests/support/run-static-checks.sh" "$static_build"
}

# The .deb from a build of its own (build-deb/: the program alone, Debian's
# hardening flags, no tests), then tests/package/package-test.sh on it. No
# other layer's build fits: ASan's is instrumented, the suite's builds the
# tests and is not in the default run.
package() {
    local deb
    deb=$("$root/packaging/debian/build-deb.sh" "$root/build-deb" | tail -1) || return
    "$root/tests/package/package-test.sh" "$deb"
}

for layer in $layers; do
    case "$layer" in
    suite) run_layer suite suite "$@" ;;
    asan) run_layer asan asan "$@" ;;
    tsan) run_layer tsan "$root/tests/support/run-sanitized.sh" tsan "$@" ;;
    static) run_layer static static ;;
    fuzz) run_layer fuzz "$root/tests/fuzz/run-fuzz.sh" ;;
    package) run_layer package package ;;
    *)
        echo "run-test-layers: unknown layer '$layer' (known: asan tsan static fuzz package suite)" >&2
        exit 2
        ;;
    esac
done

echo
echo "=== test layers"
printf '%s\n' "${summary[@]}"
exit $failed
