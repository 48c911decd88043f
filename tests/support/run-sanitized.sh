#!/usr/bin/env bash
# Builds the suite a second time with sanitizers and runs it through
# run-tests.sh (so the real MariaDB and Secret Service are there too):
#   asan  AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer, every
#         ctest entry (the test command's suite);
#   tsan  ThreadSanitizer, only the suites whose code crosses threads.
# Any sanitizer report fails the run: each report aborts the process that made
# it, and every report is also written to a log file that is checked after
# ctest, so one from a child process (the frontdesk binary a test starts) counts
# even where the test does not look at how its child ended.
#
# Usage: tests/support/run-sanitized.sh asan|tsan [ctest arguments...]
# Build folders: $FRONTDESK_ASAN_BUILD_DIR / $FRONTDESK_TSAN_BUILD_DIR
# (default build-asan / build-tsan in the source tree).
set -euo pipefail

mode=${1:-}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
support="$root/tests/support"

case "$mode" in
asan)
    build_dir=${FRONTDESK_ASAN_BUILD_DIR:-$root/build-asan}
    sanitize=address,undefined
    ;;
tsan)
    build_dir=${FRONTDESK_TSAN_BUILD_DIR:-$root/build-tsan}
    sanitize=thread
    ;;
*)
    echo "usage: $0 asan|tsan [ctest arguments...]" >&2
    exit 2
    ;;
esac

# What the tsan run covers: the suites whose code runs on more than one thread.
#   tst_store, tst_storefailure   the store's writer thread and the futures it resolves
#   tst_passwordhasher            the hashing pool (QtConcurrent)
#   tst_epolleventdispatcher      the epoll dispatcher, a FrontdeskServer on an epoll network thread
#   tst_visitoragent              a whole server: writer thread, hashing pool, clients on the main thread
#   tst_headless                  the frontdesk binary (its network thread), started as a process
#   tst_consolegui                host mode: the console's in-process server on its own thread
tsan_tests=(tst_store tst_storefailure tst_passwordhasher tst_epolleventdispatcher tst_visitoragent
            tst_headless tst_consolegui)


# Time per stage, for the CI budget (README): wall clock, and the CPU seconds
# its processes used (what the stage costs on a machine nobody else shares).
started=$SECONDS
cpu_before=0
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT
stage() {
    local cpu
    # `times` in this shell (not in a $(...) subshell, which has no children):
    # its second line is the user and system time of every finished child.
    times >"$cpu_file"
    cpu=$(sed -n 2p "$cpu_file" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
    echo "run-sanitized: $mode: $1 took $((SECONDS - started)) s wall, $((cpu - cpu_before)) s CPU"
    started=$SECONDS
    cpu_before=$cpu
}

# --- configure and build ---------------------------------------------------
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
# gcc 12: the compiler Debian built Qt with, so the sanitizer runtime and
# libstdc++ match what Qt's libraries expect.
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc "${launcher[@]}" \
    -DFRONTDESK_SANITIZE="$sanitize"

jobs=${FRONTDESK_BUILD_JOBS:-2}
if [ "$mode" = asan ]; then
    # Every ctest entry: this is the test command's suite (the widget's own
    # Node tests included, which run no C++ of ours).
    cmake --build "$build_dir" -j"$jobs"
    select=()
else
    # tst_headless starts the frontdesk binary: build it too.
    cmake --build "$build_dir" -j"$jobs" --target frontdesk "${tsan_tests[@]}"
    select=(-R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$")
fi
stage "configure and build"

# --- run ---------------------------------------------------------------------
logs="$build_dir/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
# log_path: one file per reporting process (<prefix>.<pid>), checked below.
common="halt_on_error=1:print_stacktrace=1:log_path=$logs/report:log_exe_name=1"
export UBSAN_OPTIONS="$common:suppressions=$support/ubsan.supp"
# fast_unwind_on_malloc=0: whole allocation stacks through libraries built
# without frame pointers (OpenSSL), which the suppressions in lsan.supp need.
export ASAN_OPTIONS="$common:suppressions=$support/asan.supp:detect_leaks=1:fast_unwind_on_malloc=0:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="$common:suppressions=$support/lsan.supp:print_suppressions=0"
# die_after_fork=0: tests start processes (QProcess: mariadbd, openssl, the
# frontdesk binary) from a process with threads; the child only calls exec.
# Qt Quick's software backend: under ASan, the console's first frame on Xvfb
# (Mesa's llvmpipe, its threads) never came in tst_tray (QQuickWindow waits
# on the render thread forever in qWaitForWindowExposed); rendering is not
# what this layer tests, our code is. The screenshots of a sanitizer build go
# to its own folder (tests/console/CMakeLists.txt), not to docs/screenshots.
export QT_QUICK_BACKEND=software
export TSAN_OPTIONS="$common:second_deadlock_stack=1:die_after_fork=0:suppressions=$support/tsan.supp"

status=0
"$support/run-tests.sh" "$build_dir" "${select[@]}" "$@" || status=$?
stage "tests"

reports=("$logs"/report.*)
if [ -e "${reports[0]}" ]; then
    echo "run-sanitized: $mode: ${#reports[@]} sanitizer report(s):" >&2
    for report in "${reports[@]}"; do
        echo "----- $report" >&2
        cat "$report" >&2
    done
    [ "$status" -ne 0 ] || status=1
fi
exit "$status"
