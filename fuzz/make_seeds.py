#!/usr/bin/env python3
"""Writes the seed corpora of the binary fuzz targets (idx, tensors, image) into fuzz/corpus/.

Run once from the repository root; the text seeds (model specs, stored JSON) come from the
program itself (see fuzz/README.md). Needs only the standard library.
"""
import gzip
import os
import struct
import zlib

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def put(target, name, data):
    with open(os.path.join(root, target, name), "wb") as f:
        f.write(data)


def idx(dims, payload):
    return struct.pack(">BBBB", 0, 0, 8, len(dims)) + b"".join(struct.pack(">I", d) for d in dims) + payload


pix = bytes((i * 37) % 256 for i in range(3 * 28 * 28))
put("idx", "images-3x28x28", idx([3, 28, 28], pix))
put("idx", "labels-3", idx([3], bytes([0, 7, 9])))
put("idx", "images-rank4-2x4x4x3", idx([2, 4, 4, 3], bytes(range(96))))
put("idx", "images-3x28x28.gz", gzip.compress(idx([3, 28, 28], pix), mtime=0))
put("idx", "truncated", idx([3, 28, 28], pix[:100]))
put("idx", "float-type", struct.pack(">BBBB", 0, 0, 0x0D, 1) + struct.pack(">I", 2) + b"\0" * 8)


def tensor(name, dtype, dims, data):
    return struct.pack("<I", len(name)) + name + struct.pack("<bB", dtype, len(dims)) + \
        b"".join(struct.pack("<q", d) for d in dims) + data


body = struct.pack("<I", 3) + tensor(b"conv.weight", 6, [2, 1, 3, 3], struct.pack("<18f", *range(18))) \
    + tensor(b"step", 4, [], struct.pack("<q", 12)) + tensor(b"mean", 7, [1], struct.pack("<d", 0.5))
put("tensors", "wbt1-three", b"WBT1" + body)
blob = b"WBT2" + body
put("tensors", "wbt2-three", blob + struct.pack("<I", zlib.crc32(blob) & 0xFFFFFFFF))
put("tensors", "wbt2-empty", b"WBT2" + struct.pack("<I", 0) + struct.pack("<I", zlib.crc32(b"WBT2" + struct.pack("<I", 0))))


def png(w, h, color, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ctype, bpp = {"gray": (0, 1), "rgb": (2, 3), "rgba": (6, 4)}[color]
    raw = b"".join(b"\0" + rows(y, w * bpp) for y in range(h))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, ctype, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def bmp(w, h):
    row = (w * 3 + 3) & ~3
    data = b"".join(bytes((x * 7 + y) % 256 for x in range(w * 3)) + b"\0" * (row - w * 3) for y in range(h))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(data), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(data), 2835, 2835, 0, 0)
    return header + info + data


grad = lambda y, n: bytes((y * 9 + x) % 256 for x in range(n))
# First byte: bit 0 = 3 channels, bits 1..5 = output side - 8 (see fuzz_image.cpp).
put("image", "gray-28-to-28.png", bytes([27 << 1]) + png(28, 28, "gray", grad))
put("image", "rgb-10x7-to-5.png", bytes([1 | (4 << 1)]) + png(10, 7, "rgb", grad))
put("image", "rgba-3x3-to-1.png", bytes([0]) + png(3, 3, "rgba", grad))
put("image", "rgb-6x5-to-8.bmp", bytes([1 | (7 << 1)]) + bmp(6, 5))
# A tiny file declaring 20,000 x 20,000 pixels: refused by the cap before decoding.
put("image", "huge-declared.png", bytes([0]) + png(20000, 20000, "gray", lambda y, n: b"")[:33])
