#!/usr/bin/python3
"""Measures the corpus of real learning curves that calibrates the sufficiency answer.

Every curve is a sufficiency study run by workbench-cli itself: 3 runs, 15 training sizes
spaced by sqrt(2) from L/128 to L (so extrapolation ratios 2x, 4x, 8x, 16x fall exactly on
measured sizes), one of the class-subset tasks of bench/corpus_tasks.py, a model preset,
an epoch budget and the warm-start or fresh protocol. Appends one JSON line per curve to
bench/corpus/curves.jsonl ({"task", "model", "epochs", "mode", "steps", "runs", "seconds"});
curves already there are skipped, so it resumes where it stopped.
Usage: bench/corpus_generate.py [build-dir] [--only MODEL,...] [--workers N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "corpus", "curves.jsonl")

# task -> (largest training size L, test images)
TASKS = {
    "mnist-all": (8000, 2000), "mnist-0to4": (4097, 1034), "mnist-5to9": (3903, 966),
    "mnist-3v8": (1585, 391), "mnist-4v9": (1561, 397), "mnist-1v7": (1746, 451),
    "fashion-all": (8000, 2000), "fashion-tops": (8000, 2000), "fashion-shoes": (8000, 2000),
    "fashion-0v6": (4000, 2000), "fashion-2v4": (4000, 2000), "fashion-5v7": (4000, 2000),
}
# (model, extra flags, epochs, mode): the cheap models in every protocol, the costly ones in fewer.
SETUPS = [(m, [], e, mode) for m in ("linear", "mlp", "lenet5")
          for (e, mode) in ((1, "warm"), (4, "warm"), (2, "fresh"))]
SETUPS += [("cnn", [], 1, "warm"), ("cnn", [], 3, "warm"),
           ("resnet18", ["--width", "8"], 2, "warm"), ("mlp", [], 8, "fresh")]


def steps_for(L):
    return sorted({max(1, round(L * 2 ** (-j / 2))) for j in range(15)})


def key(c):
    return (c["task"], c["model"], c["epochs"], c["mode"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", default="")
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()
    cli = os.path.join(args.build, "bin", "workbench-cli")
    done = set()
    if os.path.exists(OUT):
        with open(OUT) as f:
            done = {key(json.loads(line)) for line in f if line.strip()}
    only = set(filter(None, args.only.split(",")))
    with tempfile.TemporaryDirectory() as tmp:
        tasks_dir = os.path.join(tmp, "tasks")
        subprocess.run([os.path.join(ROOT, "bench", "corpus_tasks.py"), tasks_dir], check=True,
                       stdout=subprocess.DEVNULL)
        for model, flags, epochs, mode in SETUPS:
            if only and model not in only:
                continue
            for task, (L, T) in TASKS.items():
                c = {"task": task, "model": model, "epochs": epochs, "mode": mode}
                if key(c) in done:
                    continue
                steps = steps_for(L)
                session = os.path.join(tmp, "s.wbs")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(session + suffix):
                        os.remove(session + suffix)
                cmd = [cli, "sufficiency", "run", "--data", os.path.join(tasks_dir, task),
                       "--model", model, *flags, "--train-size", str(L), "--test-size", str(T),
                       "--limit-mode", "random", "--runs", "3",
                       "--steps", ",".join(map(str, steps)), "--epochs", str(epochs),
                       "--mode", mode, "--session", session, "--json"]
                if args.workers:
                    cmd += ["--workers", str(args.workers)]
                out = subprocess.run(cmd, capture_output=True, text=True)
                if out.returncode != 0:
                    sys.exit(f"{task} {model}: {out.stderr.strip()[-400:]}")
                d = json.loads(out.stdout)
                c["steps"] = d["steps"]
                c["runs"] = [[round(v, 5) for v in r] for r in d["metrics"]["accuracy"]["runs"]]
                c["seconds"] = round(d["seconds"], 1)
                with open(OUT, "a") as f:
                    f.write(json.dumps(c, separators=(",", ":")) + "\n")
                mean = [sum(r[k] for r in c["runs"]) / 3 for k in range(len(steps))]
                print(f"{task} {model} e{epochs} {mode}: {mean[0]:.3f} .. {mean[-1]:.3f} "
                      f"in {c['seconds']} s", flush=True)


if __name__ == "__main__":
    main()
