#!/usr/bin/env bash
# Runs every layer of the test command in turn (docs/testing.md says what each
# proves): the suite on the normal build, the static checks, the fuzz targets,
# the whole C++ suite under AddressSanitizer + UndefinedBehaviorSanitizer, and
# the suites that cross threads under ThreadSanitizer.
#
# A failing layer does not stop the others: CI shows every failure of a run at
# once. The exit status is 1 when any layer failed. A table at the end says how
# long each layer took.
#
# Usage: tests/support/run-test-layers.sh BUILD_DIR [ctest arguments...]
#   FRONTDESK_TEST_LAYERS="suite static fuzz asan tsan"  the layers to run
#   (default: suite static fuzz — the sanitizer layers join the default once
#   a whole run of them is clean and its time is known; docs/testing.md)
#   ctest arguments (e.g. -R tst_team) go to the suite, asan and tsan layers.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:?usage: run-test-layers.sh BUILD_DIR [ctest args]}
shift

layers=${FRONTDESK_TEST_LAYERS:-suite static fuzz}
summary=()
failed=0

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

for layer in $layers; do
    case "$layer" in
    suite) run_layer suite "$root/tests/support/run-tests.sh" "$build_dir" "$@" ;;
    static) run_layer static "$root/tests/support/run-static-checks.sh" "$build_dir" ;;
    fuzz) run_layer fuzz "$root/tests/fuzz/run-fuzz.sh" ;;
    asan) run_layer asan "$root/tests/support/run-sanitized.sh" asan "$@" ;;
    tsan) run_layer tsan "$root/tests/support/run-sanitized.sh" tsan "$@" ;;
    *)
        echo "run-test-layers: unknown layer '$layer' (known: suite static fuzz asan tsan)" >&2
        exit 2
        ;;
    esac
done

echo
echo "=== test layers"
printf '%s\n' "${summary[@]}"
exit $failed
