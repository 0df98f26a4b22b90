#!/usr/bin/env bash
# Scaling-grid benchmark: the published grid (cnn widths floor(6·√2^k), k < 8, × data fractions
# 1/2^j, j < 10, one seed, one epoch per cell, AdamW lr 1e-3, batch 64) on ../shared/data/mnist10k
# — `workbench-cli grid run` against the same loop written plainly in Python (Debian's
# python3-torch), in the same run, and the training GFLOP/s it reached against this machine's
# single-core GEMM rate. Run it on a quiet machine.
# Usage: bench/grid_bench.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
data=$(cd "$root/../shared/data/mnist10k" && pwd)
"$root/bench/ensure_cli.sh" "$root" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
gemm=$(/usr/bin/python3 "$root/bench/gemm_rate.py" | field "d['gflops']")
start=$(date +%s.%N)
cli=$("$build/bin/workbench-cli" grid run --data "$data" --model cnn --base-width 6 --width-steps 8 \
      --fraction-steps 10 --seeds 1 --budget epochs --epochs 1 --batch-size 64 --optimizer adamw --lr 1e-3 \
      --resamples 50 --session "$tmp/bench.wbs" --json 2>/dev/null || true)
cs=$(python3 -c "import time; print(time.time() - $start)")
py=$(/usr/bin/python3 "$root/bench/grid_reference.py" --data "$data")
ps=$(echo "$py" | field "d['seconds']")
echo "$cli" | field "'workbench-cli: %d cells, %.1f s wall (%.1f s of cells on %d workers)' % (len(d['cells']), $cs, d['cell_seconds'], $(nproc))"
echo "python:        $(echo "$py" | field "len(d['cells'])") cells, $(printf '%.1f' "$ps") s"
echo "speed-up of workbench-cli over the plain python loop: $(python3 -c "print(f'{$ps/$cs:.2f}')")x"
tf=$(echo "$cli" | field "sum(c['train_flops'] for c in d['cells'])")
echo "training FLOPs: $(python3 -c "print(f'{$tf/1e12:.2f}')") TFLOP; achieved $(python3 -c "print(f'{$tf/$cs/1e9:.1f}')") GFLOP/s on $(nproc) cores; single-core GEMM $(printf '%.1f' "$gemm") GFLOP/s ($(python3 -c "print(f'{$tf/$cs/1e9/($gemm*$(nproc))*100:.0f}')")% of $(nproc) x GEMM)"
echo "largest cell: $(echo "$cli" | field "max(d['cells'], key=lambda c: c['params']*c['samples'])['test_accuracy']") test accuracy (workbench-cli), $(echo "$py" | field "max(d['cells'], key=lambda c: c['params']*c['samples'])['test_accuracy']") (python)"
echo "$cli" | field "'fit: ' + ('alpha %.3g, beta %.3g, E %.3g; warnings: %s' % (d['fit']['alpha'], d['fit']['beta'], d['fit']['E'], ', '.join(w['code'] for w in d['fit']['warnings'])) if 'alpha' in d['fit'] else d['fit']['error'])"
