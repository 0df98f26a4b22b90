#pragma once

// Core-private: one active-learning round on LibTorch — training a fixed number of steps on
// the labelled images (plainly, or adversarially against a discriminator on the backbone's
// features) and scoring the unlabelled images in batches.
#include "model/specnet.h"
#include "wb/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {
class ProgressSink;
}

namespace wb::core::detail {

/// The images of a study on the device once: uint8 [N,C,H,W] and int64 labels [N].
struct DeviceImages
{
    torch::Tensor images, labels;
};

/// The discriminator of the adversarial strategy: features → 512 → 512 → 512 → 1 (ReLU),
/// its initial weights drawn from `seed` alone (no process-wide generator).
torch::nn::Sequential makeDiscriminator(std::int64_t featureDim, std::uint64_t seed, const torch::Device &device);

/// How a round trains.
struct RoundTraining
{
    const TrainConfig *config = nullptr; ///< optimiser, lr and schedule over the round, batch size
    std::int64_t steps = 0;
    std::uint64_t seed = 0;              ///< batch order and dropout
    /// Adversarial: the discriminator (null for plain training), the unlabelled images it
    /// sees, and the weight of the backbone's fool-the-discriminator loss.
    torch::nn::Sequential *discriminator = nullptr;
    std::vector<std::int64_t> unlabelled;
    double adversarialLossWeight = 0.1;
};

/// Trains `net` (its weights set by the caller) for `t.steps` steps on the images at
/// `labelled` with a fresh optimiser. Returns "" when done, "cancelled" when `progress`
/// asked, or why it diverged. `progressFrom`..`progressTo` is the share of the cell it reports.
std::string trainRound(SpecNet &net, const DeviceImages &data, const std::vector<std::int64_t> &labelled,
                       const RoundTraining &t, ProgressSink &progress, double progressFrom, double progressTo);

/// Log-softmax outputs [n, classes] (row-major, CPU) of the images at `indices`, in evaluation mode.
std::vector<float> logProbabilities(SpecNet &net, const DeviceImages &data, const std::vector<std::int64_t> &indices);
/// K passes with dropout on (batch norm in evaluation mode), batched: K images per image in
/// one forward. Returns pass k's [n, classes] log-probabilities.
std::vector<std::vector<float>> mcDropoutLogProbabilities(SpecNet &net, const DeviceImages &data,
                                                          const std::vector<std::int64_t> &indices, int passes,
                                                          std::uint64_t seed);
/// Penultimate features [n, dims] (row-major, CPU).
std::vector<float> penultimateFeatures(SpecNet &net, const DeviceImages &data,
                                       const std::vector<std::int64_t> &indices, std::int64_t *dims);
/// The discriminator's "unlabelled" score 1 − D(features) of the images at `indices`.
std::vector<double> unlabelledScores(SpecNet &net, torch::nn::Sequential &discriminator, const DeviceImages &data,
                                     const std::vector<std::int64_t> &indices);

/// Whether `net` has a dropout layer with p > 0.
bool hasDropout(const ModelSpec &spec);

} // namespace wb::core::detail
