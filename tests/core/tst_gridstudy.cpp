// The scaling grid study: widths and fractions, nested stratified subsets, the cell index,
// equal-step budgets, per-cell FLOPs and its round trip through a session.
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/gridstudy.h"
#include "wb/modelspec.h"
#include "wb/progress.h"
#include "wb/session.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

using namespace wb::core;

class tst_GridStudy : public QObject
{
    Q_OBJECT

private:
    DatasetPair m_data;

    GridStudySetup tinySetup(const std::string &budget) const
    {
        GridStudySetup s;
        s.grid.widths = {2, 4};
        s.grid.fractions = {1, 0.25};
        s.grid.seeds = 1;
        s.grid.budget = budget;
        s.grid.trainSize = 200;
        s.grid.testSize = 100;
        s.grid.limitMode = "first";
        s.grid.seed = 3;
        s.train.optimizer = "adamw";
        s.train.lr = 1e-3;
        s.train.epochs = 1;
        s.train.batchSize = 16;
        s.train.device = "cpu";
        s.model = "cnn";
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

    void widthsGrowBySqrtTwo()
    {
        // floor(6 · √2^k) in exact arithmetic (the published list has 11, 23, 47 where the
        // exact values 12, 24, 48 are: a truncated √2 constant).
        QCOMPARE(gridWidths(6, 8), (std::vector<int>{6, 8, 12, 16, 24, 33, 48, 67}));
        QCOMPARE(gridWidths(1, 4), (std::vector<int>{1, 2})); // 1, 1, 2, 2: repeats dropped
        QCOMPARE(gridFractions(4), (std::vector<double>{1, 0.5, 0.25, 0.125}));
        QVERIFY_THROWS_EXCEPTION(Error, gridWidths(0, 3));
        QVERIFY_THROWS_EXCEPTION(Error, gridWidths(60000, 8)); // passes 65536
        QVERIFY_THROWS_EXCEPTION(Error, gridFractions(0));
    }

    void configIsCheckedAndRoundTrips()
    {
        GridConfig c = tinySetup("steps").grid;
        validate(c);
        const GridConfig back = gridConfigFromJson(toJson(c));
        QCOMPARE(back.widths, c.widths);
        QCOMPARE(back.fractions, c.fractions);
        QCOMPARE(back.budget, c.budget);
        QCOMPARE(back.seed, c.seed);
        auto refused = [](GridConfig bad, const char *expected) {
            try {
                validate(bad);
            } catch (const Error &e) {
                return QString(e.what()).contains(expected);
            }
            return false;
        };
        GridConfig b = c;
        b.widths = {4, 2};
        QVERIFY(refused(b, "ascending"));
        b = c;
        b.fractions = {0.5, 1};
        QVERIFY(refused(b, "descending"));
        b.fractions = {1, 0};
        QVERIFY(refused(b, "(0, 1]"));
        b = c;
        b.budget = "tokens";
        QVERIFY(refused(b, "budget"));
        b = c;
        b.seeds = 0;
        QVERIFY(refused(b, "seeds"));
    }

    void cellIndexIsWidthMajor()
    {
        GridConfig c;
        c.widths = {2, 4, 8};
        c.fractions = {1, 0.5};
        c.seeds = 3;
        int cell = 0;
        for (int w = 0; w < 3; ++w)
            for (int f = 0; f < 2; ++f)
                for (int s = 0; s < 3; ++s, ++cell) {
                    const GridCellKey k = gridCellKey(c, cell);
                    QCOMPARE(k.width, w);
                    QCOMPARE(k.fraction, f);
                    QCOMPARE(k.seed, s);
                }
    }

    void everyPrefixIsStratified()
    {
        std::vector<std::int64_t> labels; // unequal classes: 500, 300, 150, 50
        for (int c = 0; c < 4; ++c)
            labels.insert(labels.end(), std::vector<int>{500, 300, 150, 50}[std::size_t(c)], c);
        const auto order = stratifiedOrder(labels, 7);
        QCOMPARE(order.size(), labels.size());
        auto sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(sorted[i], i); // a permutation
        QCOMPARE(stratifiedOrder(labels, 7), order);
        QVERIFY(stratifiedOrder(labels, 8) != order);
        std::vector<double> count(4, 0);
        double worst = 0;
        for (std::size_t m = 1; m <= order.size(); ++m) {
            ++count[std::size_t(labels[order[m - 1]])];
            for (int c = 0; c < 4; ++c) {
                const double share = std::vector<double>{500, 300, 150, 50}[std::size_t(c)] / 1000.0;
                worst = std::max(worst, std::abs(count[std::size_t(c)] - share * double(m)));
            }
        }
        QVERIFY2(worst <= 2.0, qPrintable(QString("a prefix is %1 images off its class share").arg(worst)));
    }

    void flopsAreCountedLayerByLayer()
    {
        // 1×5×5 input: normalisation 2·25 = 50; conv 1→2 k3 (bias): 2·162 MACs + 18 bias adds = 342;
        // relu 18; maxpool k2 → 2×1×1: 2·(4−1) = 6; flatten 0; linear 2→3: 2·6 + 3 = 15.
        ModelSpec s;
        s.input = {1, 5, 5};
        s.classes = 3;
        s.layers = {{"conv2d", {{"out", 2}, {"kernel", 3}}}, {"relu", {}}, {"maxpool2d", {{"kernel", 2}}},
                    {"flatten", {}}, {"linear", {{"out", 3}}}};
        ShapeReport r = inferShapes(s);
        QCOMPARE(r.layers[0].flops, std::int64_t(342));
        QCOMPARE(r.layers[1].flops, std::int64_t(18));
        QCOMPARE(r.layers[2].flops, std::int64_t(6));
        QCOMPARE(r.layers[4].flops, std::int64_t(15));
        QCOMPARE(r.totalFlops, std::int64_t(50 + 342 + 18 + 6 + 15));
        // batchnorm 2 per element; adaptive average pool 3→2 (windows [0,2) and [1,3)): 2·4·4;
        // residual 2→2 on 3×3: 2·648 MACs + 9·2·7 (two bn, two relu, the add).
        s.layers = {{"conv2d", {{"out", 2}, {"kernel", 3}, {"padding", 1}, {"bias", 0}}},
                    {"batchnorm2d", {}},
                    {"residual", {{"out", 2}}},
                    {"adaptiveavgpool2d", {{"output", 2}}},
                    {"flatten", {}},
                    {"linear", {{"out", 3}, {"bias", 0}}}};
        s.input = {1, 3, 3};
        r = inferShapes(s);
        QCOMPARE(r.layers[0].flops, std::int64_t(2 * 2 * 9 * 9));
        QCOMPARE(r.layers[1].flops, std::int64_t(2 * 18));
        QCOMPARE(r.layers[2].flops, std::int64_t(2 * 648 + 9 * 2 * 7));
        QCOMPARE(r.layers[3].flops, std::int64_t(2 * 4 * 4));
        QCOMPARE(r.layers[5].flops, std::int64_t(2 * 8 * 3));
        // a strided residual adds its 1×1 projection and its bn
        s.layers[2] = {"residual", {{"out", 4}, {"stride", 2}}};
        s.layers[5] = {"linear", {{"out", 3}}};
        r = inferShapes(s);
        const std::int64_t P = 4; // 2×2 positions
        QCOMPARE(r.layers[2].flops, std::int64_t(2 * P * (9 * 2 * 4 + 9 * 4 * 4 + 2 * 4) + P * 4 * 9));
    }

    void lenetTakesAChannelMultiplier()
    {
        const ModelSpec base = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        const ModelSpec six = presetSpec("lenet5", 6, {1, 28, 28}, 10);
        QCOMPARE(toJson(six), toJson(base));
        const ModelSpec twelve = presetSpec("tutorial-cnn", 12, {1, 28, 28}, 10);
        QCOMPARE(twelve.layers[0].params.at("out"), 12.0);
        QCOMPARE(twelve.layers[2].params.at("out"), 32.0);
        QCOMPARE(twelve.layers[5].params.at("out"), 240.0);
        QCOMPARE(twelve.layers[7].params.at("out"), 168.0);
        QVERIFY_THROWS_EXCEPTION(Error, presetSpec("linear", 4, {1, 28, 28}, 10));
    }

    void equalStepsRepeatTheSmallSubsets()
    {
        const auto steps = gridPlan(tinySetup("steps"), m_data);
        const auto epochs = gridPlan(tinySetup("epochs"), m_data);
        QCOMPARE(steps->cellCount(), 4);
        // cell 1: width 2, a quarter (50 images)
        const auto a = runCell(*steps, 1), b = runCell(*epochs, 1), full = runCell(*steps, 0);
        QCOMPARE(a["samples"].get<int>(), 50);
        QCOMPARE(full["samples"].get<int>(), 200);
        QCOMPARE(a["steps"].get<int>(), 13); // ceil(200 / 16): as many as the full-data cell
        QCOMPARE(full["steps"].get<int>(), 13);
        QCOMPARE(b["steps"].get<int>(), 4); // ceil(50 / 16)
        const ShapeReport shapes = inferShapes(presetSpec("cnn", 2, {1, 28, 28}, 10));
        QCOMPARE(a["params"].get<std::int64_t>(), shapes.totalParameters);
        QCOMPARE(a["flops"].get<std::int64_t>(), shapes.totalFlops);
        QCOMPARE(a["train_flops"].get<double>(), 3.0 * double(shapes.totalFlops) * 200);
        QCOMPARE(b["train_flops"].get<double>(), 3.0 * double(shapes.totalFlops) * 50);
        for (const auto &cell : {a, b, full}) {
            for (const char *k : {"train_loss", "test_loss", "train_accuracy", "test_accuracy"})
                QVERIFY2(cell[k].is_number(), k);
            QVERIFY(cell["test_accuracy"].get<double>() >= 0 && cell["test_accuracy"].get<double>() <= 1);
        }
        QCOMPARE(gridCellError(tinySetup("steps").grid, a.dump()), std::string());
        // a cell is a pure function of the config and its index
        auto again = runCell(*steps, 1);
        auto withoutSeconds = [](nlohmann::json j) {
            j.erase("seconds");
            return j;
        };
        QCOMPARE(withoutSeconds(again), withoutSeconds(a));
        QVERIFY(a["seed"] != full["seed"]); // each cell its own seed
    }

    void badResultsAreNamed()
    {
        const GridConfig c = tinySetup("steps").grid;
        nlohmann::json j = {{"width", 2},        {"fraction", 1},       {"seed", 1},          {"params", 100},
                            {"samples", 200},    {"flops", 1000},       {"train_flops", 6e5}, {"steps", 13},
                            {"epochs", 1},       {"train_loss", 0.5},   {"test_loss", 0.6},   {"train_accuracy", 0.8},
                            {"test_accuracy", 0.7}, {"train_smoothed_accuracy", 0.7},
                            {"test_smoothed_accuracy", 0.6}, {"seconds", 1.5}};
        QCOMPARE(gridCellError(c, j.dump()), std::string());
        auto error = [&](const char *key, nlohmann::json value) {
            nlohmann::json bad = j;
            bad[key] = value;
            return QString::fromStdString(gridCellError(c, bad.dump()));
        };
        QVERIFY(error("test_accuracy", 1.5).contains("test_accuracy"));
        QVERIFY(error("width", 3).contains("not a width of the study"));
        QVERIFY(error("fraction", 0.3).contains("not a fraction"));
        QVERIFY(error("params", 2.5).contains("whole number"));
        QVERIFY(error("test_loss", "x").contains("expected a number"));
        QCOMPARE(error("test_loss", nullptr), QString()); // a diverged cell
        QVERIFY(!gridCellError(c, "[1]").empty());
    }

    void studyRoundTripsThroughASession()
    {
        QTemporaryDir dir;
        Session session(dir.filePath("s.wbsession").toStdString(), Session::Mode::Create);
        GridStudySetup setup = tinySetup("epochs");
        setup.grid.fractions = {1, 0.5, 0.25};
        setup.grid.widths = {2, 3, 4};
        const std::int64_t id = createGridStudy(session, setup, m_data);
        const auto plan = gridPlan(setup, m_data);
        CancelFlagSink sink;
        const CellRunSummary summary = runStoredStudy(session, id, *plan, 2, sink);
        QCOMPARE(summary.done, 9);
        const GridStudyResult r = gridResultFromStudy(session, id);
        QCOMPARE(r.study.status, StudyStatus::Complete);
        QCOMPARE(r.cells.size(), std::size_t(9));
        QCOMPARE(r.setup.model, std::string("cnn"));
        std::map<int, std::int64_t> params;
        for (const auto &c : r.cells) {
            QCOMPARE(c.width, setup.grid.widths[std::size_t(gridCellKey(setup.grid, c.cell).width)]);
            QVERIFY(c.samples == 200 || c.samples == 100 || c.samples == 50);
            params[c.width] = c.params;
        }
        QVERIFY(params[2] < params[3] && params[3] < params[4]);
        auto points = gridScalingPoints(r.cells);
        QCOMPARE(points.size(), std::size_t(9));
        auto diverged = r.cells; // a loss beyond any fit (2.4e19 from lr 1e10) and a NaN one are left out
        diverged[0].testLoss = 2.4e19;
        diverged[1].testLoss = NAN;
        QCOMPARE(gridScalingPoints(diverged).size(), std::size_t(7));
        const auto cells = nlohmann::json::parse(gridCellsJson(r.cells));
        QCOMPARE(cells.size(), std::size_t(9));
        QCOMPARE(cells[4]["width"].get<int>(), 3);
        QVERIFY(cells[4].contains("test_smoothed_accuracy"));
        // the engine knows the type: its plan comes back from the stored config
        QCOMPARE(studyType("grid").checkCell(r.study.configJson, 0, session.studyCells(id)[0].resultJson), std::string());
    }

    void aFractionWithoutImagesIsRefused()
    {
        GridStudySetup s = tinySetup("steps");
        s.grid.fractions = {1, 0.001};
        try {
            gridPlan(s, m_data);
            QFAIL("a fraction of 0.2 images was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("0.001 of 200 training images is no image"), e.what());
        }
        s = tinySetup("steps");
        s.model = "linear";
        QVERIFY_THROWS_EXCEPTION(Error, gridPlan(s, m_data));
    }
};

QTEST_APPLESS_MAIN(tst_GridStudy)
#include "tst_gridstudy.moc"
