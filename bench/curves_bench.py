#!/usr/bin/env python3
"""How well each learning-curve family extrapolates real learning curves.

For every curve in bench/curves/ (measured by bench/curves_generate.sh), fits each family
choice of `workbench-cli sufficiency fit` to the sizes up to n_max/4 (and n_max/8), using
the runs as --values-file (so the bootstrap bands are the ones a user gets), predicts the
larger sizes, and reports the mean absolute error against the measured mean accuracy and
how often the 80% and 95% bands contain it.
Usage: bench/curves_bench.py [build-dir]
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
cli = os.path.join(build, "bin", "workbench-cli")
choices = os.environ.get("CHOICES", "power,power4,exp,mmf,auto,ensemble").split(",")
curves = sorted(glob.glob(os.path.join(root, "bench", "curves", "*.json")))
if not curves:
    sys.exit("no curves in bench/curves: run bench/curves_generate.sh first")

rows = {}  # (cut, choice) -> list of (abs error, in80, in95)
with tempfile.TemporaryDirectory() as tmp:
    for path in curves:
        d = json.load(open(path))
        steps, runs = d["steps"], d["runs"]
        mean = [sum(r[k] for r in runs) / len(runs) for k in range(len(steps))]
        for cut in (4, 8):
            k = sum(1 for s in steps if s <= steps[-1] / cut)
            fitted, held = steps[:k], list(range(k, len(steps)))
            csv = os.path.join(tmp, "runs.csv")
            with open(csv, "w") as f:
                for r in runs:
                    f.write(",".join(repr(v) for v in r[:k]) + "\n")
            for choice in choices:
                out = subprocess.run(
                    [cli, "sufficiency", "fit", "--steps", ",".join(str(s) for s in fitted),
                     "--values-file", csv, "--project", ",".join(str(steps[i]) for i in held),
                     "--family", choice, "--resamples", "200", "--json"],
                    capture_output=True, text=True, check=True)
                p = json.loads(out.stdout)["projection"]
                for j, i in enumerate(held):
                    truth = mean[i]
                    rows.setdefault((cut, choice), []).append((
                        abs(p["value"][j] - truth),
                        p["lo80"][j] <= truth <= p["hi80"][j],
                        p["lo95"][j] <= truth <= p["hi95"][j]))
print(f"{len(curves)} curves (3 runs each); fit on sizes <= n_max/cut, predict every larger size")
print(f"{'cut':>4} {'family':>9} {'MAE':>8} {'80% cover':>10} {'95% cover':>10} {'points':>7}")
for cut in (4, 8):
    for choice in choices:
        r = rows[(cut, choice)]
        mae = sum(e for e, _, _ in r) / len(r)
        c80 = sum(1 for _, a, _ in r if a) / len(r)
        c95 = sum(1 for _, _, b in r if b) / len(r)
        print(f"{cut:>4} {choice:>9} {mae:8.4f} {100 * c80:9.0f}% {100 * c95:9.0f}% {len(r):7d}")
