#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace wb::core;

namespace {

// Cancels the run once `afterEpochs` epochs have been committed.
class CancelAfter : public TrainObserver, public CancelFlagSink
{
public:
    explicit CancelAfter(int afterEpochs) : m_after(afterEpochs) {}
    void onEpoch(const EpochRecord &e, const std::vector<BatchRecord> &, const Checkpoint &cp) override
    {
        last = cp;
        if (e.epoch >= m_after)
            cancel();
    }
    Checkpoint last;

private:
    int m_after;
};

void compareHistories(const History &a, const History &b)
{
    QCOMPARE(a.batches.size(), b.batches.size());
    for (std::size_t i = 0; i < a.batches.size(); ++i) {
        QCOMPARE(a.batches[i].step, b.batches[i].step);
        QCOMPARE(a.batches[i].loss, b.batches[i].loss); // bit-identical, not approximately
        QCOMPARE(a.batches[i].accuracy, b.batches[i].accuracy);
        QCOMPARE(a.batches[i].lr, b.batches[i].lr);
    }
    QCOMPARE(a.epochs.size(), b.epochs.size());
    for (std::size_t i = 0; i < a.epochs.size(); ++i) {
        QCOMPARE(a.epochs[i].trainLoss, b.epochs[i].trainLoss);
        QCOMPARE(a.epochs[i].valLoss, b.epochs[i].valLoss);
        QCOMPARE(a.epochs[i].valAccuracy, b.epochs[i].valAccuracy);
    }
}

} // namespace

class tst_Trainer : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_mnist;
    TrainData m_data;
    ModelSpec m_spec; // exercises batchnorm, dropout and a residual block

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<SkippedFile> skipped;
        m_mnist = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        DataConfig dc;
        dc.trainLimit = 600;
        dc.testLimit = 300;
        dc.valFraction = 0.2;
        const DataSelection sel = selectData(m_mnist, dc);
        m_data = {&m_mnist.train, sel.train, sel.validation, &m_mnist.test, sel.test};
        m_spec = parseModelSpec(R"({"input":[1,28,28],"classes":10,"layers":[
            {"type":"conv2d","out":8,"kernel":3,"stride":2},{"type":"batchnorm2d"},{"type":"relu"},
            {"type":"residual","out":8},{"type":"maxpool2d","kernel":2},{"type":"flatten"},
            {"type":"dropout","p":0.3},{"type":"linear","out":32},{"type":"relu"},
            {"type":"linear","out":10}]})");
    }

    void lenetReaches85OnFashionMnist()
    {
        std::vector<SkippedFile> skipped;
        const DatasetPair fashion = loadDataset("fashion-mnist", {}, skipped);
        QCOMPARE(fashion.train.size(), std::size_t(60000));
        QCOMPARE(fashion.test.size(), std::size_t(10000));
        DataConfig dc;
        dc.dataset = "fashion-mnist";
        dc.trainLimit = 10000;
        dc.valFraction = 0;
        dc.seed = 2;
        const DataSelection sel = selectData(fashion, dc);
        TrainConfig c;
        c.optimizer = "adam";
        c.lr = 0.003;
        c.batchSize = 8;
        c.schedule = "flatcos";
        c.labelSmoothing = 0.1;
        c.epochs = 2;
        c.seed = 2;
        c.device = "cpu";
        CancelFlagSink sink;
        const TrainResult r = train(presetSpec("lenet5", 0, {1, 28, 28}, 10), c,
                                    {&fashion.train, sel.train, {}, &fashion.test, {}}, sink);
        QCOMPARE(r.status, RunStatus::Completed);
        QVERIFY(r.test.has_value());
        QCOMPARE(r.test->count, qint64(10000));
        qInfo("lenet5, 10k Fashion-MNIST images, 2 epochs: test accuracy %.4f in %.1f s",
              r.test->accuracy, r.trainSeconds);
        QVERIFY2(r.test->accuracy > 0.85, qPrintable(QString::number(r.test->accuracy)));
        QCOMPARE(r.history.batches.size(), std::size_t(2 * 1250));
        QCOMPARE(r.history.epochs.size(), std::size_t(2));
    }

    void deterministic()
    {
        TrainConfig c;
        c.optimizer = "adam";
        c.epochs = 2;
        c.batchSize = 32;
        c.lr = 0.003;
        c.device = "cpu";
        CancelFlagSink s1, s2;
        const TrainResult a = train(m_spec, c, m_data, s1);
        const TrainResult b = train(m_spec, c, m_data, s2);
        QCOMPARE(a.status, RunStatus::Completed);
        compareHistories(a.history, b.history);
        QCOMPARE(a.test->accuracy, b.test->accuracy);
        c.seed = 2;
        CancelFlagSink s3;
        const TrainResult d = train(m_spec, c, m_data, s3);
        QVERIFY(d.history.batches[0].loss != a.history.batches[0].loss);
        QVERIFY(a.test->accuracy > 0.5); // it learns: 10 classes, chance is 0.1
    }

    void resumeEqualsUninterrupted()
    {
        TrainConfig c;
        c.epochs = 3;
        c.batchSize = 32;
        c.lr = 0.05;
        c.schedule = "onecycle"; // lr depends on the global step
        c.nesterov = true;       // optimizer state (momentum buffers) must be restored
        c.device = "cpu";
        CancelFlagSink full;
        const TrainResult whole = train(m_spec, c, m_data, full);

        CancelAfter stopper(1);
        const TrainResult first = train(m_spec, c, m_data, stopper, &stopper);
        QCOMPARE(first.status, RunStatus::Cancelled);
        QCOMPARE(first.history.epochs.size(), std::size_t(1));
        QCOMPARE(stopper.last.epoch, 1);
        CancelFlagSink rest;
        const ResumeState state{stopper.last, first.history};
        const TrainResult resumed = train(m_spec, c, m_data, rest, nullptr, &state);
        QCOMPARE(resumed.status, RunStatus::Completed);
        compareHistories(resumed.history, whole.history);
        QCOMPARE(resumed.test->accuracy, whole.test->accuracy);
        QCOMPARE(resumed.test->loss, whole.test->loss);
    }

    void recordedRunResumesFromSession()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.wbs").toStdString();
        TrainConfig c;
        c.epochs = 2;
        c.batchSize = 64;
        c.lr = 0.05;
        c.device = "cpu";
        DataConfig dc;
        dc.dataset = WB_TEST_SHARED_DATA "/mnist10k";
        dc.trainLimit = 500;
        dc.testLimit = 200;
        Session session(path, Session::Mode::Create);
        const ModelSpec spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        const auto whole = createRecordedRun(session, m_mnist, "mnist", "lenet5", spec, c, dc);
        CancelFlagSink full;
        trainRecordedRun(session, whole, m_mnist, full);

        const auto broken = createRecordedRun(session, m_mnist, "mnist", "lenet5", spec, c, dc);
        // Cancel as soon as the first epoch is committed to the session.
        struct Watch : CancelFlagSink
        {
            Session *s;
            std::int64_t run;
            bool isCancelRequested() const override { return s->run(run).epochsDone >= 1; }
        } watch;
        watch.s = &session;
        watch.run = broken;
        const TrainResult cut = trainRecordedRun(session, broken, m_mnist, watch);
        QCOMPARE(cut.status, RunStatus::Cancelled);
        QCOMPARE(session.run(broken).status, RunStatus::Cancelled);
        QCOMPARE(session.history(broken).epochs.size(), std::size_t(1));
        CancelFlagSink rest;
        trainRecordedRun(session, broken, m_mnist, rest, true);

        const Session reopened(path, Session::Mode::ReadOnly);
        QCOMPARE(reopened.run(broken).status, RunStatus::Completed);
        compareHistories(reopened.history(broken), reopened.history(whole));
        QCOMPARE(reopened.run(broken).testAccuracy, reopened.run(whole).testAccuracy);
        const DataSelection sel = selectData(m_mnist, dc); // stratified: 448 train images
        QCOMPARE(reopened.history(whole).batches.size(), 2 * ((sel.train.size() + 63) / 64));
    }

    void fusedSgdMatchesLibTorchSgd_data()
    {
        QTest::addColumn<bool>("nesterov");
        QTest::addColumn<double>("weightDecay");
        QTest::newRow("momentum") << false << 0.0;
        QTest::newRow("nesterov, weight decay") << true << 5e-4;
    }
    void fusedSgdMatchesLibTorchSgd()
    {
        // The step itself is checked exactly in tst_optimizer. Here: the trainer drives both
        // optimisers alike. Two trainings that differ only in float rounding drift apart
        // (how fast depends on the CPU's kernels), so the per-batch losses are compared
        // over the first 10 steps only, and the end results with a margin.
        QFETCH(bool, nesterov);
        QFETCH(double, weightDecay);
        TrainConfig c;
        c.epochs = 2;
        c.batchSize = 32;
        c.lr = 0.05;
        c.nesterov = nesterov;
        c.weightDecay = weightDecay;
        c.threads = 1;
        c.device = "cpu";
        CancelFlagSink s1, s2;
        const TrainResult fused = train(m_spec, c, m_data, s1);
        c.fusedOptimizer = false; // torch::optim::SGD, the reference implementation
        const TrainResult reference = train(m_spec, c, m_data, s2);
        QCOMPARE(fused.history.batches.size(), reference.history.batches.size());
        double worst = 0;
        for (std::size_t i = 0; i < 10; ++i)
            worst = std::max(worst, std::abs(fused.history.batches[i].loss
                                             - reference.history.batches[i].loss));
        qInfo("first 10 batches: largest loss difference fused vs torch::optim::SGD %.3g; "
              "test accuracy %.4f vs %.4f", worst, fused.test->accuracy, reference.test->accuracy);
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        QVERIFY(fused.test->accuracy > 0.3 && reference.test->accuracy > 0.3); // both learn (chance: 0.1)
        QVERIFY(std::abs(fused.test->accuracy - reference.test->accuracy) < 0.1);
    }

    void divergenceIsRecorded()
    {
        TrainConfig c;
        c.lr = 1e3;
        c.epochs = 2;
        c.batchSize = 32;
        c.device = "cpu";
        CancelFlagSink sink;
        const TrainResult r = train(presetSpec("lenet5", 0, {1, 28, 28}, 10), c, m_data, sink);
        QCOMPARE(r.status, RunStatus::Diverged);
        QVERIFY(r.history.batches.size() >= 2);
        // The last batch is non-finite or beyond 100x the start (at least ln 10).
        const double first = std::max(r.history.batches.front().loss, std::log(10.0));
        const double last = r.history.batches.back().loss;
        QVERIFY2(!std::isfinite(last) || last > 100 * first, qPrintable(QString::number(last)));
        for (std::size_t i = 0; i + 1 < r.history.batches.size(); ++i)
            QVERIFY(r.history.batches[i].loss <= 100 * first); // it stopped at the first such batch
        QVERIFY(!r.test.has_value());
        QVERIFY2(QString::fromStdString(r.message).startsWith("diverged: "), r.message.c_str());
        QVERIFY(!QString::fromStdString(r.message).contains("nan")); // "NaN", not printf's "-nan"
        QVERIFY(QString::fromStdString(r.message).contains("lower the learning rate"));
    }

    // Adam's steps are bounded by lr: at lr 1e9 the loss explodes but may stay finite for a
    // whole epoch ("completed" with a loss of 1e13 before); it must end as diverged.
    void explodingFiniteLossIsDiverged()
    {
        TrainConfig c;
        c.optimizer = "adam";
        c.lr = 1e9;
        c.epochs = 3;
        c.batchSize = 32;
        c.device = "cpu";
        CancelFlagSink sink;
        const TrainResult r = train(presetSpec("lenet5", 0, {1, 28, 28}, 10), c, m_data, sink);
        QCOMPARE(r.status, RunStatus::Diverged);
        QVERIFY2(r.history.batches.size() < 20, qPrintable(QString::number(r.history.batches.size())));
        QVERIFY(QString::fromStdString(r.message).contains("at epoch 1, batch "));
        // A sane run of the same data never trips the rule (its losses stay near the start).
        c.lr = 1e-3;
        c.epochs = 1;
        const TrainResult sane = train(presetSpec("lenet5", 0, {1, 28, 28}, 10), c, m_data, sink);
        QCOMPARE(sane.status, RunStatus::Completed);
    }

    void cancelBeforeStart()
    {
        TrainConfig c;
        c.device = "cpu";
        CancelFlagSink sink;
        sink.cancel();
        const TrainResult r = train(m_spec, c, m_data, sink);
        QCOMPARE(r.status, RunStatus::Cancelled);
        QVERIFY(r.history.batches.empty());
    }

    void mismatchedInputIsBadSpec()
    {
        TrainConfig c;
        CancelFlagSink sink;
        try {
            train(presetSpec("lenet5", 0, {3, 32, 32}, 10), c, m_data, sink);
            QFAIL("expected BadSpec");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::BadSpec));
            QVERIFY(QString(e.what()).contains("the dataset has [1,28,28]"));
        }
    }

    void everyOptimizerAndScheduleTrains_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<double>("lr");
        QTest::newRow("sgd step") << "sgd" << "step" << 0.1;
        QTest::newRow("adam onecycle") << "adam" << "onecycle" << 0.003;
        QTest::newRow("adamw flatcos") << "adamw" << "flatcos" << 0.003;
    }
    void everyOptimizerAndScheduleTrains()
    {
        QFETCH(QString, optimizer);
        QFETCH(QString, schedule);
        QFETCH(double, lr);
        TrainConfig c;
        c.optimizer = optimizer.toStdString();
        c.schedule = schedule.toStdString();
        c.lr = lr;
        c.weightDecay = 1e-4;
        c.labelSmoothing = 0.05;
        c.epochs = 4;
        c.batchSize = 32;
        c.device = "cpu";
        CancelFlagSink sink;
        const TrainResult r = train(presetSpec("lenet5", 0, {1, 28, 28}, 10), c, m_data, sink);
        QCOMPARE(r.status, RunStatus::Completed);
        // It learns: well above chance (0.1) and the loss falls (4 short epochs, 480 images).
        QVERIFY2(r.test->accuracy > 0.3, qPrintable(QString::number(r.test->accuracy)));
        QVERIFY(r.history.epochs.back().trainLoss < 0.8 * r.history.batches.front().loss);
    }
};

QTEST_GUILESS_MAIN(tst_Trainer)
#include "tst_trainer.moc"
