#!/usr/bin/python3
"""Writes the class-subset tasks of the learning-curve corpus as IDX folders.

Each task keeps the images of some classes of MNIST digits (../shared/data/mnist10k) or
Fashion-MNIST (Debian's dataset-fashion-mnist) and relabels them 0..K-1 in the order given,
so the workbench loads it as any IDX dataset. Usage: bench/corpus_tasks.py OUT_DIR
Prints one line per task: name, folder, training images, test images.
"""
import gzip
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idx import read_idx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = {
    "mnist": os.path.join(ROOT, "..", "shared", "data", "mnist10k"),
    "fashion": "/usr/share/datasets/fashion-mnist",
}
# name -> (source, classes); None = every class.
TASKS = {
    "mnist-all": ("mnist", None),
    "mnist-0to4": ("mnist", [0, 1, 2, 3, 4]),
    "mnist-5to9": ("mnist", [5, 6, 7, 8, 9]),
    "mnist-3v8": ("mnist", [3, 8]),
    "mnist-4v9": ("mnist", [4, 9]),
    "mnist-1v7": ("mnist", [1, 7]),
    "fashion-all": ("fashion", None),
    "fashion-tops": ("fashion", [0, 2, 4, 6]),   # T-shirt, pullover, coat, shirt
    "fashion-shoes": ("fashion", [5, 7, 9]),     # sandal, sneaker, ankle boot
    "fashion-0v6": ("fashion", [0, 6]),          # T-shirt vs shirt
    "fashion-2v4": ("fashion", [2, 4]),          # pullover vs coat
    "fashion-5v7": ("fashion", [5, 7]),          # sandal vs sneaker
}


def find(folder, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    sys.exit(f"{folder}: no {stem}[.gz]")


def write_idx(path, array):
    dims = array.shape
    header = bytes([0, 0, 0x08, len(dims)]) + b"".join(int(d).to_bytes(4, "big") for d in dims)
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(header + array.astype(np.uint8).tobytes())


def main():
    out = sys.argv[1]
    for name, (source, classes) in TASKS.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        counts = []
        for split, prefix in (("train", "train"), ("test", "t10k")):
            images = read_idx(find(SOURCES[source], f"{prefix}-images-idx3-ubyte"))
            labels = read_idx(find(SOURCES[source], f"{prefix}-labels-idx1-ubyte"))
            if classes is not None:
                keep = np.isin(labels, classes)
                images, labels = images[keep], labels[keep]
                remap = np.zeros(256, dtype=np.uint8)
                for i, c in enumerate(classes):
                    remap[c] = i
                labels = remap[labels]
            write_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"), images)
            write_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"), labels)
            counts.append(len(labels))
        print(name, folder, counts[0], counts[1])


if __name__ == "__main__":
    main()
