#!/usr/bin/env bash
# Installs what is missing (with the test tools), builds, and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh --with-tests
cd build
ctest --output-on-failure -j2 "$@"
