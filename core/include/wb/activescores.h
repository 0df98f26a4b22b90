#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace wb::core {

/// Scores of the active-learning strategies over a pool of n images and k classes, computed
/// from log-softmax outputs (row-major [n, k]; −inf allowed for a zero probability) so that
/// no score is NaN. Higher scores are picked first.

/// Least confidence: 1 − max_c p(c).
std::vector<double> leastConfidenceScores(const std::vector<float> &logProbs, int classes);
/// Margin: −(p₁ − p₂), the gap between the two most probable classes negated (the smallest
/// gap scores highest).
std::vector<double> marginScores(const std::vector<float> &logProbs, int classes);
/// Entropy: −Σ p log p in nats (0·log 0 = 0); the most uncertain image scores highest.
std::vector<double> entropyScores(const std::vector<float> &logProbs, int classes);
/// BALD (MC dropout): the mutual information H(mean_k p_k) − mean_k H(p_k) over K passes
/// (`passes[k]` is pass k's [n, classes] log-probabilities); ≥ 0 up to rounding (clamped).
std::vector<double> baldScores(const std::vector<std::vector<float>> &passes, int classes);

/// The `budget` highest-scoring positions of `scores` among `candidates` (all positions when
/// empty), ties to the lower position; fewer when there are fewer candidates.
std::vector<std::size_t> topScores(const std::vector<double> &scores, std::size_t budget,
                                   const std::vector<std::size_t> &candidates = {});

/// Core-set by greedy k-center over row-major features [n, dims]: repeatedly picks the pool
/// image farthest (Euclidean) from every labelled and already picked image; `budget` picks
/// from `pool`. With nothing labelled the first pick is pool[0]. Ties to the earlier pool entry.
/// With `perClassCap` > 0, at most that many picks of each class of `poolClass` (one per pool
/// entry, e.g. the predicted class). `pickDistances` (optional) receives each pick's Euclidean
/// distance to the nearest labelled or earlier pick when it was picked. Distances come from blocked matrix products. Thread-safe.
std::vector<std::size_t> kCenterGreedy(const std::vector<float> &features, int dims,
                                       const std::vector<std::size_t> &labelled,
                                       const std::vector<std::size_t> &pool, std::size_t budget,
                                       const std::vector<std::int64_t> &poolClass = {}, int perClassCap = 0,
                                       std::vector<double> *pickDistances = nullptr);

/// "Labels needed to reach accuracy `level`": per trial the labels of the first round whose
/// accuracy is ≥ level; trials that never reach it are censored, never averaged in.
struct LabelsNeeded
{
    double level = 0;
    /// Median over all trials, those that never reached the level counted as beyond every
    /// budget (censored): none when half or more of the trials did not reach it.
    std::optional<double> median;
    int reached = 0;              ///< trials that reached the level
    int trials = 0;
};
/// `labels[r]` labelled images at round r; `accuracy[t][r]` trial t's test accuracy then
/// (NaN: not measured, never counts as reached).
LabelsNeeded labelsNeeded(const std::vector<double> &labels, const std::vector<std::vector<double>> &accuracy,
                          double level);

} // namespace wb::core
