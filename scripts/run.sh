#!/usr/bin/env bash
# Installs what is missing, builds, and trains a LeNet-5 on Fashion-MNIST (the default
# dataset) with workbench-cli, recording it in a session. The desktop app arrives with the
# desktop-app issue; until then this is the launch command.
# Usage: scripts/run.sh [extra workbench-cli train flags]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
"$root/scripts/install-deps.sh"
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "$(nproc)" --target workbench-cli
mkdir -p "$root/sessions"
exec "$build/bin/workbench-cli" train --data fashion-mnist --model lenet5 --epochs 2 \
    --optimizer adam --lr 0.001 --batch-size 64 --session "$root/sessions/default.wbs" "$@"
