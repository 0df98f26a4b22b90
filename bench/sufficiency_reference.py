#!/usr/bin/python3
"""Reference for bench/sufficiency_bench.sh: the data-sufficiency protocol written plainly
in PyTorch (Debian's python3-torch): R runs; per run one draw of L indices with
replacement; at each of the S geometric steps train `epochs` epochs on the draw's prefix
(warm start), with a DataLoader, then evaluate on the test set. Runs one after another.

Prints one JSON object: {"seconds", "steps", "mean_accuracy"}.
"""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from idx import read_idx




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--train-size", type=int, default=2000)
    ap.add_argument("--test-size", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--substeps", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--momentum", type=float, default=0.9)
    args = ap.parse_args()
    L, T = args.train_size, args.test_size
    x = torch.tensor(read_idx(f"{args.data}/train-images-idx3-ubyte.gz")[:L], dtype=torch.float32).unsqueeze(1) / 255
    y = torch.tensor(read_idx(f"{args.data}/train-labels-idx1-ubyte.gz")[:L], dtype=torch.int64)
    xt = torch.tensor(read_idx(f"{args.data}/t10k-images-idx3-ubyte.gz")[:T], dtype=torch.float32).unsqueeze(1) / 255
    yt = torch.tensor(read_idx(f"{args.data}/t10k-labels-idx1-ubyte.gz")[:T], dtype=torch.int64)
    mean, std = x.mean(), x.std()
    x, xt = (x - mean) / std, (xt - mean) / std
    steps = np.floor(np.geomspace(0.01 * L, L, args.substeps)).astype(int)

    start = time.perf_counter()
    acc = np.zeros((args.runs, len(steps)))
    for r in range(args.runs):
        rng = np.random.default_rng(r)
        draw = torch.tensor(rng.integers(0, L, size=L))
        torch.manual_seed(r)
        model = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.ReLU(), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.Flatten(),
            nn.Linear(6400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        for k, n in enumerate(steps):
            idx = draw[:n]
            loader = DataLoader(TensorDataset(x[idx], y[idx]), batch_size=args.batch_size, shuffle=True)
            opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
            loss_fn = nn.CrossEntropyLoss()
            model.train()
            for _ in range(args.epochs):
                for xb, yb in loader:
                    opt.zero_grad()
                    loss = loss_fn(model(xb), yb)
                    loss.backward()
                    opt.step()
            model.eval()
            with torch.no_grad():
                acc[r, k] = (model(xt).argmax(1) == yt).float().mean().item()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "steps": steps.tolist(),
                      "mean_accuracy": acc.mean(axis=0).tolist()}))


if __name__ == "__main__":
    main()
