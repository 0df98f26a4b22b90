#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/evaluation.h"
#include "wb/experiment.h"
#include "wb/progress.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <functional>

#include <cmath>
#include <random>
#include <set>

using namespace wb::core;

class tst_Evaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectCurveMatchesBruteForce()
    {
        std::mt19937_64 rng(2);
        std::uniform_real_distribution<double> u(0, 1);
        std::vector<double> conf;
        std::vector<bool> err;
        for (int i = 0; i < 300; ++i) {
            conf.push_back(std::round(u(rng) * 50) / 50); // many ties
            err.push_back(u(rng) > conf.back());
        }
        const RejectCurve c = rejectCurve(conf, err);
        QCOMPARE(c.rejected.front(), qint64(0));
        QCOMPARE(c.errors.front(), qint64(std::count(err.begin(), err.end(), true)));
        for (std::size_t k = 1; k < c.threshold.size(); ++k) {
            std::int64_t errors = 0, rejected = 0;
            for (std::size_t i = 0; i < conf.size(); ++i) {
                if (conf[i] <= c.threshold[k])
                    ++rejected;
                else
                    errors += err[i];
            }
            QCOMPARE(c.errors[k], errors);
            QCOMPARE(c.rejected[k], rejected);
            if (rejected < qint64(conf.size()))
                QCOMPARE(c.errorRate[k], double(errors) / double(conf.size() - std::size_t(rejected)));
        }
        QVERIFY(std::isnan(c.errorRate.back())); // everything rejected
        std::set<double> distinct(conf.begin(), conf.end());
        QCOMPARE(c.threshold.size(), distinct.size() + 1);
    }

    void eceHandMade()
    {
        // All at confidence 0.95 but only half right: ECE = |0.5 - 0.95| = 0.45.
        const Calibration a = calibration({0.95, 0.95, 0.95, 0.95}, {true, false, true, false});
        QVERIFY(std::abs(a.ece - 0.45) < 1e-12);
        QCOMPARE(a.count[14], qint64(4));
        // Perfectly calibrated two bins: 0.25 → 1 of 4 right, 0.75 → 3 of 4 right.
        const Calibration b = calibration({0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75},
                                          {true, false, false, false, true, true, true, false}, 2);
        QVERIFY(std::abs(b.ece) < 1e-12);
        QCOMPARE(b.accuracy[0], 0.25);
        // 15 bins: 1/15 is the upper edge of the first bin.
        const Calibration c = calibration({1.0 / 15, 0.0}, {true, true});
        QCOMPARE(c.count[0], qint64(2));
    }

    void predictionsConfusionAndPairs()
    {
        // 3 classes; logits chosen so that predictions are 0,1,1,2,0,2 for labels 0,0,1,2,2,2.
        const std::vector<float> logits = {3, 0, 0, 0, 2, 0, 0, 5, 1, 0, 0, 4, 2, 0, 1, 0, 0, 1};
        const Evaluation e = evaluatePredictions(logits, {0, 0, 1, 2, 2, 2}, 3);
        QCOMPARE(e.predicted, (std::vector<std::int64_t>{0, 1, 1, 2, 0, 2}));
        QCOMPARE(e.metrics.confusion, (std::vector<std::vector<std::int64_t>>{{1, 1, 0}, {0, 1, 0}, {1, 0, 2}}));
        QCOMPARE(e.confused.size(), std::size_t(2));
        QCOMPARE(e.confused[0].count, qint64(1));
        QVERIFY(std::abs(e.confidence[0] - std::exp(3.0) / (std::exp(3.0) + 2)) < 1e-9);
        QCOMPARE(e.topLosses.front(), std::size_t(1)); // the confident mistake
        const EvalResult accepted = acceptedSubset(e, 0.6, 3);
        QVERIFY(accepted.count < 6);
        // Confidences by hand: 0.909, 0.787, 0.976, 0.965, 0.665, 0.576. Above 0.7 the first
        // four are accepted (labels 0,0,1,2; predicted 0,1,1,2).
        const EvalResult a7 = acceptedSubset(e, 0.7, 3);
        QCOMPARE(a7.count, qint64(4));
        QCOMPARE(a7.confusion, (std::vector<std::vector<std::int64_t>>{{1, 1, 0}, {0, 1, 0}, {0, 0, 1}}));
        QCOMPARE(a7.perClassAccuracy, (std::vector<double>{0.5, 1.0, 1.0}));
        QCOMPARE(mostConfused(a7.confusion).size(), std::size_t(1)); // 0 → 1 only; 2 → 0 was rejected
        // Above 0.97 only image 2 (class 1) is left: the other classes have no accepted image.
        const EvalResult a97 = acceptedSubset(e, 0.97, 3);
        QCOMPARE(a97.count, qint64(1));
        QVERIFY(std::isnan(a97.perClassAccuracy[0]) && std::isnan(a97.perClassAccuracy[2]));
        QCOMPARE(a97.perClassAccuracy[1], 1.0);
    }

    // A stored evaluation comes back exactly (everything is recomputed from the logits), the
    // run's last one replaces older ones, and hostile payloads are refused by field.
    void storedEvaluationRoundTrip()
    {
        const std::vector<float> logits = {3, 0, 0, 0, 2, 0, 0, 5, 1, 0, 0, 4, 2, 0, 1, 0, 0, 1.5f};
        Evaluation e = evaluatePredictions(logits, {0, 0, 1, 2, 2, 2}, 3, 2.0);
        e.testIndices = {10, 11, 12, 13, 14, 15};
        e.epoch = 4;
        const Evaluation back = evaluationFromJson(evaluationToJson(e, 7), "test");
        QCOMPARE(back.epoch, 4);
        QCOMPARE(back.beta, 2.0);
        QCOMPARE(back.testIndices, e.testIndices);
        QCOMPARE(back.logits, logits);
        QCOMPARE(back.predicted, e.predicted);
        QCOMPARE(back.confidence, e.confidence);
        QCOMPARE(back.metrics.confusion, e.metrics.confusion);
        QCOMPARE(back.metrics.smoothedAccuracy, e.metrics.smoothedAccuracy);
        QCOMPARE(back.calibrated.ece, e.calibrated.ece);

        QTemporaryDir dir;
        Session session(dir.filePath("s.wbs").toStdString(), Session::Mode::Create);
        RunRecord r;
        r.datasetId = session.addDataset({0, "d", "/d", "f", 1, 1, 1, 1, 1, {"a", "b", "c"}});
        r.architectureId = session.addArchitecture("a", "{}");
        r.name = "r";
        r.configJson = r.dataJson = "{}";
        const auto run = session.createRun(r);
        QVERIFY(!storedEvaluation(session, run).has_value());
        storeEvaluation(session, run, e);
        e.epoch = 5;
        storeEvaluation(session, run, e);
        QCOMPARE(session.results("evaluation").size(), std::size_t(1)); // the last one only
        QCOMPARE(storedEvaluation(session, run)->epoch, 5);

        auto refused = [&](const std::function<void(nlohmann::json &)> &damage, const char *fragment) {
            auto j = nlohmann::json::parse(evaluationToJson(e, 7));
            damage(j);
            try {
                evaluationFromJson(j.dump(), "payload");
                QFAIL(fragment);
            } catch (const Error &err) {
                QVERIFY2(QString::fromUtf8(err.what()).contains(fragment), err.what());
            }
        };
        refused([](auto &j) { j["logits_f32_base64"] = "abc"; }, "not base64");
        refused([](auto &j) { j["logits_f32_base64"] = "AAAA"; }, "holds 0 logits, expected 6 x 3");
        refused([](auto &j) { j["labels"][0] = 3; }, "outside 0..2");
        refused([](auto &j) { j["labels"].erase(0); }, "same length");
        refused([](auto &j) { j["test_indices"][0] = -1; }, "negative");
        refused([](auto &j) { j["classes"] = 1; }, "'classes' must be from 2");
        refused([](auto &j) { j["classes"] = 100000; }, "'classes' must be from 2 to 10000"); // 80 GB of confusion
        refused([](auto &j) { j["extra"] = 1; }, "unknown field 'extra'");
        refused([](auto &j) { j["labels"] = "x"; }, "'labels' has the wrong type");
        // A NaN among the logits (0x7fc00000, little-endian: 00 00 c0 7f).
        std::vector<float> nanLogits = logits;
        nanLogits[4] = std::nanf("");
        Evaluation n = e;
        n.logits = nanLogits;
        try {
            evaluationFromJson(evaluationToJson(n, 7), "payload");
            QFAIL("NaN accepted");
        } catch (const Error &err) {
            QVERIFY(QString::fromUtf8(err.what()).contains("not finite"));
        }
        try {
            evaluationFromJson("{\"run\": [[[[", "payload");
            QFAIL("broken JSON accepted");
        } catch (const Error &err) {
            QVERIFY(QString::fromUtf8(err.what()).startsWith("payload: invalid JSON"));
        }
    }

    void evaluateRunAgreesWithTraining()
    {
        std::vector<SkippedFile> skipped;
        const DatasetPair data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        QTemporaryDir dir;
        Session session(dir.filePath("e.wbs").toStdString(), Session::Mode::Create);
        TrainConfig c;
        c.optimizer = "adam";
        c.lr = 0.003;
        c.epochs = 2;
        c.batchSize = 32;
        c.device = "cpu";
        DataConfig dc;
        dc.trainLimit = 500;
        dc.testLimit = 300;
        const auto id = createRecordedRun(session, data, "mnist", "lenet5", presetSpec("lenet5", 0, {1, 28, 28}, 10), c, dc);
        CancelFlagSink sink;
        trainRecordedRun(session, id, data, sink);
        const Evaluation e = evaluateRun(session, id, 0, data, 3.0, true);
        QCOMPARE(e.epoch, 2);
        QCOMPARE(e.testIndices.size(), std::size_t(300));
        QVERIFY(std::abs(e.metrics.accuracy - session.run(id).testAccuracy) < 1e-12);
        QVERIFY(std::abs(e.metrics.loss - session.run(id).testLoss) < 1e-6);
        QCOMPARE(e.featureDim, qint64(84));
        QCOMPARE(e.features.size(), std::size_t(300 * 84));
        const Evaluation first = evaluateRun(session, id, 1, data);
        QCOMPARE(first.epoch, 1);
        QVERIFY_THROWS_EXCEPTION(Error, evaluateRun(session, id, 9, data));
        // Other data than the run was trained on (one test label changed): refused, not scored.
        DatasetPair changed = data;
        changed.test.labels[0] = (changed.test.labels[0] + 1) % 10;
        try {
            evaluateRun(session, id, 0, changed);
            QFAIL("evaluated on changed data");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::BadData));
            QVERIFY(QString(e.what()).contains("content differs from the dataset run"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Evaluation)
#include "tst_evaluation.moc"
