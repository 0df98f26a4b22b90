#!/usr/bin/python3
"""Reference for bench/active_bench.sh: the active-learning loop written plainly in PyTorch
(Debian's python3-torch), as a course notebook would: for every strategy (uniform, margin) and
trial, a seeded initial labelled set and initial weights; every round reloads those weights,
trains a fresh Adam (lr 1e-3) for a fixed number of steps on batches drawn from the labelled
images (reshuffled each pass), measures test accuracy, scores the unlabelled pool in batches of
512 without gradients and labels the top images. LeNet-5 on MNIST; rounds and trials run one
after another with torch's default threads.

Prints one JSON object: {"seconds", "labels": [...], "strategies": {name: [[acc per round] per trial]}}.
"""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn

from idx import read_idx


def lenet5(classes=10):
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                         nn.Linear(84, classes))


def logits_of(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(x[i:i + 512]) for i in range(0, len(x), 512)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--initial", type=int, default=50)
    ap.add_argument("--budget", type=int, default=50)
    ap.add_argument("--max-labels", type=int, default=400)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--steps", type=int, default=150)
    ap.add_argument("--batch", type=int, default=32)
    args = ap.parse_args()
    x = torch.tensor(read_idx(f"{args.data}/train-images-idx3-ubyte.gz"), dtype=torch.float32).unsqueeze(1) / 255
    y = torch.tensor(read_idx(f"{args.data}/train-labels-idx1-ubyte.gz"), dtype=torch.int64)
    xt = torch.tensor(read_idx(f"{args.data}/t10k-images-idx3-ubyte.gz"), dtype=torch.float32).unsqueeze(1) / 255
    yt = torch.tensor(read_idx(f"{args.data}/t10k-labels-idx1-ubyte.gz"), dtype=torch.int64)
    mean, std = x.mean(), x.std()
    x, xt = (x - mean) / std, (xt - mean) / std
    labels = list(range(args.initial, args.max_labels, args.budget)) + [args.max_labels]
    start = time.perf_counter()
    out = {}
    for strategy in ("uniform", "margin"):
        out[strategy] = []
        for trial in range(args.trials):
            rng = np.random.default_rng(1000 + trial)
            torch.manual_seed(trial)
            initial_weights = {k: v.clone() for k, v in lenet5().state_dict().items()}
            perm = rng.permutation(len(x))
            labelled, unlabelled = list(perm[:args.initial]), np.sort(perm[args.initial:])
            accuracy = []
            for r, n in enumerate(labels):
                model = lenet5()
                model.load_state_dict(initial_weights)
                opt = torch.optim.Adam(model.parameters(), lr=1e-3)
                loss_fn = nn.CrossEntropyLoss()
                model.train()
                stream, lab = [], np.array(labelled)
                while len(stream) < args.steps * min(args.batch, len(lab)):
                    stream.extend(rng.permutation(lab))
                b = min(args.batch, len(lab))
                for s in range(args.steps):
                    idx = torch.tensor(np.array(stream[s * b:(s + 1) * b]))
                    opt.zero_grad()
                    loss_fn(model(x[idx]), y[idx]).backward()
                    opt.step()
                accuracy.append((logits_of(model, xt).argmax(1) == yt).float().mean().item())
                if r + 1 == len(labels):
                    break
                want = labels[r + 1] - n
                if strategy == "uniform":
                    pick = rng.choice(len(unlabelled), want, replace=False)
                else:
                    p = torch.softmax(logits_of(model, x[torch.tensor(unlabelled)]), 1)
                    top2 = p.topk(2, 1).values
                    pick = (top2[:, 0] - top2[:, 1]).argsort()[:want].numpy()
                labelled.extend(unlabelled[pick])
                unlabelled = np.delete(unlabelled, pick)
            out[strategy].append(accuracy)
    print(json.dumps({"seconds": time.perf_counter() - start, "labels": labels, "strategies": out}))


if __name__ == "__main__":
    main()
