#!/usr/bin/env bash
# Takes the README screenshots from the real app under Xvfb during real training runs.
# Usage: scripts/screenshots.sh [build-dir]   (needs xvfb, xdotool, imagemagick, chromium, python3-torch)
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
# The real loop on your own images (README "Your own unlabelled images"): 1,000 MNIST digits as
# PNG files, 100 labelled; two rounds of pick 50 -> label (as an annotator would) -> add; a third
# round's picks wait for labels.
cli=("$build/bin/workbench-cli")
/usr/bin/python3 "$root/scripts/screenshot_pool.py" make "$mnist" "$work/pool" "$work/truth.csv"
for round in 1 2 3; do
    recipe=()
    [ $round = 1 ] && recipe=(--data "$mnist" --train-limit 100 --test-limit 1000 --limit-mode first --val-fraction 0
                             --model lenet5 --epochs 12 --batch-size 32 --lr 0.003 --seed 3)
    "${cli[@]}" active pick --session "$work/studies.wbs" --pool "$work/pool" --strategy margin --count 50 \
        --output "$work/picks$round.csv" "${recipe[@]}" >/dev/null 2>&1
    [ $round = 3 ] && break
    /usr/bin/python3 "$root/scripts/screenshot_pool.py" annotate "$work/picks$round.csv" "$work/truth.csv" "$work/labels$round.csv"
    "${cli[@]}" active add --session "$work/studies.wbs" --labels "$work/labels$round.csv" >/dev/null 2>&1
done
"$build/bin/workbench" --open "$work/studies.wbs" >/dev/null 2>&1 &
sleep 14
win=$(xdotool search --onlyvisible --name "Sufficiency Workbench" | head -1)
key ctrl+6; sleep 6; shot scaling          # the law is fitted in the background
key ctrl+7; sleep 2; shot active-learning
xdotool mousemove 1148 102 click 1; sleep 3; shot active-pool   # the tab "Your pool"
key ctrl+8; sleep 2; shot variance
kill $! 2>/dev/null || true
# Your own PyTorch model and the fine-tuning story (README "Your own PyTorch model"): the story's
# ResNet, trained in PyTorch on MNIST digits, and its two sufficiency studies on Fashion-MNIST.
/usr/bin/python3 "$root/bench/scriptmodel_bench.py" --build "$build" --only story --out "$work/story" >/dev/null
"$build/bin/workbench" --open "$work/story/story.wbs" >/dev/null 2>&1 &
sleep 14
win=$(xdotool search --onlyvisible --name "Sufficiency Workbench" | head -1)
key ctrl+5
caption=("from scratch (--init scratch)" "fine-tuned: digits body frozen, new head")
for study in 1 2; do   # each study opened from the session tree; its chart and answer side by side
    xdotool mousemove 121 $((117 + 15 * study)) click --repeat 2 1; sleep 4
    import -window root "$work/study$study.png"
    convert "$work/study$study.png" -crop 872x475+608+90 +repage -gravity South -background white -splice 0x26 \
        -pointsize 15 -annotate +0+4 "${caption[$((study - 1))]}" "$work/half$study.png"
done
convert "$work/half1.png" "$work/half2.png" +append "$out/pytorch-finetune-story.png"
key ctrl+2; xdotool mousemove 693 91 click 1; sleep 2   # Architecture: Open PyTorch model…
xdotool type --delay 20 "$work/story/digits-resnet.pt"; xdotool key Return; sleep 8
xdotool mousemove 931 162 click 1; sleep 1; xdotool mousemove 550 185 click 1; sleep 2   # the file's weights
xdotool mousemove 390 217 click 1; sleep 2                                           # a new head
for y in 287 301 315 329; do xdotool mousemove 307 $y click 1; sleep 1; done         # freeze stem, layer1-3
sleep 2; shot pytorch-model
kill $! 2>/dev/null || true
# A study's report (README "Reports"), opened in a browser: a small real study on MNIST digits.
"$build/bin/workbench-cli" sufficiency run --session "$work/report.wbs" --data "$mnist" --model lenet5 --train-size 2000 \
    --test-size 1000 --runs 3 --substeps 6 --epochs 4 --optimizer adam --lr 0.002 --name "LeNet-5 on MNIST digits" >/dev/null 2>&1
"$build/bin/workbench-cli" report --session "$work/report.wbs" --study 1 --output "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1250 \
    --screenshot="$out/report.png" "file://$work/report.html" >/dev/null 2>&1
echo "screenshots in $out"
