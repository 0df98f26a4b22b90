// workbench-cli grid run | show, and grid fit --session: the scaling study (model width ×
// data fraction × seed) on the study engine, its cells as tables and its fitted law.
#include "gridcommands.h"
#include "modelchoice.h"

#include "jsonout.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

namespace wb::app {

using nlohmann::json;

namespace {

// Mean and sample standard deviation of the finite values (NaN when none; std 0 for one).
std::pair<double, double> meanStd(const std::vector<double> &values)
{
    double sum = 0, n = 0;
    for (double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    if (n == 0)
        return {NAN, NAN};
    const double mean = sum / n;
    double ss = 0;
    for (double v : values)
        if (std::isfinite(v))
            ss += (v - mean) * (v - mean);
    return {mean, n > 1 ? std::sqrt(ss / (n - 1)) : 0.0};
}

// One metric as a table: a row per width (with its parameters), a column per data size,
// mean (± std with several seeds) per cell, "-" where no cell finished.
void printTable(const core::GridStudyResult &r, const char *title, double core::GridCellResult::*metric)
{
    const core::GridConfig &c = r.setup.grid;
    std::map<std::pair<int, double>, std::vector<double>> values;
    std::map<int, std::int64_t> params;
    std::map<double, std::int64_t> samples;
    for (const auto &cell : r.cells) {
        values[{cell.width, cell.fraction}].push_back(cell.*metric);
        params[cell.width] = cell.params;
        samples[cell.fraction] = cell.samples;
    }
    const bool seeds = c.seeds > 1;
    const int w = seeds ? 15 : 9;
    std::printf("\n%s (rows: width and parameters, columns: training images)\n%6s %10s", title, "width", "params");
    for (double f : c.fractions)
        if (samples.count(f))
            std::printf(" %*lld", w, static_cast<long long>(samples[f]));
        else
            std::printf(" %*s", w, ("f=" + json(f).dump()).c_str());
    std::printf("\n");
    for (int width : c.widths) {
        std::printf("%6d %10s", width, params.count(width) ? std::to_string(params[width]).c_str() : "-");
        for (double f : c.fractions) {
            const auto it = values.find({width, f});
            const auto [mean, sd] = it == values.end() ? std::pair<double, double>{NAN, NAN} : meanStd(it->second);
            char text[64] = "-";
            const bool huge = std::abs(mean) >= 1e5; // a diverged cell: keep the columns
            if (std::isfinite(mean) && seeds)
                std::snprintf(text, sizeof text, huge ? "%.3g±%.2g" : "%.4f±%.4f", mean, sd);
            else if (std::isfinite(mean))
                std::snprintf(text, sizeof text, huge ? "%.3g" : "%.4f", mean);
            std::printf(" %*s", w, text);
        }
        std::printf("\n");
    }
}

// Default questions for the law: the largest cell with 2x data, 2x parameters and both, and
// the compute-optimal split at the largest cell's training compute and 10x it.
GridFitOptions withDefaults(GridFitOptions o, const std::vector<core::ScalingPoint> &points)
{
    double n = 0, d = 0, flops = 0;
    for (const auto &p : points)
        if (p.params * p.samples >= n * d) {
            n = p.params;
            d = p.samples;
            flops = p.forwardFlops;
        }
    if (o.predict.empty() && n > 0) {
        auto cell = [](double a, double b) { return json(a).dump() + ":" + json(b).dump(); };
        o.predict = {cell(n, 2 * d), cell(2 * n, d), cell(2 * n, 2 * d)};
    }
    if (o.compute.empty() && flops > 0)
        o.compute = {3 * flops * d, 30 * flops * d};
    return o;
}

// "2 finished cells left out of the fit (...): cells 4, 7" when cells have no usable test loss.
std::string leftOutNote(const core::GridStudyResult &r)
{
    std::string cells;
    int n = 0;
    for (const auto &c : r.cells)
        if (!(std::isfinite(c.testLoss) && c.testLoss > 0 && c.testLoss <= 1e12)) {
            cells += (n++ ? ", " : "") + std::to_string(c.cell);
        }
    if (n == 0)
        return {};
    return std::to_string(n) + " finished cell" + (n == 1 ? "" : "s")
           + " left out of the fit (test loss not finite or above 1e12: diverged in effect): cell"
           + (n == 1 ? " " : "s ") + cells;
}

} // namespace

json gridStudyFitJson(const core::GridStudyResult &result, const GridFitOptions &fit, GridFitReport *report)
{
    const auto points = core::gridScalingPoints(result.cells);
    try {
        GridFitReport r = gridFitReport(points, withDefaults(fit, points), "study " + std::to_string(result.study.id));
        if (report)
            *report = r;
        return r.json;
    } catch (const core::Error &e) {
        return json{{"error", e.what()}};
    }
}

int reportGridStudy(const core::Session &session, std::int64_t id, const GridFitOptions &fitOptions, bool asJson)
{
    const core::GridStudyResult r = core::gridResultFromStudy(session, id);
    GridFitReport report;
    const json fit = gridStudyFitJson(r, fitOptions, &report);
    double seconds = 0;
    for (const auto &c : r.cells)
        seconds += c.seconds;
    if (asJson) {
        json out = {{"study_id", id},
                    {"study_status", core::studyStatusName(r.study.status)},
                    {"cells_done", r.study.cellsDone},
                    {"cell_count", r.study.cellCount},
                    {"model", r.setup.model},
                    {"model_files", [&r] {
                         json files = json::array();
                         for (const auto &spec : r.setup.modelFiles)
                             files.push_back({{"file", spec.script->fileName}, {"sha256", spec.script->sha256}});
                         return files;
                     }()},
                    {"dataset", r.setup.dataset},
                    {"grid", json::parse(core::toJson(r.setup.grid))},
                    {"train_config", json::parse(core::toJson(r.setup.train))},
                    {"cells", json::parse(core::gridCellsJson(r.cells))},
                    {"cell_seconds", seconds},
                    {"wall_seconds", r.study.wallSeconds},
                    {"fit", fit}};
        if (!r.message.empty())
            out["message"] = r.message;
        std::cout << out.dump() << std::endl;
    } else {
        const auto &c = r.setup.grid;
        std::printf("grid study %lld: %s, %d of %d cells (%zu widths × %zu fractions × %d seed%s) of %s on %s, "
                    "budget: equal %s; %.1f s of cells, %.1f s wall\n",
                    static_cast<long long>(id), core::studyStatusName(r.study.status), r.study.cellsDone,
                    r.study.cellCount, c.widths.size(), c.fractions.size(), c.seeds, c.seeds == 1 ? "" : "s",
                    r.setup.model.c_str(),
                    printable(r.setup.dataset).c_str(), c.budget.c_str(), seconds, r.study.wallSeconds);
        for (std::size_t i = 0; i < r.setup.modelFiles.size(); ++i) {
            const auto shapes = core::inferShapes(r.setup.modelFiles[i]);
            std::printf("  width %zu = %s: %lld parameters, %lld forward FLOPs per image (measured: LibTorch's "
                        "profiler)\n",
                        i + 1, r.setup.modelFiles[i].script->fileName.c_str(),
                        static_cast<long long>(shapes.totalParameters), static_cast<long long>(shapes.totalFlops));
        }
        printTable(r, "test loss", &core::GridCellResult::testLoss);
        printTable(r, "test accuracy", &core::GridCellResult::testAccuracy);
        printTable(r, "train loss", &core::GridCellResult::trainLoss);
        std::printf("\n");
        if (fit.contains("error"))
            std::printf("no scaling law yet: %s\n", fit["error"].get<std::string>().c_str());
        else
            printGridFit(report, withDefaults(fitOptions, core::gridScalingPoints(r.cells)));
        for (const auto &cell : r.cells)
            if (!cell.message.empty())
                std::fprintf(stderr, "note: %s\n", cell.message.c_str());
    }
    if (!r.message.empty())
        std::fprintf(stderr, "note: %s\n", r.message.c_str());
    if (const std::string note = leftOutNote(r); !note.empty())
        std::fprintf(stderr, "note: %s\n", note.c_str());
    if (r.study.status == core::StudyStatus::Failed)
        std::fprintf(stderr, "study %lld failed: %s\n", static_cast<long long>(id), r.study.message.c_str());
    if (asJson && fit.contains("error"))
        std::fprintf(stderr, "note: no scaling law: %s\n", fit["error"].get<std::string>().c_str());
    // Every cell stored is success; a grid too small for the law is said, not a failure.
    return r.study.status == core::StudyStatus::Complete ? 0 : 1;
}

int runGridRun(const GridRunOptions &o)
{
    checkGridFitOptions(o.fit);
    core::GridStudySetup setup;
    setup.grid = o.grid;
    setup.grid.seed = o.train.config.seed;
    if (setup.grid.widths.empty())
        setup.grid.widths = core::gridWidths(o.baseWidth, o.widthSteps);
    if (setup.grid.fractions.empty())
        setup.grid.fractions = core::gridFractions(o.fractionSteps);
    core::validate(setup.grid);
    core::validate(o.train.config);
    const bool ownFamily = !o.modelFiles.empty();
    if (ownFamily) {
        if (o.modelFiles.size() < 2)
            throw core::Error(core::ErrorCode::InvalidArgument, "--model-files: a model axis needs at least 2 files");
        for (const auto &f : o.modelFiles) {
            TrainOptions one = o.train;
            one.modelFile = f;
            cli::checkModelChoice(one);
        }
    } else {
        if (std::filesystem::exists(o.train.model) || o.train.model.find('/') != std::string::npos
            || (o.train.model.size() > 5 && o.train.model.compare(o.train.model.size() - 5, 5, ".json") == 0))
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--model " + o.train.model + ": a grid needs a preset with a width to scale (mlp, lenet5, "
                              "tutorial-cnn, cnn, resnet18 or xresnet18) or --model-files; a spec file has no width knob");
        core::presetSpec(o.train.model, setup.grid.widths.front(), {1, 28, 28}, 10); // the name, early
    }
    setup.train = o.train.config;
    setup.model = o.train.model;
    setup.dataset = o.train.data.dataset;
    setup.image = {o.train.data.imageChannels, o.train.data.imageHeight, o.train.data.imageWidth};
    std::vector<core::SkippedFile> skipped;
    if (!o.train.json)
        std::fprintf(stderr, "loading %s ...\n", o.train.data.dataset.c_str());
    const core::DatasetPair data = core::loadDataset(o.train.data.dataset, setup.image, skipped);
    if (ownFamily) {
        // The family, smallest first (by trainable parameters): widths 1 .. N are positions in it.
        std::vector<std::pair<std::int64_t, core::ModelSpec>> family;
        for (const auto &f : o.modelFiles) {
            TrainOptions one = o.train;
            one.modelFile = f;
            const auto spec = cli::chooseModel(one, data).spec;
            family.emplace_back(core::inferShapes(spec).totalParameters, spec);
        }
        std::stable_sort(family.begin(), family.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        setup.model.clear();
        setup.grid.widths.clear();
        for (std::size_t i = 0; i < family.size(); ++i) {
            if (i > 0 && family[i].first == family[i - 1].first)
                throw core::Error(core::ErrorCode::InvalidArgument,
                                  "--model-files: " + family[i - 1].second.script->fileName + " and "
                                      + family[i].second.script->fileName + " have the same number of parameters ("
                                      + std::to_string(family[i].first) + "): a model axis needs different sizes");
            setup.modelFiles.push_back(family[i].second);
            setup.grid.widths.push_back(int(i) + 1);
            setup.model += (i ? "," : "") + family[i].second.script->fileName;
        }
        if (!o.train.json)
            std::fprintf(stderr, "model axis (smallest first): %s; FLOPs measured by LibTorch's profiler on one forward pass\n",
                         setup.model.c_str());
    }
    const auto plan = core::gridPlan(setup, data); // a grid that does not fit the data leaves no session file
    core::Session session(o.train.session, core::Session::Mode::Create);
    const std::int64_t id = core::createGridStudy(session, setup, data, o.train.name);
    if (o.slurm)
        return submitCreatedStudy(session, id, o.submit, o.train.json);
    runCreatedStudy(session, id, *plan, setup.grid.workers, o.train.json);
    return reportGridStudy(session, id, o.fit, o.train.json);
}

int runGridShow(const GridShowOptions &o)
{
    checkGridFitOptions(o.fit);
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    return reportGridStudy(session, o.study, o.fit, o.json);
}

int runGridFitOfStudy(const GridFitOptions &o)
{
    checkGridFitOptions(o);
    if (!o.input.empty())
        throw core::Error(core::ErrorCode::InvalidArgument, "--input and --session: give one source of cells");
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    const core::GridStudyResult r = core::gridResultFromStudy(session, o.study);
    const auto points = core::gridScalingPoints(r.cells);
    const GridFitReport report = gridFitReport(points, o, "study " + std::to_string(o.study));
    if (o.json)
        std::cout << report.json.dump() << std::endl;
    else
        printGridFit(report, o);
    if (const std::string note = leftOutNote(r); !note.empty())
        std::fprintf(stderr, "note: %s\n", note.c_str());
    if (r.study.status != core::StudyStatus::Complete)
        std::fprintf(stderr, "note: study %lld is %s: fitted to %d of %d cells\n", static_cast<long long>(o.study),
                     core::studyStatusName(r.study.status), r.study.cellsDone, r.study.cellCount);
    return 0;
}

} // namespace wb::app
