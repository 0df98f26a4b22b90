#pragma once

// Core-private: a plain, fast binary format for named tensors (checkpoints). Layout:
// "WBT1" | u32 count | count × (u32 nameLen, name, i8 dtype, u8 rank, i64 dims[rank],
// raw little-endian data). Written every epoch, so it avoids LibTorch's zip archive and CRC.
#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace wb::core::detail {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/// Serialises the tensors (copied to CPU, contiguous) in order.
std::string writeTensors(const NamedTensors &tensors);

/// Parses bytes written by writeTensors; throws Error(Runtime) on malformed input.
NamedTensors readTensors(const std::string &bytes);

/// Parameters and buffers of a module by their dotted names.
NamedTensors moduleState(const torch::nn::Module &module);

/// Copies `state` into the module's parameters and buffers; every name must exist with the
/// same shape and type, and every parameter/buffer must be given. Throws Error(Runtime).
void loadModuleState(torch::nn::Module &module, const NamedTensors &state);

} // namespace wb::core::detail
