#!/usr/bin/python3
"""Reference for bench/activepool_bench.sh: scoring a folder of PNG files with plain PyTorch
(Debian's python3-torch) and Pillow, as a user's script would — read and decode every file,
batches of 1,024 through LeNet-5 without gradients, margin scores, the top COUNT — and greedy
k-center (core-set) over the 84-d penultimate features with NumPy's BLAS, one thread.

Prints one JSON object: {"images", "score_seconds", "coreset_seconds", "coreset_picks"}.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from PIL import Image
from torch import nn


def lenet5():
    body = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU())
    return body, nn.Linear(84, 10)


def k_center(features, labelled, count):
    pool = np.setdiff1d(np.arange(len(features)), labelled)
    p = features[pool].astype(np.float64)
    pn = (p * p).sum(1)
    nearest = np.full(len(pool), np.inf)
    for start in range(0, len(labelled), 1024):
        l = features[labelled[start:start + 1024]].astype(np.float64)
        d = pn[:, None] + (l * l).sum(1)[None, :] - 2 * p @ l.T
        nearest = np.minimum(nearest, np.maximum(d, 0).min(1))
    picks = []
    for _ in range(count):
        best = int(np.argmax(nearest))
        picks.append(int(pool[best]))
        d = pn + pn[best] - 2 * p @ p[best]
        nearest = np.minimum(nearest, np.maximum(d, 0))
        nearest[best] = -1
    return picks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--labelled", type=int, default=1000)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    body, head = lenet5()
    body.eval()
    head.eval()
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(a.pool) for f in fs if f.endswith(".png"))
    start = time.time()
    scores, features = [], []
    with torch.no_grad():
        for b in range(0, len(files), 1024):
            x = np.stack([np.asarray(Image.open(f).convert("L"), dtype=np.uint8) for f in files[b:b + 1024]])
            t = torch.from_numpy(x).float().div_(255).unsqueeze(1)
            f = body(t)
            p = torch.softmax(head(f), 1)
            top = p.topk(2, 1).values
            scores.append((top[:, 1] - top[:, 0]).numpy())
            features.append(f.numpy())
    order = np.argsort(-np.concatenate(scores), kind="stable")[:a.count]
    score_seconds = time.time() - start
    feats = np.concatenate(features)
    start = time.time()
    picks = k_center(feats, np.arange(a.labelled), a.count)
    coreset_seconds = time.time() - start
    print(json.dumps({"images": len(files), "score_seconds": score_seconds, "coreset_seconds": coreset_seconds,
                      "coreset_picks": len(picks), "top": int(order[0])}))


if __name__ == "__main__":
    main()
