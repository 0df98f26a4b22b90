#pragma once

#include "commands.h"
#include "studycommands.h"
#include "wb/session.h"
#include "wb/sufficiency.h"

#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli sufficiency run`.
struct SufficiencyRunOptions
{
    TrainOptions train;               ///< data, model and training flags (as for `train`)
    core::SufficiencyConfig study;
    std::vector<double> targets = {0.9, 0.95, 0.99};
    std::vector<double> project;      ///< sizes for the projection table (default 1×, 2×, 4× L)
    std::string family = "calibrated"; ///< curve family choice (curveChoices())
    bool slurm = false;               ///< create the study and submit it as a Slurm job array
    StudyOptions submit;              ///< --slurm: partition, time, cells per task, ...
};

/// Options of `workbench-cli sufficiency fit`.
struct SufficiencyFitOptions
{
    std::vector<double> steps, values, project, targets;
    std::string valuesFile;          ///< CSV, one row of values per run (instead of values)
    std::string metric = "accuracy"; ///< accuracy (values are accuracies) | loss
    std::string family = "calibrated"; ///< curve family choice (curveChoices())
    std::string calibration;         ///< a band calibration file (JSON) instead of the built-in one
    std::string batch;               ///< JSON lines of fits, one JSON result line each (see --batch)
    std::vector<std::vector<double>> runs; ///< rows of values per run given inline (batch lines)
    int resamples = 300;             ///< bootstrap draws (with a values file)
    std::uint64_t seed = 1;          ///< bootstrap seed
    bool json = false;
};

/// How a stored sufficiency study is reported (sufficiency run, study resume, study show).
struct SufficiencyReportOptions
{
    std::vector<double> targets = {0.9, 0.95, 0.99};
    std::vector<double> project;
    std::string family = "calibrated";
    bool json = false;
};

int runSufficiency(const SufficiencyRunOptions &options);
/// Analyses stored study `id` from its finished cells and prints it (text or one JSON
/// object); 0 when the study is complete and could be fitted, else 1.
int reportSufficiencyStudy(const core::Session &session, std::int64_t id, const SufficiencyReportOptions &options);
int runSufficiencyFit(const SufficiencyFitOptions &options);

} // namespace wb::app
