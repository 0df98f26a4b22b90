#pragma once

#include <string>

namespace wb::core {

/// Resolves "auto" | "cpu" | "cuda" | "cuda:N" to a concrete device string ("cpu",
/// "cuda:0"). auto picks cuda:0 when LibTorch sees a GPU. Throws InvalidArgument for an
/// unknown name or an absent GPU.
std::string resolveDevice(const std::string &request);

/// Human-readable device name ("CPU (2 threads)", "NVIDIA H100 80GB HBM3").
std::string deviceDescription(const std::string &device);

/// CPU cores for "all cores" defaults: the hardware threads, at least 1.
int cpuCores();

/// Number of CUDA devices LibTorch can use (0 on CPU-only builds).
int cudaDeviceCount();

/// LibTorch version string, e.g. "1.13.1".
std::string torchVersion();

} // namespace wb::core
