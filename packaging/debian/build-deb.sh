#!/usr/bin/env bash
# Builds Frontdesk's Debian package: the program alone (no test suites), with
# Debian's hardening flags (dpkg-buildflags: stack protector, fortify, full
# RELRO and bind-now, as a package from Debian's own archive gets), installed
# under /usr, then `cpack -G DEB`. The last line printed is the .deb's path.
#
# Usage: packaging/debian/build-deb.sh [BUILD_DIR [cmake arguments...]]
#   BUILD_DIR defaults to build-deb/ in the source tree; the cmake arguments
#   are added to the configure step (e.g. -DCMAKE_CXX_COMPILER_LAUNCHER=ccache).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$root/build-deb}
shift || true

eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
# Passed on every configure, not only the first (CMake caches the
# environment's flags once), so an existing build folder follows too. CMake
# has no CPPFLAGS: the preprocessor's flags go with the compiler's.
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_CXX_FLAGS="$CXXFLAGS $CPPFLAGS" -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" \
    "$@" >/dev/null
cmake --build "$build_dir"
(cd "$build_dir" && cpack -G DEB >/dev/null)
ls "$build_dir"/frontdesk_*.deb
