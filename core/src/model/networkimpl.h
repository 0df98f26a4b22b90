#pragma once

// Core-private definition of Network::Impl, shared by network.cpp and trainer.cpp.
#include "model/specnet.h"
#include "wb/network.h"

namespace wb::core {

struct Network::Impl
{
    ModelSpec spec;
    torch::Device device{torch::kCPU};
    detail::SpecNet net{nullptr};
};

namespace detail {

/// Logits of pool[indices] computed in eval mode without gradients, in batches; the result
/// is a CPU float tensor [n, classes]. pool is uint8 [N,C,H,W], indices int64 on any device.
/// `testTimeFlip`: log of the mean softmax of each image and its mirror image (log-probabilities,
/// usable as logits).
torch::Tensor batchedLogits(SpecNet &net, const torch::Tensor &pool, const torch::Tensor &indices,
                            const torch::Device &device, int batchSize, bool features = false,
                            bool testTimeFlip = false);

/// Wraps dataset memory as a uint8 [N,C,H,W] CPU tensor (no copy; data must outlive it).
torch::Tensor poolTensor(const ImageDataset &data);

/// int64 tensor of indices (all images when empty).
torch::Tensor indexTensor(const std::vector<std::size_t> &indices, std::size_t all);

/// Metrics from a CPU logits tensor and the labels of the same images.
EvalResult evalFromLogits(const torch::Tensor &logits, const std::vector<std::int64_t> &labels,
                          int classes, double beta);

} // namespace detail
} // namespace wb::core
