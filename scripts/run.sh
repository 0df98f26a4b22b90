#!/usr/bin/env bash
# Installs what is missing, builds, and starts the desktop app. A new session opens on
# Fashion-MNIST (the default dataset); extra arguments go to `workbench` (see --help).
# Without a display, use scripts/run.sh under xvfb-run, or build/bin/workbench-cli.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
"$root/scripts/install-deps.sh"
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=ON
cmake --build "$build" --parallel "$(nproc)" --target workbench workbench-cli
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run.sh: no display. Run it as: xvfb-run -s '-screen 0 1600x1000x24' scripts/run.sh" >&2
    echo "        or train headless: $build/bin/workbench-cli train --data fashion-mnist --session s.wbs" >&2
    exit 1
fi
exec "$build/bin/workbench" --dataset fashion-mnist "$@"
