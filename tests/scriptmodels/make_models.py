#!/usr/bin/env python3
"""Writes the TorchScript files the "your own PyTorch model" tests use (tst_scriptmodel,
tst_cliscriptmodel, tests/badinput), with Debian's python3-torch, so nothing binary is committed.

    make_models.py OUT_DIR

Good files: lenet.pt (LeNet-5 as the built-in lenet5, scripted, with features()), lenet_traced.pt
(the same with dropout, traced), smallres.pt (a small ResNet with batch norm and dropout, 1000-class
head, scripted), nofeat.pt (log_softmax after its last Linear, no features()). Bad files: checkpoint.pt
(torch.save of a state dict), legacy.pt (legacy pickle), model.onnx, unknown_op.pt (code calling an
operator LibTorch lacks), bad_output.pt ([N, K, 1]), nan.pt, three_channels.pt (expects RGB),
garbage.pt, truncated.pt, int_logits.pt, detached.pt (logits without gradients), rows_for_two.pt
(right only for a batch of 2), short_tensor.pt (a tensor record shorter than its shape).
"""
import io
import os
import sys
import zipfile

import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet5(nn.Module):
    """The built-in lenet5: conv6 k5 p2, pool, conv16 k5, pool, 120, 84, K."""

    def __init__(self, classes: int = 10, dropout: float = 0.0):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.drop = nn.Dropout(dropout)
        self.fc3 = nn.Linear(84, classes)

    @torch.jit.export
    def features(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.drop(F.relu(self.fc2(x)))

    def forward(self, x):
        return self.fc3(self.features(x))


class Block(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = nn.Sequential()
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(y)) + self.short(x))


class SmallResNet(nn.Module):
    """A ResNet-18-like network of width `w` with a one-channel stem."""

    def __init__(self, w: int = 8, classes: int = 1000, channels: int = 1):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(channels, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w), nn.ReLU())
        self.layer1 = Block(w, w, 1)
        self.layer2 = Block(w, 2 * w, 2)
        self.layer3 = Block(2 * w, 4 * w, 2)
        self.drop = nn.Dropout(0.2)
        self.fc = nn.Linear(4 * w, classes)

    def forward(self, x):
        x = self.layer3(self.layer2(self.layer1(self.stem(x))))
        x = torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)
        return self.fc(self.drop(x))


class NoFeatures(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        return F.log_softmax(self.fc2(F.relu(self.fc1(torch.flatten(x, 1)))), 1)


class BadOutput(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1)).unsqueeze(2)


class NanOutput(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1)) * float("nan")


class ThreeChannels(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.fc = nn.Linear(4 * 26 * 26, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))


class IntLogits(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1)).long()


class Detached(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1)).detach()


class RowsOnlyForTwo(nn.Module):
    """[N, 10] for two images, [1, 10] otherwise."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        y = self.fc(torch.flatten(x, 1))
        if x.size(0) == 2:
            return y
        return y[:1]


def with_short_tensor(good: bytes) -> bytes:
    """The archive with its first tensor record cut to 8 bytes (its shape still claims more)."""
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith("/data/0"):
                data = data[:8]
            dst.writestr(info, data)
    return out.getvalue()


def with_unknown_operator(good: bytes) -> bytes:
    """The archive of a scripted model whose code calls an operator no LibTorch has."""
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if "/code/" in info.filename and info.filename.endswith(".py"):
                data = data.replace(b"torch.relu(", b"torch.wb_missing_op(")
                data = data.replace(b"torch.flatten(", b"torch.wb_missing_op(")
            dst.writestr(info, data)
    return out.getvalue()


def main():
    main_into(sys.argv[1])


def main_into(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    path = lambda name: os.path.join(out, name)
    torch.jit.script(LeNet5().eval()).save(path("lenet.pt"))
    traced = LeNet5(dropout=0.3).eval()
    torch.jit.trace(traced, torch.zeros(2, 1, 28, 28)).save(path("lenet_traced.pt"))
    torch.jit.script(SmallResNet()).save(path("smallres.pt"))
    torch.jit.script(NoFeatures()).save(path("nofeat.pt"))
    torch.jit.script(BadOutput()).save(path("bad_output.pt"))
    torch.jit.script(NanOutput()).save(path("nan.pt"))
    torch.jit.script(ThreeChannels()).save(path("three_channels.pt"))
    torch.save(LeNet5().state_dict(), path("checkpoint.pt"))
    torch.save(LeNet5().state_dict(), path("legacy.pt"), _use_new_zipfile_serialization=False)
    torch.onnx.export(NoFeatures(), torch.zeros(1, 1, 28, 28), path("model.onnx"))
    buffer = io.BytesIO()
    torch.jit.save(torch.jit.script(NoFeatures()), buffer)
    good = buffer.getvalue()
    with open(path("unknown_op.pt"), "wb") as f:
        f.write(with_unknown_operator(good))
    torch.jit.script(IntLogits()).save(path("int_logits.pt"))
    torch.jit.script(Detached()).save(path("detached.pt"))
    torch.jit.script(RowsOnlyForTwo()).save(path("rows_for_two.pt"))
    buffer = io.BytesIO()
    torch.jit.save(torch.jit.script(LeNet5()), buffer)
    with open(path("short_tensor.pt"), "wb") as f:
        f.write(with_short_tensor(buffer.getvalue()))
    with open(path("truncated.pt"), "wb") as f:
        f.write(good[: len(good) // 2])
    with open(path("garbage.pt"), "wb") as f:
        f.write(bytes((i * 7919) % 251 for i in range(5000)))


if __name__ == "__main__":
    main()
