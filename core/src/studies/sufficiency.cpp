#include "wb/sufficiency.h"

#include "util/random.h"
#include "wb/device.h"
#include "util/jsonutil.h"
#include "wb/errors.h"
#include "wb/progress.h"
#include "wb/split.h"
#include "wb/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool accuracyLike(const std::string &metric) { return metric != "loss"; }

// Forwards cancellation to a training call; the study itself reports progress per step.
class StepSink : public ProgressSink
{
public:
    StepSink(ProgressSink &parent, const std::atomic<bool> &stop) : m_parent(parent), m_stop(stop) {}
    void setProgress(double, const std::string &) override {}
    bool isCancelRequested() const override { return m_stop.load() || m_parent.isCancelRequested(); }

private:
    ProgressSink &m_parent;
    const std::atomic<bool> &m_stop;
};
} // namespace

void validate(const SufficiencyConfig &c)
{
    auto bad = [](const std::string &m) { throw Error(ErrorCode::InvalidArgument, m); };
    if (c.trainSize < 0 || c.testSize < 0)
        bad("sufficiency: train-size and test-size must be >= 0");
    if (c.runs < 1 || c.runs > 1000)
        bad("sufficiency: runs must be 1 to 1000");
    if (c.steps.empty() && (c.substeps < 2 || c.substeps > 100))
        bad("sufficiency: substeps must be 2 to 100");
    if (c.mode != "warm" && c.mode != "fresh")
        bad("sufficiency: mode must be warm or fresh, got '" + c.mode + "'");
    if (c.limitMode != "random" && c.limitMode != "first")
        bad("sufficiency: limit-mode must be random or first");
    for (const auto &m : c.metrics)
        if (m != "accuracy" && m != "loss" && m != "smoothed_accuracy" && m != "per_class")
            bad("sufficiency: unknown metric '" + m + "' (accuracy, loss, smoothed_accuracy, per_class)");
    for (std::size_t i = 0; i < c.steps.size(); ++i)
        if (c.steps[i] < 1 || (i && c.steps[i] < c.steps[i - 1]))
            bad("sufficiency: steps must be positive and non-decreasing");
}

std::string toJson(const SufficiencyConfig &c)
{
    return nlohmann::json{{"train_size", c.trainSize}, {"test_size", c.testSize},
                          {"limit_mode", c.limitMode}, {"runs", c.runs},
                          {"substeps", c.substeps},    {"steps", c.steps},
                          {"mode", c.mode},            {"metrics", c.metrics},
                          {"seed", c.seed},            {"workers", c.workers}}
        .dump();
}

std::uint64_t sufficiencyRunSeed(std::uint64_t seed, int run)
{
    return detail::mixSeed(seed, 700 + std::uint64_t(run)) >> 1;
}

std::vector<std::size_t> sufficiencyDraw(std::size_t poolSize, std::int64_t trainSize,
                                         std::uint64_t seed, int run)
{
    std::mt19937_64 rng(detail::mixSeed(seed, 100 + std::uint64_t(run)));
    std::vector<std::size_t> draw(static_cast<std::size_t>(trainSize));
    for (auto &d : draw)
        d = std::size_t(detail::below(rng, poolSize));
    return draw;
}

namespace {

// One study: R runs over S nested steps, run by a few workers; results land in `result`
// under `m_mutex` (runs differ only by their seeds, so the worker count changes nothing).
class Study
{
public:
    Study(const ModelSpec &spec, const TrainConfig &trainConfig, const DatasetPair &data,
          const SufficiencyConfig &config, ProgressSink &progress)
        : m_spec(spec), m_trainConfig(trainConfig), m_data(data), m_config(config), m_progress(progress)
    {
    }

    SufficiencyResult run()
    {
        const auto t0 = std::chrono::steady_clock::now();
        prepare();
        // CPU: one single-threaded worker per core. GPU: up to four runs at once from
        // concurrent host threads, so that small models keep the device busy.
        const bool gpu = m_result.device != "cpu";
        const int workers = std::min(m_config.runs, m_config.workers > 0 ? m_config.workers : gpu ? 4 : cpuCores());
        std::vector<std::thread> threads;
        for (int w = 1; w < workers; ++w)
            threads.emplace_back([this] { work(); });
        work();
        for (auto &t : threads)
            t.join();
        if (!m_firstError.empty())
            throw Error(ErrorCode::Runtime, "sufficiency study failed: " + m_firstError);
        m_result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (m_progress.isCancelRequested()) {
            m_result.status = RunStatus::Cancelled;
            m_result.message += "cancelled";
        }
        return std::move(m_result);
    }

private:
    bool has(const char *metric) const
    {
        return std::find(m_config.metrics.begin(), m_config.metrics.end(), metric) != m_config.metrics.end();
    }

    // The L training and T test images, the steps, the device and NaN-filled metric tables.
    void prepare()
    {
        DataConfig dc;
        dc.valFraction = 0;
        dc.trainLimit = m_config.trainSize;
        dc.testLimit = m_config.testSize;
        dc.limitMode = m_config.limitMode;
        dc.seed = m_config.seed;
        m_sel = selectData(m_data, dc);
        if (m_sel.test.empty())
            throw Error(ErrorCode::InvalidArgument, "sufficiency: the dataset has no test images");
        const auto L = std::int64_t(m_sel.train.size());
        m_result.steps = m_config.steps.empty() ? sufficiencySteps(L, m_config.substeps) : m_config.steps;
        if (m_result.steps.back() > L)
            throw Error(ErrorCode::InvalidArgument, "sufficiency: the largest step "
                                                        + std::to_string(m_result.steps.back())
                                                        + " exceeds the training set size " + std::to_string(L));
        m_result.device = resolveDevice(m_trainConfig.device);
        m_stats = channelStats(subset(m_data.train, m_sel.train));
        const std::size_t R = std::size_t(m_config.runs), S = m_result.steps.size();
        for (const char *m : {"accuracy", "loss", "smoothed_accuracy"})
            if (std::string(m) == "accuracy" || has(m))
                m_result.perRun[m].assign(R, std::vector<double>(S, kNaN));
        if (has("per_class"))
            m_result.perClass.assign(R, std::vector<std::vector<double>>(S));
    }

    void work()
    {
        for (int r; !m_stop.load() && (r = m_nextRun++) < m_config.runs;) {
            try {
                runOne(r);
            } catch (const std::exception &e) {
                std::lock_guard<std::mutex> lock(m_mutex);
                if (m_firstError.empty())
                    m_firstError = e.what();
                m_stop = true;
            }
        }
    }

    // Run r: its own with-replacement draw of L images, trained on growing prefixes.
    void runOne(int r)
    {
        const auto draw = sufficiencyDraw(m_sel.train.size(), std::int64_t(m_sel.train.size()), m_config.seed, r);
        std::vector<std::size_t> order(draw.size());
        for (std::size_t i = 0; i < draw.size(); ++i)
            order[i] = m_sel.train[draw[i]];
        std::string state;
        const std::uint64_t runSeed = sufficiencyRunSeed(m_config.seed, r);
        const bool warm = m_config.mode == "warm";
        for (int k = 0; k < int(m_result.steps.size()); ++k) {
            TrainData td;
            td.train = &m_data.train;
            td.trainIndices.assign(order.begin(), order.begin() + long(m_result.steps[std::size_t(k)]));
            td.test = &m_data.test;
            td.testIndices = m_sel.test;
            td.normalization = m_stats;
            td.keepFinalState = warm;
            if (warm)
                td.initialState = state;
            TrainConfig c = m_trainConfig;
            c.threads = 1;
            c.seed = warm ? runSeed : runSeed + std::uint64_t(k);
            StepSink sink(m_progress, m_stop);
            const TrainResult res = train(m_spec, c, td, sink);
            if (!record(r, k, res))
                return;
            state = res.finalState;
        }
    }

    // Stores step k of run r; false when the run ends here (cancelled, or diverged: later
    // steps stay NaN).
    bool record(int r, int k, const TrainResult &res)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto n = std::to_string(m_result.steps[std::size_t(k)]);
        if (res.status == RunStatus::Cancelled)
            return false;
        if (res.status == RunStatus::Diverged) {
            m_result.message += "run " + std::to_string(r + 1) + " diverged at n = " + n + "; ";
            return false;
        }
        const EvalResult &ev = *res.test;
        const auto ri = std::size_t(r), ki = std::size_t(k);
        m_result.perRun["accuracy"][ri][ki] = ev.accuracy;
        if (has("loss"))
            m_result.perRun["loss"][ri][ki] = ev.loss;
        if (has("smoothed_accuracy"))
            m_result.perRun["smoothed_accuracy"][ri][ki] = ev.smoothedAccuracy;
        if (has("per_class"))
            m_result.perClass[ri][ki] = ev.perClassAccuracy;
        const int R = m_config.runs, S = int(m_result.steps.size()), d = ++m_done;
        m_progress.setProgress(double(d) / double(R * S),
                               "run " + std::to_string(r + 1) + "/" + std::to_string(R) + ", step "
                                   + std::to_string(k + 1) + "/" + std::to_string(S) + " (n = " + n
                                   + "): accuracy " + std::to_string(ev.accuracy).substr(0, 6));
        return true;
    }

    const ModelSpec &m_spec;
    const TrainConfig &m_trainConfig;
    const DatasetPair &m_data;
    const SufficiencyConfig &m_config;
    ProgressSink &m_progress;
    DataSelection m_sel;
    ChannelStats m_stats;
    SufficiencyResult m_result;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_nextRun{0}, m_done{0};
    std::mutex m_mutex; // guards m_result, m_firstError and calls into m_progress
    std::string m_firstError;
};

} // namespace

SufficiencyResult runSufficiencyStudy(const ModelSpec &spec, const TrainConfig &trainConfig,
                                      const DatasetPair &data, const SufficiencyConfig &config,
                                      ProgressSink &progress)
{
    validate(config);
    validate(trainConfig);
    return Study(spec, trainConfig, data, config, progress).run();
}

SufficiencyAnalysis analyzeSufficiency(const SufficiencyResult &result, const std::string &metric,
                                       const std::vector<double> &targets, int resamples,
                                       std::uint64_t seed, const std::string &family)
{
    auto it = result.perRun.find(metric);
    if (it == result.perRun.end())
        throw Error(ErrorCode::InvalidArgument, "sufficiency: metric '" + metric + "' was not measured");
    SufficiencyAnalysis a;
    a.metric = metric;
    a.accuracyLike = accuracyLike(metric);
    const std::size_t S = result.steps.size();
    std::vector<std::vector<double>> complete; // runs with every step measured
    for (const auto &run : it->second)
        if (std::all_of(run.begin(), run.end(), [](double v) { return std::isfinite(v); }))
            complete.push_back(run);
    if (complete.empty())
        throw Error(ErrorCode::Runtime, "sufficiency: no run measured every step of '" + metric + "'");
    for (std::size_t k = 0; k < S; ++k) {
        double sum = 0, sq = 0;
        for (const auto &run : complete)
            sum += run[k];
        const double mean = sum / double(complete.size());
        for (const auto &run : complete)
            sq += (run[k] - mean) * (run[k] - mean);
        a.steps.push_back(double(result.steps[k]));
        a.mean.push_back(mean);
        a.stddev.push_back(complete.size() > 1 ? std::sqrt(sq / double(complete.size() - 1)) : 0.0);
    }
    std::vector<double> f;
    for (double m : a.mean)
        f.push_back(a.accuracyLike ? 1.0 - m : m);
    const double floorMax = floorMaxFor(a.accuracyLike);
    // Every family fitted once (the ensemble's members); the choices are taken from them.
    const CurveFit ensemble = fitCurve("ensemble", a.steps, f, nullptr, floorMax);
    a.bestFamily = S >= 6 ? bestExtrapolatingFamily(a.steps, f, floorMax) : "power";
    a.power = fitFromEnsemble(ensemble, "power", a.bestFamily, a.steps, f, floorMax);
    a.asymptote = a.accuracyLike ? 1.0 - a.power.params[2] : a.power.params[2];
    a.best = fitFromEnsemble(ensemble, a.bestFamily, a.bestFamily, a.steps, f, floorMax);
    a.choice = family;
    a.chosen = fitFromEnsemble(ensemble, family, a.bestFamily, a.steps, f, floorMax);
    a.warnings = curveWarnings(a.chosen, a.steps, f, a.accuracyLike);
    const double first = a.steps.front(), last = 4 * a.steps.back();
    if (auto w = familyDisagreement(ensemble.members, last, a.accuracyLike))
        a.warnings.push_back(*w);
    for (int i = 0; i < 80; ++i)
        a.curveN.push_back(std::round(first * std::pow(last / first, i / 79.0)));
    for (double n : a.curveN)
        a.curve.push_back(projectMetric(a.chosen, n, a.accuracyLike));
    const auto bootTargets = a.accuracyLike ? targets : std::vector<double>{};
    a.runs = complete.size();
    a.draws = bootstrapFits(a.steps, complete, a.accuracyLike, resamples, seed, a.chosen.family);
    const BootstrapResult b = bootstrapBands(a.draws, a.runs, a.accuracyLike, a.curveN, bootTargets);
    a.band = b.curve;
    for (std::size_t t = 0; t < bootTargets.size(); ++t) {
        a.targets.push_back(bootTargets[t]);
        const auto n = samplesNeeded(a.chosen, bootTargets[t]);
        a.needed.push_back(n ? double(*n) : kNaN);
        if (n)
            if (auto w = extrapolationWarning("the target " + json::numbers({bootTargets[t]})[0].dump(),
                                              double(*n), a.steps.back()))
                a.warnings.push_back(*w);
        a.neededLo95.push_back(b.neededLo95[t]);
        a.neededHi95.push_back(b.neededHi95[t]);
        a.neededLo80.push_back(b.neededLo80[t]);
        a.neededHi80.push_back(b.neededHi80[t]);
    }
    return a;
}

namespace {
nlohmann::json num(double v) { return json::numbers({v})[0]; }
nlohmann::json warningsJson(const std::vector<CurveWarning> &warnings)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &w : warnings)
        out.push_back({{"code", w.code}, {"text", w.text}});
    return out;
}
} // namespace

std::string sufficiencyJson(const SufficiencyConfig &config, const SufficiencyResult &result,
                            const std::vector<SufficiencyAnalysis> &analyses)
{
    nlohmann::json metrics = nlohmann::json::object(), fits = nlohmann::json::object();
    for (const auto &[name, runs] : result.perRun) {
        nlohmann::json perRun = nlohmann::json::array();
        for (const auto &r : runs)
            perRun.push_back(json::numbers(r));
        metrics[name] = {{"runs", perRun}};
    }
    for (const auto &a : analyses) {
        metrics[a.metric]["mean"] = json::numbers(a.mean);
        metrics[a.metric]["std"] = json::numbers(a.stddev);
        fits[a.metric] = {{"family", "power"},
                          {"params", a.power.params},
                          {"asymptote", num(a.asymptote)},
                          {"best_family", a.bestFamily},
                          {"best_params", a.best.params},
                          {"best_scale", a.best.scale},
                          {"choice", a.choice},
                          {"chosen_family", a.chosen.family},
                          {"chosen_params", a.chosen.params},
                          {"curve", {{"n", a.curveN}, {"value", json::numbers(a.curve)}, {"lo80", json::numbers(a.band.lo80)},
                                     {"hi80", json::numbers(a.band.hi80)}, {"lo95", json::numbers(a.band.lo95)}, {"hi95", json::numbers(a.band.hi95)}}},
                          {"targets", a.targets},
                          {"needed", json::numbers(a.needed)},
                          {"needed_lo95", json::numbers(a.neededLo95)},
                          {"needed_hi95", json::numbers(a.neededHi95)},
                          {"needed_lo80", json::numbers(a.neededLo80)},
                          {"needed_hi80", json::numbers(a.neededHi80)},
                          {"warnings", warningsJson(a.warnings)}};
    }
    if (!result.perClass.empty())
        metrics["per_class"] = {{"runs", result.perClass}};
    return nlohmann::json{{"steps", result.steps},
                          {"metrics", metrics},
                          {"fit", fits},
                          {"seconds", result.seconds},
                          {"device", result.device},
                          {"status", runStatusName(result.status)},
                          {"message", result.message},
                          {"config", nlohmann::json::parse(toJson(config))}}
        .dump();
}

SufficiencyResult sufficiencyResultFromJson(const std::string &text, SufficiencyConfig *config)
{
    try {
        const auto j = nlohmann::json::parse(text);
        SufficiencyResult r;
        r.steps = j.at("steps").get<std::vector<std::int64_t>>();
        for (const auto &[name, m] : j.at("metrics").items()) {
            if (name == "per_class")
                continue;
            for (const auto &run : m.at("runs"))
                r.perRun[name].push_back(json::fromNumbers(run));
        }
        r.seconds = j.value("seconds", 0.0);
        r.device = j.value("device", "");
        r.status = runStatusFromName(j.value("status", "completed"));
        r.message = j.value("message", "");
        if (config) {
            const auto &c = j.at("config");
            config->trainSize = c.value("train_size", std::int64_t(0));
            config->testSize = c.value("test_size", std::int64_t(0));
            config->limitMode = c.value("limit_mode", "random");
            config->runs = c.value("runs", 5);
            config->substeps = c.value("substeps", 10);
            config->steps = c.value("steps", std::vector<std::int64_t>{});
            config->mode = c.value("mode", "warm");
            config->metrics = c.value("metrics", std::vector<std::string>{"accuracy"});
            config->seed = c.value("seed", std::uint64_t(1));
        }
        return r;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("stored sufficiency study is damaged: ") + e.what());
    }
}

} // namespace wb::core
