// The active-learning study: its protocol's config, rounds and cells, the fairness it promises
// (a shared round 0, equal steps, disjoint picks), determinism, refusals, cell checks and the
// round trip through a session with censored "labels needed".
#include "wb/activestudy.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/progress.h"
#include "wb/session.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

using namespace wb::core;
using nlohmann::json;

class tst_ActiveStudy : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_data;

    ActiveStudySetup tinySetup(std::vector<std::string> strategies, const std::string &model = "lenet5") const
    {
        ActiveStudySetup s;
        s.active.strategies = std::move(strategies);
        s.active.initial = 20;
        s.active.budget = 15;
        s.active.maxLabels = 50;
        s.active.trials = 2;
        s.active.stepsPerRound = 12;
        s.active.mcPasses = 4;
        s.active.baselineSeeds = 1;
        s.active.poolSize = 300;
        s.active.testSize = 200;
        s.active.limitMode = "first";
        s.active.seed = 5;
        s.train.optimizer = "adam";
        s.train.lr = 1e-3;
        s.train.batchSize = 16;
        s.train.device = "cpu";
        s.model = model;
        s.spec = presetSpec(model, 0, {1, 28, 28}, 10);
        s.dataset = WB_TEST_SHARED_DATA "/mnist10k";
        return s;
    }

    static json runCell(const StudyPlan &plan, int cell)
    {
        CancelFlagSink sink;
        return json::parse(plan.runCell(cell, sink));
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<SkippedFile> skipped;
        m_data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
    }

    void configIsCheckedAndRoundTrips()
    {
        ActiveConfig c = tinySetup({"uniform", "margin"}).active;
        validate(c);
        const ActiveConfig back = activeConfigFromJson(toJson(c));
        QCOMPARE(back.strategies, c.strategies);
        QCOMPARE(back.maxLabels, c.maxLabels);
        QCOMPARE(back.stepsPerRound, c.stepsPerRound);
        QCOMPARE(toJson(back), toJson(c));

        auto refused = [&](auto change, const char *field) {
            ActiveConfig bad = c;
            change(bad);
            try {
                validate(bad);
            } catch (const Error &e) {
                return std::string(e.what()).find(field) != std::string::npos;
            }
            return false;
        };
        QVERIFY(refused([](ActiveConfig &x) { x.strategies = {"margin", "random"}; }, "unknown strategy 'random'"));
        QVERIFY(refused([](ActiveConfig &x) { x.strategies = {"margin", "margin"}; }, "named twice"));
        QVERIFY(refused([](ActiveConfig &x) { x.strategies.clear(); }, "strategies"));
        QVERIFY(refused([](ActiveConfig &x) { x.maxLabels = 10; }, "max labels"));
        QVERIFY(refused([](ActiveConfig &x) { x.budget = 0; }, "budget"));
        QVERIFY(refused([](ActiveConfig &x) { x.trials = 0; }, "trials"));
        QVERIFY(refused([](ActiveConfig &x) { x.stepsPerRound = 0; }, "steps per round"));
        QVERIFY(refused([](ActiveConfig &x) { x.mcPasses = 1; }, "MC passes"));
        QVERIFY(refused([](ActiveConfig &x) { x.marginWeight = x.discriminatorWeight = 0; }, "both are 0"));
        QVERIFY(refused([](ActiveConfig &x) { x.marginWeight = std::nan(""); }, "margin weight"));
        QVERIFY(refused([](ActiveConfig &x) { x.budget = 1, x.maxLabels = 5000; }, "more than 1000 rounds"));
        QVERIFY_THROWS_EXCEPTION(Error, activeConfigFromJson("{\"strategies\": [\"margin\"]}"));
        QVERIFY_THROWS_EXCEPTION(Error, activeConfigFromJson("[1, 2]"));
    }

    void roundsCellsAndBaselineBudget()
    {
        ActiveConfig c;
        c.initial = 100;
        c.budget = 120;
        c.maxLabels = 400;
        QCOMPARE(activeRoundLabels(c), (std::vector<std::int64_t>{100, 220, 340, 400})); // the last capped
        c.maxLabels = 100;
        QCOMPARE(activeRoundLabels(c), (std::vector<std::int64_t>{100}));
        c.maxLabels = 1000;
        c.stepsPerRound = 200;
        QCOMPARE(activeBaselineSteps(c, 8000), std::int64_t(1600)); // 0.2 steps per image × 8000
        QCOMPARE(activeBaselineSteps(c, 500), std::int64_t(200));   // never below a round's steps
        c.strategies = {"uniform", "margin", "entropy"};
        c.trials = 4;
        c.baselineSeeds = 2;
        QCOMPARE(activeCellCount(c), 14);
        QCOMPARE(activeCellKey(c, 0).strategy, 0);
        QCOMPARE(activeCellKey(c, 5).strategy, 1);
        QCOMPARE(activeCellKey(c, 5).trial, 1);
        QCOMPARE(activeCellKey(c, 11).strategy, 2);
        QCOMPARE(activeCellKey(c, 11).trial, 3);
        QCOMPARE(activeCellKey(c, 13).strategy, -1);
        QCOMPARE(activeCellKey(c, 13).trial, 1);
        QCOMPARE(quantile({3, 1, std::nan(""), 2, 4}, 0.5), 2.5);
        QCOMPARE(quantile({1, 2, 3, 4, 5}, 0.25), 2.0);
        QVERIFY(std::isnan(quantile({}, 0.5)));
    }

    // The strategies of a trial share round 0 (initial set, weights, batch order: identical
    // accuracy), take the same steps every round, and never pick an image twice.
    void trialsAreFairAndPicksDisjoint()
    {
        const ActiveStudySetup s = tinySetup({"uniform", "least-confidence", "margin", "entropy", "coreset"});
        const auto plan = activePlan(s, m_data);
        QCOMPARE(plan->cellCount(), 5 * 2 + 1);
        std::vector<json> cells;
        for (int strategy = 0; strategy < 5; ++strategy)
            cells.push_back(runCell(*plan, strategy * 2)); // trial 0 of each
        const std::vector<std::int64_t> labels{20, 35, 50};
        std::set<std::int64_t> pool;
        for (std::size_t i = 0; i < 300; ++i)
            pool.insert(std::int64_t(i)); // limit mode "first": the first 300 training images
        for (const auto &j : cells) {
            QCOMPARE(j["labels"].get<std::vector<std::int64_t>>(), labels);
            QCOMPARE(j["steps_per_round"].get<std::int64_t>(), s.active.stepsPerRound);
            QCOMPARE(j["accuracy"].size(), std::size_t(3));
            QCOMPARE(j["accuracy"][0].get<double>(), cells[0]["accuracy"][0].get<double>());
            QCOMPARE(j["picked"].size(), std::size_t(2));
            std::set<std::int64_t> seen;
            for (std::size_t r = 0; r < 2; ++r) {
                QCOMPARE(j["picked"][r].size(), std::size_t(15));
                for (std::size_t i = 0; i < 15; ++i) {
                    const auto id = j["picked"][r][i].get<std::int64_t>();
                    QVERIFY(pool.count(id));
                    QVERIFY2(seen.insert(id).second, "an image picked twice");
                    QCOMPARE(j["picked_labels"][r][i].get<std::int64_t>(), m_data.train.labels[std::size_t(id)]);
                }
            }
            QCOMPARE(activeCellError(s.active, 10, 2 * int(&j - &cells[0]), j.dump()), std::string());
        }
        // Scored strategies store their scores, highest first within a round; uniform none.
        QVERIFY(cells[0]["picked_scores"][0][0].is_null());
        const auto &margin = cells[2]["picked_scores"][0];
        for (std::size_t i = 1; i < margin.size(); ++i)
            QVERIFY(margin[i].get<double>() <= margin[i - 1].get<double>());
        QVERIFY(margin[0].get<double>() <= 0 && margin[0].get<double>() >= -1);
        // The strategies pick differently (margin vs uniform).
        QVERIFY(cells[0]["picked"] != cells[2]["picked"]);
    }

    void aCellIsAPureFunctionOfItsSeed()
    {
        const ActiveStudySetup s = tinySetup({"margin", "bald"}, "lenet5-dropout");
        const auto plan = activePlan(s, m_data);
        for (int cell : {1, 2}) { // margin trial 1, bald trial 0
            json a = runCell(*plan, cell), b = runCell(*plan, cell);
            a.erase("seconds");
            b.erase("seconds");
            QCOMPARE(a.dump(), b.dump());
        }
        // BALD's passes differ (dropout is on in them): mutual information > 0, not all alike.
        const json bald = runCell(*plan, 2);
        std::set<double> scores;
        for (const auto &round : bald["picked_scores"])
            for (const auto &v : round) {
                QVERIFY(v.get<double>() >= 0);
                scores.insert(v.get<double>());
            }
        QVERIFY(*scores.rbegin() > 1e-4);
        QVERIFY(scores.size() > 10);
        // Another master seed: another initial set.
        ActiveStudySetup other = s;
        other.active.seed = 6;
        json c = runCell(*activePlan(other, m_data), 1), d = runCell(*plan, 1);
        QVERIFY(c["picked"] != d["picked"]);
    }

    void adversarialAndBaselineCellsRun()
    {
        const ActiveStudySetup s = tinySetup({"adversarial"});
        const auto plan = activePlan(s, m_data);
        const json adv = runCell(*plan, 0);
        QCOMPARE(activeCellError(s.active, 10, 0, adv.dump()), std::string());
        QCOMPARE(adv["picked"][0].size(), std::size_t(15));
        for (const auto &score : adv["picked_scores"][0])
            QVERIFY(score.is_number() && std::isfinite(score.get<double>()));
        const json base = runCell(*plan, 2);
        QCOMPARE(base["kind"].get<std::string>(), std::string("baseline"));
        QCOMPARE(base["samples"].get<std::int64_t>(), std::int64_t(300));
        QCOMPARE(base["steps"].get<std::int64_t>(), activeBaselineSteps(s.active, 300)); // 12/50 × 300 = 72
        QCOMPARE(base["steps"].get<std::int64_t>(), std::int64_t(72));
        QCOMPARE(activeCellError(s.active, 10, 2, base.dump()), std::string());
    }

    void refusals()
    {
        auto message = [&](const ActiveStudySetup &s) -> std::string {
            try {
                activePlan(s, m_data);
            } catch (const Error &e) {
                return e.what();
            }
            return {};
        };
        const std::string bald = message(tinySetup({"bald"}));
        QVERIFY2(bald.find("no dropout") != std::string::npos && bald.find("lenet5-dropout") != std::string::npos,
                 bald.c_str());
        ActiveStudySetup big = tinySetup({"margin"});
        big.active.maxLabels = 301;
        QVERIFY(message(big).find("301 is more than the 300 images of the pool") != std::string::npos);
        ActiveStudySetup wrongInput = tinySetup({"margin"});
        wrongInput.spec = presetSpec("lenet5", 0, {3, 32, 32}, 10);
        QVERIFY(message(wrongInput).find("input") != std::string::npos);
    }

    void damagedCellsAreRefused()
    {
        const ActiveStudySetup s = tinySetup({"uniform"});
        const json good = runCell(*activePlan(s, m_data), 0);
        QCOMPARE(activeCellError(s.active, 10, 0, good.dump()), std::string());
        auto broken = [&](auto change, int cell = 0) {
            json j = good;
            change(j);
            return activeCellError(s.active, 10, cell, j.dump());
        };
        QVERIFY(!broken([](json &j) { j["trial"] = 1; }).empty());
        QVERIFY(!broken([](json &j) { j["strategy"] = "margin"; }).empty());
        QVERIFY(!broken([](json &j) { j["accuracy"][1] = 1.5; }).empty());
        QVERIFY(!broken([](json &j) { j["accuracy"].erase(2); }).empty()); // short without a message
        QVERIFY(!broken([](json &j) { j["picked"][0].erase(0); }).empty());
        QVERIFY(!broken([](json &j) { j["picked"][0][0] = -3; }).empty());
        QVERIFY(!broken([](json &j) { j["picked_labels"] = "x"; }).empty());
        QVERIFY(!broken([](json &j) { j["picked_labels"][0][0] = 10; }).empty()); // a class the model has not
        QVERIFY(!broken([](json &j) { j["picked"][1][0] = j["picked"][0][0]; }).empty()); // picked twice
        QVERIFY(!broken([](json &j) { j["steps_per_round"] = 13; }).empty());
        QVERIFY(!broken([](json &j) { j["labels"] = {1, 2, 3}; }).empty());
        QVERIFY(!broken([](json &j) { j.erase("seconds"); }).empty());
        QVERIFY(!broken([](json &) {}, 1).empty()); // trial 1's cell
        QVERIFY(!broken([](json &) {}, 99).empty());
        QVERIFY(!activeCellError(s.active, 10, 0, "[1]").empty());
        QVERIFY(!activeCellError(s.active, 10, 0, "not json").empty());
        // A diverged trial: its rounds so far, a message, no more.
        QCOMPARE(broken([](json &j) {
                     j["accuracy"] = {0.5};
                     j["loss"] = {1.0};
                     j["picked"] = {j["picked"][0]};
                     j["picked_labels"] = {j["picked_labels"][0]};
                     j["picked_scores"] = {j["picked_scores"][0]};
                     j["message"] = "loss became nan";
                 }),
                 std::string());
    }

    void aStudyRoundTripsWithCensoredLevels()
    {
        QTemporaryDir dir;
        Session session(dir.filePath("a.wbs").toStdString(), Session::Mode::Create);
        ActiveStudySetup s = tinySetup({"uniform", "margin"});
        s.active.trials = 3;
        const std::int64_t id = createActiveStudy(session, s, m_data);
        CancelFlagSink sink;
        const auto plan = activePlan(s, m_data);
        const CellRunSummary run = runStoredStudy(session, id, *plan, 2, sink);
        QCOMPARE(run.done, 7);
        const ActiveStudyResult r = activeResultFromStudy(session, id, {0.05, 0.999});
        QCOMPARE(r.study.status, StudyStatus::Complete);
        QCOMPARE(r.labels, (std::vector<std::int64_t>{20, 35, 50}));
        QCOMPARE(r.strategies.size(), std::size_t(2));
        QCOMPARE(r.baseline.size(), std::size_t(1));
        for (const auto &st : r.strategies) {
            QCOMPARE(st.trials.size(), std::size_t(3));
            for (std::size_t round = 0; round < 3; ++round) {
                std::vector<double> at;
                for (const auto &t : st.trials)
                    at.push_back(t.accuracy[round]);
                std::sort(at.begin(), at.end());
                QCOMPARE(st.median[round], at[1]);
                QCOMPARE(st.q25[round], 0.5 * (at[0] + at[1]));
                QCOMPARE(st.q75[round], 0.5 * (at[1] + at[2]));
            }
            QCOMPARE(st.needed.size(), std::size_t(2));
            QCOMPARE(st.needed[0].reached, 3); // every trial is above 5% at once
            QCOMPARE(*st.needed[0].median, 20.0);
            QCOMPARE(st.needed[1].reached, 0); // 99.9% on 50 labels: censored, no median
            QVERIFY(!st.needed[1].median);
            const double area = (0.5 * (st.median[0] + st.median[1]) * 15 + 0.5 * (st.median[1] + st.median[2]) * 15) / 30;
            QVERIFY(std::abs(st.aulc - area) < 1e-12);
        }
        const json j = json::parse(activeResultJson(r));
        QCOMPARE(j["study_id"].get<std::int64_t>(), id);
        QCOMPARE(j["strategies"]["margin"]["accuracy"].size(), std::size_t(3));
        QVERIFY(j["strategies"]["margin"]["needed"][1]["median"].is_null());
        QCOMPARE(j["strategies"]["uniform"]["picked"][0].size(), std::size_t(2));
        QCOMPARE(j["baseline"]["runs"].size(), std::size_t(1));
        // A damaged cell is left out and named; the good ones next to it count.
        const std::int64_t id2 = createActiveStudy(session, s, m_data);
        session.commitCell(id2, StudyCell{0, "done", "{\"kind\": \"strategy\"}", 1, "h", "cpu", "", ""});
        session.commitCell(id2, session.studyCells(id)[1]);
        StudyCell beyond = session.studyCells(id)[2];
        json b = json::parse(beyond.resultJson);
        b["picked"][0][0] = 9999; // mnist10k has 8,000 training images
        beyond.resultJson = b.dump();
        session.commitCell(id2, beyond);
        const ActiveStudyResult damaged = activeResultFromStudy(session, id2);
        QCOMPARE(damaged.strategies[0].trials.size(), std::size_t(1));
        QCOMPARE(damaged.strategies[0].trials[0].trial, 1);
        QVERIFY(damaged.message.find("cell 0 ignored") != std::string::npos);
        QVERIFY2(damaged.message.find("cell 2 ignored ('picked' names an image beyond the 8000") != std::string::npos,
                 damaged.message.c_str());
        QCOMPARE(damaged.strategies[0].trials.size() + damaged.strategies[1].trials.size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(Error, activeResultFromStudy(session, id2 + 1));
    }
};

QTEST_GUILESS_MAIN(tst_ActiveStudy)
#include "tst_activestudy.moc"
