#!/usr/bin/env bash
# Runs the ctest suite against the real services the tests need:
#   - a MariaDB server on 127.0.0.1 in a temporary data folder, with a user
#     that has a password (FRONTDESK_TEST_MARIADB, FRONTDESK_TEST_MARIADB_PASSWORD);
#   - a Secret Service (gnome-keyring) on a private D-Bus session, for QtKeychain.
# Everything lives under one temporary folder and is stopped on exit.
#
# Usage: tests/support/run-tests.sh BUILD_DIR [ctest arguments...]
set -euo pipefail

build_dir=$(realpath "${1:?usage: run-tests.sh BUILD_DIR [ctest args]}")
shift

# Own D-Bus session first, so the keyring and the tests share it.
if [ -z "${FRONTDESK_TEST_SESSION:-}" ]; then
    exec dbus-run-session -- env FRONTDESK_TEST_SESSION=1 "$0" "$build_dir" "$@"
fi

work=$(mktemp -d /tmp/frontdesk-tests.XXXXXX)
mariadb_pid=""
cleanup() {
    if [ -n "$mariadb_pid" ]; then
        kill "$mariadb_pid" 2>/dev/null || true
        wait "$mariadb_pid" 2>/dev/null || true
    fi
    [ -n "${GNOME_KEYRING_CONTROL:-}" ] && pkill -f "gnome-keyring-daemon.*$work" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A fresh HOME: QtKeychain and QStandardPaths must not touch the caller's files.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config" \
       XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --- Secret Service -------------------------------------------------------
# gnome-keyring creates and unlocks the login keyring with the password read on stdin.
eval "$(printf 'frontdesk-test-keyring' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL

# --- MariaDB --------------------------------------------------------------
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

datadir="$work/mariadb"
socket="$work/mariadb.sock"
port=$(free_port)
mariadb-install-db --user=root --datadir="$datadir" --auth-root-authentication-method=socket \
    --skip-test-db >"$work/mariadb-install.log" 2>&1 || { cat "$work/mariadb-install.log"; exit 1; }
mariadbd --user=root --datadir="$datadir" --socket="$socket" --port="$port" \
    --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$work/mariadb.pid" \
    --log-error="$work/mariadb.err" --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=1 &
mariadb_pid=$!
for _ in $(seq 1 100); do
    mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1 && break
    if ! kill -0 "$mariadb_pid" 2>/dev/null; then cat "$work/mariadb.err"; exit 1; fi
    sleep 0.2
done
mariadb-admin --socket="$socket" -uroot ping >/dev/null || { cat "$work/mariadb.err"; exit 1; }

mariadb_password="frontdesk-test-$RANDOM$RANDOM"
mariadb --socket="$socket" -uroot <<SQL
CREATE USER 'frontdesk'@'127.0.0.1' IDENTIFIED BY '$mariadb_password';
GRANT ALL PRIVILEGES ON *.* TO 'frontdesk'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
# Tests create their own database (CREATE DATABASE) per test case under this server.
export FRONTDESK_TEST_MARIADB="mariadb://frontdesk@127.0.0.1:$port/frontdesk_test"
export FRONTDESK_TEST_MARIADB_PASSWORD="$mariadb_password"
echo "run-tests: MariaDB on 127.0.0.1:$port, Secret Service on $DBUS_SESSION_BUS_ADDRESS"

ctest --test-dir "$build_dir" --output-on-failure "$@"
