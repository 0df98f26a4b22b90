#!/usr/bin/env bash
# t-SNE benchmark: 10,000 × 84 points, workbench-cli tsne against scikit-learn's TSNE
# (Debian's python3-sklearn) in the same run; prints time ratio, KL and trustworthiness.
# Usage: bench/tsne_bench.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
"$root/scripts/install-deps.sh" --bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$root/bench/tsne_reference.py" make "$tmp"
ours=$("$build/bin/workbench-cli" tsne --input "$tmp/features.csv" --output "$tmp/ours.csv" --json)
/usr/bin/python3 "$root/bench/tsne_reference.py" score "$tmp" "$tmp/ours.csv" "$ours"
