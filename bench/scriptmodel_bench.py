#!/usr/bin/env python3
"""Your own PyTorch model, measured (README "Your own PyTorch model"; issue 32).

    bench/scriptmodel_bench.py [--build build] [--out /tmp/scriptmodel-bench] [--quick]

(a) LeNet-5 written in PyTorch (tests/scriptmodels/make_models.py, scripted) against the built-in
    lenet5: the same Fashion-MNIST images, seeds and settings, trained by workbench-cli; runs
    alternate (A B A B ...) so that drift hits both. Prints test accuracy (mean ± std over the
    seeds) and seconds per epoch, and their ratio script / built-in.
(b) The fine-tuning story: a small ResNet (one-channel stem, width 16) is trained in PyTorch on
    8,000 real MNIST digits and saved as TorchScript with its weights; then workbench-cli runs
    two sufficiency studies on Fashion-MNIST with it: from scratch (--init scratch) and
    fine-tuned (--init file --new-head --train-only fc: a frozen body, a fresh head). Prints both
    learning curves and both "samples needed" answers, and leaves both studies in one session
    (OUT/story.wbs) to open in the app.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "scriptmodels"))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import make_models  # noqa: E402
from idx import read_idx  # noqa: E402

MNIST = os.path.join(ROOT, "..", "shared", "data", "mnist10k")


def cli(build, *args):
    out = subprocess.run([os.path.join(build, "bin", "workbench-cli"), *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("workbench-cli " + " ".join(args) + " failed:\n" + out.stderr[-3000:])
    return out.stdout


def lenet_race(build, out, quick):
    make_models.main_into(out)
    seeds = [1, 2] if quick else [1, 2, 3, 4]
    rows = {"script": [], "built-in": []}
    for seed in seeds:
        for kind in ("built-in", "script"):
            session = os.path.join(out, f"race-{kind}-{seed}.wbs")
            if os.path.exists(session):
                os.remove(session)
            model = ["--model-file", os.path.join(out, "lenet.pt")] if kind == "script" else ["--model", "lenet5"]
            r = json.loads(cli(build, "train", "--session", session, *model, "--train-limit", "10000", "--test-limit",
                               "5000", "--epochs", "3", "--optimizer", "adam", "--lr", "0.002", "--seed", str(seed),
                               "--threads", "1", "--json"))
            rows[kind].append((r["test_accuracy"], r["train_seconds"] / r["epochs"]))
    print("(a) LeNet-5: scripted PyTorch vs the built-in lenet5 (Fashion-MNIST, 10,000 train / 5,000 test, "
          f"3 epochs adam 0.002, 1 thread, seeds {seeds})")
    for kind, values in rows.items():
        acc = [a for a, _ in values]
        sec = [s for _, s in values]
        print(f"  {kind:9s} test accuracy {statistics.mean(acc):.4f} ± {statistics.stdev(acc):.4f}, "
              f"{statistics.mean(sec):.2f} s per epoch")
    ratio = statistics.mean(s for _, s in rows["script"]) / statistics.mean(s for _, s in rows["built-in"])
    diff = statistics.mean(a for a, _ in rows["script"]) - statistics.mean(a for a, _ in rows["built-in"])
    print(f"  time per epoch, script / built-in: {ratio:.3f}; accuracy difference {diff:+.4f}")


def pretrain_on_digits(path, epochs):
    """SmallResNet(16) trained in PyTorch on the 8,000 real MNIST training digits (tested on the
    2,000 others), saved scripted."""
    x = torch.from_numpy(read_idx(os.path.join(MNIST, "train-images-idx3-ubyte.gz")).astype(np.float32) / 255)
    y = torch.from_numpy(read_idx(os.path.join(MNIST, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    mean, std = x.mean(), x.std()
    x = ((x - mean) / std).unsqueeze(1)
    torch.manual_seed(0)
    net = make_models.SmallResNet(w=16, classes=10, channels=1)
    opt = torch.optim.Adam(net.parameters(), 2e-3)
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(x))
        for i in range(0, len(x), 64):
            idx = order[i:i + 64]
            opt.zero_grad()
            F.cross_entropy(net(x[idx]), y[idx]).backward()
            opt.step()
    net.eval()
    tx = torch.from_numpy(read_idx(os.path.join(MNIST, "t10k-images-idx3-ubyte.gz")).astype(np.float32) / 255)
    ty = torch.from_numpy(read_idx(os.path.join(MNIST, "t10k-labels-idx1-ubyte.gz")).astype(np.int64))
    with torch.no_grad():
        acc = (net(((tx - mean) / std).unsqueeze(1)).argmax(1) == ty).float().mean().item()
    torch.jit.script(net).save(path)
    return acc


def story(build, out, quick):
    pretrained = os.path.join(out, "digits-resnet.pt")
    t0 = time.time()
    acc = pretrain_on_digits(pretrained, 1 if quick else 3)
    print(f"\n(b) fine-tuning story: SmallResNet(16) trained in PyTorch on 8,000 MNIST digits: test accuracy "
          f"{acc:.4f} ({time.time() - t0:.0f} s); saved as {pretrained}")
    session = os.path.join(out, "story.wbs")
    if os.path.exists(session):
        os.remove(session)
    common = ["sufficiency", "run", "--session", session, "--data", "fashion-mnist", "--model-file", pretrained,
              "--epochs", "4" if not quick else "2", "--optimizer", "adam", "--lr", "0.002", "--runs", "2",
              "--train-size", "4000" if not quick else "1000", "--test-size", "2000", "--substeps", "6", "--targets", "0.8,0.85", "--json"]
    answers = {}
    for name, extra in (("from scratch", ["--init", "scratch", "--name", "resnet16 from scratch"]),
                        ("fine-tuned", ["--init", "file", "--new-head", "--train-only", "fc", "--name",
                                        "resnet16 fine-tuned (digits body frozen, new head)"])):
        t0 = time.time()
        answers[name] = json.loads(cli(build, *common, *extra))
        answers[name]["seconds"] = time.time() - t0
    for name, r in answers.items():
        print(f"  --- {name} ({r['seconds']:.0f} s), workbench-cli study show:")
        print(cli(build, "study", "show", "--session", session, "--study", str(r["study_id"])))
    print(f"  session with both studies: {session} (workbench --open {session}, Sufficiency page)")
    with open(os.path.join(out, "story.json"), "w") as f:
        json.dump(answers, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--out", default="/tmp/scriptmodel-bench")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", choices=["race", "story"])
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    print("CPU:", subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo"], capture_output=True,
                                 text=True).stdout.strip())
    if a.only != "story":
        lenet_race(a.build, a.out, a.quick)
    if a.only != "race":
        story(a.build, a.out, a.quick)


if __name__ == "__main__":
    main()
