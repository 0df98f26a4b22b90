#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/lrfinder.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/smoothing.h"

#include <QtTest>

#include <cmath>

using namespace wb::core;

class tst_LrFinder : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_data;
    TrainData m_train;

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<SkippedFile> skipped;
        m_data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        DataConfig dc;
        dc.trainLimit = 640;
        dc.valFraction = 0;
        m_train.train = &m_data.train;
        m_train.trainIndices = selectData(m_data, dc).train;
    }

    void scheduleIsExactlyExponential()
    {
        LrFindOptions o;
        o.lrMin = 1e-5;
        o.lrMax = 0.1;
        const int n = 137;
        QCOMPARE(lrFinderRate(o, 0, n), 1e-5);
        QCOMPARE(lrFinderRate(o, n - 1, n), 0.1); // exactly lr_max at the last batch
        const double ratio = std::pow(1e4, 1.0 / (n - 1));
        for (int i = 1; i < n; ++i)
            QVERIFY(std::abs(lrFinderRate(o, i, n) / lrFinderRate(o, i - 1, n) - ratio) < 1e-12);
    }

    void leavesNoTraceOnTheModel()
    {
        const ModelSpec spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        Network net(spec, 3);
        net.setNormalization(channelStats(m_data.train));
        const std::string before = net.saveState();
        TrainConfig c;
        c.batchSize = 32;
        c.device = "cpu";
        LrFindOptions o;
        o.batches = 15;
        CancelFlagSink sink;
        const LrFindResult r = findLearningRate(net, c, m_train, o, sink);
        QCOMPARE(r.losses.front().size(), std::size_t(15));
        QCOMPARE(net.saveState(), before);
    }

    void stopsEarlyOnDivergence()
    {
        TrainConfig c;
        c.batchSize = 32;
        c.momentum = 0.9;
        c.device = "cpu";
        LrFindOptions o;
        o.lrMax = 100;
        o.batches = 200;
        CancelFlagSink sink;
        const LrFindResult r = findLearningRate(presetSpec("lenet5", 0, {1, 28, 28}, 10), c, m_train, o, sink);
        QVERIFY(r.stoppedEarly);
        QVERIFY(r.lr.size() < 200);
        QVERIFY(r.lr.back() < 100);
        QVERIFY(std::isfinite(r.suggestions.minLossHalf));
    }

    void suggestionsLandInTheStableRange()
    {
        // Softmax regression (the "linear" preset) with plain SGD: find by brute force which
        // learning rates train well (3 epochs lower the loss below 60% of the start, without
        // diverging), then check that every suggestion lies in that range.
        const ModelSpec spec = presetSpec("linear", 0, {1, 28, 28}, 10);
        TrainConfig c;
        c.momentum = 0;
        c.batchSize = 32;
        c.epochs = 3;
        c.device = "cpu";
        double lo = INFINITY, hi = 0;
        for (double lr : {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0}) {
            c.lr = lr;
            CancelFlagSink sink;
            const TrainResult t = train(spec, c, m_train, sink);
            const double start = t.history.batches.front().loss;
            const bool good = t.status == RunStatus::Completed && t.history.epochs.back().trainLoss < 0.6 * start;
            if (good) {
                lo = std::min(lo, lr);
                hi = std::max(hi, lr);
            }
        }
        qInfo("learning rates that train well: %g to %g", lo, hi);
        QVERIFY(hi > lo);
        LrFindOptions o;
        o.lrMin = 1e-5;
        o.lrMax = 100;
        o.batches = 300;
        o.repeats = 3;
        CancelFlagSink sink;
        const LrFindResult r = findLearningRate(spec, c, m_train, o, sink);
        const auto &s = r.suggestions;
        qInfo("suggestions: min_loss_half %g, steepest %g, valley %g", s.minLossHalf, s.steepest, s.valley);
        for (double v : {s.minLossHalf, s.steepest, s.valley}) {
            QVERIFY(std::isfinite(v));
            QVERIFY2(v >= lo / 3 && v <= hi * 3, qPrintable(QString::number(v))); // grid step is 3x
        }
        QCOMPARE(r.losses.size(), std::size_t(3));
        QCOMPARE(r.lossMin.size(), r.lr.size());
        for (std::size_t i = 0; i < r.lr.size(); ++i)
            if (std::isfinite(r.smoothed[i]))
                QVERIFY(r.lossMin[i] <= r.smoothed[i] + 1e-12 && r.smoothed[i] <= r.lossMax[i] + 1e-12);
    }

    void suggestionsIgnoreNanAndSpikes()
    {
        std::vector<double> lr, raw;
        for (int i = 0; i < 200; ++i) {
            const double l = std::pow(10.0, -5 + 5.0 * i / 199);
            const double x = std::log10(l);
            lr.push_back(l);
            raw.push_back(2.3 - 1.5 / (1 + std::exp(-3 * (x + 3))) + std::exp(4 * (x + 0.5)));
        }
        const auto clean = suggestLearningRates(lr, raw, 0.9);
        auto dirty = raw;
        const double nan = std::nan(""), inf = INFINITY;
        dirty[0] = nan;
        dirty[1] = inf;
        dirty[2] = 40.0; // spikes near the start
        dirty[7] = 30.0;
        dirty[197] = nan;
        dirty[198] = inf;
        dirty[199] = -inf;
        const auto noisy = suggestLearningRates(lr, dirty, 0.9);
        for (auto [a, b] : {std::pair{clean.minLossHalf, noisy.minLossHalf}, std::pair{clean.steepest, noisy.steepest},
                            std::pair{clean.valley, noisy.valley}}) {
            QVERIFY(std::isfinite(a) && std::isfinite(b));
            QVERIFY2(b / a < 1.5 && a / b < 1.5, qPrintable(QString("%1 vs %2").arg(a).arg(b)));
        }
        QVERIFY(clean.steepest > 1e-4 && clean.steepest < 1e-2); // the sigmoid's centre is 1e-3
    }

    void badOptions()
    {
        TrainConfig c;
        LrFindOptions o;
        o.lrMin = 1;
        o.lrMax = 0.1;
        CancelFlagSink sink;
        QVERIFY_THROWS_EXCEPTION(Error, findLearningRate(presetSpec("linear", 0, {1, 28, 28}, 10), c, m_train, o, sink));
    }
};

QTEST_GUILESS_MAIN(tst_LrFinder)
#include "tst_lrfinder.moc"
