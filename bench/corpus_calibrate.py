#!/usr/bin/python3
"""Calibrates the sample-size bands on the corpus of real learning curves, and measures them.

For every curve of bench/corpus/curves.jsonl (bench/corpus_generate.py) and every ratio
rho in 2, 4, 8, 16, fits on the sizes up to n_max/rho (the curve's 15 sizes are sqrt(2)
apart, so n_max/rho is a measured size) with `workbench-cli sufficiency fit` and compares
the projection at n_max with the mean accuracy measured there.

1. Residuals r = ln(e_measured / e_projected) (e = 1 - accuracy, at least 0.001) of the
   calibrated answer; per ratio the 25/75, 10/90 and 2.5/97.5% quantiles are the 50/80/95%
   bands and the median corrects the fit.
2. Leave-one-task-out cross-validation: the table is made without a task's curves and the
   CLI is run again on that task with it (--calibration), so every band is judged on curves
   its calibration never saw: coverage and median width per level and ratio.
3. Mean absolute error of every family choice and of "the last measured value" on the same
   points, with a paired Wilcoxon test of the default against the baselines.
4. Writes the calibration of all curves to core/src/analysis/curvecalibrationtable.inc and
   bench/corpus/calibration.json.
Usage: bench/corpus_calibrate.py [build-dir] [--before] [--jobs N]   (--before: also the
bootstrap bands of every single-family choice, as they were the default before; slower)
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RATIOS = (2, 4, 8, 16)
LEVELS = ((0.50, 0.25, 0.75), (0.80, 0.10, 0.90), (0.95, 0.025, 0.975))
FAMILIES = ("power", "power4", "exp", "mmf", "auto", "ensemble")
EFLOOR = 1e-3


def load():
    with open(os.path.join(ROOT, "bench", "corpus", "curves.jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def cases(curves):
    """(curve index, ratio, fitted count k, target index) for every ratio a curve allows."""
    out = []
    for i, c in enumerate(curves):
        S = len(c["steps"])
        for rho in RATIOS:
            k = S - 2 * int(round(math.log2(rho)))  # fit sizes [0, k), predict the last one
            if k >= 5:
                out.append((i, rho, k, S - 1))
    return out


def request(curve, k, target, family, bands=True):
    """One line of `sufficiency fit --batch`: fit sizes [0, k), project to the target size."""
    r = {"steps": curve["steps"][:k], "project": [curve["steps"][target]], "family": family}
    if bands:
        r["runs"] = [run[:k] for run in curve["runs"]]
    else:
        r["values"] = [sum(run[j] for run in curve["runs"]) / len(curve["runs"]) for j in range(k)]
    return r


def fit_all(cli, tmp, requests, jobs, extra=()):
    """Runs the requests through `workbench-cli sufficiency fit --batch` in `jobs` processes."""
    chunks = [requests[i::jobs] for i in range(jobs)]

    def run(c, n):
        path = os.path.join(tmp, f"batch-{n}-{os.getpid()}.jsonl")
        with open(path, "w") as f:
            for r in c:
                f.write(json.dumps(r) + "\n")
        out = subprocess.run([cli, "sufficiency", "fit", "--batch", path, "--resamples", "100", *extra],
                             capture_output=True, text=True)
        lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        if len(lines) != len(c) or any("error" in line for line in lines):
            sys.exit(f"batch failed: {out.stderr[-300:]} {[line for line in lines if 'error' in line][:3]}")
        return [{k: (v[0] if isinstance(v, list) and v else None) for k, v in line["projection"].items()}
                for line in lines]

    with ThreadPoolExecutor(jobs) as pool:
        parts = list(pool.map(run, chunks, range(jobs)))
    out = [None] * len(requests)
    for n, part in enumerate(parts):
        out[n::jobs] = part
    return out


def table(residuals):
    """Per ratio the six quantiles (the outer order statistic at each end: 'lower'/'higher')."""
    rows = []
    for rho in RATIOS:
        r = np.array(residuals[rho])
        row = []
        for _, lo, hi in LEVELS:
            row += [float(np.quantile(r, lo, method="lower")), float(np.quantile(r, hi, method="higher"))]
        rows.append(row)
    return rows


def medians(residuals):
    return [float(np.median(residuals[rho])) for rho in RATIOS]


def calibration_json(rows, median, curves, groups):
    return {"ratios": list(RATIOS), "quantiles": [[round(v, 5) for v in r] for r in rows],
            "median": [round(min(max(m, r[0]), r[1]), 5) for m, r in zip(median, rows)],
            "curves": curves, "groups": groups}


def mean_of(curve, j):
    return sum(r[j] for r in curve["runs"]) / len(curve["runs"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--before", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    cli = os.path.join(args.build, "bin", "workbench-cli")
    curves = load()
    tasks = sorted({c["task"] for c in curves})
    todo = cases(curves)
    with tempfile.TemporaryDirectory() as tmp:
        # 1. The calibrated answer's fit before any correction (a table with a zero median).
        neutral = os.path.join(tmp, "neutral.json")
        with open(neutral, "w") as f:
            json.dump({"ratios": list(RATIOS), "quantiles": [[0] * 6] * len(RATIOS), "median": [0] * len(RATIOS)}, f)
        calib = fit_all(cli, tmp, [request(curves[i], k, j, "calibrated") for (i, _, k, j) in todo], args.jobs,
                        ["--calibration", neutral])
        residuals = {}
        for (i, rho, k, j), p in zip(todo, calib):
            if p["value"] is None:  # every family missed the data: no answer was given
                continue
            e_true = max(1 - mean_of(curves[i], j), EFLOOR)
            e_pred = max(1 - p["value"], EFLOOR)
            residuals.setdefault((curves[i]["task"], rho), []).append(math.log(e_true / e_pred))
        # 2. Leave one task out: a table without it, the CLI again on its curves with that table.
        held = [None] * len(todo)
        for task in tasks:
            train = {rho: [r for (t, rr), v in residuals.items() if t != task and rr == rho for r in v]
                     for rho in RATIOS}
            path = os.path.join(tmp, f"fold-{task}.json")
            with open(path, "w") as f:
                json.dump(calibration_json(table(train), medians(train), 0, 0), f)
            idx = [n for n, t in enumerate(todo) if curves[t[0]]["task"] == task]
            outs = fit_all(cli, tmp, [request(curves[todo[n][0]], todo[n][2], todo[n][3], "calibrated") for n in idx],
                           args.jobs, ["--calibration", path])
            for n, p in zip(idx, outs):
                held[n] = p
        # 3. Point predictions of every family choice (means only) and the old bands (--before).
        point = {fam: fit_all(cli, tmp, [request(curves[i], k, j, fam, bands=False) for (i, _, k, j) in todo],
                              args.jobs) for fam in FAMILIES}
        before = {}
        if args.before:
            for fam in FAMILIES:
                before[fam] = fit_all(cli, tmp, [request(curves[i], k, j, fam) for (i, _, k, j) in todo], args.jobs)

    truth = [mean_of(curves[i], j) for (i, rho, k, j) in todo]
    last = [mean_of(curves[i], k - 1) for (i, rho, k, j) in todo]
    none = [n for n, p in enumerate(calib) if p["value"] is None]
    print(f"no answer (every family missed the data) in {len(none)} of {len(todo)} projections"
          + (": " + ", ".join(f"{curves[todo[n][0]]['task']} {curves[todo[n][0]]['model']} "
                               f"e{curves[todo[n][0]]['epochs']} {curves[todo[n][0]]['mode']} {todo[n][1]}x"
                               for n in none[:10]) if none else ""))
    for n in none:  # scored as the last measured value (what the user is left with)
        calib[n] = dict(calib[n], value=last[n])
        held[n] = dict(held[n], value=last[n],
                       **{f"{e}{k}": float("nan") for e in ("lo", "hi") for k in ("50", "80", "95")})
    ratio = [rho for (_, rho, _, _) in todo]
    print(f"{len(curves)} curves in {len(tasks)} tasks; {len(todo)} projections "
          f"(fit on sizes <= n_max/rho, predict n_max)\n")
    print("Held-out coverage (leave one task out) and median band width, calibrated answer:")
    print(f"{'ratio':>6} {'n':>4} " + " ".join(f"{int(l * 100)}% cover / width".rjust(20) for l, _, _ in LEVELS))
    for rho in RATIOS:
        sel = [n for n in range(len(todo)) if ratio[n] == rho and n not in none]
        cells = []
        for lvl, _, _ in LEVELS:
            key = str(int(lvl * 100))
            cover = np.mean([held[n]["lo" + key] <= truth[n] <= held[n]["hi" + key] for n in sel])
            width = np.median([held[n]["hi" + key] - held[n]["lo" + key] for n in sel])
            cells.append(f"{100 * cover:5.1f}% / {width:.4f}".rjust(20))
        print(f"{rho:>5}x {len(sel):>4} " + " ".join(cells))
    if before:
        print("\nBefore: bootstrap bands (100 resamples), coverage / median width:")
        for fam, outs in before.items():
            for rho in RATIOS:
                sel = [n for n in range(len(todo)) if ratio[n] == rho]
                cells = []
                for key in ("80", "95"):
                    cover = np.mean([outs[n]["lo" + key] <= truth[n] <= outs[n]["hi" + key] for n in sel])
                    width = np.median([outs[n]["hi" + key] - outs[n]["lo" + key] for n in sel])
                    cells.append(f"{key}%: {100 * cover:5.1f}% / {width:.4f}")
                print(f"{fam:>9} {rho:>3}x  " + "   ".join(cells))
    print("\nMean absolute error of the projected accuracy at n_max:")
    # The default's point answer on held-out tasks (its median correction never saw them).
    errs = {"calibrated": [abs(p["value"] - t) for p, t in zip(held, truth)],
            "uncorrected": [abs(p["value"] - t) for p, t in zip(calib, truth)],
            "last value": [abs(l - t) for l, t in zip(last, truth)]}
    for fam in FAMILIES:
        errs[fam] = [abs((p["value"] if p["value"] is not None else 0.0) - t) for p, t in zip(point[fam], truth)]
    print(f"{'choice':>11} " + " ".join(f"{rho}x".rjust(8) for rho in RATIOS))
    for name, e in errs.items():
        print(f"{name:>11} " + " ".join(f"{np.mean([e[n] for n in range(len(todo)) if ratio[n] == rho]):8.4f}"
                                         for rho in RATIOS))
    try:
        from scipy.stats import wilcoxon
        print("\nPaired Wilcoxon signed-rank test, calibrated against a baseline (same points):")
        for base in ("last value", "ensemble"):
            for rho in RATIOS:
                sel = [n for n in range(len(todo)) if ratio[n] == rho]
                a = np.array([errs["calibrated"][n] for n in sel])
                b = np.array([errs[base][n] for n in sel])
                p = wilcoxon(a, b).pvalue if np.any(a != b) else 1.0
                print(f"  vs {base:>10} at {rho:>2}x: MAE {a.mean():.4f} vs {b.mean():.4f} "
                      f"({100 * (1 - a.mean() / b.mean()):+.0f}% lower), p = {p:.2g}")
    except ImportError:
        print("(scipy missing: no paired test)")

    # 4. The calibration of every curve, compiled in.
    every = {rho: [r for (t, rr), v in residuals.items() if rr == rho for r in v] for rho in RATIOS}
    rows = table(every)
    cal = calibration_json(rows, medians(every), len(curves), len(tasks))
    with open(os.path.join(ROOT, "bench", "corpus", "calibration.json"), "w") as f:
        json.dump(cal, f, indent=1)
    with open(os.path.join(ROOT, "core", "src", "analysis", "curvecalibrationtable.inc"), "w") as f:
        f.write("// Written by bench/corpus_calibrate.py from bench/corpus/curves.jsonl: do not edit.\n")
        f.write(f"constexpr int kCalibrationCurves = {len(curves)};\n")
        f.write(f"constexpr int kCalibrationGroups = {len(tasks)};\n")
        f.write("constexpr double kCalibrationRows[][8] = {\n")
        f.write("    // ratio, lo50, hi50, lo80, hi80, lo95, hi95, median of ln(e_measured / e_fitted)\n")
        for rho, r, med in zip(RATIOS, cal["quantiles"], cal["median"]):
            f.write(f"    {{{rho}, " + ", ".join(f"{v:.5f}" for v in r + [med]) + "},\n")
        f.write("};\n")
    print("\ncalibration of all curves (ratio: lo50 hi50 lo80 hi80 lo95 hi95 median):")
    for rho, r, med in zip(RATIOS, cal["quantiles"], cal["median"]):
        print(f"  {rho:>2}x: " + " ".join(f"{v:+.3f}" for v in r + [med]))


if __name__ == "__main__":
    main()
