#include "wb/metrics.h"
#include "wb/trainconfig.h"

#include <QtTest>

#include <cmath>

using namespace wb::core;

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed()
    {
        // Two samples, two classes. Sample 0: logits (2, 0), label 0 (correct).
        // Sample 1: logits (1, 1), label 1 (tie -> argmax picks class 0: wrong).
        const std::vector<float> logits = {2.f, 0.f, 1.f, 1.f};
        const EvalResult r = evaluateLogits(logits, {0, 1}, 2, 3.0);
        const double p0 = 1.0 / (1.0 + std::exp(-2.0)); // softmax prob of the true class
        QVERIFY(std::abs(r.loss - (-(std::log(p0) + std::log(0.5)) / 2)) < 1e-12);
        QCOMPARE(r.accuracy, 0.5);
        const double s0 = 1.0 / (1.0 + std::exp(-6.0)); // softmax(3·z)
        QVERIFY(std::abs(r.smoothedAccuracy - (s0 + 0.5) / 2) < 1e-12);
        QCOMPARE(r.confusion, (std::vector<std::vector<std::int64_t>>{{1, 0}, {1, 0}}));
        QCOMPARE(r.perClassAccuracy[0], 1.0);
        QCOMPARE(r.perClassAccuracy[1], 0.0);
    }

    void confusionCounts()
    {
        const auto m = confusionMatrix({0, 0, 1, 2, 2, 2}, {0, 1, 1, 2, 0, 2}, 3);
        QCOMPARE(m, (std::vector<std::vector<std::int64_t>>{{1, 1, 0}, {0, 1, 0}, {1, 0, 2}}));
    }

    void absentClassIsNaN()
    {
        const EvalResult r = evaluateLogits({1.f, 0.f, 0.f}, {0}, 3);
        QVERIFY(std::isnan(r.perClassAccuracy[2]));
    }

    void largeLogitsStayFinite()
    {
        const EvalResult r = evaluateLogits({1000.f, -1000.f}, {1}, 2);
        QVERIFY(std::isfinite(r.loss));
        QVERIFY(std::abs(r.loss - 2000.0) < 1e-6);
    }

    void schedules()
    {
        TrainConfig c;
        c.lr = 0.1;
        c.schedule = "constant";
        QCOMPARE(scheduledLr(c, 50, 100), 0.1);
        c.schedule = "step";
        QCOMPARE(scheduledLr(c, 10, 101), 0.1);
        QVERIFY(std::abs(scheduledLr(c, 60, 101) - 0.01) < 1e-15);
        QVERIFY(std::abs(scheduledLr(c, 90, 101) - 0.001) < 1e-15);
        c.schedule = "onecycle";
        QVERIFY(std::abs(scheduledLr(c, 0, 101) - 0.1 / 25) < 1e-12);
        QVERIFY(std::abs(scheduledLr(c, 25, 101) - 0.1) < 1e-12);
        QVERIFY(std::abs(scheduledLr(c, 100, 101) - 0.1 / 1e4) < 1e-12);
        c.schedule = "flatcos";
        QCOMPARE(scheduledLr(c, 70, 101), 0.1);
        QVERIFY(std::abs(scheduledLr(c, 100, 101)) < 1e-12);
        QVERIFY(std::abs(scheduledLr(c, 87, 101) - 0.05) < 0.01); // cosine midpoint
    }
};

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
