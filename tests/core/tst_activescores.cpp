// Active-learning scores on hand-made probability tables, greedy k-center, and labels needed
// with censoring.
#include "wb/activescores.h"
#include "wb/errors.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace wb::core;

namespace {
// Row-major log-probabilities of the rows of `p`.
std::vector<float> logs(const std::vector<std::vector<double>> &p)
{
    std::vector<float> out;
    for (const auto &row : p)
        for (double x : row)
            out.push_back(x > 0 ? float(std::log(x)) : -std::numeric_limits<float>::infinity());
    return out;
}
} // namespace

class tst_ActiveScores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachRulePicksWhatItPromises()
    {
        // row 0: certain; row 1: two classes tied (smallest margin); row 2: spread over all
        // four (highest entropy, least confident); row 3: a zero probability (−inf log).
        const auto lp = logs({{0.97, 0.01, 0.01, 0.01}, {0.45, 0.45, 0.05, 0.05}, {0.25, 0.25, 0.25, 0.25},
                              {0.7, 0.3, 0.0, 0.0}});
        const auto entropy = entropyScores(lp, 4);
        QCOMPARE(topScores(entropy, 1), std::vector<std::size_t>{2});
        QVERIFY(std::abs(entropy[2] - std::log(4.0)) < 1e-6);
        QVERIFY(std::abs(entropy[3] - (-0.7 * std::log(0.7) - 0.3 * std::log(0.3))) < 1e-6); // 0·log 0 = 0
        QCOMPARE(topScores(entropy, 4), (std::vector<std::size_t>{2, 1, 3, 0})); // highest first, never the certain
        const auto margin = marginScores(lp, 4);
        QCOMPARE(topScores(margin, 2), (std::vector<std::size_t>{1, 2})); // both gaps 0: ties to the lower row
        QVERIFY(std::abs(margin[3] + 0.4) < 1e-6);
        const auto least = leastConfidenceScores(lp, 4);
        QCOMPARE(topScores(least, 1), std::vector<std::size_t>{2});
        QVERIFY(std::abs(least[0] - 0.03) < 1e-6);
        for (const auto *scores : {&entropy, &margin, &least})
            for (double x : *scores)
                QVERIFY(std::isfinite(x));
        // candidates restrict the pick; a budget beyond them returns them all
        QCOMPARE(topScores(entropy, 5, {0, 3}), (std::vector<std::size_t>{3, 0}));
        QVERIFY_THROWS_EXCEPTION(Error, entropyScores(lp, 3)); // 16 values are not rows of 3
    }

    void baldPrefersDisagreementOverPlainUncertainty()
    {
        // image 0: every pass says 50/50 (uncertain, but the passes agree: no information);
        // image 1: the passes disagree confidently (high mutual information).
        const auto a = logs({{0.5, 0.5}, {0.99, 0.01}});
        const auto b = logs({{0.5, 0.5}, {0.01, 0.99}});
        const auto bald = baldScores({a, b}, 2);
        QVERIFY(std::abs(bald[0]) < 1e-9);
        const double h = [](double p) { return -p * std::log(p) - (1 - p) * std::log(1 - p); }(0.99);
        QVERIFY(std::abs(bald[1] - (std::log(2.0) - h)) < 1e-6); // H(mean) − mean H
        QCOMPARE(topScores(bald, 1), std::vector<std::size_t>{1});
        QVERIFY_THROWS_EXCEPTION(Error, baldScores({}, 2));
    }

    void kCenterTakesTheFarthestPoint()
    {
        // 1-D points 0, 1, 2, 10, 11; labelled: 0. The farthest is 11; then the distances to
        // {0, 11} are 1→1, 2→2, 10→1, so the next pick is 2.
        const std::vector<float> f = {0, 1, 2, 10, 11};
        QCOMPARE(kCenterGreedy(f, 1, {0}, {1, 2, 3, 4}, 2), (std::vector<std::size_t>{4, 2}));
        QCOMPARE(kCenterGreedy(f, 1, {}, {1, 2, 3, 4}, 2), (std::vector<std::size_t>{1, 4})); // nothing labelled
        QCOMPARE(kCenterGreedy(f, 1, {0}, {1, 2}, 5).size(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(Error, kCenterGreedy(f, 1, {7}, {1}, 1));
    }

    void kCenterMatchesTheDirectDefinition()
    {
        // The blocked matrix-product distances pick what the one-distance-at-a-time definition
        // picks (an independent brute force here), also across several blocks of 1,024.
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<float> u(-1, 1);
        const int dims = 7;
        const std::size_t n = 2600;
        std::vector<float> f(n * dims);
        for (auto &v : f)
            v = u(rng);
        std::vector<std::size_t> labelled, pool;
        for (std::size_t i = 0; i < n; ++i)
            (i % 2 && labelled.size() < 1100 ? labelled : pool).push_back(i);
        std::vector<double> nearest(pool.size(), 1e300);
        auto d2 = [&](std::size_t a, std::size_t b) {
            double s = 0;
            for (int j = 0; j < dims; ++j)
                s += double(f[a * dims + j] - f[b * dims + j]) * double(f[a * dims + j] - f[b * dims + j]);
            return s;
        };
        for (std::size_t p = 0; p < pool.size(); ++p)
            for (auto l : labelled)
                nearest[p] = std::min(nearest[p], d2(pool[p], l));
        std::vector<std::size_t> expected;
        std::vector<double> expectedDistance;
        for (int k = 0; k < 12; ++k) {
            const auto best = std::size_t(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
            expected.push_back(pool[best]);
            expectedDistance.push_back(std::sqrt(nearest[best]));
            for (std::size_t p = 0; p < pool.size(); ++p)
                nearest[p] = std::min(nearest[p], d2(pool[p], pool[best]));
        }
        std::vector<double> distance;
        QCOMPARE(kCenterGreedy(f, dims, labelled, pool, 12, {}, 0, &distance), expected);
        for (std::size_t k = 0; k < distance.size(); ++k)
            QVERIFY(std::abs(distance[k] - expectedDistance[k]) < 1e-9);
    }

    void kCenterKeepsThePerClassCap()
    {
        // 1-D points 0 (labelled), 10 and 20 (class 1), 4 (class 0). Without a cap: 20, then 10
        // (10 from both 0 and 20, farther than 4). With one per class the second pick is 4.
        const std::vector<float> f = {0, 10, 20, 4};
        QCOMPARE(kCenterGreedy(f, 1, {0}, {1, 2, 3}, 2), (std::vector<std::size_t>{2, 1}));
        QCOMPARE(kCenterGreedy(f, 1, {0}, {1, 2, 3}, 3, {1, 1, 0}, 1), (std::vector<std::size_t>{2, 3}));
    }

    void labelsNeededCensorsTrialsThatNeverReachTheLevel()
    {
        const std::vector<double> labels = {120, 240, 360, 480};
        // five trials; level 0.9 reached at 240, 360, 360, never, never
        const std::vector<std::vector<double>> acc = {{0.8, 0.91, 0.95, 0.96},
                                                      {0.7, 0.85, 0.90, 0.97},
                                                      {0.7, 0.88, 0.92, 0.93},
                                                      {0.6, 0.70, 0.80, 0.85},
                                                      {0.6, NAN, 0.89, 0.89}};
        LabelsNeeded n = labelsNeeded(labels, acc, 0.9);
        QCOMPARE(n.reached, 3);
        QCOMPARE(n.trials, 5);
        QVERIFY(n.median.has_value());
        QCOMPARE(*n.median, 360.0); // the middle of 240, 360, 360, ∞, ∞ — not the mean of the three
        n = labelsNeeded(labels, acc, 0.95); // reached by 2 of 5: the median is censored
        QCOMPARE(n.reached, 2);
        QVERIFY(!n.median.has_value());
        n = labelsNeeded(labels, acc, 0.5); // a first-round hit counts as the first round's labels
        QCOMPARE(*n.median, 120.0);
    }
};

QTEST_APPLESS_MAIN(tst_ActiveScores)
#include "tst_activescores.moc"
