#!/usr/bin/env bash
# Active-learning benchmark: one small protocol (LeNet-5 on ../shared/data/mnist10k, uniform
# and margin, 50 → 400 labels in rounds of 50, 3 trials, 150 Adam steps of batch 32 per round,
# the 8,000-image pool scored every round, no baseline) — `workbench-cli active run` against the
# same loop written plainly in Python (Debian's python3-torch), in the same run. Run it on a
# quiet machine.
# Usage: bench/active_bench.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
data=$(cd "$root/../shared/data/mnist10k" && pwd)
"$root/bench/ensure_cli.sh" "$root" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
start=$(date +%s.%N)
cli=$("$build/bin/workbench-cli" active run --data "$data" --model lenet5 --strategies uniform,margin \
      --initial 50 --budget 50 --max-labels 400 --trials 3 --steps-per-round 150 --batch-size 32 \
      --optimizer adam --lr 1e-3 --baseline-seeds 0 --session "$tmp/bench.wbs" --json 2>/dev/null)
cs=$(python3 -c "import time; print(time.time() - $start)")
py=$(cd "$root/bench" && /usr/bin/python3 active_reference.py --data "$data")
ps=$(echo "$py" | field "d['seconds']")
echo "workbench-cli: 6 trials x 8 rounds, $(printf '%.1f' "$cs") s wall"
echo "python:        6 trials x 8 rounds, $(printf '%.1f' "$ps") s"
echo "speed-up of workbench-cli over the plain python loop: $(python3 -c "print(f'{$ps/$cs:.2f}')")x"
echo "median accuracy at 400 labels: workbench-cli $(echo "$cli" | field "'uniform %.4f, margin %.4f' % (d['strategies']['uniform']['median'][-1], d['strategies']['margin']['median'][-1])"); python $(echo "$py" | field "'uniform %.4f, margin %.4f' % tuple(sorted(t[-1] for t in d['strategies'][s])[1] for s in ('uniform', 'margin'))")"
