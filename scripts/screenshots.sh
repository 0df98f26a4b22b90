#!/usr/bin/env bash
# Takes the README screenshots from the real app under Xvfb during real training runs.
# Usage: scripts/screenshots.sh [build-dir]   (needs xvfb, xdotool, imagemagick)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
out="$root/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" DISPLAY=:93
Xvfb :93 -screen 0 1600x1000x24 >/dev/null 2>&1 &
sleep 1
# A stored LR range test for the training page's second tab.
"$build/bin/workbench-cli" lr-find --data "$root/../shared/data/mnist10k" --model lenet5 --optimizer sgd \
    --momentum 0.9 --batch-size 32 --session "$work/demo.wbs" >/dev/null 2>&1
# A stored sufficiency study (MNIST subset) for the Sufficiency page.
"$build/bin/workbench-cli" sufficiency run --data "$root/../shared/data/mnist10k" --model tutorial-cnn \
    --train-size 2000 --test-size 500 --limit-mode first --runs 5 --substeps 10 --epochs 10 \
    --batch-size 16 --optimizer sgd --lr 0.01 --momentum 0.9 --session "$work/demo.wbs" >/dev/null 2>&1
# Two finished runs to overlay (lr and lr/2), made with the CLI; trained last, so that the app
# opens Fashion-MNIST (its 60,000 images keep the third run training for the "live" shot).
for lr in 0.002 0.001; do
    "$build/bin/workbench-cli" train --data fashion-mnist --model lenet5 --train-limit 20000 \
        --epochs 3 --optimizer adam --lr $lr --name "lenet5 adam lr $lr" --session "$work/demo.wbs" >/dev/null 2>&1
done
"$build/bin/workbench" --open "$work/demo.wbs" >/dev/null 2>&1 &
sleep 14
win=$(xdotool search --onlyvisible --name "Sufficiency Workbench" | head -1)
key() { xdotool windowfocus "$win"; xdotool key --window "$win" "$@"; sleep 1; }
shot() { import -window root "$out/$1.png"; }
key ctrl+1; sleep 2; shot dataset   # with the hint bar above the pages
key F1; sleep 1; shot getting-started; xdotool key Escape; sleep 1
key ctrl+2; shot architecture
key ctrl+3; key ctrl+r; sleep 9; shot training-live
sleep 25; shot training
xdotool mousemove 345 716 click 3; sleep 1; shot run-menu; xdotool key Escape; sleep 1   # a run's context menu
xdotool mousemove 345 716 click 3; sleep 1; xdotool mousemove 417 791 click 1; sleep 2; shot export-model
xdotool key Escape; sleep 1   # Export Model… of that run: the dialog
xdotool mousemove 856 93 click 1; sleep 1; shot lr-range-test   # the "LR range test" tab
key ctrl+4; xdotool mousemove 800 91 click 1; sleep 25    # Evaluation: Evaluate the selected run
xdotool mousemove 373 344 click 1; sleep 1; shot evaluation   # a cell of the matrix (shirt as T-shirt): its gallery
xdotool mousemove 430 123 click 1; sleep 1; xdotool mousemove 460 460 click 1; sleep 1; shot reject-calibration
xdotool mousemove 607 123 click 1; sleep 1; xdotool mousemove 984 175 click 1   # Features: ring misclassified
xdotool mousemove 297 175 click 1; sleep 25; xdotool mousemove 1000 450; sleep 2; shot tsne   # t-SNE, hover
key ctrl+5; sleep 2; shot sufficiency
kill %2 2>/dev/null || true
# The study pages from one session of real MNIST digits: an A/B comparison (Adam at two learning
# rates, 5 paired repeats, as in the README), a scaling grid and an active-learning study.
mnist="$root/../shared/data/mnist10k"
echo '{"name": "adam 1e-3"}' > "$work/slow.json"
echo '{"name": "adam 3e-3", "lr": 0.003}' > "$work/fast.json"
"$build/bin/workbench-cli" compare --data "$mnist" --model lenet5 --optimizer adam --lr 0.001 --epochs 2 \
    --train-limit 600 --runs 5 --a "$work/slow.json" --b "$work/fast.json" --session "$work/studies.wbs" >/dev/null 2>&1
"$build/bin/workbench-cli" grid run --data "$mnist" --model cnn --widths 4 8 16 32 --fractions 1 0.5 0.25 0.125 \
    --train-size 4000 --test-size 1000 --epochs 2 --optimizer adam --lr 0.002 --session "$work/studies.wbs" >/dev/null 2>&1 || true
"$build/bin/workbench-cli" active run --data "$mnist" --model lenet5 --strategies uniform margin entropy \
    --trials 2 --initial 100 --budget 100 --max-labels 500 --train-size 4000 --test-size 1000 \
    --session "$work/studies.wbs" >/dev/null 2>&1
"$build/bin/workbench" --open "$work/studies.wbs" >/dev/null 2>&1 &
sleep 14
win=$(xdotool search --onlyvisible --name "Sufficiency Workbench" | head -1)
key ctrl+6; sleep 6; shot scaling          # the law is fitted in the background
key ctrl+7; sleep 2; shot active-learning
key ctrl+8; sleep 2; shot variance
kill $! 2>/dev/null || true
# Not retaken here: active-pool.png (tst_runactions' pool loop, by hand), pytorch-model.png and
# pytorch-finetune-story.png (need TorchScript files made with python3-torch; see the README).
echo "screenshots in $out"
