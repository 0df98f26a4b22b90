#pragma once

#include "commands.h"
#include "studycommands.h"
#include "wb/activestudy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli active run`.
struct ActiveRunOptions
{
    TrainOptions train;          ///< data, model and training flags (as for `train`; epochs unused)
    core::ActiveConfig active;   ///< the protocol
    std::vector<double> levels;  ///< accuracy levels of "labels needed" (empty: 0.90 … 1.00)
    bool slurm = false;          ///< create the study and submit it as a Slurm job array
    StudyOptions submit;         ///< --slurm: partition, time, cells per task, ...
};
int runActiveRun(const ActiveRunOptions &options);

/// Options of `workbench-cli active show`.
struct ActiveShowOptions
{
    std::string session;
    std::int64_t study = 0;
    std::vector<double> levels;
    bool json = false;
};
int runActiveShow(const ActiveShowOptions &options);

/// Prints a stored active-learning study (tables, or the JSON of activeResultJson) at the
/// accuracy `levels` (sorted, each once; empty: 0.90 … 1.00); 0 when it is complete, else 1.
int reportActiveStudy(const core::Session &session, std::int64_t id, std::vector<double> levels, bool json);

} // namespace wb::app
