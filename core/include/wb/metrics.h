#pragma once

#include <cstdint>
#include <vector>

namespace wb::core {

/// Metrics of a model on a labelled set.
struct EvalResult
{
    double loss = 0;                ///< mean cross-entropy (nats)
    double accuracy = 0;
    double smoothedAccuracy = 0;    ///< mean softmax(β·logits) probability of the true class
    std::vector<double> perClassAccuracy;          ///< NaN for classes absent from the set
    std::vector<std::vector<std::int64_t>> confusion; ///< [true][predicted] counts
    std::int64_t count = 0;
};

/// Metrics from row-major logits [n, k] and labels. Pure and thread-safe.
EvalResult evaluateLogits(const std::vector<float> &logits, const std::vector<std::int64_t> &labels,
                          int classes, double beta = 3.0);

/// Confusion counts [true][predicted] from label and prediction lists.
std::vector<std::vector<std::int64_t>> confusionMatrix(const std::vector<std::int64_t> &truth,
                                                       const std::vector<std::int64_t> &predicted,
                                                       int classes);

} // namespace wb::core
