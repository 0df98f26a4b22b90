// workbench-cli grid fit: the scaling law L(N, D) = E + A/N^alpha + B/D^beta fitted to cells
// from a CSV (a grid study's export or any published table), with intervals, the held-out
// check, predictions at untried cells, saturation widths and compute-optimal splits.
#include "gridcommands.h"
#include "jsonout.h"
#include "textinput.h"

#include "wb/errors.h"
#include "wb/scalinglaw.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace wb::app {

namespace {

using json = nlohmann::json;

json interval(const core::Interval &i) { return json::array({number(i.low), number(i.high)}); }

// Rows of a CSV whose header names the columns params, samples and loss (any order, any
// other columns ignored; flops optional: forward FLOPs per sample).
std::vector<core::ScalingPoint> readCells(const std::string &path)
{
    std::ifstream in = openTextInput("--input", path);
    std::map<std::string, std::size_t> column;
    std::vector<core::ScalingPoint> points;
    std::string line;
    std::size_t columns = 0;
    for (int lineNo = 0; nextDataLine(in, path, line, lineNo);) {
        const std::string where = path + ":" + std::to_string(lineNo) + ": ";
        const std::vector<std::string> cells = csvFields(line, where);
        if (column.empty()) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                std::string name = cells[i];
                std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
                if (!column.emplace(name, i).second && !name.empty())
                    throw core::Error(core::ErrorCode::BadData, where + "column " + shownCell(name) + " appears twice");
            }
            for (const char *needed : {"params", "samples", "loss"})
                if (!column.count(needed))
                    throw core::Error(core::ErrorCode::BadData,
                                      where + "the header has no column '" + needed
                                          + "' (expected a header line naming params, samples and loss; "
                                            "separated by commas; flops optional)");
            columns = cells.size();
            continue;
        }
        if (cells.size() > columns)
            throw core::Error(core::ErrorCode::BadData, where + std::to_string(cells.size())
                                                            + " values, but the header names "
                                                            + std::to_string(columns) + " columns");
        auto value = [&](const char *name) {
            const auto it = column.find(name);
            if (it == column.end())
                return 0.0;
            if (it->second >= cells.size())
                throw core::Error(core::ErrorCode::BadData, where + "no value for column '" + name + "' ("
                                                                + std::to_string(cells.size()) + " values)");
            const std::string &cell = cells[it->second];
            const std::optional<double> v = parseNumber(cell);
            if (!v)
                throw core::Error(core::ErrorCode::BadData,
                                  where + "column '" + name + "': " + shownCell(cell) + " is not a number");
            return *v;
        };
        core::ScalingPoint p{value("params"), value("samples"), value("loss"), value("flops")};
        if (!(p.params >= 1 && p.params <= 1e15))
            throw core::Error(core::ErrorCode::BadData, where + "params must be from 1 to 1e15");
        if (!(p.samples >= 1 && p.samples <= 1e15))
            throw core::Error(core::ErrorCode::BadData, where + "samples must be from 1 to 1e15");
        if (!(p.loss > 0 && p.loss <= 1e12))
            throw core::Error(core::ErrorCode::BadData,
                              where + "loss must be above 0 and at most 1e12 (the law is fitted to log loss)");
        if (!(p.forwardFlops >= 0 && p.forwardFlops <= 1e21))
            throw core::Error(core::ErrorCode::BadData, where + "flops must be from 0 to 1e21");
        points.push_back(p);
        if (points.size() > 100000)
            throw core::Error(core::ErrorCode::BadData, path + ": more than 100,000 rows");
    }
    if (column.empty())
        throw core::Error(core::ErrorCode::BadData, path + ": empty (expected a header naming params, samples, loss)");
    if (points.empty())
        throw core::Error(core::ErrorCode::BadData, path + ": a header but no rows");
    return points;
}

std::pair<double, double> parseCell(const std::string &text)
{
    const auto colon = text.find(':');
    const std::optional<double> n = colon == std::string::npos ? std::nullopt : parseNumber(text.substr(0, colon));
    const std::optional<double> d = colon == std::string::npos ? std::nullopt : parseNumber(text.substr(colon + 1));
    if (!n || !d || !(*n >= 1 && *n <= 1e15) || !(*d >= 1 && *d <= 1e15))
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--predict " + shownCell(text) + ": expected PARAMS:SAMPLES, both from 1 to 1e15 (e.g. 2e5:20000)");
    return {*n, *d};
}

} // namespace

void checkGridFitOptions(const GridFitOptions &o)
{
    if (!(o.tolerance > 0 && o.tolerance < 1))
        throw core::Error(core::ErrorCode::InvalidArgument, "--tolerance: a relative gain in (0, 1), e.g. 0.01");
    if (o.resamples < 10 || o.resamples > 10000)
        throw core::Error(core::ErrorCode::InvalidArgument, "--resamples: 10 to 10,000");
    for (double c : o.compute)
        if (!(c >= 1 && c <= 1e30))
            throw core::Error(core::ErrorCode::InvalidArgument, "--compute: FLOP budgets from 1 to 1e30");
    if (o.predict.size() > 1000 || o.compute.size() > 1000)
        throw core::Error(core::ErrorCode::InvalidArgument, "--predict, --compute: at most 1,000 values each");
    for (const std::string &p : o.predict)
        parseCell(p); // before any training or fitting
}

GridFitReport gridFitReport(const std::vector<core::ScalingPoint> &points, const GridFitOptions &o,
                            const std::string &source)
{
    std::vector<std::pair<double, double>> cells;
    for (const std::string &p : o.predict)
        cells.push_back(parseCell(p));
    core::ScalingFitOptions options;
    options.resamples = o.resamples;
    options.seed = o.seed;
    GridFitReport report;
    report.fit = [&] {
        try {
            return core::fitScalingLaw(points, options);
        } catch (const core::Error &e) { // the cells cannot determine a law: bad data
            throw core::Error(core::ErrorCode::BadData, source + ": " + e.what());
        }
    }();
    const core::ScalingLawFit &fit = report.fit;
    const core::ScalingLaw &law = fit.law;
    const bool exponentsPositive = law.alpha > 0 && law.beta > 0 && law.A > 0 && law.B > 0;
    // How far an answer lies outside the measured sizes, above or below: the largest of
    // N / largest N, smallest N / N, the same for D, and 1 (inside).
    double minN = INFINITY, maxN = 0, minD = INFINITY, maxD = 0, farthest = 1;
    for (const auto &p : points) {
        minN = std::min(minN, p.params);
        maxN = std::max(maxN, p.params);
        minD = std::min(minD, p.samples);
        maxD = std::max(maxD, p.samples);
    }
    auto beyond = [&](double n, double d) {
        const double f = n > 0 && d > 0 && std::isfinite(n) && std::isfinite(d)
                             ? std::max({n / maxN, minN / n, d / maxD, minD / d, 1.0})
                             : INFINITY;
        farthest = std::max(farthest, f);
        return number(f);
    };

    json predictions = json::array();
    for (const auto &[n, d] : cells) {
        const core::Interval band = core::scalingPredictionInterval(fit, n, d);
        predictions.push_back({{"params", n},
                               {"samples", d},
                               {"loss", number(core::scalingLoss(law, n, d))},
                               {"ci", interval(band)},
                               {"beyond_grid", beyond(n, d)}});
    }
    std::set<double> sizes;
    for (const auto &p : points)
        sizes.insert(p.samples);
    for (const auto &c : cells)
        sizes.insert(c.second);
    json saturation = json::array();
    for (double d : sizes) {
        const double n = core::saturationParams(law, d, o.tolerance);
        json entry{{"samples", d}};
        if (!(law.alpha > 0 && law.A > 0)) {
            entry["params"] = nullptr;
            entry["reason"] = "the fitted loss does not fall with model size";
        } else if (n == 0) {
            entry["params"] = nullptr;
            entry["reason"] = "any size: by the law, doubling a model never lowers the loss by that much";
        } else if (!std::isfinite(n)) {
            entry["params"] = nullptr;
            entry["reason"] = "no size: the law has no floor, every doubling gains more";
        } else {
            entry["params"] = n;
            entry["beyond_grid"] = beyond(n, d);
        }
        saturation.push_back(entry);
    }
    json optimal = json::array();
    for (double c : o.compute) {
        if (!exponentsPositive)
            break;
        const core::ComputeOptimum opt = core::computeOptimal(law, c, fit.flopsPerParamSample);
        optimal.push_back({{"compute", c},
                           {"params", opt.params},
                           {"samples", opt.samples},
                           {"loss", opt.loss},
                           {"beyond_grid", beyond(opt.params, opt.samples)}});
    }
    json warnings = json::array();
    for (const auto &w : fit.warnings)
        warnings.push_back({{"code", w.code}, {"text", w.text}});
    if (farthest > 10) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "an answer lies %.3gx outside the measured model or data sizes (beyond_grid): a law "
                      "fitted on the grid says little that far out",
                      farthest);
        warnings.push_back({{"code", "far_extrapolation"}, {"text", text}});
    }
    if (!o.compute.empty() && !exponentsPositive)
        warnings.push_back({{"code", "no_compute_optimum"},
                            {"text", "the fitted law has a non-positive exponent or coefficient: no compute-optimal split"}});

    report.json = json{{"E", law.E},
                          {"A", law.A},
                          {"B", law.B},
                          {"alpha", law.alpha},
                          {"beta", law.beta},
                          {"ci",
                           {{"E", interval(fit.E)},
                            {"A", interval(fit.A)},
                            {"B", interval(fit.B)},
                            {"alpha", interval(fit.alpha)},
                            {"beta", interval(fit.beta)}}},
                          {"heldout_error",
                           {{"largest_params", number(fit.heldOutParamsError)},
                            {"largest_samples", number(fit.heldOutSamplesError)}}},
                          {"points", fit.points},
                          {"cells", fit.cells},
                          {"median_abs_log_residual", fit.medianAbsLogResidual},
                          {"flops_per_param_sample", fit.flopsPerParamSample},
                          {"predictions", predictions},
                          {"tolerance", o.tolerance},
                          {"saturation", saturation},
                          {"compute_optimal", optimal},
                          {"warnings", warnings}};
    return report;
}

void printGridFit(const GridFitReport &report, const GridFitOptions &o)
{
    const core::ScalingLawFit &fit = report.fit;
    const core::ScalingLaw &law = fit.law;
    const json &predictions = report.json["predictions"], &saturation = report.json["saturation"],
               &optimal = report.json["compute_optimal"], &warnings = report.json["warnings"];
    auto row = [](const char *name, double v, const core::Interval &i) {
        std::printf("  %-6s %12.5g   [%.4g, %.4g]\n", name, v, i.low, i.high);
    };
    std::printf("scaling law L(N, D) = E + A/N^alpha + B/D^beta, fitted to %d cells (%d rows, %d model sizes x %d "
                "data sizes)\n",
                fit.cells, fit.points, fit.distinctParams, fit.distinctSamples);
    std::printf("  %-6s %12s   95%% interval (%d bootstrap fits)\n", "", "estimate", int(fit.resampled.size()));
    row("E", law.E, fit.E);
    row("A", law.A, fit.A);
    row("B", law.B, fit.B);
    row("alpha", law.alpha, fit.alpha);
    row("beta", law.beta, fit.beta);
    std::printf("median miss of the cell means: %.2f%%\n", 100 * (std::exp(fit.medianAbsLogResidual) - 1));
    auto heldOut = [](double error) {
        char text[48] = "not measured (too few cells)";
        if (std::isfinite(error))
            std::snprintf(text, sizeof text, "predicted %.1f%% off", 100 * error);
        return std::string(text);
    };
    std::printf("held out: largest model %s, largest data size %s\n",
                heldOut(fit.heldOutParamsError).c_str(), heldOut(fit.heldOutSamplesError).c_str());
    // " (12x beyond the grid)" for answers outside the measured sizes.
    auto mark = [](const json &entry) {
        const double f = entry["beyond_grid"].is_number() ? entry["beyond_grid"].get<double>() : INFINITY;
        char text[64] = "";
        if (f > 1 + 1e-9)
            std::snprintf(text, sizeof text, " (%.3gx outside the grid)", f);
        return std::string(text);
    };
    if (!core::scalingFitTrusted(fit))
        std::printf("the law does not describe the cells well enough (see the warnings): the predictions below are "
                    "not answers\n");
    for (const auto &p : predictions)
        std::printf("predicted loss at N = %.4g, D = %.4g: %.4g [%.4g, %.4g]%s\n", p["params"].get<double>(),
                    p["samples"].get<double>(), core::scalingLoss(law, p["params"], p["samples"]),
                    p["ci"][0].is_number() ? p["ci"][0].get<double>() : NAN,
                    p["ci"][1].is_number() ? p["ci"][1].get<double>() : NAN, mark(p).c_str());
    std::printf("model size beyond which doubling it gains less than %.3g of the loss:\n", o.tolerance);
    for (const auto &s : saturation) {
        if (s["params"].is_number())
            std::printf("  D = %-10.4g N = %.4g%s\n", s["samples"].get<double>(), s["params"].get<double>(),
                        mark(s).c_str());
        else
            std::printf("  D = %-10.4g %s\n", s["samples"].get<double>(), s["reason"].get<std::string>().c_str());
    }
    for (const auto &c : optimal)
        std::printf("compute-optimal for C = %.3g FLOPs (%.3g FLOPs per parameter and sample%s): N = %.4g, D = %.4g, "
                    "loss %.4g%s\n",
                    c["compute"].get<double>(), fit.flopsPerParamSample, fit.flopsFromData ? ", from the flops column" : "",
                    c["params"].get<double>(), c["samples"].get<double>(), c["loss"].get<double>(), mark(c).c_str());
    for (const auto &w : warnings)
        std::printf("warning (%s): %s\n", w["code"].get<std::string>().c_str(), w["text"].get<std::string>().c_str());
}

int runGridFit(const GridFitOptions &o)
{
    if (!o.session.empty())
        return runGridFitOfStudy(o);
    checkGridFitOptions(o);
    const GridFitReport report = gridFitReport(readCells(o.input), o, "--input " + o.input);
    if (o.json)
        std::cout << report.json.dump() << std::endl;
    else
        printGridFit(report, o);
    return 0;
}

} // namespace wb::app
