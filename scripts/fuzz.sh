#!/usr/bin/env bash
# Fuzzes the readers of untrusted bytes with libFuzzer (clang) under ASan + UBSan.
# Usage: scripts/fuzz.sh [--seconds N] [--build DIR] [TARGET...]
#   TARGET: idx modelspec tensors storedjson image (default: all), N seconds each (default 60;
#   --seconds 14400 fuzzes for hours). New inputs go to DIR/corpus/<target> (seeded from
#   fuzz/corpus/<target>), findings to DIR/findings/<target>/; a finding is minimised there and
#   belongs in fuzz/corpus/<target>/ once fixed (ctest then replays it in every build).
# Exit status: 0 no finding, 1 a finding, 2 bad usage.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=60
build="$root/build-asan" # shared with scripts/sanitize.sh address
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --build) build=${2:?--build needs a folder}; shift 2 ;;
        idx|modelspec|tensors|storedjson|image) targets+=("$1"); shift ;;
        *) echo "fuzz.sh: unknown argument '$1' (expected --seconds N, --build DIR or a target:" \
                "idx modelspec tensors storedjson image)" >&2; exit 2 ;;
    esac
done
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: --seconds '$seconds': expected a whole number" >&2; exit 2 ;; esac
[ ${#targets[@]} -gt 0 ] || targets=(idx modelspec tensors storedjson image)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWB_BUILD_GUI=OFF -DWB_BUILD_TESTS=ON -DWB_BUILD_FUZZERS=ON -DWB_SANITIZE=address >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp}
status=0
printf '%-11s %10s %8s %9s  %s\n' target executions corpus findings "(${seconds} s each)"
for t in "${targets[@]}"; do
    work="$build/corpus/$t" found="$build/findings/$t"
    mkdir -p "$work" "$found"
    log="$build/fuzz-$t.log"
    set +e
    "$build/bin/fuzz_$t" "$work" "$root/fuzz/corpus/$t" -max_total_time="$seconds" \
        -rss_limit_mb=4096 -malloc_limit_mb=2048 -timeout=30 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$found/" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    # crash-, leak-, timeout- and oom- files are findings; slow-unit- files only say that an
    # input took over 10 s (a large image within the caps can, under ASan).
    n=$(find "$found" -type f ! -name 'slow-unit-*' | wc -l)
    slow=$(find "$found" -type f -name 'slow-unit-*' | wc -l)
    printf '%-11s %10s %8s %9s%s\n' "$t" "${execs:-?}" "$(find "$work" -type f | wc -l)" "$n" \
        "$([ "$slow" = 0 ] || echo "  ($slow slow inputs kept in $found)")"
    if [ "$rc" != 0 ] || [ "$n" != 0 ]; then
        status=1
        echo "--- $t: libFuzzer exited $rc; the end of $log:" >&2
        tail -40 "$log" >&2
    fi
done
exit $status
