#pragma once

// Core-private: LibTorch modules built from a ModelSpec. Never include outside core/src.
#include "wb/modelspec.h"

#include <torch/torch.h>

#include <memory>
#include <mutex>
#include <vector>

namespace wb::core::detail {

/// Guards LibTorch's process-wide generator: seeding it and drawing from it is one step.
std::mutex &globalGeneratorMutex();

struct ResidualBlockOptions
{
    ResidualBlockOptions(std::int64_t in, std::int64_t out) : in_(in), out_(out) {}
    TORCH_ARG(std::int64_t, in);
    TORCH_ARG(std::int64_t, out);
    TORCH_ARG(std::int64_t, stride) = 1;
    TORCH_ARG(bool, mish) = false;     ///< Mish instead of ReLU
    TORCH_ARG(bool, avgDown) = false;  ///< shortcut: 2x2 average pool, 1x1 conv only when the channels change
    TORCH_ARG(bool, zeroInit) = false; ///< the second batch norm's scale starts at 0 (the block starts as identity)
};

/// ResNet basic block: conv3x3-bn-relu-conv3x3-bn plus an identity or 1x1-conv shortcut.
class ResidualBlockImpl : public torch::nn::Module
{
public:
    explicit ResidualBlockImpl(const ResidualBlockOptions &options);
    torch::Tensor forward(const torch::Tensor &x);

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_shortcutConv{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr}, m_shortcutBn{nullptr};
    torch::nn::AvgPool2d m_shortcutPool{nullptr};
    bool m_mish = false;
};
TORCH_MODULE(ResidualBlock);

/// Dropout whose masks come from its network's own generator rather than LibTorch's
/// process-wide one, so that networks trained at once on several threads (sufficiency
/// studies) stay reproducible.
class SeededDropoutImpl : public torch::nn::Module
{
public:
    SeededDropoutImpl(double p, std::shared_ptr<at::Generator> generator)
        : m_p(p), m_generator(std::move(generator))
    {
    }
    torch::Tensor forward(const torch::Tensor &x);

private:
    double m_p;
    std::shared_ptr<at::Generator> m_generator;
};
TORCH_MODULE(SeededDropout);

struct ScriptModule;

/// The network of a spec. Takes uint8 images [B,C,H,W] and scales them to [0,1] and
/// normalises them per channel with buffers, so a saved state is self-contained. A
/// TorchScript spec runs the user's module behind the same interface: its parameters and
/// buffers are this module's (shared tensors), so optimisers, checkpoints and devices work
/// unchanged.
class SpecNetImpl : public torch::nn::Module
{
public:
    /// `seed` draws a TorchScript module's scratch weights; a layer spec's come from
    /// LibTorch's generator (seeded by the caller).
    explicit SpecNetImpl(const ModelSpec &spec, std::uint64_t seed = 0);
    ~SpecNetImpl() override;
    /// Also keeps batch norms of frozen parts of a TorchScript module in evaluation mode.
    void train(bool on = true) override;
    /// Log-softmax of `passes` forward passes of uint8 images with only dropout switched
    /// on, [passes * B, classes] (pass-major).
    torch::Tensor mcDropoutLogProbabilities(const torch::Tensor &images, int passes);
    /// Whether head(features(x)) gives the logits (VAAL-like strategies need it).
    bool hasHead() const;
    /// The TorchScript module (nullptr for a layer spec).
    ScriptModule *script() { return m_script.get(); }
    /// Logits [B, classes] of uint8 images.
    torch::Tensor forward(const torch::Tensor &images);
    /// Input of the last linear layer [B, featureDim].
    torch::Tensor features(const torch::Tensor &images);
    /// Logits [B, classes] from features(): the last linear layer and what follows it.
    torch::Tensor head(const torch::Tensor &features);
    /// The index of the first dropout layer (the layer count when there is none).
    std::size_t firstDropout() const;
    /// The output of layers [0, end) of uint8 images, and the rest: layers [from, count) of an
    /// earlier output. forwardFrom(forwardTo(x, k), k) == forward(x).
    torch::Tensor forwardTo(const torch::Tensor &images, std::size_t end);
    torch::Tensor forwardFrom(const torch::Tensor &x, std::size_t from);
    void setNormalization(const std::vector<double> &mean, const std::vector<double> &stddev);
    /// Restarts the dropout masks from `seed` (a generator on the network's device).
    void seedDropout(std::uint64_t seed);

private:
    std::shared_ptr<at::Generator> m_dropoutGenerator = std::make_shared<at::Generator>();
    torch::Tensor prepare(const torch::Tensor &images) const;
    std::vector<torch::nn::AnyModule> m_layers;
    std::size_t m_lastLinear = 0;
    static constexpr std::size_t kNone = ~std::size_t(0);
    std::size_t m_firstDropout = kNone;
    torch::Tensor m_mean, m_invStd;
    std::shared_ptr<ScriptModule> m_script;
    bool m_fixedNormalization = false; ///< a script spec's input_norm imagenet/none
    std::uint64_t m_dropoutSeed = 0, m_draws = 0;
    void initScript(const ModelSpec &spec, std::uint64_t seed);
    torch::Tensor scriptForward(const torch::Tensor &x);
    torch::Tensor scriptFeaturesOf(const torch::Tensor &x);
    torch::Tensor scriptHeadOf(const torch::Tensor &features);
};
TORCH_MODULE(SpecNet);

} // namespace wb::core::detail
