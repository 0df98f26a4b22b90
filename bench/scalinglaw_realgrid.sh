#!/usr/bin/env bash
# A real model-size x data-size grid fitted with `workbench-cli grid fit` (README, *Scaling
# law*): cnn at widths 4..23 on 250..8,000 images of ../shared/data/mnist10k, 2,000 test
# images, AdamW 1e-3, batch 64, 16,000 samples of training per cell (epochs = 16000 / n,
# at least 2), one seed, one thread per training. About 15 minutes on 2 cores.
# Usage: bench/scalinglaw_realgrid.sh [build-dir] [out.csv]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
out=${2:-cells.csv}
cli="$build/bin/workbench-cli"
data="$root/../shared/data/mnist10k"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "width,params,samples,seed,loss,accuracy" >"$out"
for w in 4 6 8 11 16 23; do
    for n in 250 500 1000 2000 4000 8000; do
        epochs=$((16000 / n))
        [ "$epochs" -lt 2 ] && epochs=2
        "$cli" train --data "$data" --model cnn --width "$w" --train-limit "$n" --test-limit 2000 \
            --epochs "$epochs" --batch-size 64 --optimizer adamw --lr 0.001 --val-fraction 0 --threads 1 \
            --seed 1 --session "$tmp/s.wbs" --json 2>/dev/null >"$tmp/run.json"
        /usr/bin/python3 - "$tmp/run.json" "$w" "$n" >>"$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]},{r['parameters']},{sys.argv[3]},1,{r['test_loss']},{r['test_accuracy']}")
PY
    done
done
"$cli" grid fit --input "$out" --predict 98000:8000 --compute 1e12
