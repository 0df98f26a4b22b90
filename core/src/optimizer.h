#pragma once

// Core-private: the optimisers the trainer steps. SGD has a fused kernel (one pass over
// parameter, gradient and momentum buffer); Adam/AdamW wrap LibTorch's implementations.
#include "wb/trainconfig.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace wb::core::detail {

class TrainOptimizer
{
public:
    virtual ~TrainOptimizer() = default;
    virtual void setLr(double lr) = 0;
    /// Drops the gradients (set to none: backward writes fresh ones, no zero-fill pass).
    virtual void zeroGrad() = 0;
    virtual void step() = 0;
    virtual std::string save() = 0;
    virtual void load(const std::string &bytes, const torch::Device &device) = 0;
};

/// The optimiser of `config` over `params`. SGD uses the fused kernel unless
/// config.fusedOptimizer is false (then LibTorch's torch::optim::SGD, the reference).
std::unique_ptr<TrainOptimizer> makeOptimizer(const TrainConfig &config,
                                              std::vector<torch::Tensor> params);

/// Sets up the calling thread for CPU training: `threads` intra-op threads (0 = all
/// cores), a single-threaded BLAS underneath, and denormals flushed to zero on this thread
/// and every intra-op worker.
void prepareTrainingThreads(int threads);

/// Limits the BLAS library's own thread pool (OpenBLAS), if one is loaded, so that it
/// does not oversubscribe the cores LibTorch's intra-op threads already use.
void setBlasThreads(int threads);

} // namespace wb::core::detail
