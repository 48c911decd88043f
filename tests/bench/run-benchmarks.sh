#!/usr/bin/env bash
# Frontdesk benchmarks: every figure in docs/benchmarks.md comes from here.
#
# Usage: tests/bench/run-benchmarks.sh [options] SUBCOMMAND...
#
# Subcommands (run in the order given; each server run starts a fresh server
# on a fresh database in a temporary folder, and stops it):
#   build       configure and build build-bench/ (Release): frontdesk, fdload, the limits
#   machine     describe the machine (cores, memory, kernel, Qt, build type)
#   idle        19,500 idle visitors (the hard RLIMIT_NOFILE here is 20,000); RSS per connection (FD_IDLE)
#   handshake   handshakes/s with 0 and with 10,000 held                  (FD_HS_COUNT, FD_HS_HELD)
#   messages    SQLite: 500/1000/2000/5000 msg/s with 10,000 idle          (FD_RATES, FD_MSG_IDLE)
#   saturate    SQLite: closed loop, max durable msg/s
#   rush        SQLite: 2,000 fresh visitors send their first message at 200/s in all,
#               one agent; first-message latency and queue frames  (FD_RUSH_COUNT, FD_RUSH_RATE)
#   burst       the rush with 5,000 other visitors idle throughout  (FD_BURST_IDLE, and the rush's)
#   webhooks    the rush with a webhook endpoint of every event type on a local sink: the
#               rush's figures, and each delivery's lag behind its event
#   mariadb     the same two on a MariaDB server started in a temp folder
#   history     agent `history` (limit 200) on a 200-message conversation
#   widget      GET /widget.js requests/s, keep-alive, gzip
#   startup     start to listening: first start, restart on an empty database,
#               restart on a 1,000,000-message database
#   limits      the same-run limits: bare QWebSocketServer echo (idle memory,
#               handshakes/s) and raw SQLite inserts (WAL, synchronous=FULL)
#   profile     perf (cpu-clock, call graphs) on the server during the scenarios
#               that miss their targets; reports in DIR/profile-*.txt
#   all         machine limits idle handshake messages saturate rush burst history widget startup mariadb
#   smoke       seconds, small numbers; asserts only that everything runs and reports (ctest bench_smoke)
#   summary     medians (min/max) of results.jsonl as a Markdown table
#
# Options:
#   --repeat N        runs per figure (default 3; the table shows the median and min/max)
#   --out DIR         where results.jsonl and logs go (default /tmp/frontdesk-bench)
#   --dispatcher X    sets FRONTDESK_EVENT_DISPATCHER=X for the servers (epoll|default),
#                     and tags every result with it, for before/after comparisons
#   --build DIR       build folder (default build-bench/ next to this repository's top)
#   --frontdesk/--fdload/--echoserver/--rawsqlite PATH   binaries (ctest passes them)
#
# Load only ever targets 127.0.0.0/8. Every run has a count and a deadline
# and stops by itself. The file-descriptor limit is raised for this script's
# own process tree only (ulimit); no system setting is changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/build-bench"
repeat=3
out=/tmp/frontdesk-bench
dispatcher="${FRONTDESK_EVENT_DISPATCHER:-}"
frontdesk="" fdload="" echoserver="" rawsqlite=""
python=/usr/bin/python3
[ -x "$python" ] || python=python3

commands=()
while [ $# -gt 0 ]; do
    case "$1" in
    --repeat) repeat=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --dispatcher) dispatcher=$2; shift 2 ;;
    --build) build=$(realpath "$2"); shift 2 ;;
    --frontdesk) frontdesk=$2; shift 2 ;;
    --fdload) fdload=$2; shift 2 ;;
    --echoserver) echoserver=$2; shift 2 ;;
    --rawsqlite) rawsqlite=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-benchmarks: unknown option $1" >&2; exit 2 ;;
    *) commands+=("$1"); shift ;;
    esac
done
[ ${#commands[@]} -gt 0 ] || { echo "usage: run-benchmarks.sh [options] SUBCOMMAND... (see --help)" >&2; exit 2; }

frontdesk=${frontdesk:-$build/app/frontdesk}
fdload=${fdload:-$build/tests/bench/fdload}
echoserver=${echoserver:-$build/tests/bench/frontdesk_echoserver}
rawsqlite=${rawsqlite:-$build/tests/bench/frontdesk_rawsqlite}
if [ -n "$dispatcher" ]; then export FRONTDESK_EVENT_DISPATCHER="$dispatcher"; else unset FRONTDESK_EVENT_DISPATCHER; fi

# Tens of thousands of sockets on each side: raise the limit for this process
# tree (root may raise the hard limit; otherwise up to the hard limit).
ulimit -Hn 1048576 2>/dev/null || true
ulimit -Sn "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d /tmp/frontdesk-bench.XXXXXX)
server_pid="" mariadb_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    [ -n "$mariadb_pid" ] && kill "$mariadb_pid" 2>/dev/null && wait "$mariadb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

admin_password="bench-$RANDOM$RANDOM-password"
export FRONTDESK_ADMIN_PASSWORD="$admin_password"
origin=http://bench.test
results=""

log() { echo "run-benchmarks: $*" >&2; }

free_port() {
    local port
    for _ in $(seq 1 100); do
        # Below net.ipv4.ip_local_port_range (32768-60999 here): an outgoing
        # socket's local port cannot collide with it.
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    log "no free port found"
    return 1
}

# record JSON-LINE...: tag with the dispatcher and append to results.jsonl.
record() {
    local line
    while IFS= read -r line; do
        case "$line" in
        \{*) ;;
        *) continue ;;
        esac
        line="{\"dispatcher\":\"${dispatcher:-default}\",${line#\{}"
        echo "$line" >>"$results"
        echo "$line"
        [ "$results" != "$work/results.jsonl" ] || echo "$line" >&2 # smoke: show every figure in ctest's log
    done
}

# start_frontdesk DATABASE-URL: a fresh server; sets server_pid, server_port, site_key.
# Tries three ports: another program on this shared machine may take one first.
start_frontdesk() {
    local attempt
    for attempt in 1 2 3; do
        start_frontdesk_once "$1" && return 0
        grep -q 'already in use' "$work/server.err" || return 1
        log "port $server_port was taken; trying another"
    done
    return 1
}
# Every simulated visitor comes from a few loopback addresses (fdload's
# --sources, 127.0.0.2 onwards) and sends far faster than a person, so the
# per-visitor and per-address abuse limits (docs/security.md) would measure
# the limiter, not the server: load runs lift them. Builds from before the
# limits lack --limit.
load_limits() {
    # Read the whole help first: `--help | grep -q` lets grep stop at the first
    # match, and with the help longer than one write (4 KB) frontdesk then dies
    # of SIGPIPE, which pipefail takes for "no --limit" (the smoke run was then
    # rate-limited by the defaults).
    local help
    help=$("$frontdesk" --help 2>/dev/null) || true
    grep -q -- '--limit' <<<"$help" || return 0
    local name
    for name in new-visitor-burst visitor-message-burst frame-burst refused-frames-before-close; do
        printf -- '--limit %s=1000000000 ' "$name"
    done
    for name in new-visitors-per-minute visitor-messages-per-second frames-per-second; do
        printf -- '--limit %s=1000000000 ' "$name"
    done
}

start_frontdesk_once() {
    local database=$1
    server_port=$(free_port)
    # Emptied before the launch: the shell that starts the server truncates
    # them only once it runs, and until then the previous server's
    # "listening on" line and site key would still be read here.
    : >"$work/server.out"
    : >"$work/server.err"
    # shellcheck disable=SC2046 # load_limits prints separate words on purpose
    "$frontdesk" --headless --listen "127.0.0.1:$server_port" --database "$database" --allow-origin "$origin" $(load_limits) \
        >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    for _ in $(seq 1 600); do
        grep -q '^listening on' "$work/server.out" 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; server_pid=""; return 1; }
        sleep 0.05
    done
    grep -q '^listening on' "$work/server.out" || { log "frontdesk did not start"; cat "$work/server.err" >&2; return 1; }
    site_key=$(grep -o 'data-site-key=\\\?"[^"\\]*' "$work/server.err" | head -1 | sed 's/.*"//')
    [ -n "$site_key" ] || { log "no site key in the server's log"; return 1; }
}

stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

start_echo() {
    server_port=$(free_port)
    : >"$work/echo.out" # see start_frontdesk_once
    "$echoserver" "127.0.0.1:$server_port" >"$work/echo.out" 2>"$work/echo.err" &
    server_pid=$!
    site_key=""
    for _ in $(seq 1 200); do
        grep -q '^listening on' "$work/echo.out" 2>/dev/null && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    log "echoserver did not start"; cat "$work/echo.err" >&2
    return 1
}

# load LABEL ARGS...: fdload against the running server; its JSON goes to results.
load() {
    local label=$1
    shift
    local sources=${FD_SOURCES:-64}
    "$fdload" --server "127.0.0.1:$server_port" --server-pid "$server_pid" --sources "$sources" \
        --origin "$origin" --site "${site_key:-none}" --label "$label" "$@" 2>>"$work/fdload.err" | record || {
        log "fdload $label failed (see below)"
        tail -20 "$work/fdload.err" >&2
        return 1
    }
}

sqlite_db() { echo "sqlite:$work/db-$RANDOM$RANDOM.sqlite"; }

# --- MariaDB, in a temporary folder, as tests/support/run-tests.sh does ------
mariadb_url=""
start_mariadb() {
    [ -n "$mariadb_url" ] && return 0
    command -v mariadbd >/dev/null || { log "mariadbd is not installed"; return 1; }
    local datadir="$work/mariadb" socket="$work/mariadb.sock" port
    port=$(free_port)
    mariadb-install-db --user=root --datadir="$datadir" --auth-root-authentication-method=socket --skip-test-db \
        >"$work/mariadb-install.log" 2>&1 || { cat "$work/mariadb-install.log" >&2; return 1; }
    # Durable like SQLite FULL: the redo log is flushed at every commit.
    mariadbd --user=root --datadir="$datadir" --socket="$socket" --port="$port" --bind-address=127.0.0.1 \
        --skip-name-resolve --pid-file="$work/mariadb.pid" --log-error="$work/mariadb.err" \
        --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=1 --max-connections=50 &
    mariadb_pid=$!
    for _ in $(seq 1 150); do
        mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1 && break
        kill -0 "$mariadb_pid" 2>/dev/null || { cat "$work/mariadb.err" >&2; return 1; }
        sleep 0.2
    done
    local password="bench-$RANDOM$RANDOM"
    mariadb --socket="$socket" -uroot <<SQL
CREATE USER 'frontdesk'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'frontdesk'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
    export FRONTDESK_DB_PASSWORD="$password"
    mariadb_url="mariadb://frontdesk@127.0.0.1:$port"
    mariadb_socket=$socket
    log "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port"
}
mariadb_db() { echo "$mariadb_url/bench$RANDOM$RANDOM"; }

# --- subcommands ---------------------------------------------------------------

cmd_build() {
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    ninja -C "$build" -j2 frontdesk fdload frontdesk_echoserver frontdesk_rawsqlite
}

cmd_machine() {
    local qt cpu
    qt=$(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo unknown)
    cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
    local line
    line=$(printf '{"scenario":"machine","cores":%s,"cpu":"%s","mem_gib":%s,"kernel":"%s","os":"%s","qt":"%s","build_type":"%s","nofile":%s}' \
        "$(nproc)" "$cpu" "$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)" "$(uname -r)" \
        "$(. /etc/os-release; echo "$PRETTY_NAME")" "$qt" \
        "$(grep -s '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" | cut -d= -f2)" "$(ulimit -n)")
    echo "$line" | record
}

cmd_idle() {
    local n=${FD_IDLE:-19500}
    for run in $(seq 1 "$repeat"); do
        log "idle: $n visitors, run $run"
        start_frontdesk "$(sqlite_db)"
        load "idle-$n" --scenario idle --idle "$n" --concurrency 32 --timeout 240 || true
        stop_server
    done
}

cmd_handshake() {
    local count=${FD_HS_COUNT:-5000}
    for held in ${FD_HS_HELD:-0 10000}; do
        for run in $(seq 1 "$repeat"); do
            log "handshake: $count with $held held, run $run"
            start_frontdesk "$(sqlite_db)"
            load "handshake-held$held" --scenario handshake --idle "$held" --count "$count" --concurrency 32 --timeout 240 || true
            stop_server
        done
    done
}

# messages_on DB-KIND: the fixed rates, then saturation.
messages_on() {
    local kind=$1 rates=${FD_RATES:-500,1000,2000,5000} idle=${FD_MSG_IDLE:-10000}
    for run in $(seq 1 "$repeat"); do
        log "messages on $kind: $rates msg/s with $idle idle, run $run"
        if [ "$kind" = sqlite ]; then start_frontdesk "$(sqlite_db)"; else start_frontdesk "$(mariadb_db)"; fi
        load "messages-$kind" --scenario messages --idle "$idle" --senders 100 --rate "$rates" --duration 10 \
            --concurrency 32 --timeout 300 || true
        stop_server
    done
}
saturate_on() {
    local kind=$1
    for run in $(seq 1 "$repeat"); do
        log "saturate on $kind, run $run"
        if [ "$kind" = sqlite ]; then start_frontdesk "$(sqlite_db)"; else start_frontdesk "$(mariadb_db)"; fi
        load "saturate-$kind" --scenario saturate --senders 200 --window 10 --duration 10 --timeout 120 || true
        stop_server
    done
}
cmd_messages() { messages_on sqlite; }

# rush: many new conversations at once (each one moves the waiting visitors' places).
cmd_rush() {
    local count=${FD_RUSH_COUNT:-2000} rate=${FD_RUSH_RATE:-200}
    for run in $(seq 1 "$repeat"); do
        log "rush: $count first messages at $rate/s, run $run"
        start_frontdesk "$(sqlite_db)"
        # Per-message times (sent, ack, agent) for plots: DIR/rush-COUNT-TIME.csv
        load "rush-$count" --scenario rush --count "$count" --rate "$rate" --concurrency 32 --timeout 300 \
            --trace "$out/rush-$count-$(date +%H%M%S).csv" || true
        stop_server
    done
}
# webhooks: the rush with one webhook endpoint of every event type on a local
# sink (webhooksink.mjs, which answers 204 at once): what journalling and
# delivering each event costs the chat (compare its visitor→agent figures
# with the rush's in the same session), and how far the deliveries trail
# their events (the sink's line). Each first message is two events
# (conversation.created, message.visitor). Builds before webhooks cannot run it.
cmd_webhooks() {
    local count=${FD_RUSH_COUNT:-2000} rate=${FD_RUSH_RATE:-200} sink_pid
    for run in $(seq 1 "$repeat"); do
        log "webhooks: the rush ($count first messages at $rate/s) with an endpoint, run $run"
        start_frontdesk "$(sqlite_db)"
        : >"$work/sink.err"
        node "$here/webhooksink.mjs" --server "http://127.0.0.1:$server_port" --expected $((2 * count)) \
            --label "webhooks-$count" --timeout 300 >"$work/sink.out" 2>"$work/sink.err" &
        sink_pid=$!
        for _ in $(seq 1 200); do
            grep -q '^ready' "$work/sink.err" && break
            kill -0 "$sink_pid" 2>/dev/null || break
            sleep 0.05
        done
        grep -q '^ready' "$work/sink.err" || { log "the webhook sink did not start"; cat "$work/sink.err" >&2; stop_server; return 1; }
        load "rush-webhooks-$count" --scenario rush --count "$count" --rate "$rate" --concurrency 32 --timeout 300 || true
        wait "$sink_pid" || true
        record <"$work/sink.out"
        stop_server
    done
}
# burst: the rush on a busy site, FD_BURST_IDLE visitors (default 5,000) idle
# throughout; the target is p99 visitor→agent ≤ 50 ms (docs/benchmarks.md).
cmd_burst() {
    local count=${FD_RUSH_COUNT:-2000} rate=${FD_RUSH_RATE:-200} idle=${FD_BURST_IDLE:-5000}
    for run in $(seq 1 "$repeat"); do
        log "burst: $count first messages at $rate/s with $idle idle, run $run"
        start_frontdesk "$(sqlite_db)"
        load "burst-$count" --scenario burst --idle "$idle" --count "$count" --rate "$rate" --concurrency 32 --timeout 300 || true
        stop_server
    done
}
cmd_saturate() { saturate_on sqlite; }
cmd_mariadb() {
    start_mariadb
    messages_on mariadb
    saturate_on mariadb
}

cmd_history() {
    for run in $(seq 1 "$repeat"); do
        log "history, run $run"
        start_frontdesk "$(sqlite_db)"
        load "history-200" --scenario history --history-size 200 --count 500 --window 1 --timeout 120 || true
        stop_server
    done
}

cmd_widget() {
    for run in $(seq 1 "$repeat"); do
        log "widget, run $run"
        start_frontdesk "$(sqlite_db)"
        load "widget-gzip" --scenario widget --concurrency 16 --duration 5 --timeout 60 || true
        stop_server
    done
}

# time_to_listening LABEL DATABASE: launch to the "listening on" line, measured
# by a parent that reads the server's stdout (no polling granularity).
time_to_listening() {
    local label=$1 database=$2
    FD_LABEL=$label "$python" - "$frontdesk" "$database" "$origin" "$(free_port)" <<'PY' | record
import json, os, signal, subprocess, sys, time
frontdesk, database, origin, port = sys.argv[1:5]
t0 = time.monotonic()
p = subprocess.Popen([frontdesk, "--headless", "--listen", "127.0.0.1:" + port, "--database", database,
                      "--allow-origin", origin], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = p.stdout.readline()
t1 = time.monotonic()
rss = 0
try:
    for l in open("/proc/%d/status" % p.pid):
        if l.startswith("VmRSS:"):
            rss = int(l.split()[1])
except OSError:
    pass
p.send_signal(signal.SIGTERM)
try:
    p.wait(timeout=30)
except subprocess.TimeoutExpired:
    p.kill(); p.wait()
ok = line.startswith("listening on")
print(json.dumps({"scenario": "startup", "label": os.environ["FD_LABEL"], "target": "frontdesk",
                  "start_to_listening_ms": round((t1 - t0) * 1000, 1), "server_rss_kb": rss, "ok": 1 if ok else 0}, separators=(",", ":")))
PY
}

# A database with 1,000,000 messages, built with the sqlite3 CLI against the
# schema the server itself created (not through the protocol): 10,000
# visitors, 10,000 conversations (100 messages each; the last 100 open).
build_million_db() {
    local path=$1
    start_frontdesk "sqlite:$path"
    stop_server
    sqlite3 "$path" >/dev/null <<'SQL'
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, created_at, last_seen_at)
SELECT printf('00000000-0000-4000-8000-%012d', i), (SELECT min(id) FROM sites), randomblob(32), '', '', '{}',
       1700000000000 + i, 1700000000000 + i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO conversations (site_id, visitor_id, status, assigned_agent_id, created_at, updated_at, closed_at)
SELECT (SELECT min(id) FROM sites), printf('00000000-0000-4000-8000-%012d', i),
       CASE WHEN i > 9900 THEN 'waiting' ELSE 'closed' END, NULL,
       1700000000000 + i * 1000, 1700000000000 + i * 1000 + 999, CASE WHEN i > 9900 THEN NULL ELSE 1700000000000 + i * 1000 + 999 END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
INSERT INTO messages (conversation_id, author_kind, author_agent_id, body, client_id, created_at)
SELECT (SELECT min(id) FROM conversations) + i / 100, 'visitor', NULL,
       'Benchmark message ' || i || ': do you ship to Norway?', 'm' || i, 1700000000000 + i FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

cmd_startup() {
    local fresh
    for run in $(seq 1 "$repeat"); do
        fresh="$work/startup-$run.sqlite"
        log "startup: first start and restart on an empty database, run $run"
        time_to_listening "startup-first-start" "sqlite:$fresh"
        time_to_listening "startup-empty" "sqlite:$fresh"
    done
    local big="$work/million.sqlite"
    log "startup: building a 1,000,000-message database"
    local t0=$SECONDS
    build_million_db "$big"
    log "startup: built in $((SECONDS - t0)) s, $(du -h "$big" | cut -f1), $(sqlite3 "$big" 'SELECT count(*) FROM messages') messages"
    for run in $(seq 1 "$repeat"); do
        log "startup: restart on 1,000,000 messages, run $run"
        time_to_listening "startup-1m-messages" "sqlite:$big"
    done
}

cmd_limits() {
    local n=${FD_IDLE:-19500} count=${FD_HS_COUNT:-5000}
    for run in $(seq 1 "$repeat"); do
        log "limits: echo server, $n idle, run $run"
        start_echo
        load "idle-$n" --echo --scenario idle --idle "$n" --concurrency 32 --timeout 240 || true
        stop_server
        for held in ${FD_HS_HELD:-0 10000}; do
            log "limits: echo server, $count handshakes with $held held, run $run"
            start_echo
            load "handshake-held$held" --echo --scenario handshake --idle "$held" --count "$count" --concurrency 32 \
                --timeout 240 || true
            stop_server
        done
        log "limits: raw SQLite inserts, run $run"
        "$rawsqlite" "$work/raw.sqlite" --batch 500 --rows 100000 | sed 's/^{/{"label":"rawsqlite-batch500","target":"limit",/' | record
        "$rawsqlite" "$work/raw.sqlite" --batch 1 --rows 500 | sed 's/^{/{"label":"rawsqlite-batch1","target":"limit",/' | record
    done
}

cmd_summary() {
    "$python" - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
groups = {}
for r in rows:
    if r.get("scenario") == "machine":
        print("machine:", json.dumps(r)); continue
    key = (r.get("label", r.get("scenario")), r.get("target", ""), r.get("dispatcher", ""), r.get("offered_rate"))
    groups.setdefault(key, []).append(r)
wanted = ["server_rss_per_conn_kb", "idle_held", "handshakes_per_s", "handshake_p99_ms", "durable_per_s",
          "agent_p50_ms", "agent_p99_ms", "agent_max_ms", "agent_p50_first_tenth_ms", "agent_p50_last_tenth_ms",
          "all_acked_s", "queue_frames", "ack_p50_ms", "ack_p99_ms", "send_lag_p99_ms", "history_per_s",
          "history_p50_ms", "history_p99_ms", "page_bytes", "requests_per_s", "body_bytes", "start_to_listening_ms",
          "rows_per_s", "commits_per_s", "server_cpu_share", "fdload_cpu_share", "server_cpu_share_ramp",
          "fdload_cpu_share_ramp"]
print("| figure | target | dispatcher | offered | metric | median | min | max | runs | all ok |")
print("|---|---|---|---|---|---|---|---|---|---|")
for key, rs in groups.items():
    label, target, disp, rate = key
    for m in wanted:
        vals = [r[m] for r in rs if isinstance(r.get(m), (int, float)) and r.get(m) is not None]
        if not vals:
            continue
        ok = all(r.get("ok", 1) == 1 for r in rs)
        fmt = lambda v: ("%.3g" % v) if abs(v) < 100 else ("%.0f" % v)
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |" % (label, target, disp, "" if rate is None else fmt(rate), m,
              fmt(statistics.median(vals)), fmt(min(vals)), fmt(max(vals)), len(vals), "yes" if ok else "NO"))
PY
}

# profile: where the server's CPU goes in the scenarios that miss targets.
# perf samples the server (cpu-clock: this machine has no hardware counters)
# only during the measured phase (fdload prints "measuring" when it starts).
profile_one() {
    local label=$1 seconds=$2
    shift 2
    start_frontdesk "$(sqlite_db)"
    : >"$work/profile.err"
    "$fdload" --server "127.0.0.1:$server_port" --server-pid "$server_pid" --sources 64 --origin "$origin" \
        --site "$site_key" --label "profile-$label" "$@" 2>"$work/profile.err" | record &
    local load_pid=$!
    for _ in $(seq 1 1200); do
        grep -q 'measuring' "$work/profile.err" && break
        kill -0 "$load_pid" 2>/dev/null || break
        sleep 0.05
    done
    perf record -e cpu-clock -F 999 -g -p "$server_pid" -o "$out/perf-$label.data" -- sleep "$seconds" >/dev/null 2>&1 || true
    wait "$load_pid" || true
    stop_server
    local report
    report() { perf report -i "$out/perf-$label.data" --no-children --stdio -g none "$@" 2>/dev/null \
        | grep -v '^#' | grep -v '^$' | sed 's/ *- *- *$//; s/ *$//' | head -"$lines" || true; }
    {
        echo "## $label: samples per thread"
        lines=8 report --sort comm
        echo "## $label: top symbols (self time, all threads)"
        lines=35 report --sort dso,symbol
        echo "## $label: top symbols of the main (network) thread"
        lines=20 report --sort dso,symbol --comms frontdesk
    } | tee "$out/profile-$label.txt"
}

cmd_profile() {
    command -v perf >/dev/null || { log "perf is not installed"; return 1; }
    [ -n "${FD_PROFILE_ONLY:-}" ] && { profile_one $FD_PROFILE_ONLY; return; }
    profile_one handshake-held10000 5 --scenario handshake --idle 10000 --count 5000 --concurrency 32 --timeout 240
    profile_one messages-5000 8 --scenario messages --idle 10000 --senders 100 --rate 5000 --duration 10 --concurrency 32 --timeout 240
    profile_one saturate 8 --scenario saturate --senders 200 --window 10 --duration 10 --timeout 120
    profile_one idle-held 5 --scenario idle --idle 10000 --concurrency 32 --settle 6 --timeout 240
}

# --- smoke: seconds, small numbers, assertions on sanity only -----------------

# json_num KEY LINE: the number after "KEY": in LINE (empty if absent).
json_num() { sed -n "s/.*\"$1\":\([-0-9.e+]*\).*/\1/p" <<<"$2" | head -1; }
expect_positive() {
    local key=$1 line=$2 value
    value=$(json_num "$key" "$line")
    if [ -z "$value" ] || ! awk -v v="$value" 'BEGIN { exit !(v > 0) }'; then
        log "smoke: expected a positive \"$key\" in: $line"
        return 1
    fi
}
expect_equal() {
    local key=$1 want=$2 line=$3 value
    value=$(json_num "$key" "$line")
    [ "$value" = "$want" ] || { log "smoke: expected \"$key\" = $want, got '$value' in: $line"; return 1; }
}

cmd_smoke() {
    local line failures=0
    export FD_SOURCES=4
    check() { "$@" || failures=$((failures + 1)); }

    start_frontdesk "$(sqlite_db)"
    line=$(load smoke-idle --scenario idle --idle 200 --concurrency 16 --settle 0.3 --timeout 60 | tail -1) || true
    check expect_equal idle_held 200 "$line"
    check expect_positive server_rss_after_kb "$line"
    line=$(load smoke-handshake --scenario handshake --idle 20 --count 50 --concurrency 8 --timeout 60 | tail -1) || true
    check expect_equal handshakes 50 "$line"
    check expect_positive handshakes_per_s "$line"
    line=$(load smoke-messages --scenario messages --idle 20 --senders 10 --rate 100 --duration 2 --timeout 60 | tail -1) || true
    check expect_equal acked 200 "$line"
    check expect_equal seen_by_agent 200 "$line"
    check expect_positive agent_p99_ms "$line"
    check expect_positive durable_per_s "$line"
    line=$(load smoke-saturate --scenario saturate --senders 10 --window 4 --duration 2 --timeout 60 | tail -1) || true
    check expect_positive durable_per_s "$line"
    check expect_equal ok 1 "$line"
    line=$(load smoke-rush --scenario rush --count 50 --rate 100 --timeout 60 | tail -1) || true
    check expect_equal acked 50 "$line"
    check expect_equal seen_by_agent 50 "$line"
    check expect_equal conversations_created 50 "$line"
    check expect_positive queue_frames "$line"
    check expect_positive all_acked_s "$line"
    line=$(load smoke-history --scenario history --history-size 30 --count 10 --timeout 60 | tail -1) || true
    check expect_equal requests 10 "$line"
    check expect_equal messages_per_page 30 "$line"
    line=$(load smoke-widget --scenario widget --concurrency 2 --duration 0.5 --timeout 30 | tail -1) || true
    check expect_positive requests_per_s "$line"
    check expect_positive gzip_responses "$line"
    stop_server

    # The webhooks scenario: a rush of 20 with an endpoint, both events of each delivered once.
    start_frontdesk "$(sqlite_db)"
    node "$here/webhooksink.mjs" --server "http://127.0.0.1:$server_port" --expected 40 --label smoke-webhooks \
        --timeout 60 >"$work/sink.out" 2>"$work/sink.err" &
    local sink_pid=$!
    for _ in $(seq 1 200); do
        grep -q '^ready' "$work/sink.err" && break
        sleep 0.05
    done
    line=$(load smoke-rush-webhooks --scenario rush --count 20 --rate 100 --timeout 60 | tail -1) || true
    check expect_equal acked 20 "$line"
    wait "$sink_pid" || true
    line=$(record <"$work/sink.out" | tail -1) || true
    check expect_equal delivered 40 "$line"
    check expect_equal repeats 0 "$line"
    check expect_positive first_to_last_s "$line"
    stop_server

    start_echo
    line=$(load smoke-echo-idle --echo --scenario idle --idle 100 --settle 0.3 --timeout 30 | tail -1) || true
    check expect_equal idle_held 100 "$line"
    line=$(load smoke-echo-handshake --echo --scenario handshake --count 50 --concurrency 8 --timeout 30 | tail -1) || true
    check expect_equal handshakes 50 "$line"
    stop_server

    line=$("$rawsqlite" "$work/raw.sqlite" --batch 50 --rows 200 | sed 's/^{/{"label":"smoke-rawsqlite","target":"limit",/' | record | tail -1) || true
    check expect_equal rows 200 "$line"
    check expect_positive rows_per_s "$line"

    line=$(time_to_listening smoke-startup "sqlite:$work/startup.sqlite" | tail -1) || true
    check expect_positive start_to_listening_ms "$line"
    check expect_equal ok 1 "$line"

    if [ "$failures" -ne 0 ]; then
        log "smoke: $failures check(s) failed; fdload's stderr:"
        tail -30 "$work/fdload.err" >&2 || true
        [ ! -s "$work/sink.err" ] || { log "the webhook sink's stderr:"; tail -10 "$work/sink.err" >&2; }
        return 1
    fi
    log "smoke: every scenario ran and reported"
}

# --- main -------------------------------------------------------------------------

for c in "${commands[@]}"; do
    case "$c" in
    smoke) results="$work/results.jsonl" ;;
    *) mkdir -p "$out"; results="$out/results.jsonl" ;;
    esac
    case "$c" in
    build) cmd_build ;;
    machine) cmd_machine ;;
    idle) cmd_idle ;;
    handshake) cmd_handshake ;;
    messages) cmd_messages ;;
    saturate) cmd_saturate ;;
    rush) cmd_rush ;;
    webhooks) cmd_webhooks ;;
    burst) cmd_burst ;;
    mariadb) cmd_mariadb ;;
    history) cmd_history ;;
    widget) cmd_widget ;;
    startup) cmd_startup ;;
    limits) cmd_limits ;;
    profile) cmd_profile ;;
    summary) cmd_summary ;;
    smoke) cmd_smoke ;;
    all)
        cmd_machine; cmd_limits; cmd_idle; cmd_handshake; cmd_messages; cmd_saturate; cmd_rush; cmd_burst
        cmd_history; cmd_widget; cmd_startup; cmd_mariadb; cmd_summary ;;
    *) echo "run-benchmarks: unknown subcommand $c (see --help)" >&2; exit 2 ;;
    esac
done
