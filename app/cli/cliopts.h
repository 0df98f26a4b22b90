#pragma once

// The options shared by workbench-cli's commands (data, training, Slurm, seeds, threads) and
// the Command pair every command group returns to main.
#include "commands.h"
#include "studycommands.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace wb::app::cli {

/// A subcommand and what runs it once parsed (its options live in the closure).
struct Command
{
    CLI::App *cmd;
    std::function<int()> run;
};

/// --threads: 0 (automatic) up to this machine's cores; more is refused (exit 2).
CLI::Option *addThreadsOption(CLI::App &cmd, int &threads, const std::string &help);
/// A whole number from 0 to 2^64 - 1 (CLI11 alone wraps -1 and 2^64).
CLI::Validator seedCheck();
/// --data --val-fraction --no-stratify --train-limit --test-limit --limit-mode --image-size --image-channels
void addDataOptions(CLI::App &cmd, TrainOptions &o);
/// --model --width and every flag of the training config (as `train` takes them).
void addTrainingOptions(CLI::App &cmd, TrainOptions &o);
/// --partition --time --cpus-per-task --gres --cells-per-task --sbatch-arg --no-submit
void addSlurmOptions(CLI::App &cmd, StudyOptions &s);

} // namespace wb::app::cli
