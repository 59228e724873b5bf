#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer: configures
# build-asan/ with -DTEBIKI_SANITIZE=ON, builds it and runs ctest there (extra arguments go to
# ctest, e.g. tools/sanitize.sh -R Storage). Any memory error, leak (except the libraries'
# own, listed in tests/lsan.supp) or undefined behaviour fails the test that caused it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --with-tests --packages-only
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
if [[ ! -f build-asan/CMakeCache.txt ]]; then
  cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTEBIKI_SANITIZE=ON
fi
cmake --build build-asan -j"$(nproc)"
cd build-asan
ctest --output-on-failure -j2 "$@"
