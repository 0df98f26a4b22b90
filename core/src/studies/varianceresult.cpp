// A stored variance study read back: cells checked, repeats per setup, summaries, the noise
// ranking, the comparisons with the first setup, and the JSON the CLI prints.
#include "wb/variancestudy.h"

#include "studies/celljson.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using detail::numberError;

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json summaryJson(const MetricSummary &s)
{
    return {{"mean", number(s.mean)}, {"std", number(s.std)}, {"ci95", {number(s.ciLow), number(s.ciHigh)}}, {"n", s.n}};
}

/// Whether every repeat both setups finished used the same seed in both: a paired design.
bool sharedSeeds(const VarianceSetupResult &a, const VarianceSetupResult &b)
{
    for (const VarianceRun &ra : a.runs)
        for (const VarianceRun &rb : b.runs)
            if (ra.run == rb.run && ra.seed != rb.seed)
                return false;
    return true;
}

nlohmann::json comparisonJson(const Comparison &c)
{
    nlohmann::json j = {{"difference",
                         {{"mean", number(c.difference)},
                          {"test", c.paired ? "paired t" : "welch t"},
                          {"ci95", {number(c.low), number(c.high)}},
                          {"p_value", number(c.pValue)},
                          {"paired_ci95", {number(c.pairedLow), number(c.pairedHigh)}},
                          {"paired_p_value", number(c.pairedPValue)},
                          {"welch_ci95", {number(c.welchLow), number(c.welchHigh)}},
                          {"welch_df", number(c.welchDf)},
                          {"welch_p_value", number(c.welchPValue)},
                          {"bootstrap_ci95", {number(c.bootstrapLow), number(c.bootstrapHigh)}}}},
                        {"pairs", c.n},
                        {"min_detectable", number(c.minDetectable)},
                        {"detect", number(c.detect)},
                        {"runs_needed", c.runsNeeded ? nlohmann::json(*c.runsNeeded) : nlohmann::json(nullptr)}};
    return j;
}

} // namespace

std::string varianceCellError(const VarianceStudySetup &setup, int cell, const std::string &resultJson)
{
    const auto j = nlohmann::json::parse(resultJson, nullptr, false);
    if (!j.is_object())
        return "the result is not a JSON object";
    if (detail::nestsDeeperThan(j, 8))
        return "the result nests deeper than a cell's result does";
    const int runs = setup.variance.runs;
    if (auto e = numberError(j, "setup", 0, double(setup.setups.size()) - 1, false, true); !e.empty())
        return e;
    if (auto e = numberError(j, "run", 0, runs - 1, false, true); !e.empty())
        return e;
    if (j.at("setup").get<double>() * runs + j.at("run").get<double>() != cell)
        return "its setup and repeat are another cell's";
    if (!j.contains("seed") || !j.at("seed").is_number_unsigned()
        || j.at("seed").get<std::uint64_t>() != varianceRunSeed(setup.variance, cell % runs))
        return "'seed' is not the seed of its repeat";
    if (auto e = numberError(j, "eval_images", 1, 9e15, false, true); !e.empty())
        return e;
    if (auto e = numberError(j, "train_images", 1, 9e15, false, true); !e.empty())
        return e;
    if (auto e = numberError(j, "seconds", 0, std::numeric_limits<double>::infinity(), false); !e.empty())
        return e;
    const auto sizes = varianceSubsetSizes(j.at("eval_images").get<std::int64_t>());
    if (!j.contains("subset_sizes") || j.at("subset_sizes") != nlohmann::json(sizes))
        return "'subset_sizes' are not the subsets of its evaluation images";
    if (auto e = detail::numbersError(j, "subset_accuracy", sizes.size(), true, 0, 1); !e.empty())
        return e;
    if (!j.contains("metrics") || !j.at("metrics").is_object())
        return "'metrics' is not an object";
    const auto &m = j.at("metrics");
    for (const std::string &name : varianceMetricNames(setup.variance)) {
        const bool loss = !varianceMetricIsAccuracy(name);
        if (auto e = numberError(m, name.c_str(), 0, loss ? std::numeric_limits<double>::infinity() : 1, true);
            !e.empty())
            return "metrics: " + e;
    }
    if (j.contains("message") && !j.at("message").is_string())
        return "'message' is not text";
    return {};
}

VarianceStudyResult varianceResultFromStudy(const Session &session, std::int64_t id, const std::string &metric,
                                            double detect)
{
    VarianceStudyResult out;
    out.study = session.study(id);
    if (out.study.type != "variance")
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is a " + out.study.type
                                                    + " study, not a variance study");
    out.setup = varianceStudySetup(out.study.configJson);
    const VarianceConfig &c = out.setup.variance;
    out.metricNames = varianceMetricNames(c);
    if (std::find(out.metricNames.begin(), out.metricNames.end(), metric) == out.metricNames.end()) {
        std::string names;
        for (const auto &n : out.metricNames)
            names += (names.empty() ? "" : ", ") + n;
        throw Error(ErrorCode::InvalidArgument, "metric: '" + metric + "' is not a metric of the study (" + names + ")");
    }
    out.metric = metric;
    if (!(std::isfinite(detect) && detect >= 0))
        throw Error(ErrorCode::InvalidArgument, "--detect: expected a finite difference of 0 or more");
    if (varianceMetricIsAccuracy(metric) && detect > 1)
        throw Error(ErrorCode::InvalidArgument, "--detect: " + metric + " differences are fractions, at most 1 (0.005 "
                                                "is half a percentage point)");
    for (const VarianceSetup &s : out.setup.setups) {
        VarianceSetupResult r;
        r.name = s.name;
        r.model = s.model;
        r.train = s.train;
        out.setups.push_back(std::move(r));
    }
    for (const StudyCell &cell : session.studyCells(id)) {
        if (cell.status != "done" || cell.cell < 0 || cell.cell >= out.study.cellCount)
            continue;
        if (cell.cell >= varianceCellCount(out.setup)) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored (beyond the " +
                           std::to_string(varianceCellCount(out.setup)) + " cells of the study's setups); ";
            continue;
        }
        if (const std::string e = varianceCellError(out.setup, cell.cell, cell.resultJson); !e.empty()) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored (" + e + "); ";
            continue;
        }
        const auto j = nlohmann::json::parse(cell.resultJson);
        VarianceRun run;
        run.run = cell.cell % c.runs;
        run.seed = j.at("seed").get<std::uint64_t>();
        for (const std::string &name : out.metricNames) {
            const auto &v = j.at("metrics").at(name);
            run.metrics[name] = v.is_null() ? kNaN : v.get<double>();
        }
        const auto sizes = j.at("subset_sizes").get<std::vector<std::int64_t>>();
        if (out.subsetSizes.empty())
            out.subsetSizes = sizes;
        if (sizes == out.subsetSizes)
            for (const auto &v : j.at("subset_accuracy"))
                run.subsetAccuracy.push_back(v.is_null() ? kNaN : v.get<double>());
        run.evalImages = j.at("eval_images").get<std::int64_t>();
        run.trainImages = j.at("train_images").get<std::int64_t>();
        run.seconds = j.at("seconds").get<double>();
        run.message = j.value("message", "");
        out.setups[std::size_t(cell.cell / c.runs)].runs.push_back(std::move(run));
    }
    for (VarianceSetupResult &r : out.setups) {
        std::sort(r.runs.begin(), r.runs.end(), [](const VarianceRun &a, const VarianceRun &b) { return a.run < b.run; });
        for (const std::string &name : out.metricNames) {
            std::vector<double> values;
            for (const VarianceRun &run : r.runs)
                values.push_back(run.metrics.at(name));
            r.summary[name] = summarise(values);
        }
        for (double beta : c.betas) {
            std::vector<double> bias;
            for (const VarianceRun &run : r.runs)
                bias.push_back(run.metrics.at(varianceBetaMetric(beta)) - run.metrics.at("accuracy"));
            r.bias[beta] = summarise(bias).mean;
        }
        for (std::size_t i = 0; i < out.subsetSizes.size(); ++i) {
            std::vector<double> values;
            for (const VarianceRun &run : r.runs)
                if (i < run.subsetAccuracy.size())
                    values.push_back(run.subsetAccuracy[i]);
            r.subsetSummary.push_back(summarise(values));
        }
    }

    // Noise ranking.
    for (const std::string &name : out.metricNames) {
        double variance = 0, lo = INFINITY, hi = -INFINITY;
        int with = 0;
        for (const VarianceSetupResult &r : out.setups) {
            const MetricSummary &s = r.summary.at(name);
            if (s.n >= 2) {
                variance += s.std * s.std;
                ++with;
                lo = std::min(lo, s.mean);
                hi = std::max(hi, s.mean);
            }
        }
        if (with == 0)
            continue;
        const double pooled = std::sqrt(variance / with);
        if (out.setups.size() == 1) {
            if (varianceMetricIsAccuracy(name))
                out.relativeNoise.push_back({name, pooled});
        } else if (with >= 2) {
            out.relativeNoise.push_back({name, hi > lo ? pooled / (hi - lo) : INFINITY});
        }
    }
    std::stable_sort(out.relativeNoise.begin(), out.relativeNoise.end(),
                     [](const auto &a, const auto &b) { return a.second < b.second; });

    // Comparisons with the first setup, paired by repeat.
    out.comparisons.resize(out.setups.size());
    out.verdicts.resize(out.setups.size());
    auto values = [&](const VarianceSetupResult &r) {
        std::vector<double> v(std::size_t(c.runs), kNaN);
        for (const VarianceRun &run : r.runs)
            v[std::size_t(run.run)] = run.metrics.at(metric);
        return v;
    };
    for (std::size_t i = 1; i < out.setups.size(); ++i) {
        try {
            out.comparisons[i] = compareRepeats(values(out.setups[0]), values(out.setups[i]), detect, 10000,
                                                c.seed, sharedSeeds(out.setups[0], out.setups[i]));
            out.verdicts[i] = comparisonVerdict(*out.comparisons[i], out.setups[0].name, out.setups[i].name,
                                                varianceMetricIsAccuracy(metric), varianceMetricIsAccuracy(metric));
        } catch (const Error &) {
            out.verdicts[i] = "Fewer than 2 repeats of both " + out.setups[0].name + " and " + out.setups[i].name
                              + " have finished: nothing to compare yet";
        }
    }
    return out;
}

std::string varianceResultJson(const VarianceStudyResult &r)
{
    nlohmann::json setups = nlohmann::json::array();
    for (const VarianceSetupResult &s : r.setups) {
        nlohmann::json runs = nlohmann::json::array();
        for (const VarianceRun &run : s.runs) {
            nlohmann::json metrics = nlohmann::json::object();
            for (const auto &[name, v] : run.metrics)
                metrics[name] = number(v);
            nlohmann::json j = {{"run", run.run},
                                {"seed", run.seed},
                                {"metrics", metrics},
                                {"subset_accuracy", nlohmann::json::array()},
                                {"eval_images", run.evalImages},
                                {"train_images", run.trainImages},
                                {"seconds", run.seconds}};
            for (double v : run.subsetAccuracy)
                j["subset_accuracy"].push_back(number(v));
            if (!run.message.empty())
                j["message"] = run.message;
            runs.push_back(std::move(j));
        }
        nlohmann::json summary = nlohmann::json::object(), bias = nlohmann::json::object();
        for (const auto &[name, m] : s.summary)
            summary[name] = summaryJson(m);
        for (const auto &[beta, b] : s.bias)
            bias[varianceBetaMetric(beta)] = number(b);
        nlohmann::json sizes = nlohmann::json::array();
        for (std::size_t i = 0; i < s.subsetSummary.size() && i < r.subsetSizes.size(); ++i) {
            const MetricSummary &m = s.subsetSummary[i];
            const double n = double(r.subsetSizes[i]);
            sizes.push_back({{"images", r.subsetSizes[i]},
                             {"mean", number(m.mean)},
                             {"std", number(m.std)},
                             {"sampling_std", number(std::sqrt(m.mean * (1 - m.mean) / n))}});
        }
        setups.push_back({{"name", s.name},
                          {"model", s.model},
                          {"train_config", nlohmann::json::parse(toJson(s.train))},
                          {"runs", runs},
                          {"summary", summary},
                          {"bias", bias},
                          {"validation_size", sizes}});
    }
    nlohmann::json noise = nlohmann::json::array();
    for (const auto &[name, v] : r.relativeNoise)
        noise.push_back({{"metric", name}, {"value", number(v)}});
    nlohmann::json out = {{"study_id", r.study.id},
                          {"study_status", studyStatusName(r.study.status)},
                          {"cells_done", r.study.cellsDone},
                          {"cell_count", r.study.cellCount},
                          {"dataset", r.setup.dataset},
                          {"variance", nlohmann::json::parse(toJson(r.setup.variance))},
                          {"metric", r.metric},
                          {"metrics", r.metricNames},
                          {"subset_sizes", r.subsetSizes},
                          {"setups", setups},
                          {"relative_noise", noise},
                          {"lowest_noise", r.relativeNoise.empty() ? nlohmann::json(nullptr)
                                                                   : nlohmann::json(r.relativeNoise.front().first)}};
    if (r.setups.size() == 1) {
        out["runs"] = setups[0]["runs"];
        out["summary"] = setups[0]["summary"];
    } else {
        out["a"] = setups[0];
        out["b"] = setups[1];
        nlohmann::json comparisons = nlohmann::json::array();
        for (std::size_t i = 1; i < r.setups.size(); ++i) {
            nlohmann::json c = r.comparisons[i] ? comparisonJson(*r.comparisons[i]) : nlohmann::json::object();
            c["a"] = r.setups[0].name;
            c["b"] = r.setups[i].name;
            c["verdict"] = r.verdicts[i];
            if (i == 1)
                out.update(c);
            comparisons.push_back(std::move(c));
        }
        out["comparisons"] = comparisons;
        // The first comparison's names are the setups' own objects above.
        out["a"] = setups[0];
        out["b"] = setups[1];
    }
    if (!r.message.empty())
        out["message"] = r.message;
    return out.dump();
}

} // namespace wb::core
