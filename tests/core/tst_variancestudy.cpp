// The variance study: its statistics against SciPy's numbers, the config, the cells (paired
// seeds, validation images moved per class, nested subsets) and a session round trip with a
// comparison and its verdict.
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/progress.h"
#include "wb/repeatstats.h"
#include "wb/session.h"
#include "wb/variancestudy.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace wb::core;

namespace {
const std::vector<double> kA{0.81, 0.83, 0.80, 0.82, 0.84};
const std::vector<double> kB{0.83, 0.85, 0.82, 0.86, 0.84};
} // namespace

class tst_VarianceStudy : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_data;

    VarianceStudySetup tinySetup() const
    {
        VarianceStudySetup s;
        s.variance.runs = 3;
        s.variance.betas = {1, 3, 10};
        s.variance.valPerClass = 20;
        s.variance.trainSize = 1000;
        s.variance.testSize = 100;
        s.variance.limitMode = "first";
        s.variance.seed = 5;
        for (const char *name : {"A", "B"}) {
            VarianceSetup v;
            v.name = name;
            v.model = "mlp";
            v.spec = presetSpec("mlp", 32, {1, 28, 28}, 10);
            v.train.optimizer = name[0] == 'A' ? "sgd" : "adam";
            v.train.lr = name[0] == 'A' ? 0.05 : 1e-3;
            v.train.epochs = 1;
            v.train.batchSize = 32;
            v.train.device = "cpu";
            s.setups.push_back(v);
        }
        s.dataset = WB_TEST_SHARED_DATA "/mnist10k";
        return s;
    }

    static nlohmann::json runCell(const StudyPlan &plan, int cell)
    {
        CancelFlagSink sink;
        return nlohmann::json::parse(plan.runCell(cell, sink));
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<SkippedFile> skipped;
        m_data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
    }

    void tDistributionMatchesScipy()
    {
        // scipy.stats.t.cdf / t.ppf (SciPy 1.10).
        QVERIFY(std::abs(studentTCdf(1.5, 3) - 0.8847080673775886) < 1e-12);
        QVERIFY(std::abs(studentTCdf(-2.1, 7.5) - 0.03561853572903902) < 1e-12);
        QVERIFY(std::abs(studentTCdf(0.3, 40) - 0.6171346416144904) < 1e-12);
        QVERIFY(std::abs(studentTQuantile(0.975, 4) - 2.7764451051977987) < 1e-9);
        QVERIFY(std::abs(studentTQuantile(0.8, 18) - 0.8620486679895988) < 1e-9);
        QVERIFY(std::abs(studentTQuantile(0.975, 1) - 12.706204736432095) < 1e-8);
        QVERIFY(std::abs(studentTQuantile(0.025, 2.5) + 3.574654842011878) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(Error, studentTQuantile(1.0, 3));
        QVERIFY_THROWS_EXCEPTION(Error, studentTCdf(1.0, 0));
    }

    void summaryMatchesScipy()
    {
        const MetricSummary s = summarise({0.81, 0.83, NAN, 0.80, 0.82, 0.84});
        QCOMPARE(s.n, 5);
        QVERIFY(std::abs(s.mean - 0.82) < 1e-15);
        QVERIFY(std::abs(s.std - 0.015811388300841858) < 1e-12);
        QVERIFY(std::abs(s.ciLow - 0.8003675683852245) < 1e-10);
        QVERIFY(std::abs(s.ciHigh - (0.82 + (0.82 - 0.8003675683852245))) < 1e-10);
        const MetricSummary one = summarise({0.5}); // one value: no spread, no interval
        QCOMPARE(one.mean, 0.5);
        QVERIFY(std::isnan(one.std) && std::isnan(one.ciLow) && std::isnan(one.ciHigh));
        QVERIFY(std::isnan(summarise({NAN}).mean));
    }

    void comparisonMatchesScipy()
    {
        // scipy.stats.ttest_rel(b, a): p 0.03410942316740986, 95% CI of the mean difference
        // 0.0024402193382982683 … 0.03755978066170168; ttest_ind(b, a, equal_var=False): t 2.0,
        // p 0.08051623795726219, df 8.
        const Comparison c = compareRepeats(kA, kB); // the same seeds: paired
        QCOMPARE(c.n, 5);
        QVERIFY(c.paired);
        QVERIFY(std::abs(c.difference - 0.02) < 1e-12);
        QVERIFY(std::abs(c.pValue - 0.03410942316740986) < 1e-9);
        QCOMPARE(c.pValue, c.pairedPValue);
        QVERIFY(std::abs(c.low - 0.0024402193382982683) < 1e-9);
        QVERIFY(std::abs(c.high - 0.03755978066170168) < 1e-9);
        QVERIFY(std::abs(c.welchDf - 8.0) < 1e-9);
        QVERIFY(std::abs(c.welchPValue - 0.08051623795726219) < 1e-9);
        QVERIFY(std::abs(c.welchLow + 0.0030600413503336713) < 1e-9);
        QVERIFY(std::abs(c.welchHigh - 0.04306004135033371) < 1e-9);
        // Paired power: (t.975 + t.8)(n − 1 df) σ_d/√n; the repeats needed agree with the exact
        // noncentral-t power of the paired test (scipy.stats.nct): 7 for 2%, 18 for 1%, 177 for 0.3%.
        QVERIFY(std::abs(c.minDetectable - 0.023510963184664776) < 1e-9);
        QCOMPARE(c.runsNeeded.value_or(-1), 7);
        QCOMPARE(pairedRepeatsNeeded(0.014142135623730963, 0.01).value_or(-1), 18);
        QCOMPARE(pairedRepeatsNeeded(0.014142135623730963, 0.003).value_or(-1), 177);
        // Unpaired (the seeds differ): Welch's t decides, the two-sample power.
        const Comparison u = compareRepeats(kA, kB, 0, 10000, 1, false);
        QVERIFY(!u.paired);
        QCOMPARE(u.pValue, u.welchPValue);
        QCOMPARE(u.low, u.welchLow);
        QVERIFY(std::isnan(u.bootstrapLow)); // a paired bootstrap needs pairs
        // Power: (t.975 + t.8) σ √(2/n) with SciPy's quantiles; the repeats needed agree with
        // the exact noncentral-t power (scipy.stats.nct) for these three differences.
        QVERIFY(std::abs(u.minDetectable - 0.03194893652800342) < 1e-9);
        QCOMPARE(u.runsNeeded.value_or(-1), 11);
        QCOMPARE(repeatsNeeded(0.015811388300841885, 0.01).value_or(-1), 41);
        QCOMPARE(repeatsNeeded(0.015811388300841885, 0.003).value_or(-1), 438);
        QVERIFY(!repeatsNeeded(0.1, 0).has_value());
        QVERIFY(!repeatsNeeded(1.0, 1e-4).has_value()); // beyond 100,000
        // Paired bootstrap: percentiles of resampled mean differences (b − a = 2,2,2,4,0 %).
        QVERIFY(c.bootstrapLow >= 0.0 - 1e-12 && c.bootstrapHigh <= 0.04 + 1e-12);
        QVERIFY(c.bootstrapLow < 0.02 && c.bootstrapHigh > 0.02);
        const Comparison again = compareRepeats(kA, kB);
        QCOMPARE(again.bootstrapLow, c.bootstrapLow); // seeded
        // Below 5 pairs the bootstrap's resamples take too few values: no interval.
        QVERIFY(std::isnan(compareRepeats({0.5, 0.6, 0.7}, {0.6, 0.6, 0.8}).bootstrapLow));
        QVERIFY_THROWS_EXCEPTION(Error, compareRepeats({0.5, NAN}, {0.6, 0.7}));
        QVERIFY_THROWS_EXCEPTION(Error, compareRepeats({0.5, 0.6}, {0.6}));
    }

    void verdictSaysWhatTheNumbersSay()
    {
        // Paired (shared seeds): the paired t decides (p 0.034), Welch's (0.081) is the check.
        const std::string paired = comparisonVerdict(compareRepeats(kA, kB), "A", "B", true, true);
        QVERIFY2(paired.rfind("B is better by 2%", 0) == 0, paired.c_str());
        QVERIFY2(paired.find("paired t, p = 0.034 over the shared seeds; check: Welch's t, p = 0.081") != std::string::npos,
                 paired.c_str());
        // Unpaired: Welch's t (0.081) decides.
        const std::string unclear = comparisonVerdict(compareRepeats(kA, kB, 0, 10000, 1, false), "A", "B", true, true);
        QVERIFY2(unclear.find("not distinguishable with 5 repeats") != std::string::npos, unclear.c_str());
        QVERIFY2(unclear.find("about 11 repeats would be needed for 2%") != std::string::npos, unclear.c_str());
        QVERIFY2(unclear.find("Welch's t, p = 0.081; the seeds differ") != std::string::npos, unclear.c_str());
        std::vector<double> better;
        for (double v : kA)
            better.push_back(v + 0.05 + (v - 0.82) * 0.1);
        const std::string clear = comparisonVerdict(compareRepeats(kA, better), "A", "B", true, true);
        QVERIFY2(clear.rfind("B is better by 5%", 0) == 0, clear.c_str());
        QVERIFY2(clear.find("real at 95%") != std::string::npos, clear.c_str());
        // A loss: lower is better.
        const std::string loss = comparisonVerdict(compareRepeats(kA, better), "A", "B", false, false);
        QVERIFY2(loss.rfind("A is better by 0.05", 0) == 0, loss.c_str());
        // No spread at all (one test image, say): no p-value, no interval, no verdict of "real".
        const Comparison flat = compareRepeats({0, 0, 0}, {1, 1, 1});
        QVERIFY(std::isnan(flat.pValue) && std::isnan(flat.welchLow) && std::isnan(flat.minDetectable));
        QVERIFY(!flat.runsNeeded);
        const std::string same = comparisonVerdict(flat, "A", "B", true, true);
        QVERIFY2(same.find("every repeat gave the same value") != std::string::npos, same.c_str());
        // The same difference in every repeat: no spread for the paired test, and it is said.
        const std::string constant = comparisonVerdict(compareRepeats({0.5, 0.6, 0.7}, {0.6, 0.7, 0.8}), "A", "B", true, true);
        QVERIFY2(constant.find("B − A is 10% in every one of the 3 repeats") != std::string::npos, constant.c_str());
    }

    // The setup summary always names what differs between A and B (issue 34), seed aside.
    void setupDifferencesAreNamed()
    {
        TrainConfig a, b;
        b.lr = a.lr * 3;
        b.schedule = "flatcos";
        b.seed = a.seed + 7; // replaced per repeat: not a difference of the setups
        const auto d = configDifferences(a, b);
        QCOMPARE(d.size(), std::size_t(2));
        QCOMPARE(differencesText(d), std::string("lr 0.01 → 0.03, schedule constant → flatcos"));
        QVERIFY(configDifferences(a, a).empty());
        QCOMPARE(configDifferences(a, b, false).size(), std::size_t(3));
    }

    void configIsCheckedAndRoundTrips()
    {
        VarianceConfig c = tinySetup().variance;
        const VarianceConfig back = varianceConfigFromJson(toJson(c));
        QCOMPARE(back.betas, c.betas);
        QCOMPARE(back.valPerClass, c.valPerClass);
        QCOMPARE(back.seed, c.seed);
        auto refused = [](VarianceConfig v) {
            try {
                validate(v);
            } catch (const Error &e) {
                return std::string(e.what());
            }
            return std::string();
        };
        VarianceConfig bad = c;
        bad.runs = 1;
        QVERIFY(refused(bad).find("runs") != std::string::npos);
        bad = c;
        bad.betas = {3, 1};
        QVERIFY(refused(bad).find("ascending") != std::string::npos);
        bad.betas = {0};
        QVERIFY(refused(bad).find("betas") != std::string::npos);
        bad = c;
        bad.valPerClass = 0;
        bad.resplit = true;
        QVERIFY(refused(bad).find("resplit") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(Error, varianceConfigFromJson(R"({"runs": 2.5, "betas": [1]})"));
        QVERIFY_THROWS_EXCEPTION(Error, varianceStudySetup(R"({"variance": {"runs": 3, "betas": [1]}, "setups": []})"));
        QCOMPARE(varianceSubsetSizes(200), (std::vector<std::int64_t>{25, 50, 100, 200}));
        QCOMPARE(varianceSubsetSizes(3), (std::vector<std::int64_t>{1, 3}));
        QCOMPARE(varianceMetricNames(c),
                 (std::vector<std::string>{"accuracy", "smoothed_accuracy@1", "smoothed_accuracy@3",
                                           "smoothed_accuracy@10", "loss"}));
    }

    void cellsArePairedAndMeasureTheValidationImages()
    {
        const VarianceStudySetup setup = tinySetup();
        const auto plan = variancePlan(setup, m_data);
        QCOMPARE(plan->cellCount(), 6);
        const auto a0 = runCell(*plan, 0), b0 = runCell(*plan, 3), a1 = runCell(*plan, 1);
        QCOMPARE(a0["seed"], b0["seed"]); // repeat 1 of A and B: one seed
        QVERIFY(a0["seed"] != a1["seed"]);
        QCOMPARE(a0["eval_images"].get<int>(), 200);  // 20 per class, 10 classes
        QCOMPARE(a0["train_images"].get<int>(), 800); // moved out of the 1,000
        QCOMPARE(a0["subset_sizes"], nlohmann::json({25, 50, 100, 200}));
        const auto &m = a0["metrics"];
        QVERIFY(m["accuracy"].get<double>() > 0.5); // an mlp on 800 digits, one epoch
        QCOMPARE(a0["subset_accuracy"].back().get<double>(), m["accuracy"].get<double>());
        // β → large: the smoothed accuracy approaches the accuracy; β = 1 stays below it.
        QVERIFY(std::abs(m["smoothed_accuracy@10"].get<double>() - m["accuracy"].get<double>())
                < std::abs(m["smoothed_accuracy@1"].get<double>() - m["accuracy"].get<double>()));
        QVERIFY(m["loss"].get<double>() > 0);
        // The same cell again: the same numbers (a pure function of config and index).
        QCOMPARE(runCell(*plan, 0)["metrics"], a0["metrics"]);
        QCOMPARE(varianceCellError(setup, 0, a0.dump()), std::string());
        QCOMPARE(varianceCellError(setup, 3, b0.dump()), std::string());

        // Damaged results are named.
        auto damaged = [&](const std::function<void(nlohmann::json &)> &edit, int cell = 0) {
            nlohmann::json j = a0;
            edit(j);
            return varianceCellError(setup, cell, j.dump());
        };
        QVERIFY(damaged([](auto &j) { j["metrics"]["accuracy"] = 1.5; }).find("accuracy") != std::string::npos);
        QVERIFY(damaged([](auto &j) { j["metrics"].erase("loss"); }).find("loss") != std::string::npos);
        QVERIFY(damaged([](auto &j) { j["seed"] = 7; }).find("seed") != std::string::npos);
        QVERIFY(damaged([](auto &) {}, 1).find("another cell") != std::string::npos);
        QVERIFY(damaged([](auto &j) { j["subset_accuracy"] = {0.5}; }).find("subset") != std::string::npos);
        QVERIFY(damaged([](auto &j) { j["eval_images"] = 199; }).find("subset_sizes") != std::string::npos);
        QVERIFY(!varianceCellError(setup, 0, "[1,2]").empty());
        // A value nested 200,000 deep is named by its kind, not printed (the printer recurses).
        const std::string deep = std::string(200000, '[') + std::string(200000, ']');
        nlohmann::json shallow = a0;
        shallow["metrics"]["accuracy"] = "DEEP";
        std::string hostile = shallow.dump();
        hostile.replace(hostile.find("\"DEEP\""), 6, deep);
        QVERIFY(!varianceCellError(setup, 0, hostile).empty());

        // Resplit: every repeat measures other validation images.
        VarianceStudySetup resplit = setup;
        resplit.variance.resplit = true;
        const auto rplan = variancePlan(resplit, m_data);
        QVERIFY(runCell(*rplan, 0)["metrics"] != a0["metrics"]);
    }

    void refusesWhatDoesNotFit()
    {
        VarianceStudySetup s = tinySetup();
        s.variance.valPerClass = 100; // 1,000 first digits: some class has fewer than 101
        try {
            variancePlan(s, m_data);
            QFAIL("accepted more validation images than a class has");
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find("validation per class") != std::string::npos, e.what());
        }
        s = tinySetup();
        s.setups[1].spec = presetSpec("mlp", 32, {3, 32, 32}, 10);
        QVERIFY_THROWS_EXCEPTION(Error, variancePlan(s, m_data));
    }

    void studyRoundTripComparesPairs()
    {
        QTemporaryDir dir;
        Session session(dir.filePath("v.wbsession").toStdString(), Session::Mode::Create);
        VarianceStudySetup setup = tinySetup();
        setup.variance.valPerClass = 0; // on the 100 test images
        const std::int64_t id = createVarianceStudy(session, setup, m_data);
        QCOMPARE(session.study(id).name, std::string("A vs B × 3 repeats"));
        const auto plan = variancePlan(setup, m_data);
        CancelFlagSink sink;
        const CellRunSummary run = runStoredStudy(session, id, *plan, 2, sink);
        QCOMPARE(run.done, 6);
        const VarianceStudyResult r = varianceResultFromStudy(session, id);
        QCOMPARE(r.study.status, StudyStatus::Complete);
        QCOMPARE(r.setups.size(), std::size_t(2));
        QCOMPARE(r.setups[1].runs.size(), std::size_t(3));
        QCOMPARE(r.subsetSizes, (std::vector<std::int64_t>{12, 25, 50, 100}));
        // The summary is the summary of the stored values; the comparison pairs repeat by repeat.
        std::vector<double> a, b;
        for (int i = 0; i < 3; ++i) {
            a.push_back(r.setups[0].runs[std::size_t(i)].metrics.at("accuracy"));
            b.push_back(r.setups[1].runs[std::size_t(i)].metrics.at("accuracy"));
        }
        QCOMPARE(r.setups[0].summary.at("accuracy").mean, summarise(a).mean);
        QVERIFY(r.comparisons[1].has_value());
        QCOMPARE(r.comparisons[1]->difference, summarise(b).mean - summarise(a).mean);
        QVERIFY(r.comparisons[1]->paired); // repeat k of A and B shared its seed
        QCOMPARE(r.comparisons[1]->pValue, compareRepeats(a, b, 0, 10000, setup.variance.seed, true).pValue);
        QVERIFY(!r.verdicts[1].empty());
        QCOMPARE(r.relativeNoise.size(), r.metricNames.size());
        const double bias3 = r.setups[0].bias.at(3.0);
        QVERIFY(std::abs(bias3 - (r.setups[0].summary.at("smoothed_accuracy@3").mean
                                  - r.setups[0].summary.at("accuracy").mean))
                < 1e-12);
        const auto j = nlohmann::json::parse(varianceResultJson(r));
        QCOMPARE(j["metric"], "accuracy");
        QCOMPARE(j["a"]["name"], "A");
        QCOMPARE(j["b"]["runs"].size(), std::size_t(3));
        QVERIFY(j["difference"].contains("p_value"));
        QCOMPARE(j["difference"]["test"], "paired t");
        QVERIFY(j["verdict"].is_string());
        QVERIFY(j.contains("min_detectable"));
        QCOMPARE(j["a"]["validation_size"].size(), std::size_t(4));
        QVERIFY_THROWS_EXCEPTION(Error, varianceResultFromStudy(session, id, "f1"));
        const VarianceStudyResult byLoss = varianceResultFromStudy(session, id, "loss");
        QCOMPARE(byLoss.metric, std::string("loss"));
    }
};

QTEST_GUILESS_MAIN(tst_VarianceStudy)
#include "tst_variancestudy.moc"
