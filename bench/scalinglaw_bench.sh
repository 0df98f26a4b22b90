#!/usr/bin/env bash
# Scaling-law fit benchmark: `workbench-cli grid fit` against the same fit written plainly
# with scipy (bench/scalinglaw_reference.py: L-BFGS-B from the same 5,400 starts) on a
# synthetic 7 x 7 x 3-seed grid from a known law, in the same run. Prints both fits (they
# must agree), the true law, and the times. Ours also bootstraps (200 refits) and refits
# twice for the held-out check; the reference does the point fit only.
# Usage: bench/scalinglaw_bench.sh [build-dir] [noise-seed]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
seed=${2:-100}
"$root/bench/ensure_cli.sh" "$root" "$build"
py=/usr/bin/python3 # Debian's python3-scipy, not a pyenv or venv python
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
"$py" "$root/bench/scalinglaw_reference.py" make "$tmp/cells.csv" "$seed"
echo "truth:     E 0.25, A 40, B 12, alpha 0.45, beta 0.35"
start=$(date +%s%N)
"$build/bin/workbench-cli" grid fit --input "$tmp/cells.csv" --json >"$tmp/ours.json"
ours=$(( $(date +%s%N) - start ))
"$py" - "$tmp/ours.json" "$ours" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"workbench: E {r['E']:.5g}, A {r['A']:.5g}, B {r['B']:.5g}, alpha {r['alpha']:.5g}, beta {r['beta']:.5g}"
      f"  ({float(sys.argv[2]) / 1e9:.2f} s with 200 bootstrap fits and the held-out refits)")
PY
"$py" "$root/bench/scalinglaw_reference.py" fit "$tmp/cells.csv" >"$tmp/ref.json"
"$py" - "$tmp/ref.json" "$ours" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"scipy:     E {r['E']:.5g}, A {r['A']:.5g}, B {r['B']:.5g}, alpha {r['alpha']:.5g}, beta {r['beta']:.5g}"
      f"  ({r['seconds']:.1f} s, point fit only); ratio {r['seconds'] / (float(sys.argv[2]) / 1e9):.0f}x")
PY
