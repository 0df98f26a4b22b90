// The data-sufficiency study on the study engine: one cell per run.
#include "studies/celljson.h"
#include "wb/sufficiencystudy.h"

#include "util/jsonutil.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/split.h"
#include "wb/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Forwards cancellation to a training call; the study reports progress per step.
class StepSink : public ProgressSink
{
public:
    explicit StepSink(ProgressSink &parent) : m_parent(parent) {}
    void setProgress(double, const std::string &) override {}
    bool isCancelRequested() const override { return m_parent.isCancelRequested(); }

private:
    ProgressSink &m_parent;
};

bool has(const SufficiencyConfig &c, const char *metric)
{
    return std::find(c.metrics.begin(), c.metrics.end(), metric) != c.metrics.end();
}

// One run r: its own with-replacement draw of L images, trained on growing prefixes (warm:
// weights carry over; fresh: new weights per step). Results for every measured metric.
class SufficiencyPlan : public StudyPlan
{
public:
    SufficiencyPlan(const SufficiencyStudySetup &setup, const DatasetPair &data) : m_setup(setup), m_data(data)
    {
        const SufficiencyConfig &c = m_setup.study;
        validate(c);
        validate(m_setup.train);
        inferShapes(m_setup.spec); // a bad spec fails here (BadSpec), before any cell runs
        DataConfig dc;
        dc.valFraction = 0;
        dc.trainLimit = c.trainSize;
        dc.testLimit = c.testSize;
        dc.limitMode = c.limitMode;
        dc.seed = c.seed;
        m_sel = selectData(m_data, dc);
        if (m_sel.test.empty())
            throw Error(ErrorCode::InvalidArgument, "sufficiency: the dataset has no test images");
        const auto L = std::int64_t(m_sel.train.size());
        m_steps = c.steps.empty() ? sufficiencySteps(L, c.substeps) : c.steps;
        if (m_steps.back() > L)
            throw Error(ErrorCode::InvalidArgument, "sufficiency: the largest step " + std::to_string(m_steps.back())
                                                        + " exceeds the training set size " + std::to_string(L));
        m_device = resolveDevice(m_setup.train.device);
        m_stats = channelStats(subset(m_data.train, m_sel.train));
    }

    const std::vector<std::int64_t> &steps() const { return m_steps; }
    int cellCount() const override { return m_setup.study.runs; }
    std::string device() const override { return m_device; }
    std::string cellLabel(int cell) const override
    {
        return "run " + std::to_string(cell + 1) + "/" + std::to_string(m_setup.study.runs);
    }
    // CPU: one single-threaded run per core. GPU: up to four runs at once from concurrent
    // host threads, so that small models keep the device busy.
    int automaticWorkers() const override
    {
        if (m_setup.study.workers > 0)
            return m_setup.study.workers;
        return m_device != "cpu" ? 4 : cpuCores();
    }

    std::string runCell(int r, ProgressSink &progress) const override
    {
        const SufficiencyConfig &c = m_setup.study;
        const auto draw = sufficiencyDraw(m_sel.train.size(), std::int64_t(m_sel.train.size()), c.seed, r);
        std::vector<std::size_t> order(draw.size());
        for (std::size_t i = 0; i < draw.size(); ++i)
            order[i] = m_sel.train[draw[i]];
        const std::size_t S = m_steps.size();
        std::map<std::string, std::vector<double>> values;
        for (const char *m : {"accuracy", "loss", "smoothed_accuracy"})
            if (std::string(m) == "accuracy" || has(c, m))
                values[m].assign(S, kNaN);
        std::vector<std::vector<double>> perClass(has(c, "per_class") ? S : 0);
        std::string message, state;
        const std::uint64_t runSeed = sufficiencyRunSeed(c.seed, r);
        const bool warm = c.mode == "warm";
        for (std::size_t k = 0; k < S; ++k) {
            TrainData td;
            td.train = &m_data.train;
            td.trainIndices.assign(order.begin(), order.begin() + long(m_steps[k]));
            td.test = &m_data.test;
            td.testIndices = m_sel.test;
            td.normalization = m_stats;
            td.keepFinalState = warm;
            if (warm)
                td.initialState = state;
            TrainConfig tc = m_setup.train;
            tc.threads = 1;
            tc.seed = warm ? runSeed : runSeed + std::uint64_t(k);
            StepSink sink(progress);
            const TrainResult res = train(m_setup.spec, tc, td, sink);
            const std::string n = std::to_string(m_steps[k]);
            if (res.status == RunStatus::Cancelled)
                return {};
            if (res.status == RunStatus::Diverged) {
                message = "run " + std::to_string(r + 1) + " diverged at n = " + n; // later steps stay NaN
                break;
            }
            const EvalResult &ev = *res.test;
            values["accuracy"][k] = ev.accuracy;
            if (has(c, "loss"))
                values["loss"][k] = ev.loss;
            if (has(c, "smoothed_accuracy"))
                values["smoothed_accuracy"][k] = ev.smoothedAccuracy;
            if (has(c, "per_class"))
                perClass[k] = ev.perClassAccuracy;
            progress.setProgress(double(k + 1) / double(S), "step " + std::to_string(k + 1) + "/" + std::to_string(S)
                                                                + " (n = " + n + "): accuracy "
                                                                + std::to_string(ev.accuracy).substr(0, 6));
            state = res.finalState;
        }
        nlohmann::json out = nlohmann::json::object();
        for (const auto &[metric, v] : values)
            out[metric] = json::numbers(v);
        if (!perClass.empty())
            out["per_class"] = perClass;
        if (!message.empty())
            out["message"] = message;
        return out.dump();
    }

private:
    SufficiencyStudySetup m_setup;
    const DatasetPair &m_data;
    DataSelection m_sel;
    std::vector<std::int64_t> m_steps;
    std::string m_device;
    ChannelStats m_stats;
};

// Why `v` is not S values of a metric (numbers in range, or null); empty when it is.
std::string valuesError(const nlohmann::json &v, std::size_t S, bool accuracyLike, const std::string &what)
{
    if (!v.is_array() || v.size() != S)
        return what + ": expected an array of " + std::to_string(S) + " values"
               + (v.is_array() ? ", got " + std::to_string(v.size()) : "");
    for (const auto &x : v) {
        if (x.is_null())
            continue;
        if (!x.is_number())
            return what + ": expected numbers or null, got " + x.dump();
        const double d = x.get<double>();
        if (!std::isfinite(d) || d < 0 || (accuracyLike && d > 1))
            return what + ": value " + x.dump() + " is outside " + (accuracyLike ? "[0, 1]" : "[0, ∞)");
    }
    return {};
}

// Fills `result` (NaN-initialised, R runs) from finished cells; invalid cells are left out
// and named in the message.
void addCells(SufficiencyResult &result, const SufficiencyConfig &c, const std::vector<StudyCell> &cells)
{
    const std::size_t R = std::size_t(c.runs), S = result.steps.size();
    for (const char *m : {"accuracy", "loss", "smoothed_accuracy"})
        if (std::string(m) == "accuracy" || has(c, m))
            result.perRun[m].assign(R, std::vector<double>(S, kNaN));
    if (has(c, "per_class"))
        result.perClass.assign(R, std::vector<std::vector<double>>(S));
    std::size_t done = 0;
    for (const auto &cell : cells) {
        if (cell.status != "done" || cell.cell < 0 || std::size_t(cell.cell) >= R)
            continue;
        if (const std::string error = sufficiencyCellError(c, S, cell.resultJson); !error.empty()) {
            result.message += "cell " + std::to_string(cell.cell) + " ignored (" + error + "); ";
            continue;
        }
        const auto j = nlohmann::json::parse(cell.resultJson);
        for (auto &[metric, runs] : result.perRun)
            runs[std::size_t(cell.cell)] = json::fromNumbers(j.at(metric));
        if (!result.perClass.empty() && j.contains("per_class"))
            result.perClass[std::size_t(cell.cell)] = j.at("per_class").get<std::vector<std::vector<double>>>();
        if (j.contains("message"))
            result.message += j.at("message").get<std::string>() + "; ";
        if (result.device.empty())
            result.device = cell.device;
        ++done;
    }
    result.status = done == R ? RunStatus::Completed : RunStatus::Cancelled;
}

} // namespace

std::string sufficiencyCellError(const SufficiencyConfig &c, std::size_t S, const std::string &resultJson)
{
    const auto j = nlohmann::json::parse(resultJson, nullptr, false);
    if (!j.is_object())
        return "the result is not a JSON object";
    if (detail::nestsDeeperThan(j, 8))
        return "the result nests deeper than a cell's result does";
    for (const char *m : {"accuracy", "loss", "smoothed_accuracy"}) {
        if (std::string(m) != "accuracy" && !has(c, m))
            continue;
        if (!j.contains(m))
            return std::string("'") + m + "' is missing";
        if (auto e = valuesError(j.at(m), S, std::string(m) != "loss", std::string("'") + m + "'"); !e.empty())
            return e;
    }
    if (has(c, "per_class")) {
        const auto &pc = j.contains("per_class") ? j.at("per_class") : nlohmann::json();
        if (!pc.is_array() || pc.size() != S)
            return "'per_class': expected an array of " + std::to_string(S) + " steps";
        for (const auto &step : pc)
            if (!step.empty())
                if (auto e = valuesError(step, step.size(), true, "'per_class'"); !e.empty())
                    return e;
    }
    if (j.contains("message") && !j.at("message").is_string())
        return "'message' is not text";
    return {};
}

std::string sufficiencyStudyConfigJson(const SufficiencyStudySetup &s, const std::vector<std::int64_t> &steps)
{
    return nlohmann::json{{"study", nlohmann::json::parse(toJson(s.study))},
                          {"steps", steps},
                          {"train_config", nlohmann::json::parse(toJson(s.train))},
                          {"spec", nlohmann::json::parse(toJson(s.spec))},
                          {"model", s.model},
                          {"dataset", s.dataset},
                          {"image", {{"channels", s.image.channels}, {"height", s.image.height}, {"width", s.image.width}}}}
        .dump();
}

SufficiencyStudySetup sufficiencyStudySetup(const std::string &configJson, std::vector<std::int64_t> *steps)
{
    SufficiencyStudySetup s;
    try {
        const auto j = nlohmann::json::parse(configJson);
        if (detail::nestsDeeperThan(j, 64))
            throw Error(ErrorCode::Session, "a stored sufficiency study's config is damaged: it nests deeper than 64 levels");
        s.study = sufficiencyConfigFromJson(j.at("study").dump());
        s.train = trainConfigFromJson(j.at("train_config").dump());
        if (!j.at("spec").empty())
            s.spec = parseModelSpec(j.at("spec").dump(), "the study's model");
        s.model = j.value("model", "");
        s.dataset = j.value("dataset", "");
        s.image = studyDataRef(configJson).image;
        if (steps)
            *steps = json::integers<std::int64_t>(j.at("steps"), "steps", "a stored sufficiency study's config is damaged");
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("a stored sufficiency study's config is damaged: ") + json::message(e));
    }
    return s;
}

std::unique_ptr<StudyPlan> sufficiencyPlan(const SufficiencyStudySetup &setup, const DatasetPair &data)
{
    return std::make_unique<SufficiencyPlan>(setup, data);
}

const std::vector<std::int64_t> &sufficiencyPlanSteps(const StudyPlan &plan)
{
    return dynamic_cast<const SufficiencyPlan &>(plan).steps();
}

std::int64_t createSufficiencyStudy(Session &session, const SufficiencyStudySetup &setup, const DatasetPair &data,
                                    const std::string &name)
{
    const SufficiencyPlan plan(setup, data); // checks the setup against the data
    StudyRecord r;
    r.type = "sufficiency";
    r.name = name.empty() ? setup.model + " L=" + std::to_string(plan.steps().back()) + " R="
                                + std::to_string(setup.study.runs) + " S=" + std::to_string(plan.steps().size())
                          : name;
    r.datasetId = registerDataset(session, data, setup.dataset);
    r.configJson = sufficiencyStudyConfigJson(setup, plan.steps());
    r.cellCount = setup.study.runs;
    r.owner = thisProcessOwner();
    return session.createStudy(r);
}

SufficiencyResult sufficiencyResultFromStudy(const Session &session, std::int64_t id, SufficiencyStudySetup *setup)
{
    const StudyRecord study = session.study(id);
    if (study.type != "sufficiency")
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is a " + study.type
                                                    + " study, not a sufficiency study");
    SufficiencyResult result;
    const SufficiencyStudySetup s = sufficiencyStudySetup(study.configJson, &result.steps);
    if (result.steps.empty())
        throw Error(ErrorCode::Session, "stored sufficiency study " + std::to_string(id) + " has no steps");
    try {
        addCells(result, s.study, session.studyCells(id));
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, "stored sufficiency study " + std::to_string(id) + " has a damaged cell: " + json::message(e));
    }
    result.seconds = study.wallSeconds;
    if (study.status == StudyStatus::Cancelled && !study.message.empty())
        result.message += study.message;
    if (setup)
        *setup = s;
    return result;
}

SufficiencyResult runSufficiencyStudy(const ModelSpec &spec, const TrainConfig &trainConfig,
                                      const DatasetPair &data, const SufficiencyConfig &config,
                                      ProgressSink &progress)
{
    SufficiencyStudySetup setup;
    setup.study = config;
    setup.train = trainConfig;
    setup.spec = spec;
    const SufficiencyPlan plan(setup, data);
    std::vector<int> cells(std::size_t(config.runs));
    for (int r = 0; r < config.runs; ++r)
        cells[std::size_t(r)] = r;
    std::vector<StudyCell> finished;
    const auto t0 = std::chrono::steady_clock::now();
    const CellRunSummary summary = runCells(plan, cells, config.workers,
                                            [&](const StudyCell &c) { finished.push_back(c); }, progress);
    if (summary.failed > 0)
        throw Error(ErrorCode::Runtime, "sufficiency study failed: " + summary.firstError);
    std::sort(finished.begin(), finished.end(), [](const StudyCell &a, const StudyCell &b) { return a.cell < b.cell; });
    SufficiencyResult result;
    result.steps = plan.steps();
    addCells(result, config, finished);
    result.device = plan.device();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (summary.cancelled)
        result.message += "cancelled";
    return result;
}

} // namespace wb::core
