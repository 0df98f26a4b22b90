#!/usr/bin/env bash
# Active learning on a real pool: scoring throughput of `workbench-cli active pick` per strategy on
# a pool of 50,000 PNG files (Fashion-MNIST's training set, labels removed), 1,000 picks each,
# scored by a LeNet-5 with dropout trained on 1,000 labelled images; against plain PyTorch +
# Pillow reading and scoring the same files, and NumPy's greedy k-center on the same shapes
# (bench/activepool_reference.py), in the same run, one thread each. Run it on a quiet machine.
# Usage: bench/activepool_bench.sh [build-dir] [pool-size]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
size=${2:-50000}
"$root/bench/ensure_cli.sh" "$root" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli="$build/bin/workbench-cli"
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
(cd "$root/bench" && /usr/bin/python3 - "$tmp/pool" "$size" <<'PY'
import os, sys, struct, zlib
from idx import read_idx
out, n = sys.argv[1], int(sys.argv[2])
images = read_idx("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")[:n]
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
for i, a in enumerate(images):
    d = os.path.join(out, "%03d" % (i // 1000))
    os.makedirs(d, exist_ok=True)
    raw = b"".join(b"\0" + a[r].tobytes() for r in range(28))
    with open(os.path.join(d, "%05d.png" % i), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
)
echo "pool: $size PNG files"
run=$("$cli" train --data fashion-mnist --train-limit 1000 --limit-mode first --test-limit 2000 --model lenet5-dropout \
      --epochs 10 --optimizer adam --lr 0.002 --threads 1 --session "$tmp/s.wbs" --json 2>/dev/null | field "d['run_id']")
printf "%-17s %9s %12s\n" strategy seconds "images/s"
for s in margin least-confidence entropy uniform coreset bald; do
    out=$(OMP_NUM_THREADS=1 "$cli" active pick --session "$tmp/s.wbs" --run "$run" --pool "$tmp/pool" --count 1000 \
          --strategy "$s" --threads 1 --discard-pending --json 2>/dev/null)
    printf "%-17s %9.2f %12.0f\n" "$s" "$(echo "$out" | field "d['seconds']")" "$(echo "$out" | field "d['images_per_second']")"
    [ "$s" = margin ] && margin=$(echo "$out" | field "d['seconds']")
    [ "$s" = coreset ] && coreset=$(echo "$out" | field "d['seconds']")
done
py=$(cd "$root/bench" && OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 activepool_reference.py --pool "$tmp/pool")
ps=$(echo "$py" | field "d['score_seconds']")
pk=$(echo "$py" | field "d['coreset_seconds']")
echo "plain PyTorch + Pillow, margin: $(printf '%.2f' "$ps") s ($(python3 -c "print(f'{$size/$ps:.0f}')") images/s)"
echo "speed-up of active pick (margin) over it: $(python3 -c "print(f'{$ps/$margin:.2f}')")x"
echo "core-set (50,000 x 1,000 labelled, 1,000 picks): its k-center part $(python3 -c "print(f'{$coreset-$margin:.2f}')") s" \
     "(coreset - margin); NumPy k-center alone: $(printf '%.2f' "$pk") s"
