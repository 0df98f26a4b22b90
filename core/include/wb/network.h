#pragma once

#include "wb/dataset.h"
#include "wb/metrics.h"
#include "wb/modelspec.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// A network built from a ModelSpec, held behind a value-type API (LibTorch stays inside
/// core). Not thread-safe: use one Network per thread.
class Network
{
public:
    /// Builds the layers of `spec` with seeded initial weights on `device`.
    Network(const ModelSpec &spec, std::uint64_t seed, const std::string &device = "cpu");
    ~Network();
    Network(Network &&) noexcept;
    Network &operator=(Network &&) noexcept;

    const ModelSpec &spec() const;
    /// Number of trainable parameters as LibTorch counts them.
    std::int64_t parameterCount() const;
    /// Serialised weights and buffers (including input normalisation).
    std::string saveState() const;
    /// Restores weights saved by saveState (throws Error(Runtime) on a mismatch).
    void loadState(const std::string &bytes);
    /// Sets the per-channel input normalisation (pixels/255 - mean) / std.
    void setNormalization(const ChannelStats &stats);

    /// Loss, accuracy, smoothed accuracy, per-class accuracy and confusion on the images
    /// at `indices` (all when empty), in batches, without gradients.
    EvalResult evaluate(const ImageDataset &data, const std::vector<std::size_t> &indices,
                        double beta = 3.0, int batchSize = 512) const;
    /// Row-major logits [n, classes] of the images at `indices`; with `testTimeFlip` the log of
    /// the mean softmax of each image and its mirror image.
    std::vector<float> logits(const ImageDataset &data, const std::vector<std::size_t> &indices,
                              bool testTimeFlip = false) const;
    /// Penultimate features (the input of the last linear layer), row-major [n, featureDim].
    std::vector<float> features(const ImageDataset &data, const std::vector<std::size_t> &indices,
                                std::int64_t *featureDim = nullptr) const;

    struct Impl;
    Impl &impl();             ///< core-internal access for the trainer
    const Impl &impl() const;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace wb::core
