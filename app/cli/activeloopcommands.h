#pragma once

// workbench-cli active pick | add | rounds: active learning on the user's own unlabelled pool.
#include "cliopts.h"
#include "commands.h"
#include "wb/poolpick.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli active pick`.
struct ActivePickOptions
{
    TrainOptions train;          ///< --model/--model-file and training flags: train on the labelled set first
    bool modelGiven = false;     ///< --model or --model-file was given
    bool dataGiven = false;      ///< --data was given
    std::int64_t run = 0;        ///< score with this trained run instead
    std::string pool;
    core::PoolPickOptions pick;
    bool strategyGiven = false;
    std::string output, copyTo;
    bool discardPending = false;
};
int runActivePick(const ActivePickOptions &options);

/// Options of `workbench-cli active add`.
struct ActiveAddOptions
{
    std::string session, labels;
    bool retrain = true;
    bool json = false;
};
int runActiveAdd(const ActiveAddOptions &options);

/// Options of `workbench-cli active rounds`.
struct ActiveRoundsOptions
{
    std::string session, output;
    bool json = false;
};
int runActiveRounds(const ActiveRoundsOptions &options);

/// Adds pick, add and rounds to `active`.
std::vector<cli::Command> addActiveLoopCommands(CLI::App &active);

} // namespace wb::app
