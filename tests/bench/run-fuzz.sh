#!/usr/bin/env bash
# Fuzzes for as long as asked, keeping what is found (docs/testing.md):
#
#   tests/bench/run-fuzz.sh SECONDS [TARGET...]     (targets: http wireframes polling sitesettings; default all)
#
# Builds build-fuzz/ as tests/fuzz/run-fuzz.sh does, then runs each target for
# SECONDS, two at a time, on a corpus kept in $FRONTDESK_FUZZ_OUT (default
# /tmp/frontdesk-fuzz/corpus/<target>, seeded from tests/fuzz/corpus/ on the
# first run and growing over runs). Crashes go to $FRONTDESK_FUZZ_OUT/artifacts/<target>/
# and make the script fail; logs to $FRONTDESK_FUZZ_OUT/<target>.log. To fold a
# grown corpus back into the repository (smaller, same coverage):
#   build-fuzz/tests/fuzz/fuzz_<target> -merge=1 tests/fuzz/corpus/<target> $FRONTDESK_FUZZ_OUT/corpus/<target>
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run-fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(http wireframes polling sitesettings)
build=$root/build-fuzz
out=${FRONTDESK_FUZZ_OUT:-/tmp/frontdesk-fuzz}

"$root/tests/fuzz/run-fuzz.sh" --build-only "$seconds" "$build"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14 || true)}

fuzz() {
    local target=$1
    local corpus=$out/corpus/$target artifacts=$out/artifacts/$target scratch
    mkdir -p "$corpus" "$artifacts"
    [ -n "$(ls -A "$corpus")" ] || cp -R "$root/tests/fuzz/corpus/$target/." "$corpus/"
    local scratch_root=${TMPDIR:-/tmp}
    [ -d /dev/shm ] && [ -w /dev/shm ] && scratch_root=/dev/shm
    scratch=$(mktemp -d "$scratch_root/frontdesk-fuzz.XXXXXX")
    # The store of the chat targets lives in the scratch folder, not in the corpus.
    local status=0
    TMPDIR=$scratch "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$root/tests/fuzz/regressions/$target" \
        >"$out/$target.log" 2>&1 || status=$?
    rm -rf "$scratch"
    local stats
    stats=$(grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$out/$target.log" | tr '\n' ' ' || true)
    echo "$target: exit $status, corpus $(ls "$corpus" | wc -l) inputs; $stats"
    return $status
}

status=0
pids=()
for target in "${targets[@]}"; do
    fuzz "$target" &
    pids+=($!)
    # Two at a time: the machine has two cores.
    if [ ${#pids[@]} -ge 2 ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
[ $status = 0 ] || echo "A target failed: see $out/<target>.log and $out/artifacts/" >&2
exit $status
