#!/usr/bin/env bash
# Shared by the benchmarks: installs the reference stack (Debian's python3-torch, -sklearn,
# -scipy) and builds workbench-cli in BUILD if it is not there.
# Usage: bench/ensure_cli.sh ROOT BUILD
set -euo pipefail
root=$1
build=$2
"$root/scripts/install-deps.sh" --bench
if [ ! -x "$build/bin/workbench-cli" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_TESTS=OFF
    cmake --build "$build" --target workbench-cli
fi
