// Active-learning scores from log-softmax outputs, greedy k-center, and labels-needed with
// censoring. Pure and thread-safe.
#include "wb/activescores.h"

#include "wb/errors.h"

#include <Eigen/Dense>

#include <algorithm>
#include <map>
#include <cmath>
#include <limits>
#include <numeric>

namespace wb::core {

namespace {

std::size_t rowsOf(const std::vector<float> &logProbs, int classes, const char *what)
{
    if (classes < 2 || logProbs.size() % std::size_t(classes) != 0)
        throw Error(ErrorCode::InvalidArgument, std::string(what) + ": expected rows of " + std::to_string(classes)
                                                    + " log-probabilities, got " + std::to_string(logProbs.size())
                                                    + " values");
    return logProbs.size() / std::size_t(classes);
}

// p = exp(log p), 0 for −inf or NaN (a NaN output scores as certain, never as a pick).
double probability(float logP) { return std::isfinite(logP) ? std::exp(double(logP)) : 0.0; }

// −Σ p log p of one row, with 0·log 0 = 0.
double rowEntropy(const float *row, int classes)
{
    double h = 0;
    for (int c = 0; c < classes; ++c)
        if (std::isfinite(row[c]))
            h -= std::exp(double(row[c])) * double(row[c]);
    return std::max(0.0, h);
}

} // namespace

std::vector<double> leastConfidenceScores(const std::vector<float> &logProbs, int classes)
{
    const std::size_t n = rowsOf(logProbs, classes, "least confidence");
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        double top = 0;
        for (int c = 0; c < classes; ++c)
            top = std::max(top, probability(logProbs[i * std::size_t(classes) + std::size_t(c)]));
        out[i] = 1 - top;
    }
    return out;
}

std::vector<double> marginScores(const std::vector<float> &logProbs, int classes)
{
    const std::size_t n = rowsOf(logProbs, classes, "margin");
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        double first = 0, second = 0;
        for (int c = 0; c < classes; ++c) {
            const double p = probability(logProbs[i * std::size_t(classes) + std::size_t(c)]);
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
        }
        out[i] = -(first - second);
    }
    return out;
}

std::vector<double> entropyScores(const std::vector<float> &logProbs, int classes)
{
    const std::size_t n = rowsOf(logProbs, classes, "entropy");
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = rowEntropy(&logProbs[i * std::size_t(classes)], classes);
    return out;
}

std::vector<double> baldScores(const std::vector<std::vector<float>> &passes, int classes)
{
    if (passes.empty())
        throw Error(ErrorCode::InvalidArgument, "BALD: at least one pass is needed");
    const std::size_t n = rowsOf(passes.front(), classes, "BALD");
    for (const auto &p : passes)
        if (p.size() != passes.front().size())
            throw Error(ErrorCode::InvalidArgument, "BALD: every pass must score the same images");
    const double K = double(passes.size());
    std::vector<double> out(n), mean(static_cast<std::size_t>(classes));
    for (std::size_t i = 0; i < n; ++i) {
        std::fill(mean.begin(), mean.end(), 0.0);
        double expected = 0;
        for (const auto &pass : passes) {
            const float *row = &pass[i * std::size_t(classes)];
            for (int c = 0; c < classes; ++c)
                mean[std::size_t(c)] += probability(row[c]) / K;
            expected += rowEntropy(row, classes) / K;
        }
        double total = 0;
        for (double p : mean)
            if (p > 0)
                total -= p * std::log(p);
        out[i] = std::max(0.0, total - expected);
    }
    return out;
}

std::vector<std::size_t> topScores(const std::vector<double> &scores, std::size_t budget,
                                   const std::vector<std::size_t> &candidates)
{
    std::vector<std::size_t> order = candidates;
    if (order.empty()) {
        order.resize(scores.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
    }
    for (std::size_t i : order)
        if (i >= scores.size())
            throw Error(ErrorCode::InvalidArgument, "scores: candidate " + std::to_string(i) + " has no score");
    auto key = [&](std::size_t i) { return std::isnan(scores[i]) ? -std::numeric_limits<double>::infinity() : scores[i]; };
    const std::size_t k = std::min(budget, order.size());
    std::partial_sort(order.begin(), order.begin() + long(k), order.end(), [&](std::size_t a, std::size_t b) {
        return key(a) != key(b) ? key(a) > key(b) : a < b;
    });
    order.resize(k);
    return order;
}

std::vector<std::size_t> kCenterGreedy(const std::vector<float> &features, int dims,
                                       const std::vector<std::size_t> &labelled,
                                       const std::vector<std::size_t> &pool, std::size_t budget,
                                       const std::vector<std::int64_t> &poolClass, int perClassCap,
                                       std::vector<double> *pickDistances)
{
    if (dims < 1 || features.size() % std::size_t(dims) != 0)
        throw Error(ErrorCode::InvalidArgument, "core-set: features are not rows of " + std::to_string(dims));
    const std::size_t n = features.size() / std::size_t(dims);
    for (const auto *list : {&labelled, &pool})
        for (std::size_t i : *list)
            if (i >= n)
                throw Error(ErrorCode::InvalidArgument, "core-set: image " + std::to_string(i) + " has no features");
    if (perClassCap > 0 && poolClass.size() != pool.size())
        throw Error(ErrorCode::InvalidArgument, "core-set: a class cap needs the class of every pool image");
    using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    // Squared distances as |p|^2 + |l|^2 - 2 p.l: blocks of matrix products instead of one
    // distance at a time (50,000 pool x 1,000 labelled images in about a second on one core).
    auto rows = [&](const std::vector<std::size_t> &list) {
        Matrix m(Eigen::Index(list.size()), dims);
        for (std::size_t r = 0; r < list.size(); ++r)
            for (int j = 0; j < dims; ++j) {
                const float v = features[list[r] * std::size_t(dims) + std::size_t(j)];
                m(Eigen::Index(r), j) = std::isfinite(v) ? double(v) : 0.0; // a broken feature counts as 0
            }
        return m;
    };
    const Matrix P = rows(pool);
    const Eigen::VectorXd pNorm = P.rowwise().squaredNorm();
    auto clampDistance = [](double d) { return std::isfinite(d) ? std::max(0.0, d) : 0.0; };
    // nearest[p]: squared distance of pool[p] to the nearest labelled or picked image
    std::vector<double> nearest(pool.size(), std::numeric_limits<double>::infinity());
    constexpr Eigen::Index kBlock = 1024;
    const Matrix L = rows(labelled);
    const Eigen::VectorXd lNorm = L.rowwise().squaredNorm();
    for (Eigen::Index l0 = 0; l0 < L.rows(); l0 += kBlock) {
        const Eigen::Index lb = std::min(kBlock, L.rows() - l0);
        for (Eigen::Index p0 = 0; p0 < P.rows(); p0 += kBlock) {
            const Eigen::Index pb = std::min(kBlock, P.rows() - p0);
            const Matrix dot = P.middleRows(p0, pb) * L.middleRows(l0, lb).transpose();
            for (Eigen::Index i = 0; i < pb; ++i) {
                double &best = nearest[std::size_t(p0 + i)];
                for (Eigen::Index k = 0; k < lb; ++k)
                    best = std::min(best, clampDistance(pNorm(p0 + i) + lNorm(l0 + k) - 2 * dot(i, k)));
            }
        }
    }
    std::vector<bool> taken(pool.size(), false);
    std::map<std::int64_t, int> perClass;
    std::vector<std::size_t> picks;
    std::size_t open = pool.size();
    while (picks.size() < budget && open > 0) {
        std::size_t best = pool.size();
        for (std::size_t p = 0; p < pool.size(); ++p)
            if (!taken[p] && (best == pool.size() || nearest[p] > nearest[best]))
                best = p;
        taken[best] = true;
        --open;
        picks.push_back(pool[best]);
        if (pickDistances)
            pickDistances->push_back(std::sqrt(nearest[best]));
        if (perClassCap > 0 && ++perClass[poolClass[best]] >= perClassCap) // the class is full: none of it any more
            for (std::size_t p = 0; p < pool.size(); ++p)
                if (!taken[p] && poolClass[p] == poolClass[best]) {
                    taken[p] = true;
                    --open;
                }
        const Eigen::VectorXd dot = P * P.row(Eigen::Index(best)).transpose();
        for (std::size_t p = 0; p < pool.size(); ++p)
            if (!taken[p])
                nearest[p] = std::min(nearest[p], clampDistance(pNorm(Eigen::Index(p)) + pNorm(Eigen::Index(best))
                                                                - 2 * dot(Eigen::Index(p))));
    }
    return picks;
}

LabelsNeeded labelsNeeded(const std::vector<double> &labels, const std::vector<std::vector<double>> &accuracy,
                          double level)
{
    LabelsNeeded out;
    out.level = level;
    out.trials = int(accuracy.size());
    std::vector<double> needed;
    for (const auto &trial : accuracy) {
        if (trial.size() > labels.size())
            throw Error(ErrorCode::InvalidArgument, "labels needed: a trial has more rounds than label counts");
        for (std::size_t r = 0; r < trial.size(); ++r)
            if (trial[r] >= level) { // NaN compares false: not reached
                needed.push_back(labels[r]);
                break;
            }
    }
    out.reached = int(needed.size());
    // The median over all trials, the censored ones beyond every budget: it exists only when
    // the middle trial(s) reached the level.
    const std::size_t m = accuracy.size();
    needed.resize(m, std::numeric_limits<double>::infinity());
    std::sort(needed.begin(), needed.end());
    if (m > 0) {
        const double median = m % 2 ? needed[m / 2] : (needed[m / 2 - 1] + needed[m / 2]) / 2;
        if (std::isfinite(median))
            out.median = median;
    }
    return out;
}

} // namespace wb::core
