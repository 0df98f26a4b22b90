#!/usr/bin/python3
"""Reference for bench/grid_bench.sh: the published scaling-grid loop written plainly in
PyTorch (Debian's python3-torch): for every width of the cnn preset and every data fraction
(nested prefixes of one seeded permutation), a fresh model trained one epoch with AdamW
(lr 1e-3, batch 64) through a DataLoader, then evaluated on its training images and on the
whole test set. Cells run one after another, with torch's default threads.

Prints one JSON object: {"seconds", "cells": [{"width", "samples", "params", "test_loss",
"test_accuracy"}]}.
"""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from idx import read_idx


def cnn(w, classes=10):
    """The cnn preset: three conv-bn-relu stages (w, 2w, 4w channels, the first two max-pooled),
    global average pooling and a linear classifier."""
    layers, cin = [], 1
    for k, c in enumerate([w, 2 * w, 4 * w]):
        layers += [nn.Conv2d(cin, c, 3, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU()]
        if k < 2:
            layers.append(nn.MaxPool2d(2))
        cin = c
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4 * w, classes)]
    return nn.Sequential(*layers)


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        logits = torch.cat([model(x[i:i + 1024]) for i in range(0, len(x), 1024)])
        return nn.functional.cross_entropy(logits, y).item(), (logits.argmax(1) == y).float().mean().item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--widths", default="6,8,12,16,24,33,48,67")
    ap.add_argument("--fractions", type=int, default=10)
    args = ap.parse_args()
    x = torch.tensor(read_idx(f"{args.data}/train-images-idx3-ubyte.gz"), dtype=torch.float32).unsqueeze(1) / 255
    y = torch.tensor(read_idx(f"{args.data}/train-labels-idx1-ubyte.gz"), dtype=torch.int64)
    xt = torch.tensor(read_idx(f"{args.data}/t10k-images-idx3-ubyte.gz"), dtype=torch.float32).unsqueeze(1) / 255
    yt = torch.tensor(read_idx(f"{args.data}/t10k-labels-idx1-ubyte.gz"), dtype=torch.int64)
    mean, std = x.mean(), x.std()
    x, xt = (x - mean) / std, (xt - mean) / std
    order = torch.tensor(np.random.default_rng(42).permutation(len(x)))
    widths = [int(w) for w in args.widths.split(",")]
    start = time.perf_counter()
    cells = []
    for w in widths:
        for j in range(args.fractions):
            n = round(len(x) / 2 ** j)
            idx = order[:n]
            torch.manual_seed(len(cells))
            model = cnn(w)
            opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
            loss_fn = nn.CrossEntropyLoss()
            model.train()
            for xb, yb in DataLoader(TensorDataset(x[idx], y[idx]), batch_size=64, shuffle=True):
                opt.zero_grad()
                loss_fn(model(xb), yb).backward()
                opt.step()
            evaluate(model, x[idx], y[idx])
            test_loss, test_acc = evaluate(model, xt, yt)
            cells.append({"width": w, "samples": n, "params": sum(p.numel() for p in model.parameters()),
                          "test_loss": test_loss, "test_accuracy": test_acc})
    print(json.dumps({"seconds": time.perf_counter() - start, "cells": cells}))


if __name__ == "__main__":
    main()
