#!/usr/bin/env bash
# Installs what is missing, builds everything with tests, and runs ctest.
# Usage: scripts/test.sh [build-dir]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
"$root/scripts/install-deps.sh"
# ccache with precompiled headers needs these sloppiness settings to get cache hits.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-3G}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_TESTS=ON
cmake --build "$build" --parallel "$(nproc)"
# A one-node Slurm for tst_slurm (studies as job arrays), stopped again if started here.
slurm_dir=/tmp/wb-slurm
if [ -s "$slurm_dir/slurmctld.pid" ] && kill -0 "$(cat "$slurm_dir/slurmctld.pid")" 2>/dev/null; then
    started_slurm=0
else
    started_slurm=1
fi
eval "$("$root/scripts/slurm-local.sh" start "$slurm_dir")"
if [ "$started_slurm" = 1 ]; then
    trap '"$root/scripts/slurm-local.sh" stop "$slurm_dir"' EXIT
fi
export WB_REQUIRE_SLURM=1
(cd "$build" && ctest --output-on-failure --parallel "$(nproc)" --timeout 900)
# The readers of untrusted bytes under libFuzzer + ASan + UBSan, a bounded time each
# (scripts/fuzz.sh --seconds 14400 fuzzes for hours); WB_FUZZ_SECONDS=0 skips it locally.
fuzz_seconds=${WB_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ]; then
    "$root/scripts/fuzz.sh" --seconds "$fuzz_seconds" --build "$build-fuzz"
fi
