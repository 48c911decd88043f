#!/usr/bin/env bash
# Frontdesk's quick start on Debian 12, as root. Installs whatever is missing
# (Debian packages; npm packages once the widget build needs them), builds,
# then either runs Frontdesk or runs the whole test suite.
#
#   packaging/quickstart.sh run [frontdesk options...]   build and start Frontdesk (SQLite in ~/.local/share/frontdesk)
#   packaging/quickstart.sh test [ctest options...]      build and run every test layer (starts MariaDB and a Secret Service itself;
#                                                       FRONTDESK_TEST_LAYERS picks layers: asan static fuzz package by default, suite tsan on request)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="${FRONTDESK_BUILD_DIR:-$root/build}"
mode=${1:-}
shift || true

build_packages=(
    cmake ninja-build g++ pkg-config zlib1g-dev
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-mysql libsqlite3-dev qtkeychain-qt6-dev libhttp-parser-dev libsodium-dev
    libcurl4-openssl-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtquick-templates qml6-module-qtqml-workerscript qml6-module-qtqml
    librsvg2-bin dpkg-dev
    libcanberra-dev sound-theme-freedesktop
)
test_packages=(mariadb-server mariadb-client gnome-keyring dbus openssl chromium dunst xvfb xauth desktop-file-utils trayer
               clang-14 llvm-14 libclang-rt-14-dev clang-tidy-14 qt6-declarative-dev-tools qml6-module-qtqml-models
               python3-prometheus-client nginx caddy pebble certbot
               pulseaudio pulseaudio-utils libcanberra-pulse python3-aiosmtpd
               php-cli)
# The package layer (tests/package/package-test.sh): build the .deb, check it,
# install it into a debootstrapped Debian 12 booted with systemd-nspawn.
package_test_packages=(debootstrap lintian appstream desktop-file-utils systemd-container python3-websockets)
# The widget is bundled at build time with esbuild (Node 18 or newer; Debian 12's nodejs is 18).
command -v node >/dev/null && command -v npm >/dev/null || build_packages+=(nodejs npm)

install_missing() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "quickstart: installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "quickstart: these Debian packages are missing; run as root (or install them): ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The widget's build and test tools (esbuild, playwright-core, ...) from widget/package-lock.json.
widget_tools() {
    local installed="$root/widget/node_modules/.package-lock.json"
    if [ ! -e "$installed" ] || [ "$root/widget/package-lock.json" -nt "$installed" ]; then
        echo "quickstart: installing the widget's build tools (npm ci --prefix widget)"
        npm ci --prefix "$root/widget" --no-audit --no-fund
    fi
}

# build ON|OFF: whether to build the test suites too (running needs only the program).
build() {
    widget_tools
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING="$1"
    cmake --build "$build_dir"
}

case "$mode" in
run)
    install_missing "${build_packages[@]}"
    build OFF
    # Frontdesk itself prints the demo page's address once it listens (its
    # port or --public-url may differ from the defaults).
    echo "quickstart: starting Frontdesk; open the \"Try it\" URL it prints (http://127.0.0.1:8080/try by default)," \
         "say hello, then answer in the console"
    exec "$build_dir/app/frontdesk" "$@"
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}" "${package_test_packages[@]}"
    widget_tools
    # nginx and Caddy are installed above: the proxy tests (tests/proxy) must
    # run here, not skip.
    export FRONTDESK_REQUIRE_PROXIES=1
    # php-cli too: the PHP webhook receiver (tests/webhooks) must run, not be left out.
    export FRONTDESK_REQUIRE_PHP=1
    # The test layers, each building what it needs: the whole suite under
    # ASan + UBSan, static checks, fuzzing (docs/testing.md).
    exec "$root/tests/support/run-test-layers.sh" "$build_dir" "$@"
    ;;
*)
    echo "usage: $0 run [frontdesk options...] | test [ctest options...]" >&2
    exit 2
    ;;
esac
