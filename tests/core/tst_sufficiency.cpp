#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/progress.h"
#include "wb/sufficiency.h"
#include "wb/trainer.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace wb::core;

namespace {
// Three runs of accuracy 1 − (3·n^(−0.5) + 0.03), offset by −0.004, 0, +0.004: their mean
// lies exactly on the curve.
SufficiencyResult threeRunsOnAPowerLaw()
{
    SufficiencyResult r;
    r.steps = {20, 33, 55, 92, 154, 258, 430, 718, 1198, 2000};
    for (double noise : {-0.004, 0.0, 0.004}) {
        std::vector<double> run;
        for (auto n : r.steps)
            run.push_back(1.0 - (3.0 * std::pow(double(n), -0.5) + 0.03) + noise);
        r.perRun["accuracy"].push_back(run);
    }
    return r;
}
} // namespace

class tst_Sufficiency : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_data;
    ModelSpec m_spec;
    TrainConfig m_train;
    SufficiencyConfig m_study;

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<SkippedFile> skipped;
        m_data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        m_spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        m_train.optimizer = "adam";
        m_train.lr = 0.003;
        m_train.epochs = 1;
        m_train.batchSize = 16;
        m_train.device = "cpu";
        m_study.trainSize = 200;
        m_study.testSize = 100;
        m_study.limitMode = "first";
        m_study.runs = 1;
        m_study.steps = {20, 60, 200};
        m_study.seed = 4;
    }

    void drawsAreWithReplacementAndSeeded()
    {
        const auto a = sufficiencyDraw(200, 200, 4, 0);
        QCOMPARE(a.size(), std::size_t(200));
        QCOMPARE(a, sufficiencyDraw(200, 200, 4, 0));
        QVERIFY(a != sufficiencyDraw(200, 200, 4, 1)); // each run has its own draw
        QVERIFY(std::set<std::size_t>(a.begin(), a.end()).size() < 200); // duplicates: with replacement
        QVERIFY(*std::max_element(a.begin(), a.end()) < 200);
    }

    void warmStartContinuesOnNestedPrefixes()
    {
        CancelFlagSink sink;
        const SufficiencyResult study = runSufficiencyStudy(m_spec, m_train, m_data, m_study, sink);
        QCOMPARE(study.status, RunStatus::Completed);
        QCOMPARE(study.steps, (std::vector<std::int64_t>{20, 60, 200}));

        // The same protocol by hand: one draw, step k trains on its first n_k images,
        // continuing from the weights step k-1 ended with.
        const auto draw = sufficiencyDraw(200, 200, m_study.seed, 0);
        std::vector<std::size_t> order;
        for (auto d : draw)
            order.push_back(d); // limit mode "first": the pool is images 0..199
        std::vector<std::size_t> pool(200);
        std::iota(pool.begin(), pool.end(), 0);
        const ChannelStats stats = channelStats(subset(m_data.train, pool));
        std::vector<std::size_t> test(100);
        std::iota(test.begin(), test.end(), 0);
        TrainConfig c = m_train;
        c.threads = 1;
        c.seed = sufficiencyRunSeed(m_study.seed, 0);
        std::string state;
        std::vector<double> warm, reset;
        for (std::int64_t n : study.steps) {
            TrainData td{&m_data.train, {order.begin(), order.begin() + n}, {}, &m_data.test, test};
            td.normalization = stats;
            td.keepFinalState = true;
            TrainData fresh = td;
            td.initialState = state;
            CancelFlagSink s1, s2;
            const TrainResult r = train(m_spec, c, td, s1);
            state = r.finalState;
            warm.push_back(r.test->accuracy);
            reset.push_back(train(m_spec, c, fresh, s2).test->accuracy); // model reset per step
        }
        const auto &measured = study.perRun.at("accuracy")[0];
        for (std::size_t k = 0; k < warm.size(); ++k)
            QCOMPARE(measured[k], warm[k]);
        // A study that reset the model per step would have measured `reset` instead.
        QVERIFY(measured[1] != reset[1] || measured[2] != reset[2]);
        QCOMPARE(measured[0], reset[0]); // the first step starts from the same weights
    }

    void freshModeRestartsEveryStep()
    {
        SufficiencyConfig s = m_study;
        s.mode = "fresh";
        s.runs = 2;
        s.metrics = {"accuracy", "loss", "per_class"};
        CancelFlagSink sink;
        const SufficiencyResult r = runSufficiencyStudy(m_spec, m_train, m_data, s, sink);
        QCOMPARE(r.perRun.at("accuracy").size(), std::size_t(2));
        QCOMPARE(r.perRun.at("loss")[1].size(), std::size_t(3));
        QCOMPARE(r.perClass[0][2].size(), std::size_t(10));
        QVERIFY(std::isfinite(r.perRun.at("loss")[0][0]));
        QVERIFY(r.perRun.at("accuracy")[0] != r.perRun.at("accuracy")[1]); // runs differ
    }

    void concurrentRunsAreReproducible()
    {
        // Runs trained at once on several threads must not share LibTorch's process-wide
        // generator (weight init, dropout masks): the study is the same for any worker count.
        SufficiencyConfig s = m_study;
        s.runs = 3;
        s.steps = {20, 60};
        ModelSpec spec;
        spec.input = {1, 28, 28};
        spec.layers = {{"flatten", {}}, {"linear", {{"out", 32}}}, {"relu", {}}, {"dropout", {{"p", 0.3}}},
                       {"linear", {{"out", 10}}}};
        auto study = [&](int workers) {
            s.workers = workers;
            CancelFlagSink sink;
            return runSufficiencyStudy(spec, m_train, m_data, s, sink).perRun.at("accuracy");
        };
        const auto one = study(1);
        QCOMPARE(study(3), one);
        QCOMPARE(study(3), one);
    }

    void cancelReturnsTheRunsThatFinished()
    {
        // Progress comes once per step (3) and once per finished run: the 5th report is the
        // second run's first step, so the first run is whole and the others are not measured.
        struct AfterReports : ProgressSink
        {
            std::atomic<int> reports{0};
            void setProgress(double, const std::string &) override { ++reports; }
            bool isCancelRequested() const override { return reports.load() >= 5; }
        } sink;
        SufficiencyConfig s = m_study;
        s.runs = 3;
        s.workers = 1;
        const SufficiencyResult r = runSufficiencyStudy(m_spec, m_train, m_data, s, sink);
        QCOMPARE(r.status, RunStatus::Cancelled);
        for (double v : r.perRun.at("accuracy")[0])
            QVERIFY(std::isfinite(v));
        for (int run : {1, 2})
            for (double v : r.perRun.at("accuracy")[std::size_t(run)])
                QVERIFY(std::isnan(v));
    }

    void runsShorterThanTheStepsAreRefused()
    {
        SufficiencyResult r = threeRunsOnAPowerLaw();
        r.perRun["accuracy"][1].pop_back(); // as a damaged stored result could have it
        try {
            analyzeSufficiency(r, "accuracy", {0.9});
            QFAIL("analysed a run shorter than the steps");
        } catch (const Error &e) {
            QVERIFY(QString(e.what()).contains("a run has 9 values of 'accuracy' for 10 steps"));
        }
    }

    void analysisAndJsonRoundTrip()
    {
        const SufficiencyResult r = threeRunsOnAPowerLaw();
        const SufficiencyAnalysis a = analyzeSufficiency(r, "accuracy", {0.9, 0.99});
        QVERIFY(std::abs(a.power.params[1] - 0.5) < 1e-6); // the mean is exactly on the curve
        QVERIFY(std::abs(a.asymptote - 0.97) < 1e-6);
        QVERIFY(std::isfinite(a.needed[0]));
        QVERIFY(std::isnan(a.needed[1])); // 0.99 is beyond the asymptote
        QVERIFY(a.neededLo95[0] <= a.needed[0] && a.needed[0] <= a.neededHi95[0]);
        QCOMPARE(a.curveN.back(), 8000.0);
        const std::string json = sufficiencyJson(m_study, r, {a});
        SufficiencyConfig back;
        const SufficiencyResult parsed = sufficiencyResultFromJson(json, &back);
        QCOMPARE(parsed.steps, r.steps);
        QCOMPARE(parsed.perRun.at("accuracy"), r.perRun.at("accuracy"));
        QCOMPARE(back.steps, m_study.steps);
    }

    void analysisWithEveryFamilyChoice()
    {
        const SufficiencyResult r = threeRunsOnAPowerLaw();
        for (const auto &choice : curveChoices()) {
            const SufficiencyAnalysis a = analyzeSufficiency(r, "accuracy", {0.9}, 100, 1, choice);
            QCOMPARE(a.choice, choice);
            if (choice != "auto")
                QCOMPARE(a.chosen.family, choice);
            QCOMPARE(a.power.family, std::string("power")); // the compatible fit is always there
            for (std::size_t i = 0; i < a.curveN.size(); ++i) {
                QVERIFY(a.curve[i] >= 0 && a.curve[i] <= 1);
                QVERIFY(a.band.lo95[i] <= a.band.hi95[i] && a.band.hi95[i] <= 1 && a.band.lo95[i] >= 0);
            }
            if (choice == "calibrated") { // the answer comes from the calibrated model
                QVERIFY(a.hasModel);
                const SampleSizeAnswer answer = answerTarget(a.model, 0.9);
                if (answer.n > 0)
                    QCOMPARE(a.needed[0], answer.n);
                else
                    QVERIFY(std::isnan(a.needed[0]));
                QCOMPARE(a.neededLo80[0], answer.lo[1]);
                QVERIFY(sufficiencyJson(m_study, r, {a}).find("\"answer\"") != std::string::npos);
                continue;
            }
            // The answer comes from the chosen fit.
            const auto n = samplesNeeded(a.chosen, 0.9);
            QCOMPARE(std::isfinite(a.needed[0]), n.has_value());
            if (n)
                QCOMPARE(a.needed[0], double(*n));
            const std::string json = sufficiencyJson(m_study, r, {a});
            QVERIFY(json.find("\"choice\":\"" + choice + "\"") != std::string::npos);
        }
    }

    void repeatedTinySizesAreAnalysed()
    {
        // sufficiencySteps keeps repeated sizes (L = 50, S = 10: 1, 1, 1, 2, …): the answer
        // takes each size once, with its last measurement, and the analysis does not fail.
        SufficiencyResult r;
        for (auto n : sufficiencySteps(50, 10))
            r.steps.push_back(n);
        QVERIFY(r.steps[0] == r.steps[1]);
        for (double noise : {-0.01, 0.01}) {
            std::vector<double> run;
            for (std::size_t k = 0; k < r.steps.size(); ++k)
                run.push_back(0.1 + 0.08 * double(k) + noise);
            r.perRun["accuracy"].push_back(run);
        }
        const SufficiencyAnalysis a = analyzeSufficiency(r, "accuracy", {0.5}, 50, 1, "calibrated");
        QVERIFY(a.hasModel);
        for (std::size_t k = 1; k < a.model.steps.size(); ++k)
            QVERIFY(a.model.steps[k] > a.model.steps[k - 1]);
        QCOMPARE(a.model.mean.front(), 0.1 + 0.08 * 2); // the last of the three size-1 steps
        QCOMPARE(a.answers.size(), std::size_t(1));
    }

    void badConfigs()
    {
        SufficiencyConfig s = m_study;
        s.mode = "lukewarm";
        QVERIFY_THROWS_EXCEPTION(Error, validate(s));
        s = m_study;
        s.steps = {50, 20};
        QVERIFY_THROWS_EXCEPTION(Error, validate(s));
        s = m_study;
        s.steps = {20, 500}; // larger than L = 200
        CancelFlagSink sink;
        QVERIFY_THROWS_EXCEPTION(Error, runSufficiencyStudy(m_spec, m_train, m_data, s, sink));
    }
};

QTEST_GUILESS_MAIN(tst_Sufficiency)
#include "tst_sufficiency.moc"
