#!/usr/bin/env bash
# Two server builds measured against each other in one session, alternately,
# so the machine's drift hits both alike: for each round, for each subcommand,
# one run on the old server, then one on the new one. The load generator is
# the same binary for both (the newer fdload: it knows every scenario).
#
# Usage: tests/bench/compare-builds.sh --old FRONTDESK --new FRONTDESK [options] SUBCOMMAND...
#        tests/bench/compare-builds.sh --out DIR report
#
#   SUBCOMMAND   any server subcommand of run-benchmarks.sh (idle, handshake,
#                messages, saturate, rush, history, widget); the FD_* knobs
#                apply to both builds
#   report       medians (min–max) per build and the new/old ratio of the medians,
#                from DIR/old/results.jsonl and DIR/new/results.jsonl
#
# Options:
#   --rounds N   runs per build and subcommand (default 3)
#   --out DIR    results go to DIR/old and DIR/new (default /tmp/frontdesk-compare)
#   --fdload P   the load generator (default build-bench/tests/bench/fdload of this tree)
#   --abba       old first in odd rounds, new first in even ones (old new, new old, …),
#                so that whatever runs second in a pair is not always the same build
#
# The old binary may predate --limit; run-benchmarks.sh passes it only to a
# server whose --help lists it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
old="" new="" rounds=3 abba=0 out=/tmp/frontdesk-compare fdload="$top/build-bench/tests/bench/fdload"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
commands=()
while [ $# -gt 0 ]; do
    case "$1" in
    --old) old=$(realpath "$2"); shift 2 ;;
    --new) new=$(realpath "$2"); shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --fdload) fdload=$(realpath "$2"); shift 2 ;;
    --abba) abba=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare-builds: unknown option $1" >&2; exit 2 ;;
    *) commands+=("$1"); shift ;;
    esac
done
[ ${#commands[@]} -gt 0 ] || { echo "usage: compare-builds.sh --old PATH --new PATH SUBCOMMAND... | --out DIR report" >&2; exit 2; }

report() {
    "$python" - "$out/old/results.jsonl" "$out/new/results.jsonl" <<'PY'
import json, statistics, sys
def load(path):
    groups = {}
    for line in open(path):
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        if r.get("scenario") == "machine":
            continue
        groups.setdefault((r.get("label", r.get("scenario")), r.get("offered_rate")), []).append(r)
    return groups
old, new = load(sys.argv[1]), load(sys.argv[2])
wanted = ["server_rss_per_conn_kb", "idle_held", "ramp_per_s", "hello_p99_ms", "handshakes_per_s", "handshake_p50_ms",
          "handshake_p99_ms", "durable_per_s", "agent_p50_ms", "agent_p99_ms", "agent_max_ms",
          "agent_p50_first_tenth_ms", "agent_p50_last_tenth_ms", "ack_p50_ms", "ack_p99_ms", "ack_max_ms",
          "agent_behind_ack_p50_ms", "agent_behind_ack_p99_ms", "all_acked_s",
          "queue_frames", "send_lag_p99_ms", "server_cpu_share", "fdload_cpu_share"]
fmt = lambda v: ("%.3g" % v) if abs(v) < 100 else ("%.0f" % v)
def cell(rs, m):
    vals = [r[m] for r in rs if isinstance(r.get(m), (int, float))]
    if not vals:
        return None, "—"
    med = statistics.median(vals)
    return med, "%s [%s–%s] (%d%s)" % (fmt(med), fmt(min(vals)), fmt(max(vals)), len(vals),
                                      "" if all(r.get("ok", 1) == 1 for r in rs) else ", NOT ok")
print("| figure | offered | metric | old: median [min–max] (runs) | new: median [min–max] (runs) | new ÷ old |")
print("|---|---|---|---|---|---|")
for key in sorted(set(old) | set(new), key=lambda k: (str(k[0]), k[1] or 0)):
    label, rate = key
    for m in wanted:
        mo, co = cell(old.get(key, []), m)
        mn, cn = cell(new.get(key, []), m)
        if mo is None and mn is None:
            continue
        ratio = "%.2f" % (mn / mo) if mo not in (None, 0) and mn is not None else "—"
        print("| %s | %s | %s | %s | %s | %s |" % (label, "" if rate is None else fmt(rate), m, co, cn, ratio))
PY
}

if [ "${commands[0]}" = report ]; then
    report
    exit 0
fi
[ -x "$old" ] && [ -x "$new" ] || { echo "compare-builds: --old and --new must name frontdesk binaries" >&2; exit 2; }
[ -x "$fdload" ] || { echo "compare-builds: no fdload at $fdload (run-benchmarks.sh build)" >&2; exit 2; }
mkdir -p "$out/old" "$out/new"
bench() { # bench BUILD BINARY SUBCOMMAND
    local t0=$SECONDS
    "$here/run-benchmarks.sh" --repeat 1 --frontdesk "$2" --fdload "$fdload" --out "$out/$1" "$3" 2>>"$out/$1/log.txt" >/dev/null \
        || echo "compare-builds: $3 on $1 failed (see $out/$1/log.txt)" >&2
    echo "compare-builds: $3 on $1 took $((SECONDS - t0)) s" | tee -a "$out/timings.txt" >&2
}
"$here/run-benchmarks.sh" --out "$out/old" machine >/dev/null 2>&1
for round in $(seq 1 "$rounds"); do
    for c in "${commands[@]}"; do
        echo "compare-builds: round $round, $c" >&2
        if [ "$abba" = 1 ] && [ $((round % 2)) = 0 ]; then
            bench new "$new" "$c"
            bench old "$old" "$c"
        else
            bench old "$old" "$c"
            bench new "$new" "$c"
        fi
    done
done
report | tee "$out/report.md"
