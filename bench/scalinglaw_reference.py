"""Reference for `workbench-cli grid fit` (bench/scalinglaw_bench.sh).

  make OUT.csv SEED   synthetic grid from a known law: 7 model sizes x 7 data sizes x 3 seeds,
                      3% multiplicative noise, L = 0.25 + 40/N^0.45 + 12/D^0.35
  fit IN.csv          the same fit written plainly with scipy: cell means, Huber (delta 1e-3) on
                      log L, L-BFGS-B from the same 5,400 starting points; prints one JSON line
"""
import csv
import itertools
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber, logsumexp


def make(path, seed):
    rng = np.random.default_rng(int(seed))
    with open(path, "w") as f:
        f.write("width,params,samples,seed,loss\n")
        for w, n in enumerate([2e3, 4.1e3, 8.3e3, 1.6e4, 3.3e4, 6.5e4, 1.3e5]):
            for d in [156, 312, 625, 1250, 2500, 5000, 10000]:
                for s in range(3):
                    loss = (0.25 + 40 / n**0.45 + 12 / d**0.35) * np.exp(0.03 * rng.standard_normal())
                    f.write(f"{w},{n},{d},{s},{loss}\n")


def fit(path):
    cells = {}
    for r in csv.DictReader(open(path)):
        cells.setdefault((float(r["params"]), float(r["samples"])), []).append(float(r["loss"]))
    keys = list(cells)
    lN = np.log([k[0] for k in keys])
    lD = np.log([k[1] for k in keys])
    lL = np.log([np.mean(cells[k]) for k in keys])

    def objective(t):
        a, b, e, alpha, beta = t
        pred = logsumexp(np.stack([a - alpha * lN, b - beta * lD, np.full_like(lN, e)]), axis=0)
        return huber(1e-3, pred - lL).sum()

    start = time.perf_counter()
    best = None
    grid = itertools.product(np.arange(0, 2.01, 0.5), np.arange(0, 2.01, 0.5), np.arange(-1, 1.51, 0.5),
                             np.arange(0, 26, 5), np.arange(0, 26, 5))
    for alpha, beta, e, a, b in grid:
        r = minimize(objective, [a, b, e, alpha, beta], method="L-BFGS-B")
        if best is None or r.fun < best.fun:
            best = r
    a, b, e, alpha, beta = best.x
    print(json.dumps({"seconds": time.perf_counter() - start, "E": float(np.exp(e)), "A": float(np.exp(a)),
                      "B": float(np.exp(b)), "alpha": float(alpha), "beta": float(beta),
                      "objective": float(best.fun)}))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        fit(sys.argv[2])
