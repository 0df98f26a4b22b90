#pragma once

#include "commands.h"
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
};

/// Options of `workbench-cli sufficiency fit`.
struct SufficiencyFitOptions
{
    std::vector<double> steps, values, project, targets;
    std::string metric = "accuracy"; ///< accuracy (values are accuracies) | loss
    bool json = false;
};

int runSufficiency(const SufficiencyRunOptions &options);
int runSufficiencyFit(const SufficiencyFitOptions &options);

} // namespace wb::app
