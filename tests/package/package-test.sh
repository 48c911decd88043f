#!/usr/bin/env bash
# The Debian package, end to end (docs/testing.md, "The package"):
#
#   1. the .deb itself: lintian (no error, no warning), appstreamcli and
#      desktop-file-validate on the files it ships, the man page against
#      `frontdesk --help`, the conffiles list;
#   2. apt installs it into a fresh Debian 12 root (debootstrap minbase),
#      resolving its dependencies from Debian's mirror: files, modes, the
#      frontdesk system user, the conffile, the unit not enabled;
#   3. that root boots under systemd-nspawn; `systemd-analyze verify` on the
#      unit, then `systemctl enable --now frontdesk` as the README says, with
#      the configuration changed only in its listen line (a free loopback
#      port);
#   4. from outside the container: the admin's credentials and the site key
#      from the journal, then a visitor/agent round trip (roundtrip.py); the
#      SQLite file in /var/lib/frontdesk, owned by frontdesk, the service
#      running as frontdesk; a restart keeps the conversation;
#   5. the console starts offscreen there (its QML modules are in Depends);
#   6. `apt purge` stops the service and removes its state and configuration.
#
# Usage: tests/package/package-test.sh DEB
#   FRONTDESK_PACKAGE_CACHE (default /var/cache/frontdesk-package-test) keeps
#   the debootstrapped root as a tarball (made again after 7 days) and apt's
#   downloads, so a rerun downloads nothing; a clean machine fills it once.
# Needs root, debootstrap, lintian, appstream, desktop-file-utils,
# systemd-container and python3-websockets (quickstart.sh test installs them).
set -euo pipefail

deb=$(realpath "${1:?usage: package-test.sh DEB}")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${FRONTDESK_PACKAGE_CACHE:-/var/cache/frontdesk-package-test}
mirror=http://deb.debian.org/debian
machine=frontdesk-package-test-$$
started=$SECONDS
step_started=$SECONDS

step() {
    echo "package-test: [$((SECONDS - step_started)) s] done; $*"
    step_started=$SECONDS
}
fail() {
    echo "package-test: FAILED: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, systemd-nspawn)"
for tool in debootstrap lintian appstreamcli desktop-file-validate systemd-nspawn nsenter dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool is missing (packaging/quickstart.sh test installs it)"
done
/usr/bin/python3 -c 'import websockets' 2>/dev/null || fail "python3-websockets is missing"

work=$(mktemp -d /var/tmp/frontdesk-package-test.XXXXXX)
root=$work/root
nspawn_pid=""

# Whatever happens: the container stopped, nothing left mounted under $work
# (the apt cache is bind-mounted only inside the container's own mount
# namespace, so it is gone with the container), then the folder removed.
cleanup() {
    local status=$?
    step "cleaning up"
    if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null # nspawn asks the container's systemd to halt
        for _ in $(seq 1 30); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
        wait "$nspawn_pid" 2>/dev/null || true
        step "container stopped"
    fi
    if grep -q " $work" /proc/self/mountinfo; then
        echo "package-test: unmounting what was left under $work" >&2
        grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l
        status=1
    fi
    grep -q " $work" /proc/self/mountinfo || rm -rf "$work"
    # nspawn keeps an empty folder per machine here when /run is not a tmpfs.
    rmdir "/run/systemd/nspawn/propagate/$machine" 2>/dev/null || true
    step "$work removed"
    [ $status -eq 0 ] && echo "package-test: passed in $((SECONDS - started)) s"
    exit $status
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- 1. The package file ------------------------------------------------------

echo "package-test: $deb"
# No error and no warning; the informational tags we keep are listed, with
# the reason for each, in docs/deployment.md.
lintian_report=$(lintian --fail-on error,warning "$deb" 2>&1) ||
    { echo "$lintian_report"; fail "lintian reports errors or warnings (above)"; }

contents=$work/contents
dpkg-deb -x "$deb" "$contents"
appstreamcli validate --no-net "$contents/usr/share/metainfo/io.frontdesk.Frontdesk.metainfo.xml" ||
    fail "appstreamcli refuses the metainfo"
desktop-file-validate "$contents/usr/share/applications/io.frontdesk.Frontdesk.desktop" ||
    fail "desktop-file-validate refuses the .desktop file"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256; do
    [ -s "$contents/usr/share/icons/hicolor/$size/apps/io.frontdesk.Frontdesk.png" ] ||
        fail "no $size icon (is librsvg2-bin installed where the package was built?)"
done

# Every option of --help is in the man page.
man_text=$(zcat "$contents/usr/share/man/man1/frontdesk.1.gz" | sed 's/\\-/-/g')
options=$("$contents/usr/bin/frontdesk" --help | grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+')
[ -n "$options" ] || fail "could not read the options from frontdesk --help"
for option in $options; do
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$man_text" || fail "the man page does not document $option"
done

dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/frontdesk/frontdesk.conf ||
    fail "/etc/frontdesk/frontdesk.conf is not a conffile"
step "the package's files pass lintian, appstreamcli, desktop-file-validate and the man page check"

# --- 2. Install into a fresh Debian 12 ------------------------------------------

mkdir -p "$cache/apt-archives/partial"
base=$cache/bookworm-minbase.tar
if [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7)" ]; then
    echo "package-test: debootstrap --variant=minbase bookworm (once; kept in $base)"
    debootstrap --variant=minbase bookworm "$work/bootstrap" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
    tar -C "$work/bootstrap" -cf "$base.new" . && mv "$base.new" "$base"
    rm -rf "$work/bootstrap"
fi
mkdir "$root"
tar -C "$root" -xf "$base"
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
cp "$deb" "$root/srv/"

# A command in the root, not booted: nspawn mounts /proc, /dev and the apt
# cache for it and unmounts them when the command ends.
in_root() {
    systemd-nspawn --quiet --register=no --keep-unit --machine="$machine" -D "$root" \
        --bind="$cache/apt-archives:/var/cache/apt/archives" --pipe "$@" \
        2> >(grep -v 'Attempted to remove disk file system' >&2)
}
in_root /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends /srv/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt could not install the package into the fresh root"; }
step "installed into a fresh bookworm root with apt ($(grep -c '^Setting up' "$work/apt.log") packages set up)"

# Owners by the root's own account names (the host's may give the same
# numbers other names).
account_id() { # name passwd|group
    awk -F: -v name="$1" '$1 == name { print $3 }' "$root/etc/$2"
}
check_mode() { # path mode owner:group
    local actual expected
    actual=$(stat -c '%a %u:%g' "$root$1" 2>/dev/null) || fail "$1 is missing"
    expected="$2 $(account_id "${3%:*}" passwd):$(account_id "${3#*:}" group)"
    [ "$actual" = "$expected" ] || fail "$1 is $actual, expected $expected ($3)"
}
check_mode /usr/bin/frontdesk 755 root:root
check_mode /etc/frontdesk/frontdesk.conf 644 root:root
check_mode /lib/systemd/system/frontdesk.service 644 root:root
for file in /usr/share/applications/io.frontdesk.Frontdesk.desktop /usr/share/metainfo/io.frontdesk.Frontdesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.frontdesk.Frontdesk.svg /usr/share/man/man1/frontdesk.1.gz \
    /usr/share/doc/frontdesk/copyright /usr/share/doc/frontdesk/changelog.gz /usr/lib/sysusers.d/frontdesk.conf; do
    check_mode "$file" 644 root:root
done
in_root dpkg-query -W -f='${Conffiles}\n' frontdesk | grep -q '^ /etc/frontdesk/frontdesk.conf [0-9a-f]\{32\}$' ||
    fail "dpkg does not hold /etc/frontdesk/frontdesk.conf as a conffile"
IFS=: read -r _ _ uid gid _ home shell < <(grep '^frontdesk:' "$root/etc/passwd") || fail "no frontdesk user"
[ "$uid" -lt 1000 ] && [ "$home" = /var/lib/frontdesk ] && [ "$shell" = /usr/sbin/nologin ] ||
    fail "the frontdesk user is uid $uid, home $home, shell $shell: expected a system user, /var/lib/frontdesk, nologin"
grep -q "^frontdesk:x:$gid:" "$root/etc/group" || fail "no frontdesk group with gid $gid"
[ ! -e "$root/etc/systemd/system/multi-user.target.wants/frontdesk.service" ] ||
    fail "the install enabled the service (it must wait for the administrator's configuration)"

# The one change to the configuration: a free loopback port.
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/^listen = 0.0.0.0:8080$/listen = 127.0.0.1:$port/" "$root/etc/frontdesk/frontdesk.conf"
grep -qx "listen = 127.0.0.1:$port" "$root/etc/frontdesk/frontdesk.conf" ||
    fail "the sample configuration has no 'listen = 0.0.0.0:8080' line to change"
step "files, modes, the frontdesk user ($uid) and the conffile are as expected; listening on port $port"

# --- 3. Boot it and start the service --------------------------------------------

# The container shares the host's network (loopback included), so the test
# reaches the service on 127.0.0.1:$port from outside.
systemd-nspawn --quiet --register=no --keep-unit --machine="$machine" -D "$root" --boot \
    --console=pipe >"$work/boot.log" 2>&1 &
nspawn_pid=$!
# The container's PID 1 as the host sees it: nspawn's child once it is
# systemd (before that, nspawn's own short-lived helpers are its children).
leader=""
for _ in $(seq 1 100); do
    for child in $(cat "/proc/$nspawn_pid/task/$nspawn_pid/children" 2>/dev/null); do
        [ "$(cat "/proc/$child/comm" 2>/dev/null)" = systemd ] && leader=$child
    done
    [ -n "$leader" ] && break
    sleep 0.1
done
[ -n "$leader" ] || { cat "$work/boot.log"; fail "systemd-nspawn did not start the container's systemd"; }
in_container() { nsenter --target "$leader" --all "$@"; }
state=""
for _ in $(seq 1 120); do
    state=$(in_container systemctl is-system-running 2>/dev/null) && break
    [ "$state" = degraded ] && break
    sleep 0.5
done
case "$state" in
running) ;;
degraded) in_container systemctl --failed --no-pager ;; # a container lacks some hardware units; say which
*) cat "$work/boot.log"; fail "the container's systemd did not finish booting (state '$state')" ;;
esac

# --man=no: minbase has no man(1) to open Documentation= with; the man page is checked above.
in_container systemd-analyze verify --man=no /lib/systemd/system/frontdesk.service || fail "systemd-analyze verify rejects the unit"
[ "$(in_container systemctl is-enabled frontdesk || true)" = disabled ] || fail "the service is not 'disabled' after the install"
in_container systemctl enable --now frontdesk 2>&1 | grep -v '^Created symlink' || true
step "the root booted under systemd-nspawn ($state); the unit verifies; systemctl enable --now frontdesk"

journal() { in_container journalctl -u frontdesk --no-pager -o cat; }
wait_listening() { # the number of "listening on" lines the journal must reach
    for _ in $(seq 1 120); do
        [ "$(journal | grep -c "^listening on http://127.0.0.1:$port")" -ge "$1" ] && return 0
        in_container systemctl is-failed --quiet frontdesk && break
        sleep 0.5
    done
    journal | tail -30
    fail "the service did not say 'listening on http://127.0.0.1:$port'"
}
wait_listening 1
credentials=$(journal | grep -o 'log in as [^ ]* with password [^ ]* (shown once' || true)
email=$(awk '{print $4}' <<<"$credentials")
password=$(awk '{print $7}' <<<"$credentials")
site_key=$(journal | grep -o 'data-site-key="[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$email" ] && [ -n "$password" ] && [ -n "$site_key" ] ||
    { journal; fail "the journal does not show the admin's credentials and the snippet"; }

# --- 4. A visitor and an agent, from outside -------------------------------------

url=http://127.0.0.1:$port
/usr/bin/python3 "$here/roundtrip.py" first "$url" "$email" "$password" "$site_key" "$work/roundtrip.json"

main_pid=$(in_container systemctl show -p MainPID --value frontdesk)
[ "$(in_container stat -c %U "/proc/$main_pid")" = frontdesk ] || fail "the service does not run as frontdesk"
check_mode /var/lib/frontdesk 700 frontdesk:frontdesk
check_mode /var/lib/frontdesk/frontdesk/frontdesk.sqlite 600 frontdesk:frontdesk
step "round trip as $email; the service runs as frontdesk; the database is /var/lib/frontdesk/frontdesk/frontdesk.sqlite (0600)"

in_container systemctl restart frontdesk
wait_listening 2
/usr/bin/python3 "$here/roundtrip.py" resumed "$url" "$email" "$password" "$site_key" "$work/roundtrip.json"
[ "$(journal | grep -c 'Created the admin agent')" -eq 1 ] || fail "the restart created another admin"
step "restarted: the conversation is still there, no second admin"

# --- 5. The console -------------------------------------------------------------------

# The console from the same install, offscreen: the package's Depends must
# bring every QML module it imports (shlibdeps cannot see them). A QML error
# is printed as qrc:...: or "module ... is not installed"; a console that
# works is still running when timeout ends it (124).
console_status=0
console_log=$(in_container env HOME=/tmp/console QT_QPA_PLATFORM=offscreen timeout 6 frontdesk 2>&1) || console_status=$?
if [ "$console_status" -ne 124 ] || grep -qE 'qrc:|is not installed|plugin cannot be loaded' <<<"$console_log"; then
    echo "$console_log"
    fail "the console did not start in the fresh install (exit $console_status)"
fi
step "the console starts offscreen with the package's dependencies alone"

# --- 6. Purge ------------------------------------------------------------------------

in_container env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq frontdesk >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "apt purge failed"; }
[ "$(in_container systemctl is-active frontdesk || true)" = inactive ] || fail "the service still runs after the purge"
for gone in /var/lib/frontdesk /etc/frontdesk /usr/bin/frontdesk /lib/systemd/system/frontdesk.service; do
    [ ! -e "$root$gone" ] || fail "$gone is still there after the purge"
done
grep -q '^frontdesk:' "$root/etc/passwd" || fail "the purge removed the frontdesk user (Debian keeps system users)"
step "purged: service stopped, state and configuration gone, the user kept"
