#!/usr/bin/env bash
# Installs the Debian packages tebiki needs (only the missing ones; sudo when not root) and
# builds it in ./build. Used by ./run.sh, ./test.sh, .ci/run and tools/sanitize.sh
# (--with-tests: also the test tools; --packages-only: install, do not build).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  libimgui-dev libglfw3-dev libgl-dev libstb-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libsqlite3-dev libtomlplusplus-dev doctest-dev
  libcairo2-dev libpango1.0-dev libzip-dev libkainjow-mustache-dev libsodium-dev libpq-dev libpng-dev zlib1g-dev
  graphviz fonts-noto-cjk fonts-ipaexfont-gothic fonts-ipaexfont-mincho
)
RUNTIME_PACKAGES=(libgl1-mesa-dri libglx-mesa0)
TEST_PACKAGES=(xvfb xdotool x11-utils python3-xlib python3-docx poppler-utils libreoffice-writer-nogui postgresql lintian dpkg-dev cage xwayland systemd)

want=("${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}")
build=1
for arg in "$@"; do
  case "$arg" in
    --with-tests) want+=("${TEST_PACKAGES[@]}") ;;
    --packages-only) build=0 ;;  # tools/sanitize.sh builds its own tree
  esac
done

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "tebiki: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ((build == 0)); then exit 0; fi

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build -j"$(nproc)"
