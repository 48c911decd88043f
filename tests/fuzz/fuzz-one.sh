#!/bin/sh
# Runs one libFuzzer target for a while, as ctest's "fuzz" entries do:
#   fuzz-one.sh BINARY CORPUS REGRESSIONS SECONDS ARTIFACTS
# It fuzzes a temporary copy of CORPUS (libFuzzer adds the inputs it finds to
# its first directory, and the source tree must stay as committed), also
# reading REGRESSIONS. A crash, a leak, a sanitizer report, an input slower
# than 25 s or more than 2.5 GB of memory fails it; the input is kept in
# ARTIFACTS (add it to tests/fuzz/regressions/<target>/ once fixed).
set -eu
binary=$1 corpus=$2 regressions=$3 seconds=$4 artifacts=$5

# In memory where there is a tmpfs: the chat targets' SQLite store would
# otherwise spend the run waiting for fsync.
scratch_root=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && scratch_root=/dev/shm
work=$(mktemp -d "$scratch_root/frontdesk-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus" "$artifacts"
cp -R "$corpus/." "$work/corpus/"
rm -f "$work/corpus/.gitkeep"

set -- "$work/corpus"
# An empty directory is fine for libFuzzer, but skip a missing one.
[ -d "$regressions" ] && set -- "$@" "$regressions"

# Everything a target writes (the Qt store's files) goes to the scratch directory.
export TMPDIR="$work"
"$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@"
