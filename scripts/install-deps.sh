#!/usr/bin/env bash
# Installs every Debian 12 package Sufficiency Workbench needs to build, test and run.
# Idempotent: installs only what is missing; uses sudo when not root.
# Usage: scripts/install-deps.sh [--gui] [--bench]
#   (core + CLI + GUI build deps are always installed; --bench adds the Python
#   reference stack used by bench/.)
set -euo pipefail

want_bench=0
for a in "$@"; do
    case "$a" in
        --bench) want_bench=1 ;;
        --gui) ;;  # GUI deps are part of the default set; flag kept for clarity
        *) echo "install-deps.sh: unknown option '$a' (expected --bench)" >&2; exit 2 ;;
    esac
done

pkgs=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-svg-dev libqt6svg6 qt6-translations-l10n libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libtorch-dev libopenblas0-pthread
    libeigen3-dev nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev libcli11-dev libstb-dev
    libfftw3-dev libonnx-dev libprotobuf-dev
    zlib1g-dev
    xvfb xauth
    slurm-wlm munge
    clang libclang-rt-14-dev
    dataset-fashion-mnist
    python3-torch python3-numpy python3-onnx
)
if [ "$want_bench" = 1 ]; then
    pkgs+=(python3-sklearn)
fi

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-deps.sh: installing ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "install-deps.sh: all packages present" >&2
fi

# Debian's torch links libblas.so.3; the reference BLAS is ~5x slower than OpenBLAS.
# Make the pthread OpenBLAS the active alternative.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
blas="/usr/lib/$arch/openblas-pthread/libblas.so.3"
if [ -e "$blas" ]; then
    current=$(readlink -f "/usr/lib/$arch/libblas.so.3" || true)
    if [ "$current" != "$(readlink -f "$blas")" ]; then
        $SUDO update-alternatives --set "libblas.so.3-$arch" "$blas"
    fi
fi
lapack="/usr/lib/$arch/openblas-pthread/liblapack.so.3"
if [ -e "$lapack" ]; then
    current=$(readlink -f "/usr/lib/$arch/liblapack.so.3" || true)
    if [ "$current" != "$(readlink -f "$lapack")" ]; then
        $SUDO update-alternatives --set "liblapack.so.3-$arch" "$lapack"
    fi
fi
