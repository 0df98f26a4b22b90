#!/usr/bin/env bash
# Builds core, the CLI, their tests and the fuzz targets with a sanitizer (clang, GUI off) and
# runs the suites under it.
# Usage: scripts/sanitize.sh address|thread [ctest options, e.g. -R tst_studies]
#   address: ASan + UBSan, build-asan/, every core and CLI suite and the fuzz corpora (label
#            core|cli|fuzz). Any report fails the run (UBSan does not recover).
#   thread:  TSan, build-tsan/, the suites with threads of their own: worker pools and
#            concurrent trainings (tst_sufficiency, tst_trainer), concurrent studies and
#            processes on one session (tst_studies, tst_session), the Slurm executor (tst_slurm).
#   Suppressions for the prebuilt libraries (LibTorch, OpenMP, OpenBLAS) are in tests/sanitizers/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-}
case "$kind" in
    address) build="$root/build-asan" fuzzers=ON tests='^(tst_|fuzz_)' ;;
    thread) build="$root/build-tsan" fuzzers=OFF tests='^(tst_sufficiency|tst_trainer|tst_studies|tst_session|tst_slurm)$' ;;
    *) echo "usage: scripts/sanitize.sh address|thread [ctest options]" >&2; exit 2 ;;
esac
shift
command -v clang++ >/dev/null || { echo "sanitize.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWB_BUILD_GUI=OFF -DWB_BUILD_TESTS=ON -DWB_BUILD_FUZZERS=$fuzzers -DWB_SANITIZE="$kind" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
supp="$root/tests/sanitizers"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp}
export TSAN_OPTIONS=${TSAN_OPTIONS:-suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1:report_signal_unsafe=0}
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 2400 -R "$tests" "$@"
