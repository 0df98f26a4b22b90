#!/usr/bin/env bash
# t-SNE benchmark (evaluation-views issue): 10,000 × 84 points, workbench-cli tsne against
# scikit-learn's TSNE (Debian's python3-sklearn, Barnes–Hut) in the same run, same perplexity
# (30) and iterations (1000). Two inputs: synthetic Gaussian clusters, and the real
# penultimate-layer features of LeNet-5 on the 10,000 Fashion-MNIST test images (trained
# here for 2 epochs). Ours runs with the default method (auto = grouped Barnes–Hut at this
# size) and with --method fft. Prints one JSON line per input: seconds, KL and
# trustworthiness (k = 10) of each, and the speed-ups against scikit-learn.
# Usage: bench/tsne_bench.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
"$root/bench/ensure_cli.sh" "$root" "$build"
cli="$build/bin/workbench-cli"
py=/usr/bin/python3 # Debian's python3-sklearn, not a pyenv or venv python
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $("$py" -c 'import sklearn; print("scikit-learn", sklearn.__version__)')"

mkdir -p "$tmp/synthetic" "$tmp/fashion"
"$py" "$root/bench/tsne_reference.py" make "$tmp/synthetic"
"$cli" train --session "$tmp/fashion/s.wbs" --data fashion-mnist --model lenet5 --epochs 2 --json >/dev/null 2>&1
"$cli" evaluate --session "$tmp/fashion/s.wbs" --run 1 --features "$tmp/fashion/features.csv" >/dev/null 2>&1

for input in synthetic fashion; do
    dir="$tmp/$input"
    auto=$("$cli" tsne --input "$dir/features.csv" --output "$dir/auto.csv" --json)
    fft=$("$cli" tsne --input "$dir/features.csv" --output "$dir/fft.csv" --method fft --json)
    echo "$input: $("$py" "$root/bench/tsne_reference.py" score "$dir" "$dir/auto.csv" "$auto" "$dir/fft.csv" "$fft")"
done
