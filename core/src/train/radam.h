#pragma once

// Core-private: RAdam with decoupled weight decay, and Ranger (RAdam + Lookahead).
#include "train/optimizer.h"

#include <cstdint>

namespace wb::core::detail {

/// The scalars of RAdam's step t (1-based): bias corrections, the length of the approximated
/// SMA ρ_t, whether the variance is tractable (ρ_t > 5, as PyTorch's RAdam) and the
/// rectification term r_t.
struct RAdamStep
{
    double biasCorrection1 = 1, sqrtBiasCorrection2 = 1, rho = 0, rectification = 1;
    bool adaptive = false;
};
RAdamStep radamStep(std::int64_t t, double beta1, double beta2);

/// m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g²; p −= lr·wd·p (decoupled, per parameter); then
/// p −= lr·r_t·√(1−β2^t)/(1−β1^t) · m/(√v + ε) when ρ_t > 5 (PyTorch's and fastai's
/// form), else p −= lr·m/(1−β1^t). With lookahead, every k steps
/// slow += α·(fast − slow) and fast = slow (slow starts as the initial weights).
class RAdamOptimizer : public TrainOptimizer
{
public:
    /// `decay[i]`: parameter i's weight decay (0 for one excluded from it).
    RAdamOptimizer(const TrainConfig &config, std::vector<torch::Tensor> params, std::vector<double> decay,
                   bool lookahead);
    void setLr(double lr) override { m_lr = lr; }
    void zeroGrad() override;
    void step() override;
    std::string save() override;
    void load(const std::string &bytes, const torch::Device &device) override;

private:
    std::vector<torch::Tensor> m_params, m_m, m_v, m_slow;
    std::vector<double> m_decay;
    double m_lr, m_beta1, m_beta2, m_eps;
    bool m_lookahead;
    int m_k;
    double m_alpha;
    std::int64_t m_t = 0;
};

} // namespace wb::core::detail
