#include "wb/sufficiency.h"

#include "util/random.h"
#include "util/jsonutil.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool accuracyLike(const std::string &metric) { return metric != "loss"; }

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

SufficiencyConfig sufficiencyConfigFromJson(const std::string &text)
{
    SufficiencyConfig config;
    try {
        const auto c = nlohmann::json::parse(text);
        const std::string context = "a stored sufficiency config is damaged";
        config.trainSize = json::integerOr<std::int64_t>(c, "train_size", 0, context);
        config.testSize = json::integerOr<std::int64_t>(c, "test_size", 0, context);
        config.limitMode = c.value("limit_mode", "random");
        config.runs = json::integerOr<int>(c, "runs", 5, context);
        config.substeps = json::integerOr<int>(c, "substeps", 10, context);
        if (c.contains("steps"))
            config.steps = json::integers<std::int64_t>(c.at("steps"), "steps", context);
        config.mode = c.value("mode", "warm");
        config.metrics = c.value("metrics", std::vector<std::string>{"accuracy"});
        config.seed = json::integerOr<std::uint64_t>(c, "seed", 1, context);
        config.workers = json::integerOr<int>(c, "workers", 0, context);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("a stored sufficiency config is damaged: ") + json::message(e));
    }
    return config;
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
    for (const auto &run : it->second) {
        if (run.size() != S) // a damaged stored result must not be read past its end
            throw Error(ErrorCode::Session, "sufficiency: a run has " + std::to_string(run.size()) + " values of '"
                                                + metric + "' for " + std::to_string(S) + " steps (damaged result)");
        if (std::all_of(run.begin(), run.end(), [](double v) { return std::isfinite(v); }))
            complete.push_back(run);
    }
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
    if (a.accuracyLike) {
        // The model takes each size once: a repeated size (sufficiencySteps keeps duplicates
        // of tiny sizes) counts with its last, longest-trained measurement.
        std::vector<double> sizes;
        std::vector<std::vector<double>> runs(complete.size());
        for (std::size_t k = 0; k < S; ++k) {
            const bool repeated = k + 1 < S && a.steps[k + 1] <= a.steps[k];
            if (repeated || (!sizes.empty() && a.steps[k] <= sizes.back()))
                continue;
            sizes.push_back(a.steps[k]);
            for (std::size_t r = 0; r < complete.size(); ++r)
                runs[r].push_back(complete[r][k]);
        }
        if (sizes.size() >= 3) {
            a.model = buildSampleSizeModel(sizes, runs);
            a.hasModel = true;
        }
    }
    const bool calibrated = family == "calibrated" && a.hasModel;
    if (calibrated && a.model.hasCurve)
        a.chosen = a.model.curve;
    a.warnings = calibrated ? a.model.warnings : curveWarnings(a.chosen, a.steps, f, a.accuracyLike);
    if (!calibrated && a.hasModel)
        if (const FamilyCheck c = checkFit(a.model, a.chosen); c.missesData)
            a.warnings.push_back(missesDataWarning(c, false));
    const double first = a.steps.front(), last = 4 * a.steps.back();
    if (auto w = familyDisagreement(calibrated ? a.model.curve.members : ensemble.members, last, a.accuracyLike))
        a.warnings.push_back(*w);
    for (int i = 0; i < 80; ++i)
        a.curveN.push_back(std::round(first * std::pow(last / first, i / 79.0)));
    const auto bootTargets = a.accuracyLike ? targets : std::vector<double>{};
    a.runs = complete.size();
    if (calibrated) { // curve and bands from the model: measured inside the data, calibrated beyond
        for (double n : a.curveN) {
            const Projection p = projectAccuracy(a.model, n);
            a.curve.push_back(p.value);
            a.band.lo50.push_back(p.lo[0]);
            a.band.hi50.push_back(p.hi[0]);
            a.band.lo80.push_back(p.lo[1]);
            a.band.hi80.push_back(p.hi[1]);
            a.band.lo95.push_back(p.lo[2]);
            a.band.hi95.push_back(p.hi[2]);
        }
    } else {
        for (double n : a.curveN)
            a.curve.push_back(projectMetric(a.chosen, n, a.accuracyLike));
        a.draws = bootstrapFits(a.steps, complete, a.accuracyLike, resamples, seed, a.chosen.family);
    }
    const BootstrapResult b = calibrated ? BootstrapResult{}
                                         : bootstrapBands(a.draws, a.runs, a.accuracyLike, a.curveN, bootTargets);
    if (!calibrated)
        a.band = b.curve;
    for (std::size_t t = 0; t < bootTargets.size(); ++t) {
        a.targets.push_back(bootTargets[t]);
        if (a.hasModel)
            a.answers.push_back(answerTarget(a.model, bootTargets[t]));
        if (calibrated) {
            const SampleSizeAnswer &ans = a.answers.back();
            a.needed.push_back(ans.n > 0 ? ans.n : kNaN);
            a.neededLo50.push_back(ans.lo[0]);
            a.neededHi50.push_back(ans.hi[0]);
            a.neededLo80.push_back(ans.lo[1]);
            a.neededHi80.push_back(ans.hi[1]);
            a.neededLo95.push_back(ans.lo[2]);
            a.neededHi95.push_back(ans.hi[2]);
        } else {
            const auto n = samplesNeeded(a.chosen, bootTargets[t]);
            a.needed.push_back(n ? double(*n) : kNaN);
            a.neededLo95.push_back(b.neededLo95[t]);
            a.neededHi95.push_back(b.neededHi95[t]);
            a.neededLo80.push_back(b.neededLo80[t]);
            a.neededHi80.push_back(b.neededHi80[t]);
        }
        if (std::isfinite(a.needed.back()))
            if (auto w = extrapolationWarning("the target " + json::numbers({bootTargets[t]})[0].dump(),
                                              a.needed.back(), a.steps.back()))
                a.warnings.push_back(*w);
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
        if (!a.neededLo50.empty()) {
            fits[a.metric]["needed_lo50"] = json::numbers(a.neededLo50);
            fits[a.metric]["needed_hi50"] = json::numbers(a.neededHi50);
        }
        if (a.hasModel) {
            const double L = a.steps.back();
            fits[a.metric]["answer"] = nlohmann::json::parse(sampleSizeJson(a.model, {2 * L, 4 * L, 8 * L, 16 * L}, a.answers));
        }
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
        r.steps = json::integers<std::int64_t>(j.at("steps"), "steps", "stored sufficiency study is damaged");
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
        if (config)
            *config = sufficiencyConfigFromJson(j.at("config").dump());
        return r;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("stored sufficiency study is damaged: ") + json::message(e));
    }
}

} // namespace wb::core
