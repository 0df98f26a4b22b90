#!/usr/bin/env bash
# Training-speed benchmark (core-engine issue): tutorial-cnn on the first 2,000 images of
# ../shared/data/mnist10k, batch 16, SGD lr 0.01 momentum 0.9, 10 epochs — workbench-cli
# against the same loop in Python with Debian's python3-torch (DataLoader), in the same run;
# then the default thread policy against --threads 1, on quiet cores and while other
# processes keep every core busy (started and stopped here).
# Usage: bench/train_bench.sh [build-dir] [repeats]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
repeats=${2:-3}
data=$(cd "$root/../shared/data/mnist10k" && pwd)
"$root/bench/ensure_cli.sh" "$root" "$build"
py=/usr/bin/python3 # Debian's python3-torch, not a pyenv or venv python
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli_flags=(--data "$data" --model tutorial-cnn --train-limit 2000 --limit-mode first
           --val-fraction 0 --epochs 10 --batch-size 16 --optimizer sgd --lr 0.01 --momentum 0.9)
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

echo "machine: $(nproc) cores, $("$py" -c 'import torch; print("python torch", torch.__version__)')"
printf '%-34s %10s %10s\n' "variant (median of $repeats)" "seconds" "test_acc"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_cli() { # threads (0 = all cores, the default), result file, [env VAR=VALUE ...]
    local threads=$1 file=$2 secs=() acc=""
    shift 2
    for i in $(seq "$repeats"); do
        out=$(env "$@" "$build/bin/workbench-cli" train "${cli_flags[@]}" --threads "$threads" \
              --session "$tmp/bench-$threads-$i-$RANDOM.wbs" --json 2>/dev/null)
        secs+=("$(echo "$out" | field train_seconds)")
        acc=$(echo "$out" | field test_accuracy)
    done
    printf '%s\n' "${secs[@]}" | median > "$tmp/$file"
    local label="workbench-cli, $threads thread(s)"
    [ "$threads" = 0 ] && label="workbench-cli, default threads"
    [ $# -gt 0 ] && label="$label, $*"
    printf '%-34s %10.2f %10.4f\n' "$label" "$(cat "$tmp/$file")" "$acc"
}
run_py() { # threads (0 = PyTorch default)
    local secs=() acc="" label
    for i in $(seq "$repeats"); do
        out=$("$py" "$root/bench/train_reference.py" --data "$data" --threads "$1")
        secs+=("$(echo "$out" | field train_seconds)")
        acc=$(echo "$out" | field test_accuracy)
        label="python DataLoader, $(echo "$out" | field threads) thread(s)"
    done
    printf '%s\n' "${secs[@]}" | median > "$tmp/py-$1"
    printf '%-34s %10.2f %10.4f\n' "$label" "$(cat "$tmp/py-$1")" "$acc"
}
run_cli 0 cli-0
run_cli 1 cli-1
run_py 0
run_py 1
ratio() { python3 -c "print(f'{float(open(\"$1\").read())/float(open(\"$2\").read()):.2f}')"; }
echo "workbench-cli train_seconds include the per-epoch checkpoint commits to the session."
echo "speed-up, workbench-cli default over python default: $(ratio "$tmp/py-0" "$tmp/cli-0")x"
echo "speed-up, both on 1 thread:                          $(ratio "$tmp/py-1" "$tmp/cli-1")x"

# Threads under contention: the same training, and a larger one (cnn, batch 64: 123 M
# multiply-accumulates per batch, so the default takes every core), while `nproc` busy
# loops hold every core. GOMP_SPINCOUNT=300000 is GNU OpenMP's own spin, which the
# workbench replaces.
busy=()
stop_busy() { [ ${#busy[@]} -gt 0 ] && kill "${busy[@]}" 2>/dev/null; busy=(); }
trap 'stop_busy; rm -rf "$tmp"' EXIT
start_busy() { for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy+=($!); done; }
echo
echo "threads, quiet and with $(nproc) busy processes"
start_busy
run_cli 0 busy-0
run_cli 1 busy-1
stop_busy
cli_flags=(--data "$data" --model cnn --train-limit 4000 --limit-mode first --val-fraction 0
           --epochs 2 --batch-size 64 --optimizer sgd --lr 0.05 --momentum 0.9)
echo "cnn, batch 64, 4,000 images, 2 epochs:"
run_cli 0 big-0
run_cli 1 big-1
start_busy
run_cli 0 bigbusy-0
run_cli 1 bigbusy-1
run_cli 0 bigbusy-gomp GOMP_SPINCOUNT=300000
stop_busy
echo "default / 1 thread (aims: quiet <= 1, busy <= 1.2):"
echo "  tutorial-cnn batch 16: quiet $(ratio "$tmp/cli-0" "$tmp/cli-1"), busy $(ratio "$tmp/busy-0" "$tmp/busy-1")"
echo "  cnn batch 64:          quiet $(ratio "$tmp/big-0" "$tmp/big-1"), busy $(ratio "$tmp/bigbusy-0" "$tmp/bigbusy-1")"
echo "  cnn batch 64 with libgomp's own spin, busy: $(ratio "$tmp/bigbusy-gomp" "$tmp/bigbusy-1")"
