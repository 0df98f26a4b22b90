#!/usr/bin/python3
"""Reference for bench/train_bench.sh: the tutorial-cnn training loop written the way users
write it in PyTorch (TensorDataset + DataLoader, .item() per batch), on Debian's python3-torch.

Prints one JSON object: {"train_seconds", "test_accuracy", "threads", "epochs"}.
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
    ap.add_argument("--train-limit", type=int, default=2000)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--momentum", type=float, default=0.9)
    ap.add_argument("--threads", type=int, default=0, help="0 = PyTorch default")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    x = read_idx(f"{args.data}/train-images-idx3-ubyte.gz")[: args.train_limit]
    y = read_idx(f"{args.data}/train-labels-idx1-ubyte.gz")[: args.train_limit]
    xt = read_idx(f"{args.data}/t10k-images-idx3-ubyte.gz")
    yt = read_idx(f"{args.data}/t10k-labels-idx1-ubyte.gz")
    x = torch.tensor(x, dtype=torch.float32).unsqueeze(1) / 255.0
    xt = torch.tensor(xt, dtype=torch.float32).unsqueeze(1) / 255.0
    mean, std = x.mean().item(), x.std().item()
    x, xt = (x - mean) / std, (xt - mean) / std
    y, yt = torch.tensor(y, dtype=torch.int64), torch.tensor(yt, dtype=torch.int64)

    loader = DataLoader(TensorDataset(x, y), batch_size=args.batch_size, shuffle=True)
    model = nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.Flatten(),
        nn.Linear(6400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    loss_fn = nn.CrossEntropyLoss()

    start = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        running_loss, correct, seen = 0.0, 0, 0
        for xb, yb in loader:
            opt.zero_grad()
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            running_loss += loss.item() * len(yb)
            correct += (out.argmax(1) == yb).sum().item()
            seen += len(yb)
    train_seconds = time.perf_counter() - start

    model.eval()
    with torch.no_grad():
        acc = (model(xt).argmax(1) == yt).float().mean().item()
    print(json.dumps({"train_seconds": train_seconds, "test_accuracy": acc,
                      "threads": torch.get_num_threads(), "epochs": args.epochs}))


if __name__ == "__main__":
    main()
