#!/usr/bin/python3
"""This machine's single-core float32 GEMM rate (GFLOP/s) through LibTorch's BLAS, the
ceiling a one-thread training can approach: the best of repeated 512x512 products."""
import json
import time

import torch

torch.set_num_threads(1)
a, b = torch.randn(512, 512), torch.randn(512, 512)
best = float("inf")
for _ in range(30):
    t = time.perf_counter()
    for _ in range(10):
        torch.mm(a, b)
    best = min(best, (time.perf_counter() - t) / 10)
print(json.dumps({"gflops": 2 * 512 ** 3 / best / 1e9}))
