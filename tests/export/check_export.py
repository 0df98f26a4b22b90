#!/usr/bin/env python3
"""Checks an exported run against the workbench's own logits (tst_modelexport runs it).

    check_export.py REF_DIR [--pytorch DIR] [--onnx DIR]

REF_DIR holds images.u8 (uint8 [N, C, H, W]), logits.f32 (float32 [N, K], the workbench's
logits of those images) and ref.json ({"input": [C, H, W], "classes": [...]}).

(a) PyTorch: imports DIR/model.py with Debian's python3-torch, net = model.load("weights.pt")
    from DIR, and runs the images (float, pixels / 255).
(b) ONNX: onnx.checker (full check, with shape inference) from python3-onnx, the metadata and
    the dynamic batch dimension, then an independent NumPy interpreter of the graph written
    here (float64), on all images and again on a batch of 3.
Both must give logits within 1e-4 of the workbench's and the same predicted class for every
image. Exit status 0 when everything holds, 1 otherwise (the reason on stderr).
"""
import argparse
import json
import math
import os
import sys

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TOLERANCE = 1e-4


def fail(message):
    print("check_export: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def compare(what, logits, reference):
    if logits.shape != reference.shape:
        fail(f"{what}: logits of shape {logits.shape}, the workbench's {reference.shape}")
    diff = float(np.abs(logits - reference).max())
    same = int((logits.argmax(1) == reference.argmax(1)).sum())
    print(f"{what}: max |logit difference| {diff:.3g} over {reference.size} logits; "
          f"{same}/{len(reference)} predictions identical")
    if not diff <= TOLERANCE:
        fail(f"{what}: logits differ by {diff:.3g} (> {TOLERANCE})")
    if same != len(reference):
        fail(f"{what}: {len(reference) - same} predictions differ")


# ---------------------------------------------------------------- NumPy ONNX interpreter


def _pool_size(size, k, s, p0, p1, ceil_mode):
    if ceil_mode:
        out = -(-(size + p0 + p1 - k) // s) + 1
        if (out - 1) * s >= size + p0:  # a window may not start in the right padding
            out -= 1
        return out
    return (size + p0 + p1 - k) // s + 1


def pool(x, kind, kernel, strides, pads, ceil_mode=0, count_include_pad=0):
    n, c, h, w = x.shape
    (kh, kw), (sh, sw) = kernel, strides
    oh = _pool_size(h, kh, sh, pads[0], pads[2], ceil_mode)
    ow = _pool_size(w, kw, sw, pads[1], pads[3], ceil_mode)
    ch = max((oh - 1) * sh + kh, h + pads[0] + pads[2])
    cw = max((ow - 1) * sw + kw, w + pads[1] + pads[3])
    canvas = np.full((n, c, ch, cw), -np.inf if kind == "max" else 0.0)
    canvas[:, :, pads[0]:pads[0] + h, pads[1]:pads[1] + w] = x
    windows = sliding_window_view(canvas, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw][:, :, :oh, :ow]
    if kind == "max":
        return windows.max(axis=(-2, -1))
    counted = np.zeros((ch, cw))
    if count_include_pad:
        counted[:h + pads[0] + pads[2], :w + pads[1] + pads[3]] = 1  # padding counts, the ceil overhang not
    else:
        counted[pads[0]:pads[0] + h, pads[1]:pads[1] + w] = 1
    counts = sliding_window_view(counted, (kh, kw))[::sh, ::sw][:oh, :ow].sum(axis=(-2, -1))
    return windows.sum(axis=(-2, -1)) / counts


def conv(x, w, b, strides, pads, dilations, group):
    if group != 1 or any(d != 1 for d in dilations):
        fail("Conv with groups or dilation is not emitted by the exporter")
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::strides[0], ::strides[1]]
    y = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)
    return y if b is None else y + b[None, :, None, None]


def run_onnx(model, images):
    import onnx
    from onnx import helper, numpy_helper

    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values = {k: (v.astype(np.float64) if v.dtype.kind == "f" else v) for k, v in values.items()}
    values[model.graph.input[0].name] = images.astype(np.float64)
    erf = np.vectorize(math.erf)
    for node in model.graph.node:
        a = {attr.name: helper.get_attribute_value(attr) for attr in node.attribute}
        x = [values[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Sub":
            y = x[0] - x[1]
        elif op == "Mul":
            y = x[0] * x[1]
        elif op == "Add":
            y = x[0] + x[1]
        elif op == "Div":
            y = x[0] / x[1]
        elif op == "Conv":
            k = len(x[1].shape) - 2
            y = conv(x[0], x[1], x[2] if len(x) > 2 else None, a.get("strides", [1] * k),
                     a.get("pads", [0] * 2 * k), a.get("dilations", [1] * k), a.get("group", 1))
        elif op == "BatchNormalization":
            shape = (1, -1) + (1,) * (x[0].ndim - 2)
            scale, bias, mean, var = (v.reshape(shape) for v in x[1:5])
            y = (x[0] - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * scale + bias
        elif op == "Relu":
            y = np.maximum(x[0], 0)
        elif op == "LeakyRelu":
            y = np.where(x[0] >= 0, x[0], x[0] * a.get("alpha", 0.01))
        elif op == "Tanh":
            y = np.tanh(x[0])
        elif op == "Sigmoid":
            y = 1 / (1 + np.exp(-x[0]))
        elif op == "Softplus":
            y = np.logaddexp(0, x[0])
        elif op == "Erf":
            y = erf(x[0])
        elif op in ("MaxPool", "AveragePool"):
            kernel = a["kernel_shape"]
            y = pool(x[0], "max" if op == "MaxPool" else "avg", kernel, a.get("strides", [1, 1]),
                     a.get("pads", [0, 0, 0, 0]), a.get("ceil_mode", 0), a.get("count_include_pad", 0))
        elif op == "GlobalAveragePool":
            y = x[0].mean(axis=(2, 3), keepdims=True)
        elif op == "Slice":
            index = [slice(None)] * x[0].ndim
            steps = x[4] if len(x) > 4 else [1] * len(x[1])
            for start, end, axis, step in zip(x[1], x[2], x[3], steps):
                index[int(axis)] = slice(int(start), int(end), int(step))
            y = x[0][tuple(index)]
        elif op == "ReduceMean":
            y = x[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Flatten":
            axis = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:axis])), -1)
        elif op == "Gemm":
            A = x[0].T if a.get("transA", 0) else x[0]
            B = x[1].T if a.get("transB", 0) else x[1]
            y = a.get("alpha", 1.0) * (A @ B)
            if len(x) > 2 and x[2] is not None:
                y = y + a.get("beta", 1.0) * x[2]
        elif op == "Identity":
            y = x[0]
        else:
            fail(f"operator {op} (node {node.name}) is not known to this checker")
        values[node.output[0]] = y
    return values[model.graph.output[0].name]


def check_onnx(folder, images, reference, ref):
    import onnx

    path = os.path.join(folder, "model.onnx")
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    opsets = {o.domain: o.version for o in model.opset_import}
    if opsets.get("", 0) < 13:
        fail(f"opset {opsets.get('', 0)} < 13")
    meta = {p.key: p.value for p in model.metadata_props}
    if json.loads(meta.get("class_names", "null")) != ref["classes"]:
        fail(f"class_names metadata {meta.get('class_names')!r} != {ref['classes']!r}")
    dims = model.graph.input[0].type.tensor_type.shape.dim
    if not dims[0].dim_param or [d.dim_value for d in dims[1:]] != ref["input"]:
        fail(f"input shape {[d.dim_param or d.dim_value for d in dims]} is not [N, {ref['input']}]")
    if model.graph.output[0].name != "logits":
        fail("the output is not named 'logits'")
    ops = sorted({n.op_type for n in model.graph.node})
    print(f"onnx: checker passed; opset {opsets['']}; {len(model.graph.node)} nodes ({', '.join(ops)})")
    compare("onnx (NumPy float64 interpreter)", run_onnx(model, images), reference)
    compare("onnx, a batch of 3", run_onnx(model, images[:3]), reference[:3])


def check_pytorch(folder, images, reference, ref):
    import torch

    sys.path.insert(0, folder)
    os.chdir(folder)
    import model  # the exported model.py

    try:
        state = torch.load("weights.pt", weights_only=True)  # plain tensors only, no code
    except TypeError:  # a torch without weights_only
        state = torch.load("weights.pt")
    if not all(isinstance(v, torch.Tensor) for v in state.values()):
        fail("weights.pt holds something besides tensors")
    net = model.load("weights.pt")
    if net.training:
        fail("model.load returned a module in training mode")
    if list(model.CLASSES) != ref["classes"] or list(model.INPUT_SHAPE) != ref["input"]:
        fail(f"model.CLASSES {model.CLASSES} / INPUT_SHAPE {model.INPUT_SHAPE} differ from {ref}")
    with torch.no_grad():
        logits = net(torch.from_numpy(images.astype(np.float32))).double().numpy()
    compare("pytorch (model.py + weights.pt)", logits, reference)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ref")
    parser.add_argument("--pytorch")
    parser.add_argument("--onnx")
    args = parser.parse_args()
    with open(os.path.join(args.ref, "ref.json")) as f:
        ref = json.load(f)
    reference = np.fromfile(os.path.join(args.ref, "logits.f32"), dtype=np.float32).astype(np.float64)
    reference = reference.reshape(-1, len(ref["classes"]))
    images = np.fromfile(os.path.join(args.ref, "images.u8"), dtype=np.uint8)
    images = images.reshape([len(reference)] + ref["input"]).astype(np.float32) / np.float32(255)
    if args.onnx:
        check_onnx(os.path.abspath(args.onnx), images, reference, ref)
    if args.pytorch:
        check_pytorch(os.path.abspath(args.pytorch), images, reference, ref)
    print("check_export: OK")


if __name__ == "__main__":
    main()
