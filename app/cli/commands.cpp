#include "commands.h"
#include "modelchoice.h"

#include "jsonout.h"
#include "terminalprogress.h"
#include "wb/activeloop.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/lrfinder.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace wb::app {

using nlohmann::json;

bool isSpecFile(const std::string &model)
{
    std::error_code ec;
    return model.size() > 5 && (model.compare(model.size() - 5, 5, ".json") == 0
                                || std::filesystem::is_regular_file(model, ec));
}

core::DatasetPair loadData(const core::DataConfig &c, bool quiet)
{
    std::vector<core::SkippedFile> skipped;
    core::ImageFolderOptions folder{c.imageChannels, c.imageHeight, c.imageWidth};
    TerminalProgress progress(quiet);
    if (!quiet)
        std::fprintf(stderr, "loading %s ...\n", c.dataset.c_str());
    core::DatasetPair data = core::loadDataset(c.dataset, folder, skipped, &progress);
    progress.finish();
    for (const auto &s : skipped)
        std::fprintf(stderr, "warning: skipped %s: %s\n", s.path.c_str(), s.reason.c_str());
    return data;
}

core::DatasetPair loadRunData(const core::Session &session, const core::RunRecord &run, bool quiet)
{
    const core::DataConfig c = core::dataConfigFromJson(run.dataJson);
    core::DatasetPair data = loadData(c, quiet);
    if (c.poolLabels == 0)
        return data;
    const auto loop = core::loadActiveLoop(session);
    if (!loop)
        throw core::Error(core::ErrorCode::Session, "run " + std::to_string(run.id) + " was trained on "
                                                        + std::to_string(c.poolLabels)
                                                        + " labels of an active-learning loop this session no longer holds");
    return core::withLoopLabels(std::move(data), *loop, c.poolLabels);
}

namespace {

std::string fmt(double v, int precision = 4)
{
    if (!std::isfinite(v))
        return "-";
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(precision);
    out << v;
    return out.str();
}

void printHistory(const core::History &h)
{
    std::printf("%5s %11s %10s %9s %8s %9s %8s\n", "epoch", "train_loss", "train_acc",
                "val_loss", "val_acc", "lr", "seconds");
    for (const auto &e : h.epochs)
        std::printf("%5d %11s %10s %9s %8s %9.3g %8s\n", e.epoch, fmt(e.trainLoss).c_str(),
                    fmt(e.trainAccuracy).c_str(), fmt(e.valLoss).c_str(),
                    fmt(e.valAccuracy).c_str(), e.lr, fmt(e.seconds, 1).c_str());
}

// The one JSON object `train` and `resume` print.
json trainSummary(const core::Session &session, std::int64_t runId, const core::TrainResult &r)
{
    const core::RunRecord run = session.run(runId);
    const double nan = std::nan("");
    const auto &epochs = r.history.epochs;
    return {{"run_id", runId},
            {"status", core::runStatusName(r.status)},
            {"epochs", epochs.empty() ? 0 : epochs.back().epoch},
            {"test_accuracy", number(r.test ? r.test->accuracy : nan)},
            {"test_loss", number(r.test ? r.test->loss : nan)},
            {"test_smoothed_accuracy", number(r.test ? r.test->smoothedAccuracy : nan)},
            {"val_accuracy", number(epochs.empty() ? nan : epochs.back().valAccuracy)},
            {"val_loss", number(epochs.empty() ? nan : epochs.back().valLoss)},
            {"train_seconds", number(run.trainSeconds)},
            {"device", r.device},
            {"parameters", r.parameters},
            {"message", r.message}};
}

int reportTraining(const core::Session &session, std::int64_t runId, const core::TrainResult &r,
                   bool asJson)
{
    if (asJson) {
        std::cout << trainSummary(session, runId, r).dump() << std::endl;
    } else {
        std::printf("run %lld: %s on %s, %lld parameters, %.1f s\n",
                    static_cast<long long>(runId), core::runStatusName(r.status), r.device.c_str(),
                    static_cast<long long>(r.parameters), r.trainSeconds);
        printHistory(r.history);
        if (r.test)
            std::printf("test: accuracy %s, loss %s, smoothed accuracy %s (%lld images)\n",
                        fmt(r.test->accuracy).c_str(), fmt(r.test->loss).c_str(),
                        fmt(r.test->smoothedAccuracy).c_str(),
                        static_cast<long long>(r.test->count));
    }
    if (r.status == core::RunStatus::Completed)
        return 0;
    std::fprintf(stderr, "run %lld %s: %s\n", static_cast<long long>(runId),
                 core::runStatusName(r.status), r.message.c_str());
    if (r.status == core::RunStatus::Cancelled)
        std::fprintf(stderr, "continue it with: workbench-cli resume --session %s --run %lld\n",
                     session.path().c_str(), static_cast<long long>(runId));
    return 1;
}

} // namespace

int runTrain(const TrainOptions &o)
{
    core::validate(o.config);
    core::validate(o.data);
    cli::checkModelChoice(o); // before the data loads

    const core::DatasetPair data = loadData(o.data, o.json);
    const auto [spec, modelName] = cli::chooseModel(o, data); // a bad model leaves no session
    core::DataConfig dataConfig = o.data;
    // Limits beyond the data are refused before anything is written: no run is left behind.
    const std::size_t trainImages = core::selectData(data, dataConfig).train.size();
    core::Session session(o.session, core::Session::Mode::Create);
    const auto runId = core::createRecordedRun(session, data, o.data.dataset, modelName, spec,
                                               o.config, dataConfig, o.name);
    std::fprintf(stderr, "run %lld: training %s on %s (%zu of %zu train images)\n",
                 static_cast<long long>(runId), modelName.c_str(), data.source.c_str(), trainImages,
                 data.train.size());
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    const core::TrainResult result = core::trainRecordedRun(session, runId, data, progress);
    progress.finish();
    return reportTraining(session, runId, result, o.json);
}

int runLrFind(const LrFindOptions &o)
{
    core::validate(o.train.config);
    core::validate(o.train.data);
    cli::checkModelChoice(o.train);
    const core::DatasetPair data = loadData(o.train.data, o.train.json);
    const auto [spec, modelName] = cli::chooseModel(o.train, data);
    core::Session session(o.train.session, core::Session::Mode::Create);
    const core::DataSelection sel = core::selectData(data, o.train.data);
    core::TrainData td;
    td.train = &data.train;
    td.trainIndices = sel.train;
    core::LrFindOptions options;
    options.lrMin = o.lrMin;
    options.lrMax = o.lrMax;
    options.batches = o.batches;
    options.repeats = o.repeats;
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    const core::LrFindResult result = core::findLearningRate(spec, o.train.config, td, options, progress);
    progress.finish();
    json out = json::parse(core::toJson(result));
    core::ResultRecord record;
    record.kind = "lr-find";
    record.name = modelName + " "
                  + o.train.config.optimizer + " lr-find";
    json stored = out;
    stored["model"] = modelName;
    stored["dataset"] = o.train.data.dataset;
    stored["train_config"] = json::parse(core::toJson(o.train.config));
    record.payloadJson = stored.dump();
    out["result_id"] = session.addResult(record);
    if (o.train.json) {
        std::cout << out.dump() << std::endl;
        return 0;
    }
    const auto &s = result.suggestions;
    std::printf("LR range test: %zu of %d batches, %s\n", result.lr.size(), result.plannedBatches,
                result.stoppedEarly ? "stopped early (the loss diverged)" : "completed");
    std::printf("%14s %12s %12s\n", "lr", "loss", "smoothed");
    const std::size_t every = std::max<std::size_t>(1, result.lr.size() / 25);
    for (std::size_t i = 0; i < result.lr.size(); i += every)
        std::printf("%14.4g %12s %12s\n", result.lr[i], fmt(result.loss[i]).c_str(), fmt(result.smoothed[i]).c_str());
    std::printf("suggestions: min_loss_half %.4g, steepest %.4g, valley %.4g\n", s.minLossHalf, s.steepest, s.valley);
    return 0;
}

int runResume(const std::string &sessionPath, std::int64_t runId, bool asJson)
{
    core::Session session(sessionPath, core::Session::Mode::ReadWrite);
    const core::RunRecord run = session.run(runId);
    const core::DatasetPair data = loadRunData(session, run, asJson);
    std::fprintf(stderr, "run %lld: resuming after epoch %d\n", static_cast<long long>(runId),
                 run.epochsDone);
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    const core::TrainResult result = core::trainRecordedRun(session, runId, data, progress, true);
    progress.finish();
    return reportTraining(session, runId, result, asJson);
}

int runRuns(const std::string &sessionPath, bool asJson)
{
    const core::Session session(sessionPath, core::Session::Mode::ReadOnly);
    const auto runs = session.runs();
    if (asJson) {
        json out = json::array();
        for (const auto &r : runs)
            out.push_back(toJson(r));
        std::cout << json{{"runs", out}}.dump() << std::endl;
        return 0;
    }
    std::printf("%4s  %-10s %-28s %6s %9s %9s %8s  %s\n", "id", "status", "name", "epochs",
                "test_acc", "test_loss", "seconds", "device");
    for (const auto &r : runs)
        std::printf("%4lld  %-10s %-28s %6d %9s %9s %8s  %s\n", static_cast<long long>(r.id),
                    core::runStatusName(r.status), printable(r.name).substr(0, 28).c_str(), r.epochsDone,
                    fmt(r.testAccuracy).c_str(), fmt(r.testLoss).c_str(),
                    fmt(r.trainSeconds, 1).c_str(), r.device.c_str());
    if (runs.empty())
        std::printf("(no runs in %s)\n", sessionPath.c_str());
    return 0;
}

int runShow(const std::string &sessionPath, std::int64_t runId, bool asJson)
{
    const core::Session session(sessionPath, core::Session::Mode::ReadOnly);
    const core::RunRecord run = session.run(runId);
    const core::History history = session.history(runId);
    const core::ArchitectureRecord arch = session.architecture(run.architectureId);
    const core::DatasetRecord ds = session.dataset(run.datasetId);
    if (asJson) {
        // A damaged record is named, not reported in the JSON library's words.
        auto stored = [&](const std::string &text, const char *what) {
            try {
                return json::parse(text);
            } catch (const json::exception &) {
                throw core::Error(core::ErrorCode::Session, sessionPath + ": run " + std::to_string(runId) + "'s stored "
                                                                + what + " is damaged (not valid JSON)");
            }
        };
        json out = toJson(run);
        out["config"] = stored(run.configJson, "training config");
        out["data"] = stored(run.dataJson, "data config");
        out["architecture"] = {{"id", arch.id}, {"name", arch.name},
                               {"spec", stored(arch.specJson, "architecture")}};
        out["dataset"] = {{"id", ds.id}, {"name", ds.name}, {"path", ds.path},
                          {"fingerprint", ds.fingerprint}, {"classes", ds.classNames}};
        out["history"] = toJson(history);
        std::cout << out.dump() << std::endl;
        return 0;
    }
    std::printf("run %lld \"%s\": %s on %s, %lld parameters\n", static_cast<long long>(run.id),
                printable(run.name).c_str(), core::runStatusName(run.status), run.device.c_str(),
                static_cast<long long>(run.parameters));
    if (!run.message.empty())
        std::printf("message: %s\n", printable(run.message).c_str());
    std::printf("dataset: %s (%s)\narchitecture: %s\nconfig: %s\ndata: %s\n", printable(ds.name).c_str(),
                ds.path.c_str(), arch.name.c_str(), run.configJson.c_str(), run.dataJson.c_str());
    printHistory(history);
    std::printf("%zu batch records\n", history.batches.size());
    if (std::isfinite(run.testAccuracy))
        std::printf("test: accuracy %s, loss %s\n", fmt(run.testAccuracy).c_str(),
                    fmt(run.testLoss).c_str());
    return 0;
}

int runModel(const ModelOptions &o)
{
    core::ModelSpec spec;
    if (o.model.empty() && o.modelFile.empty())
        throw core::Error(core::ErrorCode::InvalidArgument, "give --model PRESET_OR_SPEC or --model-file net.pt");
    if (!o.modelFile.empty()) {
        int c = 0, h = 0, w = 0;
        char tail = 0;
        if (std::sscanf(o.input.c_str(), "%d,%d,%d%c", &c, &h, &w, &tail) != 3 || c < 1 || h < 1 || w < 1)
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--input: expected C,H,W (three positive integers), got '" + o.input + "'");
        TrainOptions t;
        t.modelFile = o.modelFile;
        t.script = o.script;
        return cli::printScriptModel(cli::chooseModel(t, {c, h, w}, o.classes).spec, o.json);
    }
    if (isSpecFile(o.model)) {
        if (o.width > 0)
            throw core::Error(core::ErrorCode::InvalidArgument, "--width applies to presets only");
        spec = core::readModelSpec(o.model);
    } else {
        int c = 0, h = 0, w = 0;
        char tail = 0;
        if (std::sscanf(o.input.c_str(), "%d,%d,%d%c", &c, &h, &w, &tail) != 3 || c < 1 || h < 1
            || w < 1)
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--input: expected C,H,W (three positive integers), got '" + o.input
                                  + "'");
        spec = core::presetSpec(o.model, o.width, {c, h, w}, o.classes);
    }
    const core::ShapeReport report = core::inferShapes(spec);
    if (o.json) {
        json out = toJson(report);
        out["spec"] = json::parse(core::toJson(spec));
        std::cout << out.dump() << std::endl;
        return 0;
    }
    std::printf("input [%d,%d,%d], %d classes\n", spec.input[0], spec.input[1], spec.input[2],
                spec.classes);
    std::printf("%3s  %-28s %-16s %12s %14s %14s\n", "#", "layer", "output", "parameters", "MACs/image",
                "FLOPs/image");
    for (std::size_t i = 0; i < report.layers.size(); ++i) {
        const auto &l = report.layers[i];
        std::string shape = "[";
        for (std::size_t k = 0; k < l.output.size(); ++k)
            shape += (k ? "," : "") + std::to_string(l.output[k]);
        shape += "]";
        std::printf("%3zu  %-28s %-16s %12lld %14lld %14lld\n", i + 1, l.summary.c_str(), shape.c_str(),
                    static_cast<long long>(l.parameters), static_cast<long long>(l.macs),
                    static_cast<long long>(l.flops));
    }
    std::printf("total parameters: %lld; forward multiply-accumulates per image: %lld; forward FLOPs per image "
                "(with the input normalisation): %lld; features (input of the last linear layer): %lld\n",
                static_cast<long long>(report.totalParameters),
                static_cast<long long>(report.totalMacs),
                static_cast<long long>(report.totalFlops),
                static_cast<long long>(report.featureDim));
    return 0;
}

} // namespace wb::app
