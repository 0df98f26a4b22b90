// The scaling study on the study engine: one cell per (width, fraction, seed).
#include "wb/gridstudy.h"

#include "studies/celljson.h"
#include "studies/gridtext.h"
#include "util/jsonutil.h"
#include "util/random.h"
#include "wb/dataconfig.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/modelspec.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

namespace wb::core {

namespace {
using detail::numberError;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMaxFitLoss = 1e12; // the largest loss fitScalingLaw takes: beyond, a cell diverged in effect

using detail::fractionText;

class GridPlan : public StudyPlan
{
public:
    GridPlan(const GridStudySetup &setup, const DatasetPair &data) : m_setup(setup), m_data(data)
    {
        const GridConfig &c = m_setup.grid;
        validate(c);
        validate(m_setup.train);
        DataConfig dc;
        dc.valFraction = 0;
        dc.trainLimit = c.trainSize;
        dc.testLimit = c.testSize;
        dc.limitMode = c.limitMode;
        dc.seed = c.seed;
        const DataSelection sel = selectData(m_data, dc);
        if (sel.test.empty())
            throw Error(ErrorCode::InvalidArgument, "grid: the dataset has no test images");
        m_test = sel.test;
        std::vector<std::int64_t> labels;
        for (auto i : sel.train)
            labels.push_back(m_data.train.labels[i]);
        for (auto p : stratifiedOrder(labels, c.seed))
            m_order.push_back(sel.train[p]);
        const auto N = std::int64_t(m_order.size());
        for (double f : c.fractions) {
            const auto n = std::int64_t(std::llround(f * double(N)));
            if (n < 1)
                throw Error(ErrorCode::InvalidArgument, "fractions: " + fractionText(f) + " of "
                                                            + std::to_string(N) + " training images is no image");
            if (!m_samples.empty() && n == m_samples.back())
                throw Error(ErrorCode::InvalidArgument, "fractions: " + fractionText(f) + " gives the same "
                                                            + std::to_string(n) + " images as the fraction before it");
            m_samples.push_back(n);
        }
        const std::array<int, 3> input{m_data.train.channels, m_data.train.height, m_data.train.width};
        const int classes = std::max(2, m_data.train.classCount());
        if (m_setup.model == "linear" && m_setup.modelFiles.empty())
            throw Error(ErrorCode::InvalidArgument, "model: 'linear' has no width to scale "
                                                    "(use mlp, lenet5, tutorial-cnn, cnn, resnet18 or xresnet18)");
        const auto &files = m_setup.modelFiles;
        if (!files.empty()) { // the user's family: widths are positions in it
            for (std::size_t i = 0; i < c.widths.size(); ++i)
                if (c.widths[i] != int(i) + 1 || c.widths.size() != files.size())
                    throw Error(ErrorCode::InvalidArgument,
                                "widths: a grid of " + std::to_string(files.size()) + " model files has widths 1 to "
                                    + std::to_string(files.size()) + " (positions in the family)");
        }
        for (int w : c.widths) {
            ModelSpec spec;
            if (!files.empty()) {
                spec = files[std::size_t(w - 1)];
                if (!spec.isScript())
                    throw Error(ErrorCode::InvalidArgument, "model files: entry " + std::to_string(w) + " is not a TorchScript model");
                spec.input = input;
                spec.classes = classes;
            } else {
                spec = presetSpec(m_setup.model, w, input, classes);
            }
            ShapeReport shapes;
            try {
                shapes = inferShapes(spec);
            } catch (const Error &e) {
                throw Error(ErrorCode::BadSpec, (files.empty() ? m_setup.model + " width " + std::to_string(w)
                                                               : spec.script->fileName) + ": " + e.what());
            }
            m_specs.push_back(std::move(spec));
            m_params.push_back(shapes.totalParameters);
            m_flops.push_back(shapes.totalFlops);
        }
        m_device = resolveDevice(m_setup.train.device);
        m_stats = channelStats(subset(m_data.train, sel.train));
    }

    int cellCount() const override
    {
        const GridConfig &c = m_setup.grid;
        return int(c.widths.size() * c.fractions.size()) * c.seeds;
    }
    std::string device() const override { return m_device; }
    std::string cellLabel(int cell) const override
    {
        const GridCellKey k = gridCellKey(m_setup.grid, cell);
        const int w = m_setup.grid.widths[std::size_t(k.width)];
        std::string label = (m_setup.modelFiles.empty() ? "width " + std::to_string(w)
                                                        : m_setup.modelFiles[std::size_t(w - 1)].script->fileName) + ", "
                            + std::to_string(m_samples[std::size_t(k.fraction)]) + " images";
        if (m_setup.grid.seeds > 1)
            label += ", seed " + std::to_string(k.seed + 1);
        return label;
    }
    // CPU: one single-threaded cell per core; GPU: four cells at once keep it busy.
    int automaticWorkers() const override
    {
        if (m_setup.grid.workers > 0)
            return m_setup.grid.workers;
        return m_device != "cpu" ? 4 : cpuCores();
    }

    std::string runCell(int cell, ProgressSink &progress) const override
    {
        const auto t0 = std::chrono::steady_clock::now();
        const GridConfig &c = m_setup.grid;
        const GridCellKey k = gridCellKey(c, cell);
        const auto wi = std::size_t(k.width), fi = std::size_t(k.fraction);
        const auto n = std::size_t(m_samples[fi]);
        const std::vector<std::size_t> prefix(m_order.begin(), m_order.begin() + long(n));
        TrainData td;
        td.train = &m_data.train;
        td.trainIndices = prefix;
        if (c.budget == "steps") {
            // As many images per epoch as the whole set: the prefix repeated, then its first
            // images again (the prefix is already in a random, stratified order).
            td.trainIndices.reserve(m_order.size());
            while (td.trainIndices.size() < m_order.size())
                td.trainIndices.push_back(prefix[td.trainIndices.size() % n]);
        }
        td.valIndices = prefix; // the final train loss and accuracy, measured in evaluation mode
        td.test = &m_data.test;
        td.testIndices = m_test;
        td.normalization = m_stats;
        TrainConfig tc = m_setup.train;
        tc.threads = 1;
        tc.seed = cellSeed(cell);
        const TrainResult res = train(m_specs[wi], tc, td, progress);
        if (res.status == RunStatus::Cancelled)
            return {};
        const auto processed = std::int64_t(td.trainIndices.size()) * tc.epochs;
        const std::int64_t steps = tc.epochs * ((std::int64_t(td.trainIndices.size()) + tc.batchSize - 1) / tc.batchSize);
        nlohmann::json out = {{"width", c.widths[wi]},     {"fraction", c.fractions[fi]}, {"seed", tc.seed},
                              {"params", m_params[wi]},    {"samples", std::int64_t(n)},  {"flops", m_flops[wi]},
                              {"steps", steps},            {"epochs", tc.epochs}};
        double trainFlops = 3.0 * double(m_flops[wi]) * double(processed);
        std::vector<double> metrics(6, kNaN);
        if (res.status == RunStatus::Completed && res.test && !res.history.epochs.empty()) {
            const EpochRecord &last = res.history.epochs.back();
            metrics = {last.valLoss, res.test->loss, last.valAccuracy, res.test->accuracy, last.valSmoothedAccuracy,
                       res.test->smoothedAccuracy};
        } else {
            // Diverged: what was spent up to the failing batch.
            trainFlops = 3.0 * double(m_flops[wi]) * double(res.history.batches.size()) * double(tc.batchSize);
            out["message"] = "width " + std::to_string(c.widths[wi]) + ", " + std::to_string(n)
                             + " images: " + (res.message.empty() ? "did not complete" : res.message);
        }
        const char *names[] = {"train_loss", "test_loss", "train_accuracy", "test_accuracy",
                               "train_smoothed_accuracy", "test_smoothed_accuracy"};
        for (std::size_t m = 0; m < metrics.size(); ++m)
            out[names[m]] = std::isfinite(metrics[m]) ? nlohmann::json(metrics[m]) : nlohmann::json(nullptr);
        out["train_flops"] = trainFlops;
        out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        progress.setProgress(1.0, "test accuracy "
                                      + (std::isfinite(metrics[3]) ? std::to_string(metrics[3]).substr(0, 6) : "-"));
        return out.dump();
    }

    const std::vector<std::int64_t> &samples() const { return m_samples; }

private:
    // One seed per cell from the master seed and the cell's (width, images, seed index), so a
    // cell keeps its seed when the grid is extended by widths or fractions.
    std::uint64_t cellSeed(int cell) const
    {
        const GridCellKey k = gridCellKey(m_setup.grid, cell);
        const auto w = std::uint64_t(m_setup.grid.widths[std::size_t(k.width)]);
        const auto n = std::uint64_t(m_samples[std::size_t(k.fraction)]);
        const std::uint64_t stream = detail::mixSeed(detail::mixSeed(w, n), std::uint64_t(k.seed));
        return detail::mixSeed(m_setup.grid.seed, stream) >> 1; // stored as a JSON integer
    }

    GridStudySetup m_setup;
    const DatasetPair &m_data;
    std::vector<std::size_t> m_order, m_test;
    std::vector<std::int64_t> m_samples;
    std::vector<ModelSpec> m_specs;
    std::vector<std::int64_t> m_params, m_flops;
    std::string m_device;
    ChannelStats m_stats;
};

const char *const kMetricKeys[] = {"train_loss", "test_loss", "train_accuracy", "test_accuracy",
                                   "train_smoothed_accuracy", "test_smoothed_accuracy"};


} // namespace

std::string gridCellError(const GridConfig &c, const std::string &resultJson)
{
    const auto j = nlohmann::json::parse(resultJson, nullptr, false);
    if (!j.is_object())
        return "the result is not a JSON object";
    if (detail::nestsDeeperThan(j, 8))
        return "the result nests deeper than a cell's result does";
    const double inf = std::numeric_limits<double>::infinity();
    for (const char *key : {"params", "samples", "flops", "steps", "epochs"})
        if (auto e = numberError(j, key, 1, 9e15, false, true); !e.empty())
            return e;
    for (const char *key : {"train_flops", "seconds"})
        if (auto e = numberError(j, key, 0, inf, false); !e.empty())
            return e;
    for (const char *key : kMetricKeys) {
        const bool loss = std::string(key).find("loss") != std::string::npos;
        if (auto e = numberError(j, key, 0, loss ? inf : 1, true); !e.empty())
            return e;
    }
    if (auto e = numberError(j, "width", 1, 65536, false, true); !e.empty())
        return e;
    if (std::find(c.widths.begin(), c.widths.end(), j.at("width").get<double>()) == c.widths.end())
        return "'width': " + j.at("width").dump() + " is not a width of the study";
    if (auto e = numberError(j, "fraction", 0, 1, false); !e.empty())
        return e;
    if (std::find(c.fractions.begin(), c.fractions.end(), j.at("fraction").get<double>()) == c.fractions.end())
        return "'fraction': " + j.at("fraction").dump() + " is not a fraction of the study";
    if (j.contains("message") && !j.at("message").is_string())
        return "'message' is not text";
    return {};
}

std::string gridStudyConfigJson(const GridStudySetup &s)
{
    nlohmann::json j{{"grid", nlohmann::json::parse(toJson(s.grid))},
                     {"train_config", nlohmann::json::parse(toJson(s.train))},
                     {"model", s.model},
                     {"dataset", s.dataset},
                     {"image", {{"channels", s.image.channels}, {"height", s.image.height}, {"width", s.image.width}}}};
    if (!s.modelFiles.empty()) {
        auto &files = j["model_files"] = nlohmann::json::array();
        for (const auto &spec : s.modelFiles)
            files.push_back(nlohmann::json::parse(toJson(spec)));
    }
    return j.dump();
}

GridStudySetup gridStudySetup(const std::string &configJson)
{
    GridStudySetup s;
    try {
        const auto j = nlohmann::json::parse(configJson);
        if (detail::nestsDeeperThan(j, 64))
            throw Error(ErrorCode::Session, "a stored grid study's config is damaged: it nests deeper than 64 levels");
        s.grid = gridConfigFromJson(j.at("grid").dump());
        s.train = trainConfigFromJson(j.at("train_config").dump());
        s.model = j.at("model").get<std::string>();
        s.dataset = j.value("dataset", "");
        if (j.contains("model_files"))
            for (const auto &spec : j.at("model_files"))
                s.modelFiles.push_back(parseModelSpec(spec.dump(), "a stored grid study's model file"));
        s.image = studyDataRef(configJson).image;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("a stored grid study's config is damaged: ") + json::message(e));
    }
    return s;
}

std::unique_ptr<StudyPlan> gridPlan(const GridStudySetup &setup, const DatasetPair &data)
{
    return std::make_unique<GridPlan>(setup, data);
}

std::int64_t createGridStudy(Session &session, const GridStudySetup &setup, const DatasetPair &data,
                             const std::string &name)
{
    const GridPlan plan(setup, data); // checks the setup against the data
    StudyRecord r;
    r.type = "grid";
    auto count = [](std::size_t n, const char *word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    r.name = name.empty() ? setup.model + " " + count(setup.grid.widths.size(), "width") + " × "
                                + count(setup.grid.fractions.size(), "fraction") + " × "
                                + count(std::size_t(setup.grid.seeds), "seed") + " (" + setup.grid.budget + ")"
                          : name;
    r.datasetId = registerDataset(session, data, setup.dataset);
    r.configJson = gridStudyConfigJson(setup);
    r.cellCount = plan.cellCount();
    r.owner = thisProcessOwner();
    return session.createStudy(r);
}

GridStudyResult gridResultFromStudy(const Session &session, std::int64_t id)
{
    GridStudyResult out;
    out.study = session.study(id);
    if (out.study.type != "grid")
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is a " + out.study.type
                                                    + " study, not a grid study");
    out.setup = gridStudySetup(out.study.configJson);
    const GridConfig &c = out.setup.grid;
    for (const StudyCell &cell : session.studyCells(id)) {
        if (cell.status != "done" || cell.cell < 0 || cell.cell >= out.study.cellCount)
            continue;
        if (const std::string e = gridCellError(c, cell.resultJson); !e.empty()) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored (" + e + "); ";
            continue;
        }
        const auto j = nlohmann::json::parse(cell.resultJson);
        const GridCellKey k = gridCellKey(c, cell.cell);
        GridCellResult r;
        r.cell = cell.cell;
        r.width = c.widths[std::size_t(k.width)];
        r.fraction = c.fractions[std::size_t(k.fraction)];
        if (j.at("width").get<double>() != r.width || j.at("fraction").get<double>() != r.fraction) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored (its width and fraction are another cell's); ";
            continue;
        }
        r.seed = j.contains("seed") && j.at("seed").is_number_unsigned() ? j.at("seed").get<std::uint64_t>() : 0;
        r.params = std::int64_t(j.at("params").get<double>());
        r.samples = std::int64_t(j.at("samples").get<double>());
        r.flops = std::int64_t(j.at("flops").get<double>());
        r.trainFlops = j.at("train_flops").get<double>();
        r.steps = std::int64_t(j.at("steps").get<double>());
        r.epochs = int(std::min(1e9, j.at("epochs").get<double>()));
        double *metrics[] = {&r.trainLoss, &r.testLoss, &r.trainAccuracy, &r.testAccuracy,
                             &r.trainSmoothedAccuracy, &r.testSmoothedAccuracy};
        for (std::size_t m = 0; m < 6; ++m) {
            const auto &v = j.at(kMetricKeys[m]);
            *metrics[m] = v.is_null() ? kNaN : v.get<double>();
        }
        r.seconds = j.at("seconds").get<double>();
        r.message = j.value("message", "");
        out.cells.push_back(std::move(r));
    }
    std::sort(out.cells.begin(), out.cells.end(),
              [](const GridCellResult &a, const GridCellResult &b) { return a.cell < b.cell; });
    return out;
}

std::vector<ScalingPoint> gridScalingPoints(const std::vector<GridCellResult> &cells)
{
    std::vector<ScalingPoint> points;
    for (const auto &c : cells)
        if (std::isfinite(c.testLoss) && c.testLoss > 0 && c.testLoss <= kMaxFitLoss)
            points.push_back({double(c.params), double(c.samples), c.testLoss, double(c.flops)});
    return points;
}

std::string gridCellsJson(const std::vector<GridCellResult> &cells)
{
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    nlohmann::json out = nlohmann::json::array();
    for (const auto &c : cells) {
        nlohmann::json j = {{"cell", c.cell},
                            {"width", c.width},
                            {"fraction", c.fraction},
                            {"seed", c.seed},
                            {"params", c.params},
                            {"samples", c.samples},
                            {"flops", c.flops},
                            {"train_flops", num(c.trainFlops)},
                            {"steps", c.steps},
                            {"epochs", c.epochs},
                            {"train_loss", num(c.trainLoss)},
                            {"test_loss", num(c.testLoss)},
                            {"train_accuracy", num(c.trainAccuracy)},
                            {"test_accuracy", num(c.testAccuracy)},
                            {"train_smoothed_accuracy", num(c.trainSmoothedAccuracy)},
                            {"test_smoothed_accuracy", num(c.testSmoothedAccuracy)},
                            {"seconds", num(c.seconds)}};
        if (!c.message.empty())
            j["message"] = c.message;
        out.push_back(std::move(j));
    }
    return out.dump();
}

} // namespace wb::core
