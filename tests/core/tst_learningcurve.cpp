#include "wb/errors.h"
#include "wb/learningcurve.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace wb::core;

namespace {
const std::vector<double> kSteps = {20, 33, 55, 92, 154, 258, 430, 718, 1198, 2000};

std::vector<double> powerLaw(double c, double m, double c0)
{
    std::vector<double> f;
    for (double n : kSteps)
        f.push_back(c * std::pow(n, -m) + c0);
    return f;
}

double sse(const std::vector<double> &f, double c, double m, double c0)
{
    double s = 0;
    for (std::size_t i = 0; i < kSteps.size(); ++i) {
        const double r = c * std::pow(kSteps[i], -m) + c0 - f[i];
        s += r * r;
    }
    return s;
}
} // namespace

class tst_LearningCurve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsFormula()
    {
        const auto s = sufficiencySteps(2000, 10);
        QCOMPARE(s, (std::vector<std::int64_t>{20, 33, 55, 92, 154, 258, 430, 718, 1198, 2000}));
        QCOMPARE(sufficiencySteps(100, 3), (std::vector<std::int64_t>{1, 10, 100}));
        QCOMPARE(sufficiencySteps(50, 1), (std::vector<std::int64_t>{50}));
        QVERIFY_THROWS_EXCEPTION(Error, sufficiencySteps(0, 5));
    }

    void boundedFitIsTheBestFeasibleFit()
    {
        // Error rates whose unbounded power-law optimum has c0 < 0 (near-linear in log n).
        const std::vector<double> n = {10, 25, 63, 158, 398, 1000};
        const std::vector<double> f = {0.88, 0.86, 0.735, 0.625, 0.39, 0.125};
        const CurveFit fit = fitCurve("power", n, f);
        QVERIFY(fit.params[0] >= 0 && fit.params[2] >= 0 && fit.params[2] <= 1);
        QVERIFY(fit.params[2] < 1e-12); // the floor bound is active: the free optimum is outside
        // Brute force under the same bounds: m on a fine log grid, and for each m the best
        // (c, c0) on a grid of c0 ∈ [0, 1] with c ≥ 0 solved in closed form.
        double best = 1e300;
        for (int i = 0; i <= 4000; ++i) {
            const double m = std::exp(std::log(1e-4) + (std::log(10.0) - std::log(1e-4)) * i / 4000);
            for (int j = 0; j <= 1000; ++j) {
                const double c0 = j / 1000.0;
                double xx = 0, xy = 0;
                for (std::size_t k = 0; k < n.size(); ++k) {
                    const double x = std::pow(n[k], -m);
                    xx += x * x;
                    xy += x * (f[k] - c0);
                }
                const double c = std::max(0.0, xy / xx);
                double e = 0;
                for (std::size_t k = 0; k < n.size(); ++k) {
                    const double r = c * std::pow(n[k], -m) + c0 - f[k];
                    e += r * r;
                }
                best = std::min(best, e);
            }
        }
        qInfo("bounded fit: c = %.6g, m = %.6g, c0 = %.6g, sse %.6g; brute force %.6g", fit.params[0],
              fit.params[1], fit.params[2], fit.sse, best);
        QVERIFY(fit.sse <= best * (1 + 1e-6) + 1e-12); // at least as good as the grid
        QVERIFY(fit.sse >= best * (1 - 1e-2) - 1e-9);  // and the grid finds it too
        for (double at : {1e5, 1e7})
            QVERIFY(projectMetric(fit, at, true) <= 1 && projectMetric(fit, at, true) >= 0);
        QVERIFY(!curveWarnings(fit, n, f, true).empty()); // not levelling off
    }

    void boundedFitsOfEveryFamily_data()
    {
        QTest::addColumn<QString>("family");
        for (const auto &name : curveFamilies())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void boundedFitsOfEveryFamily()
    {
        // A rising error curve (an accuracy that falls with more data) has no falling fit:
        // every family's bounded fit stays inside its bounds and never rises.
        QFETCH(QString, family);
        std::vector<double> f;
        for (double n : kSteps)
            f.push_back(0.1 + 0.02 * std::log(n));
        const CurveFit fit = fitCurve(family.toStdString(), kSteps, f);
        QVERIFY(curveValue(fit, 1e6) <= curveValue(fit, 20) + 1e-9);
        QVERIFY(curveValue(fit, 1e9) >= -1e-9);
        for (double n : {1e3, 1e5, 1e8})
            QVERIFY(projectMetric(fit, n, true) >= 0 && projectMetric(fit, n, true) <= 1);
    }

    void samplesNeededOfEveryFamily()
    {
        // exp: f = c·exp(−m·n/N) + c0 → n = −N/m·ln((1 − t − c0)/c), checked by hand.
        CurveFit e{"exp", {0.5, 3.0, 0.02}, 0, 2000, {}};
        const double exact = -2000 / 3.0 * std::log((1 - 0.95 - 0.02) / 0.5);
        const auto n = samplesNeeded(e, 0.95);
        QVERIFY(n.has_value());
        QCOMPARE(double(*n), std::ceil(exact));
        QVERIFY(!samplesNeeded(e, 0.99).has_value()); // beyond the asymptote 0.98
        // The bisection agrees with the power law's closed form.
        CurveFit p{"power", {5.6, 0.61, 0.007}, 0, 1, {}};
        CurveFit p4{"power4", {5.6, 0.61, 0.007, 0.0}, 0, 1, {}};
        for (double t : {0.9, 0.95, 0.99})
            QCOMPARE(*samplesNeeded(p4, t), *samplesNeeded(p, t));
    }

    void ensembleIsTheMedianOfTheFamilies()
    {
        const std::vector<double> f = powerLaw(2.0, 0.5, 0.05); // error 0.5 at n = 20
        const CurveFit e = fitCurve("ensemble", kSteps, f);
        QCOMPARE(e.members.size(), curveFamilies().size());
        for (double n : {100.0, 5000.0, 1e6}) {
            std::vector<double> v;
            for (const auto &m : e.members)
                v.push_back(curveValue(m, n));
            std::sort(v.begin(), v.end());
            QVERIFY(std::abs(curveValue(e, n) - 0.5 * (v[1] + v[2])) < 1e-15);
        }
        qInfo("ensemble at 258: %.5f, data %.5f", curveValue(e, 258), f[5]);
        QVERIFY(std::abs(curveValue(e, 258) - f[5]) < 5e-3); // inside the data they fit it
        QCOMPARE(fitCurve("auto", kSteps, f).family, bestExtrapolatingFamily(kSteps, f));
    }

    void neededBandGrowsWithTheTarget()
    {
        // Five noisy runs; the band of the samples needed is where the curve's band crosses the
        // target, so both ends grow with it and bracket the answer.
        std::mt19937_64 rng(4);
        std::normal_distribution<double> noise(0, 0.01);
        std::vector<std::vector<double>> runs;
        for (int r = 0; r < 5; ++r) {
            std::vector<double> run;
            for (double n : kSteps)
                run.push_back(1 - (2.0 * std::pow(n, -0.5) + 0.05) + noise(rng));
            runs.push_back(run);
        }
        for (const std::string family : {"power", "ensemble"}) {
            const auto fits = bootstrapFits(kSteps, runs, true, 200, 1, family);
            std::vector<double> mean(kSteps.size(), 0.0);
            for (const auto &run : runs)
                for (std::size_t k = 0; k < kSteps.size(); ++k)
                    mean[k] += (1 - run[k]) / 5;
            const CurveFit fit = fitCurve(family, kSteps, mean);
            double lastLo = 0, lastHi = 0;
            for (double t : {0.8, 0.85, 0.88, 0.9}) {
                const auto [lo, hi] = neededBand(fits, t, 5, 0.95);
                QVERIFY2(lo >= lastLo && hi >= lastHi, qPrintable(QString("%1: %2-%3").arg(t).arg(lo).arg(hi)));
                if (const auto n = samplesNeeded(fit, t))
                    QVERIFY2(lo <= double(*n) && double(*n) <= hi,
                             qPrintable(QString("%1: %2 outside %3-%4").arg(t).arg(*n).arg(lo).arg(hi)));
                lastLo = lo;
                lastHi = hi;
            }
        }
    }

    void extrapolationWarnings()
    {
        QVERIFY(!extrapolationWarning("x", 4000, 1000).has_value());
        const auto w = extrapolationWarning("the target 0.99", 4001, 1000);
        QVERIFY(w.has_value());
        QCOMPARE(w->code, std::string("far_extrapolation"));
        // A curve that levels off clearly gets no shape warning.
        const std::vector<double> f = powerLaw(5.6, 0.61, 0.05);
        const CurveFit fit = fitCurve("power", kSteps, f);
        QVERIFY(curveWarnings(fit, kSteps, f, true).empty());
    }

    void noiselessRecoveryFromPoorStarts_data()
    {
        QTest::addColumn<double>("start");
        QTest::newRow("no start") << -1.0;
        QTest::newRow("m = 5") << 5.0;
        QTest::newRow("m = 0.001") << 0.001;
    }
    void noiselessRecoveryFromPoorStarts()
    {
        QFETCH(double, start);
        const std::vector<double> s = {start};
        const CurveFit fit = fitCurve("power", kSteps, powerLaw(5.6, 0.61, 0.007), start > 0 ? &s : nullptr);
        QVERIFY2(std::abs(fit.params[0] - 5.6) < 1e-6, qPrintable(QString::number(fit.params[0], 'g', 12)));
        QVERIFY2(std::abs(fit.params[1] - 0.61) < 1e-6, qPrintable(QString::number(fit.params[1], 'g', 12)));
        QVERIFY2(std::abs(fit.params[2] - 0.007) < 1e-6, qPrintable(QString::number(fit.params[2], 'g', 12)));
    }

    void noisyFitMatchesDenseGridSearch()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> noise(0, 0.004);
        auto f = powerLaw(2.0, 0.45, 0.03);
        for (double &v : f)
            v += noise(rng);
        const CurveFit fit = fitCurve("power", kSteps, f);
        // Independent brute force over all three parameters: a coarse 3-D grid, then grids
        // re-centred on the best point with halving windows until they are tiny.
        double best = INFINITY, bc = 0, bm = 0, bc0 = 0;
        auto grid = [&](double c1, double c2, double m1, double m2, double z1, double z2, int k) {
            for (int i = 0; i <= k; ++i)
                for (int j = 0; j <= k; ++j)
                    for (int l = 0; l <= k; ++l) {
                        const double c = c1 + (c2 - c1) * i / k, m = m1 + (m2 - m1) * j / k, c0 = z1 + (z2 - z1) * l / k;
                        const double s = sse(f, c, m, c0);
                        if (s < best) {
                            best = s;
                            bc = c;
                            bm = m;
                            bc0 = c0;
                        }
                    }
        };
        grid(0.2, 6.0, 0.1, 1.2, -0.05, 0.1, 60);
        double wc = 0.5, wm = 0.05, wz = 0.01;
        for (int level = 0; level < 30; ++level, wc *= 0.7, wm *= 0.7, wz *= 0.7)
            grid(bc - wc, bc + wc, bm - wm, bm + wm, bc0 - wz, bc0 + wz, 20);
        qInfo("fit sse %.10g (c %.5f m %.5f c0 %.5f); grid sse %.10g (c %.5f m %.5f c0 %.5f)", fit.sse,
              fit.params[0], fit.params[1], fit.params[2], best, bc, bm, bc0);
        QVERIFY(fit.sse <= best * (1 + 1e-9));
        QVERIFY(std::abs(fit.params[1] - bm) < 2e-3);
        QVERIFY(std::abs(fit.params[2] - bc0) < 2e-4);
    }

    void inverseOfProjectionIsIdentity()
    {
        const CurveFit fit = fitCurve("power", kSteps, powerLaw(5.6, 0.61, 0.007));
        for (double t : {0.5, 0.8, 0.9, 0.95, 0.98, 0.99}) {
            const auto n = samplesNeeded(fit, t);
            QVERIFY(n.has_value());
            QVERIFY(projectMetric(fit, double(*n), true) >= t - 1e-12);
            QVERIFY(projectMetric(fit, double(*n - 1), true) < t); // the smallest such n
        }
        // And the other way round: the target reached at n is reached first at n.
        for (double n : {100.0, 1234.0, 8000.0}) {
            const double t = projectMetric(fit, n, true);
            QCOMPARE(double(*samplesNeeded(fit, t)), n);
        }
    }

    void unreachableTargets()
    {
        const CurveFit fit = fitCurve("power", kSteps, powerLaw(5.6, 0.61, 0.05)); // asymptote 0.95
        QVERIFY(!samplesNeeded(fit, 0.95).has_value());
        QVERIFY(!samplesNeeded(fit, 0.99).has_value());
        QVERIFY(samplesNeeded(fit, 0.94).has_value());
    }

    void otherFamiliesFitTheirOwnCurves_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<std::vector<double>>("f");
        std::vector<double> p4, ex, mm;
        for (double n : kSteps) {
            p4.push_back(3.0 * std::pow(n + 40.0, -0.7) + 0.02);
            ex.push_back(0.5 * std::exp(-3.0 * n / 2000.0) + 0.05);
            const double nd = std::pow(n, 1.3);
            mm.push_back((0.9 * 500.0 + 0.04 * nd) / (500.0 + nd));
        }
        QTest::newRow("power4") << "power4" << p4;
        QTest::newRow("exp") << "exp" << ex;
        QTest::newRow("mmf") << "mmf" << mm;
    }
    void otherFamiliesFitTheirOwnCurves()
    {
        QFETCH(QString, family);
        QFETCH(std::vector<double>, f);
        const CurveFit fit = fitCurve(family.toStdString(), kSteps, f);
        QVERIFY2(fit.sse < 1e-12, qPrintable(QString::number(fit.sse)));
        for (std::size_t i = 0; i < kSteps.size(); ++i)
            QVERIFY(std::abs(curveValue(fit, kSteps[i]) - f[i]) < 1e-6);
    }

    void extrapolationPicksTheTrueFamily()
    {
        std::vector<double> ex;
        for (double n : kSteps)
            ex.push_back(0.5 * std::exp(-3.0 * n / 2000.0) + 0.05);
        QCOMPARE(bestExtrapolatingFamily(kSteps, ex), std::string("exp"));
        QVERIFY(extrapolationError("power", kSteps, powerLaw(5.6, 0.61, 0.007)) < 1e-6);
    }

    void bootstrapCoversTheTruth()
    {
        // Synthetic studies: 8 runs, each the true accuracy curve plus run noise. The
        // bootstrap band of the mean curve at the largest step should cover the truth at
        // about its nominal rate.
        const double c = 3.0, m = 0.5, c0 = 0.03;
        std::mt19937_64 rng(11);
        std::normal_distribution<double> noise(0, 0.01);
        int in80 = 0, in95 = 0;
        const int trials = 100;
        const double at = 2000;
        const double truth = 1.0 - (c * std::pow(at, -m) + c0);
        for (int t = 0; t < trials; ++t) {
            std::vector<std::vector<double>> runs(8);
            for (auto &run : runs)
                for (double n : kSteps)
                    run.push_back(1.0 - (c * std::pow(n, -m) + c0) + noise(rng));
            const BootstrapResult b = bootstrapPowerLaw(kSteps, runs, true, {at}, {0.9}, 200, std::uint64_t(t));
            in80 += b.curve.lo80[0] <= truth && truth <= b.curve.hi80[0];
            in95 += b.curve.lo95[0] <= truth && truth <= b.curve.hi95[0];
        }
        qInfo("coverage over %d trials: 80%% band %.2f, 95%% band %.2f", trials, in80 / double(trials),
              in95 / double(trials));
        QVERIFY(in80 / double(trials) > 0.68 && in80 / double(trials) < 0.92);
        QVERIFY(in95 / double(trials) > 0.88);
    }
};

QTEST_GUILESS_MAIN(tst_LearningCurve)
#include "tst_learningcurve.moc"
