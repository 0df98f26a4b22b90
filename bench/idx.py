"""IDX reader shared by the Python reference scripts of bench/."""
import gzip

import numpy as np


def read_idx(path):
    """Reads an unsigned-byte IDX file, plain or .gz, as a numpy array."""
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)
