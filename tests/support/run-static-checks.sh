#!/usr/bin/env bash
# Frontdesk's static checks, each over the whole tree, failing on any finding:
#   qmllint     the console's QML module (Frontdesk.Console), against the
#               build's own qmltypes so that our C++ QML types resolve;
#   tsc         the widget's TypeScript, strict, without emitting (npm run check);
#   clang-tidy  server/ and app/ with the checks in .clang-tidy, from BUILD_DIR's
#               compile_commands.json (the tests are left out for time: they
#               would double the run; FRONTDESK_STATIC_TIDY_TESTS=1 adds them).
# BUILD_DIR must be a finished gcc build, normal or ASan (the test command
# passes its ASan build): clang-tidy reads moc and qmltypes output and
# compile_commands.json from it. Prints how long each check took.
#
# Usage: tests/support/run-static-checks.sh BUILD_DIR
#   FRONTDESK_STATIC_JOBS   clang-tidy processes in parallel (default 2)
#   FRONTDESK_STATIC_ONLY   run one check only: qmllint | tsc | clang-tidy
#   FRONTDESK_STATIC_TIDY_FILTER  clang-tidy only the sources whose path matches
#                           this regex (e.g. server/http/), for a quick local run
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$(realpath "${1:?usage: run-static-checks.sh BUILD_DIR}")
jobs=${FRONTDESK_STATIC_JOBS:-2}
only=${FRONTDESK_STATIC_ONLY:-}

if [ ! -f "$build_dir/compile_commands.json" ]; then
    echo "static: $build_dir/compile_commands.json is missing; configure and build first" >&2
    exit 2
fi

check_qmllint() {
    # The module's own target: qmllint --bare with the build's import paths
    # (qml/ in the build folder holds Frontdesk.Client's qmldir and qmltypes).
    # It depends on every qmltypes registration, so a stale build is brought
    # up to date first.
    cmake --build "$build_dir" --target frontdesk_qml_qmllint -- -j"$jobs"
}

check_tsc() {
    npm run --silent check --prefix "$root/widget"
}

check_clang_tidy() {
    # gcc's compile commands, read by clang: gcc-only warning flags are unknown
    # to clang, and clang's own extra warnings are not this check's business
    # (the build's -Werror is gcc's): only .clang-tidy's checks report.
    # Headers are reported from the source folder only, never from moc output.
    local sources="server|app"
    [ "${FRONTDESK_STATIC_TIDY_TESTS:-0}" = 1 ] && sources="server|app|tests"
    # Only the findings are printed, not each command and its count of
    # suppressed system-header warnings, and without the colours that
    # run-clang-tidy-14 always asks for; pipefail keeps clang-tidy's status.
    run-clang-tidy-14 -p "$build_dir" -j "$jobs" -quiet \
        -header-filter="^$root/(server|app|tests)/" \
        -extra-arg=-Wno-unknown-warning-option \
        -extra-arg=-Wno-everything \
        "^$root/($sources)/.*${FRONTDESK_STATIC_TIDY_FILTER:-}.*\.cpp\$" 2>&1 |
        sed -u 's/\x1b\[[0-9;]*m//g' |
        { grep -vE '^(clang-tidy-14 |[0-9]+ warnings? generated\.|Suppressed [0-9]+ warnings|Use -header-filter=|Enabled checks:|    [a-z]+-)' || true; }
}

status=0
summary=()
run() {
    local name=$1 started elapsed
    [ -n "$only" ] && [ "$only" != "$name" ] && return 0
    echo "static: $name ..."
    started=$SECONDS
    if "check_${name//-/_}"; then
        elapsed=$((SECONDS - started))
        summary+=("$name: clean in ${elapsed} s")
    else
        elapsed=$((SECONDS - started))
        summary+=("$name: FAILED in ${elapsed} s")
        status=1
    fi
    echo "static: ${summary[-1]}"
}

total=$SECONDS
run qmllint
run tsc
run clang-tidy
echo "static: summary"
printf 'static:   %s\n' "${summary[@]}"
echo "static:   total $((SECONDS - total)) s"
exit $status
