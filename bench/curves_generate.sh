#!/usr/bin/env bash
# Measures the real learning curves that bench/curves_bench.py evaluates the curve families
# on: sufficiency studies (3 runs, 10 sizes from 1% to all of the training set, default
# warm-start protocol) of linear, mlp, lenet5 and cnn on Fashion-MNIST (60,000) and the
# 8,000 MNIST digits of ../shared/data/mnist10k, after 1 and 4 epochs per size.
# Writes bench/curves/<dataset>-<model>-e<epochs>.json ({"steps": [...], "runs": [[...]]}).
# Usage: bench/curves_generate.sh [build-dir]     (~15 min on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
cli="$build/bin/workbench-cli"
out="$root/bench/curves"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mnist=$(cd "$root/../shared/data/mnist10k" && pwd)
for data in fashion mnist; do
    if [ $data = fashion ]; then src=fashion-mnist; test=5000; else src=$mnist; test=2000; fi
    for model in linear mlp lenet5 cnn; do
        for epochs in 1 4; do
            name="$data-$model-e$epochs"
            [ -s "$out/$name.json" ] && continue
            "$cli" sufficiency run --data "$src" --model "$model" --train-size 0 --test-size $test \
                --runs 3 --substeps 10 --epochs $epochs --session "$tmp/$name.wbs" --json 2>/dev/null |
                python3 -c "import json,sys; d=json.load(sys.stdin); json.dump({'dataset': '$data', 'model': '$model', 'epochs': $epochs, 'steps': d['steps'], 'runs': d['metrics']['accuracy']['runs'], 'seconds': d['seconds']}, sys.stdout)" > "$out/$name.json.tmp"
            mv "$out/$name.json.tmp" "$out/$name.json"
            echo "$name: $(python3 -c "import json; d=json.load(open('$out/$name.json')); print(d['steps'][-1], [round(sum(r[k] for r in d['runs'])/len(d['runs']),3) for k in range(len(d['steps']))], round(d['seconds']), 's')")"
        done
    done
done
