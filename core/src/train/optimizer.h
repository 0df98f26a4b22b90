#pragma once

// Core-private: the optimisers the trainer steps. SGD has a fused kernel (one pass over
// parameter, gradient and momentum buffer); Adam/AdamW wrap LibTorch's implementations.
#include "model/specnet.h"
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

/// One optimisation step shared by the trainer and the LR range test: gathers the batch
/// pool[idx] / labels[idx], sets the lr, and — only when the loss is finite — back-propagates
/// and steps. Returns the loss and, when `accuracy` is asked, the batch accuracy (NaN when
/// the loss is not finite: no update happened).
struct StepResult
{
    double loss;
    double accuracy;
    std::int64_t size;
};
StepResult trainStep(SpecNet &net, TrainOptimizer &optimizer, const torch::Tensor &pool,
                     const torch::Tensor &labels, const torch::Tensor &idx, double lr,
                     double labelSmoothing, bool accuracy = true);
/// trainStep on a batch already gathered (e.g. augmented): images x, labels y.
StepResult trainStepOn(SpecNet &net, TrainOptimizer &optimizer, const torch::Tensor &x, const torch::Tensor &y,
                       double lr, double labelSmoothing, bool accuracy = true);

/// Sets up the calling thread for CPU training: `threads` intra-op threads (0 = all
/// cores), a single-threaded BLAS underneath, and denormals flushed to zero on this thread
/// and every intra-op worker.
void prepareTrainingThreads(int threads);

/// Limits the BLAS library's own thread pool (OpenBLAS), if one is loaded, so that it
/// does not oversubscribe the cores LibTorch's intra-op threads already use.
void setBlasThreads(int threads);

} // namespace wb::core::detail
