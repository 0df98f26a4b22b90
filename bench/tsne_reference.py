#!/usr/bin/python3
"""bench/tsne_bench.sh helper: makes the synthetic benchmark data, runs scikit-learn's TSNE
and scores the embeddings. `make DIR` writes DIR/features.csv (10,000 × 84: ten Gaussian
clusters, seeded). `score DIR CSV JSON [CSV JSON ...]` runs TSNE(perplexity 30, 1000
iterations, PCA init, auto learning rate, Barnes-Hut) on DIR/features.csv and prints one JSON
object with the timings, KLs and trustworthiness (k = 10, on a fixed 3,000-point sample) of
scikit-learn and of each of our runs (CSV of x,y; JSON printed by `workbench-cli tsne --json`),
named by their method."""
import json
import sys
import time

import numpy as np
from sklearn.manifold import TSNE, trustworthiness

if sys.argv[1] == "make":
    rng = np.random.default_rng(0)
    centers = rng.normal(0, 10, (10, 84))
    x = np.concatenate([c + rng.normal(0, 1, (1000, 84)) for c in centers]).astype(np.float32)
    np.savetxt(f"{sys.argv[2]}/features.csv", x, delimiter=",", fmt="%.5f")
    sys.exit(0)

folder, runs = sys.argv[2], sys.argv[3:]
x = np.loadtxt(f"{folder}/features.csv", delimiter=",", dtype=np.float32)
start = time.perf_counter()
tsne = TSNE(n_components=2, perplexity=30, n_iter=1000, init="pca", learning_rate="auto",
            random_state=1, method="barnes_hut")
y = tsne.fit_transform(x)
seconds = time.perf_counter() - start
sample = np.random.default_rng(0).choice(len(x), 3000, replace=False)
out = {"points": len(x), "dims": x.shape[1],
       "sklearn": {"seconds": round(seconds, 2), "kl": round(float(tsne.kl_divergence_), 4),
                   "trustworthiness": round(float(trustworthiness(x[sample], y[sample], n_neighbors=10)), 4)}}
for csv, meta in zip(runs[0::2], runs[1::2]):
    meta = json.loads(meta)
    ours = np.loadtxt(csv, delimiter=",", skiprows=1)
    out["ours " + meta["method"]] = {
        "seconds": round(meta["seconds"], 2), "kl": round(meta["kl"], 4),
        "trustworthiness": round(float(trustworthiness(x[sample], ours[sample], n_neighbors=10)), 4),
        "speedup": round(seconds / meta["seconds"], 2)}
print(json.dumps(out))
