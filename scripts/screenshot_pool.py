#!/usr/bin/env python3
"""The unlabelled pool for the README's "Your pool" screenshot (scripts/screenshots.sh).

    screenshot_pool.py make MNIST_DIR POOL_DIR TRUTH_CSV   # training digits 100.. as PNG files
    screenshot_pool.py annotate PICKS_CSV TRUTH_CSV OUT_CSV  # label the picks as an annotator would

The first 100 training digits are the labelled set (workbench-cli --train-limit 100 --limit-mode
first); the next 1,000 become PNG files whose labels only TRUTH_CSV knows.
"""
import csv
import os
import sys

from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
from idx import read_idx  # noqa: E402


def make(mnist, pool, truth):
    images = read_idx(os.path.join(mnist, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(mnist, "train-labels-idx1-ubyte.gz"))
    pool = os.path.abspath(pool)
    os.makedirs(pool, exist_ok=True)
    with open(truth, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["path", "label"])
        for i in range(100, 1100):
            path = os.path.join(pool, f"scan{i:05d}.png")
            Image.fromarray(images[i]).save(path)
            out.writerow([path, int(labels[i])])


def annotate(picks, truth, out_path):
    with open(truth, newline="") as f:
        known = {row["path"]: row["label"] for row in csv.DictReader(f)}
    with open(picks, newline="") as f, open(out_path, "w", newline="") as g:
        out = csv.writer(g)
        out.writerow(["path", "label"])
        for row in csv.DictReader(f):
            out.writerow([row["path"], known[row["path"]]])


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "make":
        make(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "annotate":
        annotate(*sys.argv[2:])
    else:
        sys.exit(__doc__)
