#pragma once

#include "cliopts.h"
#include "commands.h"
#include "studycommands.h"
#include "wb/variancestudy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli repeat run` and `compare`.
struct VarianceRunOptions
{
    TrainOptions train;            ///< data, model and training flags (the setups' common base)
    core::VarianceConfig variance; ///< repeats, β, validation images per class
    std::string setupA, setupB;    ///< compare: JSON files of flags overriding the base (A may be empty)
    std::string metric = "accuracy"; ///< the compared metric
    double detect = 0;             ///< difference whose repeats are counted (0: the observed one)
    bool slurm = false;
    StudyOptions submit;
};
int runRepeatRun(const VarianceRunOptions &options);
int runCompare(const VarianceRunOptions &options);

/// Options of `workbench-cli repeat show`.
struct VarianceShowOptions
{
    std::string session;
    std::int64_t study = 0;
    std::string metric = "accuracy";
    double detect = 0;
    bool json = false;
};
int runVarianceShow(const VarianceShowOptions &options);

/// Prints a stored variance study (tables and the verdict, or the JSON of varianceResultJson);
/// 0 when it is complete, else 1.
int reportVarianceStudy(const core::Session &session, std::int64_t id, const std::string &metric, double detect,
                        bool json);

/// The training options of a setup file over `base`: a JSON object keyed by the long flag names
/// of `train` ("lr", "batch-size", "batch_size" alike; "name" names the setup), or the output
/// of `show --run ID --json` (its config and network). Throws InvalidArgument naming the file
/// and the key.
struct SetupOverride
{
    TrainOptions options;          ///< base with the file's flags applied
    std::string name;              ///< the file's "name", if any
    std::string specJson;          ///< a run's network (show --run output), else empty
    std::string model;             ///< "run 12 (name)" for a run's network
};
SetupOverride readSetupFile(const std::string &path, const TrainOptions &base);

/// repeat run | show, compare
std::vector<cli::Command> addVarianceCommands(CLI::App &app);

} // namespace wb::app
