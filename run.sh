#!/usr/bin/env bash
# Installs what is missing, builds, and opens tebiki on the bundled guide.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
exec build/app/tebiki "$@"
