#!/usr/bin/python3
"""bench/tsne_bench.sh helper: makes the benchmark data, runs scikit-learn's TSNE on it and
scores both embeddings. `make DIR` writes DIR/features.csv (10,000 × 84: ten Gaussian
clusters, seeded); `score DIR OURS.csv OURS_JSON` runs TSNE(perplexity 30, 1000 iterations,
PCA init, auto learning rate, Barnes-Hut) and prints one JSON object with both timings, KLs
and trustworthiness (k = 10, on a fixed 3,000-point sample)."""
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

folder, ours_csv, ours_json = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
x = np.loadtxt(f"{folder}/features.csv", delimiter=",", dtype=np.float32)
start = time.perf_counter()
tsne = TSNE(n_components=2, perplexity=30, n_iter=1000, init="pca", learning_rate="auto",
            random_state=1, method="barnes_hut")
y = tsne.fit_transform(x)
seconds = time.perf_counter() - start
ours = np.loadtxt(ours_csv, delimiter=",", skiprows=1)
sample = np.random.default_rng(0).choice(len(x), 3000, replace=False)
print(json.dumps({
    "ours_seconds": ours_json["seconds"], "sklearn_seconds": seconds,
    "ours_kl": ours_json["kl"], "sklearn_kl": float(tsne.kl_divergence_),
    "ours_trustworthiness": float(trustworthiness(x[sample], ours[sample], n_neighbors=10)),
    "sklearn_trustworthiness": float(trustworthiness(x[sample], y[sample], n_neighbors=10)),
    "speedup": seconds / ours_json["seconds"]}))
