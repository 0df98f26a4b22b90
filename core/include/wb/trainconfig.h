#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// Everything that shapes a training run besides data and architecture. Value type,
/// serialised into the session as JSON.
struct TrainConfig
{
    std::string optimizer = "sgd";   ///< sgd | adam | adamw | radam | ranger
    double lr = 0.01;                ///< peak learning rate
    double momentum = 0.9;           ///< SGD momentum; beta1 for adam/adamw/radam/ranger
    bool nesterov = false;           ///< SGD only
    double beta2 = 0.999;            ///< adam/adamw/radam/ranger
    double eps = 1e-8;               ///< adam/adamw/radam/ranger
    int lookaheadSteps = 6;          ///< ranger: k, steps between lookahead syncs
    double lookaheadAlpha = 0.5;     ///< ranger: α, slow weights move α of the way to the fast ones
    double weightDecay = 0.0;        ///< L2 for sgd/adam, decoupled for adamw/radam/ranger
    bool decayNormAndBias = true;    ///< false: no weight decay on 1-D parameters (norm scales/shifts, biases)
    std::string schedule = "constant"; ///< constant | step | onecycle | flatcos
    double flatFraction = 0.75;      ///< flatcos: share of the steps at the full lr
    double labelSmoothing = 0.0;
    int epochs = 2;
    int batchSize = 64;
    std::uint64_t seed = 1;
    std::string device = "auto";     ///< auto | cpu | cuda | cuda:N
    int threads = 0;                 ///< intra-op CPU threads of this run (0 = all cores)
    bool fusedOptimizer = true;      ///< SGD: fused one-pass kernel (false = torch::optim::SGD)
    double smoothingBeta = 3.0;      ///< β of the smoothed accuracy
    /// Training images: a random resized crop (area cropAreaMin … 1 of the image, aspect 3/4 …
    /// 4/3, resized back to the image size) and/or a horizontal flip (half of the images),
    /// drawn per image from the seed, epoch and batch, on the batch tensor.
    bool augmentCrop = false;
    double cropAreaMin = 0.35;
    bool augmentFlip = false;
    /// Evaluation: the mean of the softmax of the image and of its mirror image.
    bool testTimeFlip = false;
};

/// Checks ranges and names; throws Error(InvalidArgument) naming the field.
void validate(const TrainConfig &config);

/// JSON text of a config, and its inverse (unknown keys are refused with their name).
std::string toJson(const TrainConfig &config);
TrainConfig trainConfigFromJson(const std::string &json);

/// One setting that differs between two configs: its JSON key and both values as JSON text.
struct ConfigDifference
{
    std::string key, a, b;
};
/// The settings in which `b` differs from `a`, in the JSON's key order; `seed` is left out
/// when `ignoreSeed` (a study replaces it per repeat).
std::vector<ConfigDifference> configDifferences(const TrainConfig &a, const TrainConfig &b, bool ignoreSeed = true);
/// "lr 0.001 → 0.003, schedule constant → flatcos" (empty when there are none).
std::string differencesText(const std::vector<ConfigDifference> &differences);

/// Learning rate at batch `step` of `totalSteps` for the config's schedule (pure).
/// step: lr×0.1 at 50% and again at 75% of training; onecycle: cosine warm-up over the
/// first 25% from lr/25, cosine down to lr/1e4; flatcos: flat for flatFraction (75%), cosine to 0.
double scheduledLr(const TrainConfig &config, std::int64_t step, std::int64_t totalSteps);

} // namespace wb::core
