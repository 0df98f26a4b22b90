#pragma once

#include "wb/dataconfig.h"
#include "wb/dataset.h"
#include "wb/modelspec.h"
#include "wb/session.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <string>

namespace wb::app {

/// Options of `workbench-cli train`.
struct TrainOptions
{
    core::DataConfig data;
    core::TrainConfig config;
    std::string model = "lenet5"; ///< preset name or path to a JSON spec
    int width = 0;
    std::string modelFile;        ///< a TorchScript file (--model-file), instead of --model
    core::ScriptModel script;     ///< --init --freeze --train-only --new-head --input-norm
    std::string session;
    std::string name;
    bool json = false;
};

/// Options of `workbench-cli model`.
struct ModelOptions
{
    std::string model;
    int width = 0;
    std::string modelFile;        ///< a TorchScript file instead of --model
    core::ScriptModel script;
    std::string input = "1,28,28";
    int classes = 10;
    bool json = false;
};

/// Options of `workbench-cli lr-find`.
struct LrFindOptions
{
    TrainOptions train;       ///< data, model and training flags (lr is ignored)
    double lrMin = 1e-5, lrMax = 0.1;
    int batches = 0, repeats = 1;
};

// Each command returns the process exit code; core errors propagate as core::Error.
/// Whether --model names a JSON spec file rather than a preset.
bool isSpecFile(const std::string &model);
/// Loads a dataset as `train` does (progress and skipped files on stderr unless `quiet`).
core::DatasetPair loadData(const core::DataConfig &config, bool quiet);
/// The data run `run` was trained on, as loadData loads it, with the session's active-learning
/// loop labels of a loop run appended.
core::DatasetPair loadRunData(const core::Session &session, const core::RunRecord &run, bool quiet);

int runTrain(const TrainOptions &options);
int runResume(const std::string &session, std::int64_t runId, bool json);
int runRuns(const std::string &session, bool json);
int runShow(const std::string &session, std::int64_t runId, bool json);
int runModel(const ModelOptions &options);
int runLrFind(const LrFindOptions &options);

} // namespace wb::app
