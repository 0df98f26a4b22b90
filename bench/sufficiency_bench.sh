#!/usr/bin/env bash
# Data-sufficiency study benchmark: first 2,000 train / 500 test images of
# ../shared/data/mnist10k, tutorial-cnn, R=5, S=10, 10 epochs, batch 16, SGD lr 0.01
# momentum 0.9 — workbench-cli against the same protocol written plainly in Python
# (Debian's python3-torch), in the same run.
# Usage: bench/sufficiency_bench.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
data=$(cd "$root/../shared/data/mnist10k" && pwd)
"$root/bench/ensure_cli.sh" "$root" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
echo "machine: $(nproc) cores"
cli=$("$build/bin/workbench-cli" sufficiency run --data "$data" --model tutorial-cnn --train-size 2000 \
      --test-size 500 --limit-mode first --runs 5 --substeps 10 --epochs 10 --batch-size 16 \
      --optimizer sgd --lr 0.01 --momentum 0.9 --session "$tmp/bench.wbs" --json 2>/dev/null)
py=$(/usr/bin/python3 "$root/bench/sufficiency_reference.py" --data "$data")
cs=$(echo "$cli" | field "d['seconds']")
ps=$(echo "$py" | field "d['seconds']")
echo "workbench-cli: $(printf '%.1f' "$cs") s, mean accuracy per step $(echo "$cli" | field "[round(v,3) for v in d['metrics']['accuracy']['mean']]")"
echo "python:        $(printf '%.1f' "$ps") s, mean accuracy per step $(echo "$py" | field "[round(v,3) for v in d['mean_accuracy']]")"
echo "speed-up of workbench-cli over the plain python protocol: $(python3 -c "print(f'{$ps/$cs:.2f}')")x"
