// The scaling law L(N, D) = E + A/N^alpha + B/D^beta: recovery of known laws (exact data and
// noisy seeds), the closed-form answers against brute force, warnings and refusals.
#include "wb/errors.h"
#include "wb/scalinglaw.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace wb::core;

namespace {

const ScalingLaw kTruth{0.25, 40.0, 12.0, 0.45, 0.35};

// A published-style grid: widths growing by √2 give parameter counts growing by ~2; data
// fractions 1/2^j of 10,000 samples.
std::vector<double> paramsGrid() { return {2e3, 4.1e3, 8.3e3, 1.6e4, 3.3e4, 6.5e4, 1.3e5}; }
std::vector<double> samplesGrid() { return {156, 312, 625, 1250, 2500, 5000, 10000}; }

std::vector<ScalingPoint> grid(const ScalingLaw &law, int seeds, double noise, unsigned rngSeed)
{
    std::mt19937_64 rng(rngSeed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<ScalingPoint> out;
    for (double n : paramsGrid())
        for (double d : samplesGrid())
            for (int s = 0; s < seeds; ++s)
                out.push_back({n, d, scalingLoss(law, n, d) * std::exp(noise * gauss(rng)), 0});
    return out;
}

bool inside(const Interval &i, double v) { return i.low <= v && v <= i.high; }

bool warned(const ScalingLawFit &fit, const std::string &code)
{
    return std::any_of(fit.warnings.begin(), fit.warnings.end(), [&](const auto &w) { return w.code == code; });
}

} // namespace

class tst_ScalingLaw : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactDataGiveTheLaw()
    {
        ScalingFitOptions o;
        o.resamples = 0;
        const ScalingLawFit fit = fitScalingLaw(grid(kTruth, 1, 0.0, 1), o);
        QCOMPARE(fit.cells, 49);
        QCOMPARE(fit.distinctParams, 7);
        QVERIFY2(std::abs(fit.law.alpha - kTruth.alpha) < 1e-3, qPrintable(QString::number(fit.law.alpha)));
        QVERIFY2(std::abs(fit.law.beta - kTruth.beta) < 1e-3, qPrintable(QString::number(fit.law.beta)));
        QVERIFY(std::abs(fit.law.E - kTruth.E) < 1e-3);
        QVERIFY(std::abs(fit.law.A / kTruth.A - 1) < 1e-2);
        QVERIFY(std::abs(fit.law.B / kTruth.B - 1) < 1e-2);
        QVERIFY(fit.medianAbsLogResidual < 1e-5);
        // Held out: the largest model and the largest data size are predicted almost exactly.
        QVERIFY(fit.heldOutParamsError < 1e-3);
        QVERIFY(fit.heldOutSamplesError < 1e-3);
        QVERIFY(fit.warnings.empty());
    }

    // Three seeds per cell with 3% multiplicative noise: over four noise draws the 95%
    // intervals hold the true exponents and floor nearly always, and the estimates are close.
    void noisySeedsRecoveredWithinIntervals()
    {
        int covered = 0, total = 0;
        for (unsigned draw = 0; draw < 4; ++draw) {
            ScalingFitOptions o;
            o.resamples = 100;
            o.seed = draw;
            o.heldOut = false;
            const ScalingLawFit fit = fitScalingLaw(grid(kTruth, 3, 0.03, 100 + draw), o);
            QCOMPARE(int(fit.resampled.size()), 100);
            QVERIFY2(std::abs(fit.law.alpha / kTruth.alpha - 1) < 0.25, qPrintable(QString::number(fit.law.alpha)));
            QVERIFY2(std::abs(fit.law.beta / kTruth.beta - 1) < 0.25, qPrintable(QString::number(fit.law.beta)));
            QVERIFY2(std::abs(fit.law.E - kTruth.E) < 0.15, qPrintable(QString::number(fit.law.E))); // E is the least determined
            covered += inside(fit.alpha, kTruth.alpha) + inside(fit.beta, kTruth.beta) + inside(fit.E, kTruth.E);
            total += 3;
            QVERIFY(fit.alpha.low < fit.law.alpha && fit.law.alpha < fit.alpha.high);
            // The prediction band at an untried cell holds the truth's value or nearly.
            const Interval p = scalingPredictionInterval(fit, 2.6e5, 20000);
            const double truth = scalingLoss(kTruth, 2.6e5, 20000);
            QVERIFY2(p.low < truth * 1.03 && truth * 0.97 < p.high,
                     qPrintable(QString("%1 .. %2 vs %3").arg(p.low).arg(p.high).arg(truth)));
        }
        QVERIFY2(covered >= total - 2, qPrintable(QString("%1 of %2").arg(covered).arg(total)));
    }

    void bootstrapIsDeterministicForASeed()
    {
        ScalingFitOptions o;
        o.resamples = 20;
        o.seed = 7;
        const auto points = grid(kTruth, 2, 0.05, 3);
        const ScalingLawFit a = fitScalingLaw(points, o), b = fitScalingLaw(points, o);
        QCOMPARE(a.alpha.low, b.alpha.low);
        QCOMPARE(a.beta.high, b.beta.high);
        QCOMPARE(a.heldOutParamsError, b.heldOutParamsError);
    }

    void saturationMatchesBruteForce()
    {
        for (double d : {300.0, 5000.0})
            for (double g : {0.01, 0.05}) {
                const double n = saturationParams(kTruth, d, g);
                const auto gain = [&](double p) {
                    return (scalingLoss(kTruth, p, d) - scalingLoss(kTruth, 2 * p, d)) / scalingLoss(kTruth, p, d);
                };
                QVERIFY(std::abs(gain(n) - g) < 1e-9);
                QVERIFY(gain(n * 1.01) < g && gain(n * 0.99) > g);
            }
        // A tolerance above what doubling can ever give: every size is already saturated.
        QCOMPARE(saturationParams(kTruth, 1000, 0.9), 0.0);
    }

    void computeOptimumIsTheMinimumOnTheBudget()
    {
        const double c = 1e13, k = 6;
        const ComputeOptimum o = computeOptimal(kTruth, c, k);
        QVERIFY(std::abs(o.params * o.samples * k / c - 1) < 1e-12);
        // Brute force along N·D = C/k on a fine log grid.
        double best = 1e300, bestN = 0;
        for (double logN = 0; logN < 30; logN += 1e-4) {
            const double n = std::exp(logN), l = scalingLoss(kTruth, n, c / k / n);
            if (l < best) {
                best = l;
                bestN = n;
            }
        }
        QVERIFY2(std::abs(o.params / bestN - 1) < 1e-3, qPrintable(QString("%1 vs %2").arg(o.params).arg(bestN)));
        QVERIFY(std::abs(o.loss - best) < 1e-9);
    }

    void flopsFromTheData()
    {
        auto points = grid(kTruth, 1, 0.0, 1);
        for (auto &p : points)
            p.forwardFlops = 4 * p.params; // a conv net reuses each weight at several positions
        ScalingFitOptions o;
        o.resamples = 0;
        const ScalingLawFit fit = fitScalingLaw(points, o);
        QVERIFY(fit.flopsFromData);
        QCOMPARE(fit.flopsPerParamSample, 12.0);
    }

    void overfittingIsNamed()
    {
        auto points = grid(kTruth, 1, 0.0, 1);
        for (auto &p : points)
            if (p.params > 1e5 && p.samples < 400)
                p.loss *= 1.5; // the largest model overfits the smallest data
        ScalingFitOptions o;
        o.resamples = 0;
        const ScalingLawFit fit = fitScalingLaw(points, o);
        QVERIFY(warned(fit, "loss_rises_with_params"));
    }

    void noFloorIsNamed()
    {
        ScalingLaw noFloor = kTruth;
        noFloor.E = 0;
        ScalingFitOptions o;
        o.resamples = 0;
        QVERIFY(warned(fitScalingLaw(grid(noFloor, 1, 0.0, 1), o), "floor_at_zero"));
        QVERIFY(!warned(fitScalingLaw(grid(kTruth, 1, 0.0, 1), o), "floor_at_zero"));
    }

    void flatLossesAndSparseGridsAreNamed()
    {
        ScalingFitOptions o;
        o.resamples = 10;
        std::vector<ScalingPoint> flat;
        for (double n : paramsGrid())
            for (double d : samplesGrid())
                flat.push_back({n, d, 1.0, 0});
        QVERIFY(warned(fitScalingLaw(flat, o), "exponent_at_bound"));
        // Six cells near a diagonal, the largest model in two of them: four cells are left
        // once it is held out, too few to refit five parameters.
        std::vector<ScalingPoint> diagonal;
        for (std::size_t i = 0; i < 6; ++i) {
            const double n = paramsGrid()[std::min<std::size_t>(i, 4)], d = samplesGrid()[i];
            diagonal.push_back({n, d, scalingLoss(kTruth, n, d), 0});
        }
        const ScalingLawFit sparse = fitScalingLaw(diagonal, o);
        QVERIFY(std::isnan(sparse.heldOutParamsError));
        QVERIFY(warned(sparse, "heldout_unavailable"));
    }

    void noiseWithoutALawIsCalledPoor()
    {
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> u(0.2, 2.0);
        std::vector<ScalingPoint> points;
        for (double n : paramsGrid())
            for (double d : samplesGrid())
                points.push_back({n, d, u(rng), 0});
        ScalingFitOptions o;
        o.resamples = 30;
        const ScalingLawFit fit = fitScalingLaw(points, o);
        QVERIFY(warned(fit, "poor_fit"));
    }

    void refusals()
    {
        std::vector<ScalingPoint> twoSizes;
        for (double n : {1e3, 2e3, 4e3})
            for (double d : {100.0, 200.0})
                twoSizes.push_back({n, d, 1.0, 0});
        QVERIFY_THROWS_EXCEPTION(Error, fitScalingLaw(twoSizes));
        try {
            fitScalingLaw(twoSizes);
        } catch (const Error &e) {
            QVERIFY(QString(e.what()).contains("3 distinct data sizes"));
        }
        auto bad = grid(kTruth, 1, 0.0, 1);
        bad[4].loss = 0;
        try {
            fitScalingLaw(bad);
            QFAIL("a zero loss was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("point 5: loss"), e.what());
        }
        bad[4].loss = std::nan("");
        QVERIFY_THROWS_EXCEPTION(Error, fitScalingLaw(bad));
        std::vector<ScalingPoint> tooMany;
        for (int i = 0; i < 1001; ++i)
            tooMany.push_back({1000.0 + i, 100.0 + (i % 7), 1.0, 0});
        try {
            fitScalingLaw(tooMany);
            QFAIL("1,001 cells were accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("at most 1,000 cells"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, computeOptimal({0.1, 1, 1, 0, 0.3}, 1e9, 6));
    }
};

QTEST_GUILESS_MAIN(tst_ScalingLaw)
#include "tst_scalinglaw.moc"
