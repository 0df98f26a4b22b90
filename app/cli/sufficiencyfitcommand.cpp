// workbench-cli sufficiency fit: fit learning-curve families to given numbers, project them,
// and — with one row of values per run — bootstrap bands for projections and samples needed.
#include "sufficiencycommands.h"
#include "jsonout.h"
#include "textinput.h"

#include "wb/errors.h"
#include "wb/learningcurve.h"
#include "wb/sufficiencyanswer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace wb::app {

namespace {

using json = nlohmann::json;


// The range a value of the metric must lie in; empty when it does.
std::string valueProblem(double v, bool accuracy)
{
    if (!std::isfinite(v))
        return "is not finite";
    if (accuracy && !(v >= 0 && v <= 1))
        return "is not an accuracy in [0, 1]";
    if (!accuracy && !(v >= 0 && v <= 1e12))
        return "is not a loss in [0, 1e12]";
    return {};
}

// One row of numbers per run; blank lines and lines starting with '#' are skipped.
std::vector<std::vector<double>> readRuns(const std::string &path, std::size_t steps, bool accuracy)
{
    std::ifstream in = openTextInput("--values-file", path);
    std::vector<std::vector<double>> runs;
    std::string line;
    for (int lineNo = 0; nextDataLine(in, path, line, lineNo);) {
        const std::string where = path + ":" + std::to_string(lineNo) + ": ";
        std::vector<double> row;
        std::stringstream cells(line);
        std::string cell;
        while (std::getline(cells, cell, ',')) {
            const std::optional<double> parsed = parseNumber(cell);
            if (!parsed)
                throw core::Error(core::ErrorCode::BadData,
                                  where + shownCell(cell) + " is not a number (expected one row of values per run)");
            const double v = *parsed;
            if (const std::string problem = valueProblem(v, accuracy); !problem.empty())
                throw core::Error(core::ErrorCode::BadData, where + shownCell(cell) + " " + problem);
            row.push_back(v);
        }
        if (row.size() != steps)
            throw core::Error(core::ErrorCode::BadData,
                              where + std::to_string(row.size()) + " values, expected one per step ("
                                  + std::to_string(steps) + ")");
        runs.push_back(std::move(row));
        if (runs.size() > 100000)
            throw core::Error(core::ErrorCode::BadData, path + ": more than 100,000 runs");
    }
    if (runs.empty())
        throw core::Error(core::ErrorCode::BadData, path + ": no rows of values");
    return runs;
}

void checkOptions(const SufficiencyFitOptions &o)
{
    if (o.metric != "accuracy" && o.metric != "loss")
        throw core::Error(core::ErrorCode::InvalidArgument, "--metric must be accuracy or loss");
    const bool accuracy = o.metric == "accuracy";
    const auto &c = core::curveChoices();
    if (std::find(c.begin(), c.end(), o.family) == c.end())
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--family '" + o.family + "': expected calibrated, power, power4, exp, mmf, auto or ensemble");
    if (!o.calibration.empty() && o.family != "calibrated")
        throw core::Error(core::ErrorCode::InvalidArgument, "--calibration goes with --family calibrated");
    if (int(!o.values.empty()) + int(!o.valuesFile.empty()) + int(!o.runs.empty()) != 1)
        throw core::Error(core::ErrorCode::InvalidArgument, "give either --values or --values-file (a --batch line: \"values\" or \"runs\")");
    for (const auto &run : o.runs) {
        if (run.size() != o.steps.size())
            throw core::Error(core::ErrorCode::InvalidArgument, "runs: one value per step in every run");
        for (double v : run)
            if (const std::string problem = valueProblem(v, accuracy); !problem.empty())
                throw core::Error(core::ErrorCode::InvalidArgument, "runs: a value " + problem);
    }
    for (std::size_t i = 0; i < o.steps.size(); ++i)
        if (!(o.steps[i] >= 1 && o.steps[i] <= 1e15))
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--steps: size " + std::to_string(i + 1) + " must be from 1 to 1e15");
    std::vector<double> distinct = o.steps;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() < 3)
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--steps: at least 3 distinct sizes are needed to fit a curve (got "
                              + std::to_string(distinct.size()) + ")");
    if (o.steps.size() > 200)
        throw core::Error(core::ErrorCode::InvalidArgument, "--steps: at most 200 sizes");
    if (o.family == "calibrated" && accuracy) // (for a loss, "calibrated" is the ensemble)
        for (std::size_t i = 1; i < o.steps.size(); ++i)
            if (!(o.steps[i] > o.steps[i - 1]))
                throw core::Error(core::ErrorCode::InvalidArgument,
                                  "--steps: the calibrated answer needs increasing sizes (size " + std::to_string(i + 1)
                                      + " is not above size " + std::to_string(i) + "); or give --family power");
    if (!o.values.empty() && o.steps.size() != o.values.size())
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--steps and --values must have the same length (got " + std::to_string(o.steps.size())
                              + " and " + std::to_string(o.values.size()) + ")");
    for (std::size_t i = 0; i < o.values.size(); ++i)
        if (const std::string problem = valueProblem(o.values[i], accuracy); !problem.empty())
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--values: value " + std::to_string(i + 1) + " " + problem);
    for (double n : o.project)
        if (!(n >= 1 && n <= 1e15))
            throw core::Error(core::ErrorCode::InvalidArgument, "--project: sizes from 1 to 1e15");
    if (!accuracy && !o.targets.empty())
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--targets: target accuracies apply to --metric accuracy only");
    for (double t : o.targets)
        if (!(t > 0 && t < 1))
            throw core::Error(core::ErrorCode::InvalidArgument, "--targets: accuracies in (0, 1)");
    if (o.resamples < 10 || o.resamples > 100000)
        throw core::Error(core::ErrorCode::InvalidArgument, "--resamples: 10 to 100,000");
}

} // namespace

namespace {

std::string count(double n)
{
    return std::isfinite(n) ? std::to_string(std::int64_t(std::llround(n))) : "unbounded";
}

// --family calibrated: the sample-size answer (measured where measured, calibrated bands).
int runCalibratedFit(const SufficiencyFitOptions &o, const std::vector<std::vector<double>> &runs)
{
    core::BandCalibration calibration = core::builtInCalibration();
    if (!o.calibration.empty()) {
        std::ifstream in = openTextInput("--calibration", o.calibration);
        std::stringstream text;
        text << in.rdbuf();
        calibration = core::calibrationFromJson(text.str(), o.calibration);
    }
    const core::SampleSizeModel m = core::buildSampleSizeModel(o.steps, runs, calibration);
    std::vector<core::SampleSizeAnswer> answers;
    for (double t : o.targets)
        answers.push_back(core::answerTarget(m, t));
    json answer = json::parse(core::sampleSizeJson(m, o.project, answers));
    std::vector<core::CurveWarning> warnings = m.warnings;
    const double largest = o.steps.back();
    for (double n : o.project)
        if (auto w = core::extrapolationWarning("the projection", n, largest))
            warnings.push_back(*w);
    for (const auto &a : answers)
        if (a.n > 0)
            if (auto w = core::extrapolationWarning("the target " + json(a.target).dump(), a.n, largest))
                warnings.push_back(*w);
    json warningList = json::array();
    for (const auto &w : warnings)
        warningList.push_back({{"code", w.code}, {"text", w.text}});
    // The compatible keys (projection, inverse) with the calibrated numbers.
    json projection = {{"n", json::array()}, {"value", json::array()}, {"source", json::array()}};
    for (const auto &p : answer["projections"])
        for (const char *k : {"n", "value", "source", "lo50", "hi50", "lo80", "hi80", "lo95", "hi95"})
            projection[k].push_back(p[k]);
    json inverse = {{"target", json::array()}, {"n", json::array()}, {"reachable", json::array()},
                    {"status", json::array()}, {"next_step", json::array()}};
    for (const auto &t : answer["targets"]) {
        for (const char *k : {"target", "n", "status", "next_step", "lo50", "hi50", "lo80", "hi80", "lo95", "hi95"})
            inverse[k].push_back(t[k]);
        inverse["reachable"].push_back(!t["n"].is_null());
    }
    if (o.json) {
        std::cout << json{{"family", "calibrated"}, {"choice", "calibrated"}, {"runs", runs.size()},
                          {"asymptote", answer["asymptote"]}, {"answer", answer}, {"projection", projection},
                          {"inverse", inverse}, {"warnings", warningList}}
                         .dump()
                  << std::endl;
        return 0;
    }
    std::printf("calibrated answer: fitted sizes %s to %s (back-tested), families that fit:",
                count(m.steps[m.firstFitted]).c_str(), count(largest).c_str());
    for (const auto &name : answer["fitting_families"])
        std::printf(" %s", name.get<std::string>().c_str());
    std::printf("%s\n", m.hasCurve                         ? ""
                       : answer["fitting_families"].empty() ? " none"
                                                            : " (not used: the accuracy falls with more data)");
    for (const auto &p : answer["projections"]) {
        if (p["value"].is_null()) {
            std::printf("n = %.0f: no projection (%s)\n", p["n"].get<double>(),
                        m.falling ? "the accuracy falls with more data" : "every family misses the data");
            continue;
        }
        std::printf("n = %.0f: %.4f %s (80%%: %.4f–%.4f, 95%%: %.4f–%.4f)\n", p["n"].get<double>(),
                    p["value"].get<double>(), p["source"].get<std::string>().c_str(), p["lo80"].get<double>(),
                    p["hi80"].get<double>(), p["lo95"].get<double>(), p["hi95"].get<double>());
    }
    for (const auto &a : answers) {
        const char *status = core::answerStatusName(a.status);
        if (a.status == core::SampleSizeAnswer::Status::Reached)
            std::printf("target %.6g: reached, %.4f measured at %s images (≈ %s by interpolation)\n", a.target,
                        a.measuredValue, count(a.measuredAt).c_str(), count(a.n).c_str());
        else if (a.status == core::SampleSizeAnswer::Status::Projected)
            std::printf("target %.6g: ≈ %s images (80%%: %s–%s, 95%%: %s–%s)\n", a.target, count(a.n).c_str(),
                        count(a.lo[1]).c_str(), count(a.hi[1]).c_str(), count(a.lo[2]).c_str(),
                        count(a.hi[2]).c_str());
        else
            std::printf("target %.6g: %s\n", a.target, status);
        std::printf("  next step: %s\n", core::nextStepText(m, a).c_str());
    }
    for (const auto &w : warnings)
        std::printf("warning (%s): %s\n", w.code.c_str(), w.text.c_str());
    return 0;
}

} // namespace

// --batch: one fit per JSON line ({"steps", "values" | "runs", "project", "targets", "family",
// "calibration"}), each answered by one line as --json prints it, or {"error": "..."}.
int runSufficiencyFitBatch(const SufficiencyFitOptions &base)
{
    std::ifstream in = openTextInput("--batch", base.batch);
    std::string line;
    int bad = 0, total = 0;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        if (total >= 1000000)
            throw core::Error(core::ErrorCode::BadData, base.batch + ": more than 1,000,000 fits");
        try {
            SufficiencyFitOptions o = base;
            o.batch.clear();
            o.json = true;
            const json j = json::parse(line);
            if (!j.is_object())
                throw core::Error(core::ErrorCode::BadData, "expected a JSON object {\"steps\", \"values\" or \"runs\", "
                                                            "\"project\", \"targets\", \"family\"}");
            for (const auto &[key, value] : j.items()) {
                auto numbers = [&](const json &v, const std::string &name) {
                    if (!v.is_array())
                        throw core::Error(core::ErrorCode::BadData, "'" + name + "' must be an array of numbers");
                    std::vector<double> out;
                    for (const auto &x : v) {
                        if (!x.is_number())
                            throw core::Error(core::ErrorCode::BadData, "'" + name + "' must hold numbers only");
                        out.push_back(x.get<double>());
                    }
                    return out;
                };
                if (key == "steps")
                    o.steps = numbers(value, key);
                else if (key == "values")
                    o.values = numbers(value, key);
                else if (key == "project")
                    o.project = numbers(value, key);
                else if (key == "targets")
                    o.targets = numbers(value, key);
                else if (key == "runs") {
                    if (!value.is_array() || value.size() > 100000)
                        throw core::Error(core::ErrorCode::BadData, "'runs' must be an array of runs (at most 100,000)");
                    for (const auto &run : value)
                        o.runs.push_back(numbers(run, "runs"));
                    if (o.runs.empty())
                        throw core::Error(core::ErrorCode::BadData, "'runs' holds no run");
                } else if (key == "family" && value.is_string())
                    o.family = value.get<std::string>();
                else
                    throw core::Error(core::ErrorCode::BadData,
                                      "unknown or mistyped key '" + key
                                          + "' (expected steps, values or runs, project, targets, family)");
            }
            runSufficiencyFit(o);
        } catch (const json::exception &e) { // "[json.exception.type_error.302] …" without its tag
            const std::string what = e.what();
            const auto tag = what.find("] ");
            ++bad;
            std::cout << json{{"error", base.batch + ":" + std::to_string(lineNo) + ": not a fit request ("
                                            + (tag == std::string::npos ? what : what.substr(tag + 2)) + ")"}}
                             .dump()
                      << std::endl;
        } catch (const std::exception &e) {
            ++bad;
            std::cout << json{{"error", base.batch + ":" + std::to_string(lineNo) + ": " + e.what()}}.dump()
                      << std::endl;
        }
        ++total;
    }
    if (bad)
        std::fprintf(stderr, "workbench-cli: %s: %d of %d fits failed (their lines say why)\n", base.batch.c_str(), bad,
                     total);
    return bad ? 3 : 0;
}

int runSufficiencyFit(const SufficiencyFitOptions &o)
{
    if (!o.batch.empty()) {
        if (!o.steps.empty() || !o.values.empty() || !o.valuesFile.empty() || !o.project.empty() || !o.targets.empty())
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--batch takes steps, values, projections and targets from its file: give none of "
                              "--steps, --values, --values-file, --project, --targets with it");
        return runSufficiencyFitBatch(o);
    }
    checkOptions(o);
    const bool acc = o.metric == "accuracy";
    const std::vector<std::vector<double>> runs =
        !o.runs.empty()          ? o.runs
        : o.valuesFile.empty() ? std::vector<std::vector<double>>{o.values}
                               : readRuns(o.valuesFile, o.steps.size(), acc);
    if (o.family == "calibrated" && acc)
        return runCalibratedFit(o, runs);
    std::vector<double> f(o.steps.size(), 0.0);
    for (const auto &run : runs)
        for (std::size_t k = 0; k < f.size(); ++k)
            f[k] += (acc ? 1.0 - run[k] : run[k]) / double(runs.size());
    const double floorMax = core::floorMaxFor(acc);
    const double largest = *std::max_element(o.steps.begin(), o.steps.end());

    const core::CurveFit ensemble = core::fitCurve("ensemble", o.steps, f, nullptr, floorMax);
    const std::string best = o.steps.size() >= 6 ? core::bestExtrapolatingFamily(o.steps, f, floorMax) : "power";
    const core::CurveFit fit = core::fitFromEnsemble(ensemble, o.family, best, o.steps, f, floorMax);
    const bool withBands = runs.size() >= 2;
    const std::vector<core::CurveFit> draws =
        withBands ? core::bootstrapFits(o.steps, runs, acc, o.resamples, o.seed, fit.family)
                  : std::vector<core::CurveFit>{};

    std::vector<core::CurveWarning> warnings = core::curveWarnings(fit, o.steps, f, acc);
    if (acc && std::is_sorted(o.steps.begin(), o.steps.end(), std::less_equal<>()))
        // The fit checked against the measured means, as the calibrated answer checks its families.
        if (const core::FamilyCheck c = core::checkFit(core::buildSampleSizeModel(o.steps, runs), fit); c.missesData)
            warnings.push_back(core::missesDataWarning(c, false));
    double farthest = core::kSupportedExtrapolation * largest;
    for (double n : o.project)
        farthest = std::max(farthest, n);
    if (auto w = core::familyDisagreement(ensemble.members, farthest, acc))
        warnings.push_back(*w);

    json fits = json::object();
    for (const auto &m : ensemble.members) {
        json proj = json::array();
        for (double n : o.project)
            proj.push_back(number(core::projectMetric(m, n, acc)));
        fits[m.family] = {{"params", m.params}, {"sse", m.sse},
                          {"asymptote", number(acc ? 1 - core::curveFloor(m) : core::curveFloor(m))},
                          {"projection", proj}};
    }
    json projection = {{"n", json::array()}, {"value", json::array()}};
    for (double n : o.project) {
        projection["n"].push_back(n);
        projection["value"].push_back(number(core::projectMetric(fit, n, acc)));
        if (withBands)
            for (double cov : {0.8, 0.95}) {
                const auto b = core::projectionBand(draws, n, acc, runs.size(), cov);
                const std::string k = cov > 0.9 ? "95" : "80";
                projection["lo" + k].push_back(number(b.first));
                projection["hi" + k].push_back(number(b.second));
            }
        if (auto w = core::extrapolationWarning("the projection", n, largest))
            warnings.push_back(*w);
    }
    json inverse = {{"target", json::array()}, {"n", json::array()}, {"reachable", json::array()}};
    for (double t : o.targets) {
        const auto n = acc ? core::samplesNeeded(fit, t) : std::nullopt;
        inverse["target"].push_back(t);
        inverse["n"].push_back(n ? json(*n) : json(nullptr));
        inverse["reachable"].push_back(n.has_value());
        if (withBands && acc)
            for (double cov : {0.8, 0.95}) {
                const auto b = core::neededBand(draws, t, runs.size(), cov);
                const std::string k = cov > 0.9 ? "95" : "80";
                inverse["lo" + k].push_back(number(b.first)); // null: unreachable in the draws
                inverse["hi" + k].push_back(number(b.second));
            }
        if (n)
            if (auto w = core::extrapolationWarning("the target " + json(t).dump(), double(*n), largest))
                warnings.push_back(*w);
    }
    json warningList = json::array();
    for (const auto &w : warnings)
        warningList.push_back({{"code", w.code}, {"text", w.text}});
    const double floor = core::curveFloor(fit);
    const double asymptote = acc ? 1.0 - floor : floor;
    if (o.json) {
        std::cout << json{{"family", fit.family}, {"choice", o.family}, {"params", fit.params},
                          {"asymptote", number(asymptote)}, {"sse", fit.sse}, {"runs", runs.size()},
                          {"fits", fits}, {"best_family", best}, {"projection", projection},
                          {"inverse", inverse}, {"warnings", warningList}}
                         .dump()
                  << std::endl;
        return 0;
    }
    if (fit.family == "power")
        std::printf("power law: c = %.8g, m = %.8g, c0 = %.8g (sse %.3g); asymptote %.6f\n",
                    fit.params[0], fit.params[1], fit.params[2], fit.sse, asymptote);
    else
        std::printf("%s%s fit (sse %.3g); asymptote %.6f\n", fit.family.c_str(),
                    o.family == "auto" ? " (auto)" : "", fit.sse, asymptote);
    std::printf("family that extrapolates best within the steps: %s\n", best.c_str());
    for (std::size_t i = 0; i < o.project.size(); ++i) {
        std::printf("n = %.0f: %.6f", o.project[i], projection["value"][i].get<double>());
        if (withBands)
            std::printf(" (95%%: %.4f–%.4f)", projection["lo95"][i].get<double>(),
                        projection["hi95"][i].get<double>());
        std::printf("\n");
    }
    for (std::size_t i = 0; i < o.targets.size(); ++i) {
        if (!inverse["reachable"][i].get<bool>()) {
            std::printf("target %.6g: unreachable (asymptote %.6f)\n", o.targets[i], asymptote);
            continue;
        }
        std::printf("target %.6g: %lld samples", o.targets[i],
                    static_cast<long long>(inverse["n"][i].get<std::int64_t>()));
        if (withBands && acc) {
            const auto &hi = inverse["hi95"][i];
            std::printf(" (95%%: %.0f–%s)", inverse["lo95"][i].get<double>(),
                        hi.is_null() ? "unreachable" : std::to_string(hi.get<std::int64_t>()).c_str());
        }
        std::printf("\n");
    }
    for (const auto &w : warnings)
        std::printf("warning (%s): %s\n", w.code.c_str(), w.text.c_str());
    return 0;
}

} // namespace wb::app
